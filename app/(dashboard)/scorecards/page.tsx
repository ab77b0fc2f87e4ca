import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { listPendingExemptions } from "@/lib/exemptions/queries";
import { countArchivedScorecards, listScorecards } from "@/lib/scorecards/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PendingExemptions } from "@/components/scorecards/pending-exemptions";
import { ScorecardsTable } from "@/components/scorecards/scorecards-table";

export const metadata: Metadata = { title: "Scorecards" };
export const dynamic = "force-dynamic";

export default async function ScorecardsPage({ searchParams }: { searchParams: Promise<{ archived?: string; cluster?: string }> }) {
  const user = await requirePagePermission("scorecard:read");
  const query = await searchParams;
  const showArchived = query.archived === "1";
  const clusterId = typeof query.cluster === "string" && query.cluster ? query.cluster : undefined;
  const [rows, pending, archivedCount] = await Promise.all([
    listScorecards(user, { archived: showArchived, clusterId }),
    showArchived ? [] : listPendingExemptions(user),
    showArchived ? 0 : countArchivedScorecards(user),
  ]);
  return (
    <>
      <PageHeader
        title={showArchived ? "Archived scorecards" : "Scorecards"}
        description={
          showArchived
            ? "Kept for history and reports; none of them counts towards a cluster's readiness. Open one to restore it."
            : "Every readiness evaluation, with its outcome as of its last change. Open one to see the outcome computed now."
        }
        actions={
          showArchived ? (
            <Link href="/scorecards" className="text-sm font-medium text-brand-700 hover:underline">
              Back to scorecards in service
            </Link>
          ) : archivedCount > 0 ? (
            <Link href="/scorecards?archived=1" className="text-sm font-medium text-brand-700 hover:underline">
              Archived ({archivedCount})
            </Link>
          ) : null
        }
      />
      <PendingExemptions rows={pending} />
      {showArchived && rows.length === 0 ? (
        <EmptyState
          title="Nothing archived"
          description="Archive a scorecard from its page when it no longer describes the cluster; it stays here for history."
        />
      ) : rows.length === 0 ? (
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
