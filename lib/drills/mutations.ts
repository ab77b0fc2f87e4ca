/**
 * Writes to drills: create, edit (optimistic concurrency on `version`), delete, and filling a
 * measurement from an imported series. Each runs in one transaction with its audit event and
 * refreshes the cluster's readiness signals (a drill's start, traffic and answers feed outcomes).
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { assertDrillWrite, lockDrill } from "./access";
import { drillAsFormValues } from "./conflict-values";
import { MEASUREMENTS } from "./rules";
import type { DrillWithSeriesInput } from "./api-schema";
import type { DrillInput, FillMeasurementInput } from "./schema";
import { parseMetricText, storeMetricSeries, type ImportSettings } from "./import-mutations";
import type { MetricSeriesInput } from "./metric-import";
import { seriesFromPoints } from "./series-input";
import { analyseSeries, faultTime, formatSeconds, INTEGER_MEASUREMENTS, PEAK_MEASUREMENTS, RECOVERY_MEASUREMENTS } from "./series-rules";
import { lockCluster, lockClusterOf } from "@/lib/write/locks";
import { writeTransaction, type Tx } from "@/lib/write/transaction";

/** Records a drill on a cluster. */
export async function createDrill(user: CurrentUser, input: DrillInput): Promise<{ id: string }> {
  const { id } = await createDrillWithSeries(user, { ...input, series: [] });
  return { id };
}

/**
 * Records a drill with its measurements and metric series in one transaction (the JSON API):
 * series sent as points, or CSV / Prometheus text run through the same importers as an
 * upload. Any fault names the series (`series.2.text`) and nothing is written.
 */
export async function createDrillWithSeries<V = undefined>(
  user: CurrentUser,
  input: DrillWithSeriesInput,
  readBack?: (tx: Tx, id: string) => Promise<V>,
): Promise<{ id: string; imports: { importId: string; seriesCount: number; pointCount: number }[]; view: V }> {
  assertDrillWrite(user);
  // parse every file before opening the transaction: parsing can take a while, writing cannot fail on it
  const parsed = input.series.map((s, i): { settings: ImportSettings; data: { series: MetricSeriesInput[]; pointCount: number } } => {
    if (s.format !== "points") {
      const { text, ...settings } = s;
      return { settings, data: parseMetricText(s.format, text, `series.${i}.text`) };
    }
    const result = seriesFromPoints(s);
    if (!result.ok) throw new DomainError(`Nothing was recorded: ${result.message}`, { [`series.${i}.points`]: [result.message] });
    const { format, sourceName, unit, threshold, thresholdDirection, settleSeconds } = s;
    const settings = {
      format,
      sourceName,
      unit,
      threshold,
      thresholdDirection,
      settleSeconds,
      queryText: null,
      windowStart: null,
      windowEnd: null,
      stepSeconds: null,
    };
    return { settings, data: { series: [result.series], pointCount: result.pointCount } };
  });
  const { series: _series, ...drillInput } = input;
  void _series;
  return writeTransaction(
    async (tx) => {
      if (!(await lockCluster(tx, drillInput.clusterId))) {
        throw new DomainError("This cluster no longer exists.", { clusterId: ["Choose an existing cluster"] }, 404);
      }
      const drill = await tx.drill.create({ data: { ...drillInput, createdById: user.id } });
      await recordAudit(tx, { actor: user, action: "create", entityType: "drill", entityId: drill.id, clusterId: drillInput.clusterId, after: drillInput });
      const imports = [];
      for (const [i, { settings, data }] of parsed.entries()) imports.push(await storeMetricSeries(tx, user, drill, settings, data, `series.${i}`));
      await afterClusterChange(tx, drillInput.clusterId);
      // the answer is read in the transaction that wrote it: never a failed read after a commit
      return { id: drill.id, imports, view: (await readBack?.(tx, drill.id)) as V };
    },
    { timeoutMs: 60_000 },
  );
}

/**
 * Updates a drill if nobody changed it since `version` was read; otherwise throws a
 * ConflictError carrying the current values (as the form posts them) so the form can show
 * what changed. The cluster of a drill never changes.
 */
export async function updateDrill(user: CurrentUser, id: string, version: number, input: DrillInput): Promise<{ id: string; version: number }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    await lockDrill(tx, id);
    const before = await tx.drill.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This drill no longer exists.");
    if (before.clusterId !== input.clusterId) {
      throw new DomainError("A drill stays on the cluster it was recorded for.", { clusterId: ["Cannot move a drill to another cluster"] });
    }
    const { count } = await tx.drill.updateMany({ where: { id, version }, data: { ...input, version: { increment: 1 } } });
    if (count === 0) {
      const current = (await tx.drill.findUnique({ where: { id } })) ?? before;
      throw new ConflictError(
        `Someone else saved this drill after you opened it (now at version ${current.version}). Review their values, then save again.`,
        drillAsFormValues(current),
      );
    }
    await recordAudit(tx, { actor: user, action: "update", entityType: "drill", entityId: id, clusterId: before.clusterId, before, after: input });
    if (before.startedAt.getTime() !== input.startedAt.getTime()) await redateCitingEvidence(tx, user, id, before.clusterId, input.startedAt);
    await afterClusterChange(tx, before.clusterId);
    return { id, version: version + 1 };
  });
}

