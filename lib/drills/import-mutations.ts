/**
 * Metric imports: a CSV or Prometheus range-query export is parsed and validated completely
 * before anything is written, then stored (complete, never downsampled) in one transaction
 * with its audit event. Any fault is a DomainError on the `file` field naming the line or
 * JSON path, and nothing is stored.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, NotFoundError } from "@/lib/errors";
import { unsafeTextReason } from "@/lib/validation/text";
import { assertDrillWrite, lockDrill } from "./access";
import { parseMetricCsv, parsePrometheusRange, type MetricSeriesInput } from "./metric-import";
import type { MetricImportInput, SeriesSettingsInput } from "./schema";
import { inferUnit } from "./series-rules";
import { writeTransaction } from "@/lib/write/transaction";

/** Limits of one import; the server action's body limit (12 MB) sits above the byte limit. */
export const IMPORT_LIMITS = { maxRows: 200_000, maxBytes: 10 * 1024 * 1024 } as const;
export const MAX_SERIES_PER_IMPORT = 50;
export const MAX_SERIES_PER_DRILL = 100;
export const MAX_POINTS_PER_DRILL = 1_000_000;
/** Data must come near the drill: a file from another day is almost always the wrong file. */
const NEAR_DRILL_MS = 86_400_000;

/** `field` names where the file came from: the upload form's `file`, or `series.2.text` in the API. */
const fileErrorAt = (message: string, field = "file") => new DomainError(`Nothing was imported: ${message}`, { [field]: [message] });
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** Checks that go beyond the file's own syntax: series count, Prometheus window, nearness to the drill. */
function checkSeries(series: MetricSeriesInput[], input: ImportSettings, drill: { startedAt: Date; endedAt: Date | null }, field: string) {
  const fileError = (message: string) => fileErrorAt(message, field);
  if (series.length > MAX_SERIES_PER_IMPORT) {
    throw fileError(`${series.length} series in one file; at most ${MAX_SERIES_PER_IMPORT} per import (split the file or narrow the query)`);
  }
  const { windowStart, windowEnd } = input;
  if (windowStart && windowEnd) {
    for (let i = 0; i < series.length; i++) {
      const { timesMs } = series[i];
      const outside = timesMs.find((t) => t < windowStart.getTime() || t > windowEnd.getTime());
      if (outside !== undefined) {
        throw fileError(
          `data.result[${i}]: sample at ${iso(outside)} lies outside the window ${iso(windowStart.getTime())} – ${iso(windowEnd.getTime())}; check the window you entered`,
        );
      }
    }
  }
  const from = drill.startedAt.getTime() - NEAR_DRILL_MS;
  const to = (drill.endedAt ?? drill.startedAt).getTime() + NEAR_DRILL_MS;
  if (!series.some((s) => s.timesMs.some((t) => t >= from && t <= to))) {
    const first = Math.min(...series.map((s) => s.timesMs[0]));
    throw fileError(
      `no sample lies within a day of the drill (started ${iso(drill.startedAt.getTime())}); the file starts at ${iso(first)} — check the timestamps (seconds or milliseconds, time zone)`,
    );
  }
}

/**
 * The window and step a Prometheus import can be re-run with: as entered, or else the span of
 * the data and its most common sampling interval.
 */
