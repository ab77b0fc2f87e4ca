import Link from "next/link";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { listClusterHistory } from "@/lib/milestones/queries";
import { countArchivedScorecards, listAssignableUsers, listClusterScorecards } from "@/lib/scorecards/queries";
import { listStartableTemplates } from "@/lib/templates/queries";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { NewScorecardForm } from "./new-scorecard-form";
import { ScoreHistoryChart } from "./score-history-chart";

/** The cluster page's scorecards: each with its outcome computed now, a start form, and score over time. */
export async function ClusterScorecards({ user, clusterId }: { user: CurrentUser; clusterId: string }) {
  const canWrite = can(user.role, "scorecard:write");
  const [rows, archived, history, templates, owners] = await Promise.all([
    listClusterScorecards(user, clusterId),
    countArchivedScorecards(user, clusterId),
    listClusterHistory(user, clusterId),
    canWrite ? listStartableTemplates(user) : [],
    canWrite ? listAssignableUsers(user) : [],
  ]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="mt-6 grid gap-6 *:min-w-0 lg:grid-cols-3">
      <Card title="Scorecards" className="lg:col-span-2">
        {rows.length ? (
          <ul className="-mx-5 -mt-4 mb-4 divide-y divide-slate-100" data-testid="cluster-scorecards">
            {rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <Link href={`/scorecards/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                  {r.isCurrent ? (
                    <span className="ml-2 align-middle" title="The scorecard that counts for this cluster's readiness on its template">
                      <Badge tone="blue">Current</Badge>
                    </span>
                  ) : null}
                  <p className="text-xs text-slate-500">
                    {r.templateName} v{r.templateVersion} · {r.assessed}/{r.total} assessed{r.ownerName ? ` · ${r.ownerName}` : ""}
                    {r.dueDate ? ` · due ${r.dueDate}` : ""}
                  </p>
                </div>
                <OutcomeBadge outcome={r.outcome} />
                <span className="w-14 text-right text-sm font-semibold tabular-nums text-slate-900">{r.score}%</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-600">No scorecard yet. Start one from a template to see what keeps this cluster from being ready.</p>
        )}
        {archived > 0 ? (
          <p className="mb-4 text-xs text-slate-500">
            <Link href={`/scorecards?archived=1&cluster=${clusterId}`} className="font-medium text-brand-700 hover:underline">
              {archived === 1 ? "1 archived scorecard" : `${archived} archived scorecards`}
            </Link>{" "}
            kept for history; archived scorecards never count towards readiness.
          </p>
        ) : null}
        {canWrite ? <NewScorecardForm clusterId={clusterId} templates={templates} owners={owners} me={user.id} today={today} /> : null}
      </Card>
      <Card title="Score over time">
        {history.length ? (
          <ScoreHistoryChart points={history} />
        ) : (
          <p className="text-sm text-slate-600">Take a milestone on a scorecard to start its history; each milestone becomes a point here.</p>
        )}
      </Card>
    </div>
  );
}
