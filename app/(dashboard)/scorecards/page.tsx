import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { listPendingExemptions } from "@/lib/exemptions/queries";
import { listScorecards } from "@/lib/scorecards/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { PendingExemptions } from "@/components/scorecards/pending-exemptions";
import { ScorecardsTable } from "@/components/scorecards/scorecards-table";

export const metadata: Metadata = { title: "Scorecards" };
export const dynamic = "force-dynamic";

export default async function ScorecardsPage() {
  const user = await requirePagePermission("scorecard:read");
  const [rows, pending] = await Promise.all([listScorecards(user), listPendingExemptions(user)]);
  return (
    <>
      <PageHeader title="Scorecards" description="Every readiness evaluation, with its outcome as of its last change. Open one to see the outcome computed now." />
      <PendingExemptions rows={pending} />
      {rows.length === 0 ? (
        <EmptyState
          title="No scorecards yet"
          description={
            <>
              A scorecard evaluates one cluster against a template. Open a cluster from the{" "}
              <Link href="/clusters" className="font-medium text-brand-700 hover:underline">
                clusters list
              </Link>{" "}
              and start one from its Scorecards section.
            </>
          }
        />
      ) : (
        <ScorecardsTable rows={rows} />
      )}
    </>
  );
}
