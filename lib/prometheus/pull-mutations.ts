/**
 * "Pull metrics from Prometheus" on a drill: run the cluster's query library over the drill
 * window, store the series as imports that keep query, data source, window and step, compute
 * the measurements from the fault marker, and propose answers for matrix questions 1 and 2.
 *
 * Partial failure: all or nothing. Every query runs first, outside the transaction; if any
 * required query failed, nothing is written (the previous pull stays as it was) and the error
 * names each failed query and its cause. An optional query that matched no series is skipped
 * and reported. Why: measurements and proposals from half the evidence would look complete.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { DomainError, NotFoundError } from "@/lib/errors";
import { connectionFor, metricsSourceView } from "@/lib/prometheus/datasource-queries";
import { computeMeasurements, SETTLE_SECONDS, type Computed } from "@/lib/prometheus/compute";
import { proposeClientImpact, proposeStorageWork, type ModelExpectation, type Proposal } from "@/lib/prometheus/proposals";
import { runQueries, type QueryOutcome } from "@/lib/prometheus/run-queries";
import { chooseStep, pullWindow, QUERY_LIBRARY, type QueryKey } from "@/lib/prometheus/rules";
import { estimateForArchitecture, estimateRecovery } from "@/lib/recovery-model/rules";
import { assertDrillWrite, lockDrill } from "@/lib/drills/access";
import { storeMetricSeries } from "@/lib/drills/import-mutations";
import { MEASUREMENT_KEYS, type MeasurementKey } from "@/lib/drills/rules";
import { faultTime, INTEGER_MEASUREMENTS } from "@/lib/drills/series-rules";
import { writeTransaction } from "@/lib/write/transaction";

export type PullResult = {
  drillId: string;
  dataSource: string;
  window: { start: string; end: string; stepSeconds: number; faultAt: string; faultSource: string };
  queries: Omit<QueryOutcome, "series">[];
  measurements: { key: string; value: number; detail: string; applied: boolean; overriddenBy: number | null }[];
  proposals: Proposal[];
  notes: string[];
  timings: { totalMs: number; prometheusMs: number };
};

/** A pull that stored nothing; carries each query's outcome for the page and the API. */
export class PullFailedError extends DomainError {
  constructor(
    message: string,
    readonly queries: Omit<QueryOutcome, "series">[],
  ) {
    super(message, Object.fromEntries(queries.filter((q) => q.status === "failed").map((q) => [`queries.${q.key}`, [q.message ?? "failed"]])), 502);
    this.name = "PullFailedError";
  }
}

const withoutSeries = ({ series: _s, ...rest }: QueryOutcome) => (void _s, rest);

/** Loads what a pull needs, or says what to set up first. */
async function loadPlan(drillId: string) {
  const db = await getDb();
  const drill = await db.drill.findUnique({
    where: { id: drillId },
    include: {
      timeline: { select: { id: true, at: true, layer: true, marker: true, label: true } },
      cluster: { include: { metricsSource: { include: { dataSource: { select: { name: true } } } } } },
    },
  });
  if (!drill) throw new NotFoundError("This drill no longer exists.");
  const source = drill.cluster.metricsSource;
  if (!source) throw new DomainError(`Link cluster “${drill.cluster.name}” to a Prometheus data source first (cluster page → Metrics source).`, {}, 409);
  const view = metricsSourceView(source.dataSourceId, source.dataSource.name, source);
  const fault = faultTime(drill.startedAt, drill.timeline);
  const { startMs, endMs } = pullWindow(drill, fault.atMs, { beforeSec: source.marginBeforeSec, afterSec: source.marginAfterSec });
  const stepSec = chooseStep(startMs, endMs);
  return { drill, source, view, fault, startMs, endMs, stepSec };
}

/** The recovery model's expectation for this cluster (broker-local or shared storage). */
function modelExpectation(cluster: Parameters<typeof estimateRecovery>[0] & { architecture: Parameters<typeof estimateForArchitecture>[1] }): ModelExpectation {
  const estimate = estimateForArchitecture(estimateRecovery(cluster), cluster.architecture);
  return { catchUpSec: estimate.catchUp.seconds, recoveryMBps: estimate.headroom.recoveryMBps };
}

/**
 * Runs the pull for a drill and stores its outcome in one transaction (see the file comment
 * for partial failures). A measurement a person changed since the last pull keeps their value;
 * the computed one is shown beside it.
 */