/**
 * Evidence citing a drill is dated by the drill's start (lib/evidence/dating-rules.ts), so
 * moving the start moves it, audited per piece; the refresh that follows may find it stale.
 * Written here rather than by lib/evidence, which already depends on this folder.
 */
async function redateCitingEvidence(tx: Tx, user: CurrentUser, drillId: string, clusterId: string, startedAt: Date) {
  const citing = await tx.evidence.findMany({
    where: { drillId, kind: "drill", capturedAt: { not: startedAt } },
    select: { id: true, capturedAt: true, scorecardItem: { select: { scorecardId: true } } },
  });
  for (const e of citing) {
    await tx.evidence.update({ where: { id: e.id }, data: { capturedAt: startedAt } });
    await recordAudit(tx, {
      actor: user,
      action: "redate_evidence",
      entityType: "evidence",
      entityId: e.id,
      clusterId,
      scorecardId: e.scorecardItem.scorecardId,
      before: { capturedAt: e.capturedAt },
      after: { capturedAt: startedAt, reason: "The cited drill's start changed" },
    });
  }
}

/** Deletes a drill with its timeline, metrics, answers and follow-ups (the UI asks first). */
export async function deleteDrill(user: CurrentUser, id: string): Promise<{ clusterId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    await lockDrill(tx, id);
    const before = await tx.drill.findUniqueOrThrow({ where: { id } });
    await tx.drill.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "drill", entityId: id, clusterId: before.clusterId, before });
    await afterClusterChange(tx, before.clusterId);
    return { clusterId: before.clusterId };
  });
}

/**
 * Sets one measurement from a series, recomputed here from the stored data (never taken from
 * the browser): its recovery time for the time measurements, its peak after the fault for the
 * counts and levels. Bumps the drill's version so an open edit form cannot silently undo it.
 */
export async function fillMeasurementFromSeries(user: CurrentUser, input: FillMeasurementInput): Promise<{ drillId: string; value: number }> {
  assertDrillWrite(user);
  const allowed: readonly string[] = input.source === "recovery" ? RECOVERY_MEASUREMENTS : PEAK_MEASUREMENTS;
  if (!allowed.includes(input.measurement)) {
    const what = input.source === "recovery" ? "A recovery time" : "A peak value";
    throw new DomainError(`${what} cannot fill “${MEASUREMENTS[input.measurement].label}”.`, { measurement: ["Choose a matching measurement"] });
  }
  return writeTransaction(async (tx) => {
    await lockClusterOf(tx, { seriesId: input.seriesId }, "This series no longer exists.");
    const owner = await tx.metricSeries.findUnique({ where: { id: input.seriesId }, select: { drillId: true } });
    if (!owner) throw new NotFoundError("This series no longer exists.");
    const drill = await lockDrill(tx, owner.drillId);
    const series = await tx.metricSeries.findUniqueOrThrow({ where: { id: input.seriesId } });
    const rows = await tx.drill.findUniqueOrThrow({
      where: { id: drill.id },
      select: { startedAt: true, timeline: { select: { id: true, at: true, layer: true, marker: true, label: true } } },
    });
    const analysis = analyseSeries(series, series, faultTime(rows.startedAt, rows.timeline).atMs);
    let value: number;
    if (input.source === "recovery") {
      if (!analysis.recovery) throw new DomainError(`Set a threshold on “${series.metric}” first; recovery is measured against it.`);
      if (analysis.recovery.recoverySec === null) {
        throw new DomainError(`“${series.metric}” has no recovery time to use (${analysis.recovery.status.replaceAll("_", " ")}).`);
      }
      value = analysis.recovery.recoverySec;
    } else {
      if (analysis.peak === null) throw new DomainError(`“${series.metric}” has no data.`);
      value = analysis.peak;
    }
    if (INTEGER_MEASUREMENTS.includes(input.measurement)) value = Math.round(value);
    if (value < 0) throw new DomainError(`${MEASUREMENTS[input.measurement].label} cannot be negative (${value}).`);
    const before = await tx.drill.findUniqueOrThrow({ where: { id: drill.id }, select: { [input.measurement]: true } });
    await tx.drill.update({ where: { id: drill.id }, data: { [input.measurement]: value, version: { increment: 1 } } });
    const shown = input.source === "recovery" ? formatSeconds(value) : String(value);
    await recordAudit(tx, {
      actor: user,
      action: "fill_measurement",
      entityType: "drill",
      entityId: drill.id,
      clusterId: drill.clusterId,
      before,
      after: { [input.measurement]: value, fromSeries: series.metric, seriesId: series.id, source: input.source, shown },
    });
    await afterClusterChange(tx, drill.clusterId);
    return { drillId: drill.id, value };
  });
}
