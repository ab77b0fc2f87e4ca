import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { getSampleDataSummary } from "@/lib/demo/remove";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RemoveSampleDataButton } from "@/components/admin/remove-sample-data-button";

export const metadata: Metadata = { title: "Sample data" };
export const dynamic = "force-dynamic";

/** What the remove action reported (its redirect's query), as whole numbers or null. */
function removedCounts(query: Record<string, string | string[] | undefined>) {
  const n = (key: string) => {
    const v = Number(query[key]);
    return Number.isSafeInteger(v) && v >= 0 ? v : 0;
  };
  return query.removed === undefined ? null : { clusters: n("removed"), campaigns: n("campaigns"), people: n("people"), kept: n("kept") };
}

export default async function SampleDataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("user:manage");
  const summary = await getSampleDataSummary(user);
  const removed = removedCounts(await searchParams);
  return (
    <>
      <PageHeader title="Sample data" description="The demo portfolio shows what Drillbook does with made-up clusters, drills and reviews." />
      {removed ? (
        <div className="mb-4">
          <Alert tone="green">
            Removed {removed.clusters} sample clusters, {removed.campaigns} campaign and {removed.people} sample people.
            {removed.kept ? ` ${removed.kept} sample people were kept because your own scorecards or reviews name them.` : ""}
          </Alert>
        </div>
      ) : null}
      {summary.clusters === 0 ? (
        <EmptyState
          title="No sample data"
          description={
            <>
              This installation holds only your own data. To add the demo portfolio again, run <code className="font-mono">npm run db:seed -- --demo</code>.
            </>
          }
        />
      ) : (
        <Card title="Demo portfolio">
          <p className="text-sm text-slate-700">
            {summary.clusters} sample clusters, {summary.campaigns} sample campaign and {summary.people} sample people (who cannot sign in). They are marked
            “Sample” wherever they appear.
          </p>
          <div className="mt-4">
            <RemoveSampleDataButton clusters={summary.clusters} />
          </div>
        </Card>
      )}
    </>
  );
}