export async function pullDrillMetrics(user: CurrentUser, drillId: string, onProgress?: (q: Omit<QueryOutcome, "series">) => void): Promise<PullResult> {
  assertDrillWrite(user);
  const started = performance.now();
  const plan = await loadPlan(drillId);
  const { drill, view, fault, startMs, endMs, stepSec } = plan;
  const planned = view.queries.map((q) => {
    if (!q.promql) throw new DomainError("The cluster's matchers cannot be read; fix them on the cluster page.", {}, 409);
    return { key: q.key, promql: q.promql };
  });
  const conn = await connectionFor(view.dataSourceId);
  const fetchStarted = performance.now();
  const outcomes = await runQueries(conn, planned, { startMs, endMs, stepSec }, onProgress ? (o) => onProgress(withoutSeries(o)) : undefined);
  const prometheusMs = performance.now() - fetchStarted;
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length > 0) {
    const list = failed.map((f) => `${f.label} — ${f.message}`).join("; ");
    throw new PullFailedError(`Nothing was stored: ${failed.length} of ${outcomes.length} queries failed. ${list}`, outcomes.map(withoutSeries));
  }

  const pulled: Partial<Record<QueryKey, QueryOutcome["series"]>> = {};
  for (const o of outcomes) if (o.status === "ok") pulled[o.key] = o.series;
  const { computed, notes } = computeMeasurements(pulled, { faultAtMs: fault.atMs, lagThreshold: view.lagThresholdRecords, stepSec });
  const proposals = [proposeClientImpact(computed, drill, notes), proposeStorageWork(computed, drill, modelExpectation(drill.cluster), notes)];

  const measurements = await writeTransaction(
    async (tx) => {
      await lockCluster(tx, drill.clusterId);
      await lockDrill(tx, drill.id);
      const current = await tx.drill.findUniqueOrThrow({ where: { id: drill.id } });
      const previous = await tx.drillComputedMeasurement.findMany({ where: { drillId: drill.id } });
      await tx.metricImport.deleteMany({ where: { drillId: drill.id, queryKey: { not: null } } });
      for (const o of outcomes) {
        if (o.status !== "ok") continue;
        const lib = QUERY_LIBRARY[o.key];
        const threshold = o.key === "consumerLag" ? view.lagThresholdRecords : lib.threshold;
        const settings = {
          format: "prometheus" as const,
          sourceName: `${conn.name}: ${lib.label}`,
          unit: lib.unit,
          threshold,
          thresholdDirection: "below" as const,
          settleSeconds: SETTLE_SECONDS,
          queryText: o.promql,
          windowStart: new Date(startMs),
          windowEnd: new Date(endMs),
          stepSeconds: stepSec,
        };
        const series = o.series.map((s) => ({ metric: metricName(o.key, s.labels), labels: s.labels, timesMs: s.timesMs, values: s.values }));
        const { importId } = await storeMetricSeries(tx, user, { ...drill, ...current }, settings, { series, pointCount: o.pointCount }, `queries.${o.key}`);
        await tx.metricImport.update({ where: { id: importId }, data: { dataSourceId: view.dataSourceId, queryKey: o.key } });
      }
      const applied = applyComputed(computed, current as unknown as Record<string, unknown>, previous);
      await tx.drillComputedMeasurement.deleteMany({ where: { drillId: drill.id } });
      await tx.drillComputedMeasurement.createMany({
        data: computed.map((c) => ({ drillId: drill.id, measurement: c.key, value: c.value, detail: c.detail })),
      });
      const fields = Object.fromEntries(applied.filter((m) => m.applied).map((m) => [m.key, m.value]));
      await tx.drill.update({ where: { id: drill.id }, data: { ...fields, version: { increment: 1 } } });
      const stored = await tx.drillMatrixProposal.findMany({ where: { drillId: drill.id } });
      for (const p of proposals) {
        const same = stored.find((s) => s.question === p.question && s.answer === p.answer && s.rationale === p.rationale);
        if (same) continue; // unchanged evidence keeps a confirmation already given
        const data = { answer: p.answer, rationale: p.rationale, status: "pending", proposedAt: new Date(), decidedById: null, decidedAt: null };
        await tx.drillMatrixProposal.upsert({
          where: { drillId_question: { drillId: drill.id, question: p.question } },
          create: { drillId: drill.id, question: p.question, ...data },
          update: data,
        });
      }
      await recordAudit(tx, {
        actor: user,
        action: "pull_metrics",
        entityType: "drill",
        entityId: drill.id,
        clusterId: drill.clusterId,
        before: Object.fromEntries(Object.keys(fields).map((k) => [k, (current as unknown as Record<string, unknown>)[k]])),
        after: {
          dataSource: conn.name,
          window: { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString(), stepSeconds: stepSec },
          queries: outcomes.map((o) => ({ key: o.key, status: o.status, series: o.seriesCount, points: o.pointCount })),
          measurements: fields,
          proposals: proposals.map((p) => ({ question: p.question, answer: p.answer })),
        },
      });
      await afterClusterChange(tx, drill.clusterId);
      return applied;
    },
    { timeoutMs: 60_000 },
  );
  return {
    drillId: drill.id,
    dataSource: conn.name,
    window: {
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      stepSeconds: stepSec,
      faultAt: new Date(fault.atMs).toISOString(),
      faultSource: fault.source,
    },
    queries: outcomes.map(withoutSeries),
    measurements,
    proposals,
    notes,
    timings: { totalMs: Math.round(performance.now() - started), prometheusMs: Math.round(prometheusMs) },
  };
}

/** A readable series name: the query key plus its distinguishing labels (the consumer group). */
function metricName(key: QueryKey, labels: Record<string, string>): string {
  const extra = Object.entries(labels).filter(([k]) => k !== "__name__");
  return extra.length ? `${key}{${extra.map(([k, v]) => `${k}="${v}"`).join(",")}}` : key;
}

/**
 * Which computed values go into the drill's fields: all of them, except where a person changed
 * the field after the previous pull (the field no longer equals what that pull computed).
 */
export function applyComputed(computed: Computed[], drill: Record<string, unknown>, previous: { measurement: string; value: number }[]) {
  return computed.map((c) => {
    const isField = (MEASUREMENT_KEYS as readonly string[]).includes(c.key);
    const value = isField && INTEGER_MEASUREMENTS.includes(c.key as MeasurementKey) ? Math.round(c.value) : c.value;
    if (!isField) return { ...c, value, applied: false, overriddenBy: null };
    const current = drill[c.key] as number | null;
    const before = previous.find((p) => p.measurement === c.key);
    const overridden = before !== undefined && current !== null && current !== before.value;
    return { ...c, value, applied: !overridden, overriddenBy: overridden ? current : null };
  });
}
