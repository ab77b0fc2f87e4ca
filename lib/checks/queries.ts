/** Read side of continuous checks: the cluster page's list and form options, the scorecard items' check lines. */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/access/permissions";
import { ForbiddenError } from "@/lib/errors";
import { parseMatchers, QUERY_KEYS, QUERY_LIBRARY, renderQuery } from "@/lib/prometheus/rules";
import { describeCondition, type CheckOperator, type CheckSchedule } from "./rules";

/** Runs shown in a check's history (and its sparkline). */
const HISTORY = 24;

export type CheckRunView = {
  id: string;
  slotAt: string;
  trigger: string;
  status: string;
  message: string;
  minValue: number | null;
  maxValue: number | null;
  lastValue: number | null;
  points: number;
  attempts: number;
  finishedAt: string | null;
};

function assertRead(user: CurrentUser) {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
}

const runView = (r: {
  id: string;
  slotAt: Date;
  trigger: string;
  status: string;
  message: string;
  minValue: number | null;
  maxValue: number | null;
  lastValue: number | null;
  points: number;
  attempts: number;
  finishedAt: Date | null;
}): CheckRunView => ({ ...r, slotAt: r.slotAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null });

/** The cluster's checks with their recent runs, newest first, and what the add form offers. */
export async function getClusterChecks(user: CurrentUser, clusterId: string, now = new Date()) {
  assertRead(user);
  const db = await getDb();
  const [checks, source, items] = await Promise.all([
    db.metricCheck.findMany({
      where: { clusterId },
      orderBy: { name: "asc" },
      include: { runs: { orderBy: { slotAt: "desc" }, take: HISTORY } },
    }),
    db.clusterMetricsSource.findUnique({ where: { clusterId }, select: { matchers: true } }),
    // items that take metric evidence, of the newest version of every template in use
    // filtered below: the embedded database's driver cannot bind an enum array for hasSome
    db.templateItem.findMany({
      where: { template: { archivedAt: null } },
      select: { key: true, title: true, evidenceKinds: true, template: { select: { key: true, name: true, version: true } }, position: true },
      orderBy: [{ template: { name: "asc" } }, { position: "asc" }],
    }),
  ]);
  const newest = new Map<string, number>();
  for (const i of items) newest.set(i.template.key, Math.max(newest.get(i.template.key) ?? 0, i.template.version));
  const targets = items
    .filter((i) => newest.get(i.template.key) === i.template.version && i.evidenceKinds.some((k) => k === "metric_export" || k === "metric_check"))
    .map((i) => ({ value: `${i.template.key}/${i.key}`, label: i.title, template: i.template.name }));
  const titleOf = new Map(targets.map((t) => [t.value, `${t.template} → ${t.label}`]));
  const matchers = source ? parseMatchers(source.matchers) : null;
  return {
    hasMetricsSource: source !== null,
    targets,
    queries: QUERY_KEYS.map((key) => ({ key, label: QUERY_LIBRARY[key].label })),
    checks: checks.map((c) => ({
      id: c.id,
      name: c.name,
      queryKey: c.queryKey,
      promql: c.promql,
      queryText: matchers?.ok ? renderQuery(c.promql, matchers.matchers) : c.promql,
      condition: describeCondition(c.operator as CheckOperator, c.threshold, c.lookbackSec),
      schedule: c.schedule as CheckSchedule,
      target: titleOf.get(`${c.templateKey}/${c.itemKey}`) ?? `${c.templateKey} → ${c.itemKey}`,
      nextRunAt: c.nextRunAt.toISOString(),
      /** the runner picks it up at its next tick */
      nextRunDue: c.nextRunAt <= now,
      runs: c.runs.map(runView),
    })),
  };
}
export type ClusterChecks = Awaited<ReturnType<typeof getClusterChecks>>;

/**
 * For the scorecard page: each "templateKey/itemKey" with the checks that keep its evidence
 * and their latest finished run, so a failing check shows on its item.
 */
export async function getItemChecks(user: CurrentUser, clusterId: string, templateKey: string) {
  assertRead(user);
  const db = await getDb();
  const checks = await db.metricCheck.findMany({
    where: { clusterId, templateKey },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      itemKey: true,
      runs: { where: { finishedAt: { not: null } }, orderBy: { finishedAt: "desc" }, take: 1 },
    },
  });
  const byItem = new Map<string, { id: string; name: string; last: CheckRunView | null }[]>();
  for (const c of checks) {
    const list = byItem.get(c.itemKey) ?? [];
    list.push({ id: c.id, name: c.name, last: c.runs[0] ? runView(c.runs[0]) : null });
    byItem.set(c.itemKey, list);
  }
  return byItem;
}
