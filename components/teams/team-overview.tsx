import Link from "next/link";
import type { TeamOverview } from "@/lib/teams/overview";
import { TEAM_PAGE_CLUSTERS } from "@/lib/teams/overview";
import { TEAM_ROLE_LABELS } from "@/lib/teams/rules";
import { DEFAULT_QUERY, toQueryString } from "@/lib/portfolio/schema";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { EnvironmentBadge } from "@/components/clusters/environment-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TableBody, TableEmptyRow, TableHead, Td, Th } from "@/components/ui/table";

/** The clusters a team owns with their readiness; more than the page holds go to the portfolio. */
export function TeamClusterTable({ team }: { team: TeamOverview }) {
  const more = team.summary.total - team.clusters.length;
  return (
    <>
      <div className="overflow-x-auto">
        <Table aria-label={`Clusters of ${team.name}`}>
          <TableHead>
            <Th>Cluster</Th>
            <Th>Environment</Th>
            <Th>Outcome</Th>
            <Th className="text-right">Score</Th>
          </TableHead>
          <TableBody>
            {team.clusters.length === 0 ? <TableEmptyRow colSpan={4}>No cluster names this team as its owner yet.</TableEmptyRow> : null}
            {team.clusters.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link href={`/clusters/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  {c.regressedAt ? (
                    <span className="ml-2">
                      <Badge tone="red">Regressed</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td>
                  <EnvironmentBadge environment={c.environment} />
                </Td>
                <Td>
                  <OutcomeBadge outcome={c.outcome} />
                </Td>
                <Td className="text-right tabular-nums">{c.score ?? "—"}</Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </div>
      {more > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          The first {TEAM_PAGE_CLUSTERS} by name.{" "}
          <Link href={`/${toQueryString(DEFAULT_QUERY, { team: team.name })}`} className="font-medium text-brand-700 hover:underline">
            All {team.summary.total} in the portfolio
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** Who is in the team, maintainers first. */
export function TeamMemberList({ team }: { team: TeamOverview }) {
  if (team.members.length === 0) return <p className="text-sm text-slate-600">Nobody is in this team yet. An admin adds members in Admin → Teams.</p>;
  const ordered = [...team.members].sort((a, b) => (a.role === b.role ? 0 : a.role === "maintainer" ? -1 : 1));
  return (
    <ul className="space-y-1 text-sm">
      {ordered.map((m) => (
        <li key={m.userId} className="flex items-center justify-between gap-2">
          <span className="truncate">{m.name}</span>
          <span className="text-xs text-slate-600">{TEAM_ROLE_LABELS[m.role]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The team's scorecards waiting for sign-off. */
export function TeamOpenReviews({ team }: { team: TeamOverview }) {
  if (team.openReviews.length === 0) return <p className="text-sm text-slate-600">No scorecard of this team is in review.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {team.openReviews.map((r) => (
        <li key={r.scorecardId}>
          <Link href={`/scorecards/${r.scorecardId}`} className="font-medium text-brand-700 hover:underline">
            {r.title}
          </Link>
          <span className="block text-xs text-slate-600">
            {r.clusterName} · in review since <DateTime value={r.since} format="day" />
          </span>
        </li>
      ))}
    </ul>
  );
}