export function rerunWindow(series: MetricSeriesInput[], input: ImportSettings) {
  if (input.format !== "prometheus") return { windowStart: null, windowEnd: null, stepSeconds: null };
  let lo = Infinity;
  let hi = -Infinity;
  const gaps = new Map<number, number>();
  for (const { timesMs } of series) {
    lo = Math.min(lo, timesMs[0] ?? Infinity);
    hi = Math.max(hi, timesMs.at(-1) ?? -Infinity);
    for (let i = 1; i < timesMs.length; i++) gaps.set(timesMs[i] - timesMs[i - 1], (gaps.get(timesMs[i] - timesMs[i - 1]) ?? 0) + 1);
  }
  const commonGap = [...gaps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return {
    windowStart: input.windowStart ?? (Number.isFinite(lo) ? new Date(lo) : null),
    windowEnd: input.windowEnd ?? (Number.isFinite(hi) ? new Date(hi) : null),
    stepSeconds: input.stepSeconds ?? (commonGap ? commonGap / 1000 : null),
  };
}

/** An import's settings without its drill: the upload form's fields, or a series sent with a new drill. */
export type ImportSettings = Omit<MetricImportInput, "drillId" | "format"> & { format: MetricImportInput["format"] | "points" };

/** Parses an export's text as `format`; a fault is a DomainError on `field`. */
export function parseMetricText(format: "csv" | "prometheus", text: string, field = "file"): { series: MetricSeriesInput[]; pointCount: number } {
  const parsed = format === "csv" ? parseMetricCsv(text, IMPORT_LIMITS) : parsePrometheusRange(text, IMPORT_LIMITS);
  if (!parsed.ok) throw fileErrorAt(parsed.error.message, field);
  return parsed;
}

/**
 * Stores parsed series on a drill inside the caller's transaction (the drill row is locked by
 * the caller): checks them against the drill and its limits, then writes the import, its
 * series and the audit event.
 */
export async function storeMetricSeries(
  tx: Prisma.TransactionClient,
  user: CurrentUser,
  drill: { id: string; clusterId: string; startedAt: Date; endedAt: Date | null },
  input: ImportSettings,
  parsed: { series: MetricSeriesInput[]; pointCount: number },
  field = "file",
): Promise<{ importId: string; seriesCount: number; pointCount: number }> {
  const fileError = (message: string) => fileErrorAt(message, field);
  checkSeries(parsed.series, input, drill, field);
  const [{ series: existingSeries, points: existingPoints }] = await tx.$queryRaw<{ series: number; points: number }[]>`
    SELECT count(*)::int AS series, coalesce(sum(cardinality("timesMs")), 0)::int AS points FROM metric_series WHERE "drillId" = ${drill.id}`;
  if (existingSeries + parsed.series.length > MAX_SERIES_PER_DRILL) {
    throw fileError(`this drill already has ${existingSeries} series; at most ${MAX_SERIES_PER_DRILL} in all (remove an earlier import first)`);
  }
  if (existingPoints + parsed.pointCount > MAX_POINTS_PER_DRILL) {
    throw fileError(
      `this drill already holds ${existingPoints.toLocaleString("en-US")} points; at most ${MAX_POINTS_PER_DRILL.toLocaleString("en-US")} in all`,
    );
  }
  const created = await tx.metricImport.create({
    data: {
      drillId: drill.id,
      format: input.format,
      sourceName: input.sourceName,
      queryText: input.queryText,
      ...rerunWindow(parsed.series, input),
      pointCount: parsed.pointCount,
    },
  });
  await tx.metricSeries.createMany({
    data: parsed.series.map((s) => ({
      drillId: drill.id,
      importId: created.id,
      metric: s.metric,
      labels: s.labels,
      unit: input.unit ?? inferUnit(s.metric),
      threshold: input.threshold,
      thresholdDirection: input.thresholdDirection,
      settleSeconds: input.settleSeconds,
      timesMs: s.timesMs,
      values: s.values,
    })),
  });
  await recordAudit(tx, {
    actor: user,
    action: "import_metrics",
    entityType: "metric_import",
    entityId: created.id,
    clusterId: drill.clusterId,
    after: { ...input, drillId: drill.id, pointCount: parsed.pointCount, series: parsed.series.map((s) => `${s.metric} (${s.timesMs.length} points)`) },
  });
  return { importId: created.id, seriesCount: parsed.series.length, pointCount: parsed.pointCount };
}

/**
 * Parses `text` as `input.format` and stores every series on the drill. Returns the counts.
 * Series settings from the form (threshold, direction, settle window, unit) apply to every
 * series of the file; a missing unit is inferred from the metric name.
 */
export async function importMetrics(
  user: CurrentUser,
  input: MetricImportInput,
  text: string,
): Promise<{ importId: string; seriesCount: number; pointCount: number }> {
  assertDrillWrite(user);
  const unsafe = unsafeTextReason(text);
  if (unsafe) throw new DomainError("Nothing was imported.", { file: [`The file ${unsafe}`] });
  const parsed = parseMetricText(input.format, text);
  return writeTransaction(
    async (tx) => {
      const drill = await lockDrill(tx, input.drillId);
      const facts = await tx.drill.findUniqueOrThrow({ where: { id: drill.id }, select: { startedAt: true, endedAt: true } });
      const { drillId: _drillId, ...settings } = input;
      void _drillId;
      return storeMetricSeries(tx, user, { ...drill, ...facts }, settings, parsed);
    },
    { timeoutMs: 60_000 },
  );
}

/** Changes a series' unit, threshold, direction and settle window (its data stays as imported). */
export async function updateSeriesSettings(user: CurrentUser, input: SeriesSettingsInput): Promise<{ drillId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const select = { drillId: true, metric: true, unit: true, threshold: true, thresholdDirection: true, settleSeconds: true } as const;
    const before = await tx.metricSeries.findUnique({ where: { id: input.id }, select });
    if (!before) throw new NotFoundError("This series no longer exists.");
    const drill = await lockDrill(tx, before.drillId);
    const { id, ...data } = input;
    await tx.metricSeries.update({ where: { id }, data });
    await recordAudit(tx, { actor: user, action: "update", entityType: "metric_series", entityId: id, clusterId: drill.clusterId, before, after: data });
    return { drillId: drill.id };
  });
}

/** Removes an import and all its series. */
export async function deleteMetricImport(user: CurrentUser, id: string): Promise<{ drillId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.metricImport.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This import was already removed.");
    const drill = await lockDrill(tx, before.drillId);
    await tx.metricImport.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "metric_import", entityId: id, clusterId: drill.clusterId, before });
    return { drillId: drill.id };
  });
}
