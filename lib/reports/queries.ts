/** Loads what a readiness report shows and assembles it (./build.ts). Authorized per user. */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { getDrillChart } from "@/lib/drills/chart-queries";
import { loadRuleDrills } from "@/lib/readiness/evaluate";
import { buildScorecardView, scorecardPageSelect } from "@/lib/scorecards/page-view";
import { isStale } from "@/lib/readiness/rules";
import { buildReadinessReport, type ReportDrillRow } from "./build";
import type { ReadinessReport } from "./schema";
import { measurementSelect } from "@/lib/drills/queries";
import { clusterFactsSelect } from "@/lib/clusters/queries";
import { scorecardContent, type ContentRow } from "@/lib/readiness/content-hash";

/** Points per plotted series: plenty for a printed chart a few inches wide. */
export const REPORT_CHART_POINTS = 400;
/** Drills of the cluster shown besides the ones cited as evidence (newest inside the freshness window). */
export const REPORT_EXTRA_DRILLS = 5;

const drillSelect = {
  id: true,
  title: true,
  scenario: true,
  startedAt: true,
  endedAt: true,
  trafficProfile: true,
  realisticTraffic: true,
  rollbackNamedBefore: true,
  rollbackPoint: true,
  rollbackOwner: true,
  owner: true,
  coordinator: true,
  observers: true,
  hypothesis: true,
  observations: true,
  conclusion: true,
  ...measurementSelect,
  timeline: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, layer: true, marker: true, label: true } },
  answers: { select: { question: true, answer: true, rationale: true, evidence: true, answeredAt: true, answeredBy: { select: { name: true } } } },
  followUps: { orderBy: [{ done: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }], select: { action: true, owner: true, dueDate: true, done: true } },
} satisfies Prisma.DrillSelect;

const clusterSelect = { id: true, name: true, ...clusterFactsSelect } as const;

/**
 * The readiness report of a scorecard as of `now`, or null when the scorecard does not
 * exist. Drills: every drill an item cites as evidence, plus the cluster's newest drills
 * inside the freshness window (the ones the outcome rule looks at), newest first.
 */
export async function getReadinessReport(user: CurrentUser, scorecardId: string, now = new Date()): Promise<ReadinessReport | null> {
  if (!can(user.role, "report:read")) throw new ForbiddenError();
  const db = await getDb();
  const row = await db.scorecard.findUnique({ where: { id: scorecardId }, select: scorecardPageSelect });
  if (!row) return null;
  const [ruleDrills, cluster, slots, approvals] = await Promise.all([
    loadRuleDrills(db, row.clusterId),
    db.cluster.findUniqueOrThrow({ where: { id: row.clusterId }, select: clusterSelect }),
    db.reviewSlot.findMany({
      where: { scorecardId },
      orderBy: { role: "asc" },
      select: { id: true, role: true, required: true, signers: { select: { user: { select: { name: true } } } } },
    }),
    db.approval.findMany({
      where: { scorecardId },
      orderBy: { createdAt: "asc" },
      select: {
        slotId: true,
        signer: { select: { name: true } },
        decision: true,
        comment: true,
        scorecardVersion: true,
        contentHash: true,
        createdAt: true,
        invalidatedAt: true,
        invalidReason: true,
        conditions: { orderBy: { dueDate: "asc" }, select: { what: true, owner: true, dueDate: true, metAt: true } },
      },
    }),
  ]);
  const page = buildScorecardView(row, ruleDrills, now);

  const cited = new Set(row.items.flatMap((i) => i.evidence.map((e) => e.drillId).filter((id): id is string => !!id)));
  const recent = ruleDrills.filter((d) => !cited.has(d.id) && !isStale(d.startedAt, row.cluster.freshnessDays, now)).slice(0, REPORT_EXTRA_DRILLS);
  const ids = [...cited, ...recent.map((d) => d.id)];
  const drillRows: ReportDrillRow[] = ids.length
    ? await db.drill.findMany({ where: { id: { in: ids } }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], select: drillSelect })
    : [];
  const drills = await Promise.all(drillRows.map(async (d) => ({ row: d, chart: await getDrillChart(user, d.id, REPORT_CHART_POINTS) })));

  // the scorecard's rows are what the one content hash reads (reviews and milestones hash the same)
  const content = scorecardContent(row as ContentRow);
  return buildReadinessReport({ page, cluster, drills, review: { slots, approvals }, generatedBy: user.name, now, content });
}
