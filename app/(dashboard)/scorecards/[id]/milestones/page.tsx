import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listMilestones } from "@/lib/milestones/queries";
import { getScorecardPage } from "@/lib/scorecards/queries";
import { Alert } from "@/components/ui/alert";
import { CompareMilestonesCard } from "@/components/milestones/compare-milestones-card";
import { MilestoneHistory } from "@/components/milestones/milestone-history";
import { TakeMilestoneCard } from "@/components/milestones/take-milestone-card";
import { ScorecardHeader } from "@/components/scorecards/scorecard-header";

export const metadata: Metadata = { title: "Milestones" };
export const dynamic = "force-dynamic";

export default async function MilestonesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ taken?: string }> }) {
  const user = await requirePagePermission("scorecard:read");
  const [{ id }, { taken }] = await Promise.all([params, searchParams]);
  const page = await getScorecardPage(user, id);
  if (!page) notFound();
  const milestones = await listMilestones(user, id);
  return (
    <>
      <ScorecardHeader
        page={page}
        actions={
          <Link href={`/scorecards/${id}`} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white">
            Back to the scorecard
          </Link>
        }
      />
      {taken ? (
        <div className="mb-4">
          <Alert tone="green">Milestone taken. It keeps the items, evidence list, outcome and score as they were; it never changes.</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {can(user.role, "scorecard:write") ? <TakeMilestoneCard scorecard={page} taken={milestones.length} /> : null}
          <MilestoneHistory milestones={milestones} highlightId={taken} />
        </div>
        <CompareMilestonesCard scorecardId={id} milestones={milestones} />
      </div>
    </>
  );
}
