import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { listMilestones } from "@/lib/milestones/queries";
import { getScorecardPage } from "@/lib/scorecards/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { TakeMilestoneForm } from "@/components/milestones/take-milestone-form";
import { ScorecardHeader } from "@/components/scorecards/scorecard-header";
import { formatDateTime } from "@/components/scorecards/status-meta";

export const metadata: Metadata = { title: "Milestones" };
export const dynamic = "force-dynamic";

export default async function MilestonesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ taken?: string }> }) {
  const user = await requirePagePermission("scorecard:read");
  const [{ id }, { taken }] = await Promise.all([params, searchParams]);
  const page = await getScorecardPage(user, id);
  if (!page) notFound();
  const milestones = await listMilestones(user, id);
  const canWrite = can(user.role, "scorecard:write");
  const select = "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";
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
          {canWrite ? (
            <Card title="Take a milestone">
              <p className="mb-3 text-sm text-slate-600">
                Now: <strong>{OUTCOME_LABELS[page.outcome.outcome]}</strong>, score {page.outcome.score}%, content version {page.version}.
              </p>
              <TakeMilestoneForm scorecardId={id} suggestion={`Checkpoint ${milestones.length + 1}`} />
            </Card>
          ) : null}
          {milestones.length === 0 ? (
            <EmptyState
              title="No milestones yet"
              description="A milestone is a named, immutable snapshot of this scorecard. Take one before a review or after a drill, then compare two to see what changed."
            />
          ) : (
            <Card title={`Milestones (${milestones.length})`}>
              <div className="relative -mx-5 -my-4 overflow-x-auto">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-5 py-2.5">
                        Name
                      </th>
                      <th scope="col" className="px-3 py-2.5">
                        Outcome
                      </th>
                      <th scope="col" className="px-3 py-2.5">
                        Score
                      </th>
                      <th scope="col" className="px-3 py-2.5">
                        Version
                      </th>
                      <th scope="col" className="px-3 py-2.5">
                        Taken
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {milestones.map((m) => (
                      <tr key={m.id} className={m.id === taken ? "bg-emerald-50/60" : undefined}>
                        <td className="px-5 py-2.5">
                          <p className="font-medium text-slate-900">{m.name}</p>
                          <p className="font-mono text-xs text-slate-500" title={`Content hash ${m.contentHash}`}>
                            {m.reason === "sign_off" ? "At sign-off · " : ""}#{m.contentHash.slice(0, 10)}
                          </p>
                        </td>
                        <td className="px-3 py-2.5">
                          <OutcomeBadge outcome={m.outcome} />
                        </td>
                        <td className="px-3 py-2.5 tabular-nums">{m.score}%</td>
                        <td className="px-3 py-2.5 tabular-nums">{m.scorecardVersion}</td>
                        <td className="px-3 py-2.5 text-xs text-slate-600">
                          {formatDateTime(m.createdAt)}
                          <br />
                          {m.createdBy ?? ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          )}
        </div>
        <Card title="Compare two milestones">
          {milestones.length < 2 ? (
            <p className="text-sm text-slate-600">Take at least two milestones to compare them side by side.</p>
          ) : (
            <form action={`/scorecards/${id}/milestones/compare`} method="get" className="space-y-3">
              <div>
                <label htmlFor="compare-a" className="block text-sm font-medium text-slate-700">
                  Before
                </label>
                <select id="compare-a" name="a" defaultValue={milestones[1].id} className={`mt-1 ${select}`}>
                  {milestones.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} · {m.createdAt.slice(0, 10)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="compare-b" className="block text-sm font-medium text-slate-700">
                  After
                </label>
                <select id="compare-b" name="b" defaultValue={milestones[0].id} className={`mt-1 ${select}`}>
                  {milestones.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} · {m.createdAt.slice(0, 10)}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit">Compare</Button>
            </form>
          )}
        </Card>
      </div>
    </>
  );
}
