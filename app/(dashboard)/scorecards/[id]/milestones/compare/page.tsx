import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getMilestonePair } from "@/lib/milestones/queries";
import { compareSnapshots } from "@/lib/milestones/snapshot";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { MilestoneComparison } from "@/components/milestones/milestone-comparison";

export const metadata: Metadata = { title: "Compare milestones" };
export const dynamic = "force-dynamic";

export default async function CompareMilestonesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string; all?: string }>;
}) {
  const user = await requirePagePermission("scorecard:read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!query.a || !query.b) notFound();
  const pair = await getMilestonePair(user, id, query.a, query.b);
  if (!pair) notFound();
  const rows = compareSnapshots(pair.a.snapshot, pair.b.snapshot);
  const back = `/scorecards/${id}/milestones`;
  return (
    <>
      <PageHeader
        title="Compare milestones"
        description={`${pair.b.snapshot.scorecard.title} · ${pair.b.snapshot.scorecard.cluster}`}
        actions={
          <Link href={back} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white">
            All milestones
          </Link>
        }
      />
      {query.a === query.b ? (
        <div className="mb-4">
          <Alert tone="amber">Both sides are the same milestone; pick two different ones to see changes.</Alert>
        </div>
      ) : null}
      <MilestoneComparison
        a={pair.a}
        b={pair.b}
        rows={rows}
        showAll={query.all === "1"}
        toggleHref={`/scorecards/${id}/milestones/compare?a=${query.a}&b=${query.b}${query.all === "1" ? "" : "&all=1"}`}
      />
    </>
  );
}
