import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { getDrillChart } from "./chart-queries";
import { deleteMetricImport, importMetrics, IMPORT_LIMITS, MAX_SERIES_PER_IMPORT, updateSeriesSettings } from "./import-mutations";
import { fillMeasurementFromSeries } from "./mutations";
import { getDrill } from "./queries";
import { fillMeasurementSchema, metricImportInputSchema, seriesSettingsSchema, timelineEventInputSchema } from "./schema";
import { addTimelineEvent } from "./timeline-mutations";
import { lagCsv, makeCluster, makeDrill, promJson, T0 } from "@/test/support/drills";

async function setup() {
  const editor = await createTestUser("editor");
  const { id: clusterId } = await makeCluster(editor);
  const { id: drillId } = await makeDrill(editor, clusterId, { targetLagRecoveredSec: "600" });
  return { editor, clusterId, drillId };
}

const csvInput = (drillId: string, extra: Record<string, string> = {}) =>
  metricImportInputSchema.parse({ drillId, format: "csv", sourceName: "lag.csv", threshold: "1000", settleSeconds: "60", ...extra });
const promInput = (drillId: string, extra: Record<string, string> = {}) =>
  metricImportInputSchema.parse({
    drillId,
    format: "prometheus",
    sourceName: "lag.json",
    queryText: 'sum by (group) (kafka_consumergroup_lag{group="checkout"})',
    ...extra,
  });

async function expectRefused(user: CurrentUser, input: ReturnType<typeof csvInput>, text: string, message: string | RegExp) {
  const error = await importMetrics(user, input, text).catch((e) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error.fieldErrors.file[0]).toMatch(message);
  const db = await getDb();
  expect(await db.metricImport.count()).toBe(0);
  expect(await db.metricSeries.count()).toBe(0);
  expect(await db.auditEvent.count({ where: { entityType: "metric_import" } })).toBe(0);
  return error as DomainError;
}

describe("bad metric imports store nothing and name the place of the fault", () => {
  it("refuses a wrong CSV header on line 1", async () => {
    const { editor, drillId } = await setup();
    await expectRefused(editor, csvInput(drillId), "time,name,value\n1715680800,lag,1", "line 1: expected the header timestamp,metric,value");
  });

  it("refuses 10^6 rows quickly by the row limit, and a larger file by its size", async () => {
    const { editor, drillId } = await setup();
    const rows = new Array<string>(1_000_001);
    rows[0] = "timestamp,metric,value";
    // short rows (1,000 metrics × 1,000 timestamps) keep 10^6 rows under the byte limit
    for (let i = 1; i <= 1_000_000; i++) rows[i] = `${i % 1000},${Math.floor(i / 1000).toString(36)},1`;
    const text = rows.join("\n");
    expect(Buffer.byteLength(text)).toBeLessThan(IMPORT_LIMITS.maxBytes); // so the row limit, not the size, refuses it
    const started = performance.now();
    await expectRefused(editor, csvInput(drillId), text, `line ${IMPORT_LIMITS.maxRows + 2}: too many rows (limit ${IMPORT_LIMITS.maxRows})`);
    expect(performance.now() - started).toBeLessThan(3000);

    const big = `timestamp,metric,value\n${"1715680800,consumer_lag_with_a_long_name,1\n".repeat(1_000_000)}`;
    const t2 = performance.now();
    await expectRefused(editor, csvInput(drillId), big, /^file too large \(limit 10485760 bytes\)$/);
    expect(performance.now() - t2).toBeLessThan(1000);
  });

  it("refuses non-numeric values with their line", async () => {
    const { editor, drillId } = await setup();
    const text = "timestamp,metric,value\n1715680800,lag,12\n1715680815,lag,twelve\n";
    await expectRefused(editor, csvInput(drillId), text, 'line 3: value "twelve" is not a finite number');
    await expectRefused(editor, csvInput(drillId), "timestamp,metric,value\n1715680800,lag,NaN", 'line 2: value "NaN" is not a finite number');
    await expectRefused(editor, csvInput(drillId), "timestamp,metric,value\nsoon,lag,1", /^line 2: invalid timestamp "soon"/);
  });

  it("refuses duplicate timestamps (unsortable data) with both lines", async () => {
    const { editor, drillId } = await setup();
    const text = "timestamp,metric,value\n1715680800,lag,1\n2024-05-14T10:00:00Z,lag,2\n";
    await expectRefused(editor, csvInput(drillId), text, 'line 3: duplicate timestamp 2024-05-14T10:00:00.000Z for metric "lag" (also on line 2)');
  });

  it("refuses invalid JSON", async () => {
    const { editor, drillId } = await setup();
    await expectRefused(editor, promInput(drillId), '{"status":"success",', /^invalid JSON: /);
  });

  it("refuses a Prometheus error status, passing on its message", async () => {
    const { editor, drillId } = await setup();
    const text = JSON.stringify({ status: "error", errorType: "bad_data", error: 'parse error at char 5: unexpected "}"' });
    await expectRefused(editor, promInput(drillId), text, 'status: Prometheus returned an error (bad_data): parse error at char 5: unexpected "}"');
  });

  it("refuses non-numeric Prometheus samples and instant queries by JSON path", async () => {
    const { editor, drillId } = await setup();
    const t = T0 / 1000;
    await expectRefused(
      editor,
      promInput(drillId),
      promJson([
        {
          metric: {},
          values: [
            [t, "1"],
            [t + 15, "NaN"],
          ],
        },
      ]),
      'data.result[0].values[1][1]: not a number ("NaN")',
    );
    const vector = JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } });
    await expectRefused(editor, promInput(drillId), vector, 'data.resultType: expected "matrix" (a range query), got "vector"');
  });

  it("refuses samples outside the Prometheus window given, and files far from the drill", async () => {
    const { editor, drillId } = await setup();
    const t = T0 / 1000;
    const text = promJson([
      {
        metric: { __name__: "lag" },
        values: [
          [t, "1"],
          [t + 7200, "2"],
        ],
      },
    ]);
    const windowed = promInput(drillId, { windowStart: "2024-05-14T09:00:00", windowEnd: "2024-05-14T11:00:00" });
    await expectRefused(editor, windowed, text, /^data\.result\[0\]: sample at 2024-05-14T12:00:00Z lies outside the window/);
    // epoch milliseconds of 1970: a file from the wrong decade
    await expectRefused(editor, csvInput(drillId), "timestamp,metric,value\n1000,lag,1\n", /no sample lies within a day of the drill/);
  });

  it("refuses more series than one import may hold", async () => {
    const { editor, drillId } = await setup();
    const series = Array.from({ length: MAX_SERIES_PER_IMPORT + 1 }, (_, i) => ({ metric: { pod: `p${i}` }, values: [[T0 / 1000, "1"]] }));
    await expectRefused(editor, promInput(drillId), promJson(series), `${MAX_SERIES_PER_IMPORT + 1} series in one file`);
  });

  it("refuses unknown units and a Prometheus import without its query", () => {
    const unit = metricImportInputSchema.safeParse({ drillId: "d", format: "csv", sourceName: "x.csv", unit: "parsecs" });
    expect(unit.error?.issues[0]).toMatchObject({ path: ["unit"], message: expect.stringMatching(/^Unknown unit; use one of records, s, ms/) });
    const query = metricImportInputSchema.safeParse({ drillId: "d", format: "prometheus", sourceName: "x.json" });
    expect(query.error?.issues[0]).toMatchObject({ path: ["queryText"] });
    const window = metricImportInputSchema.safeParse({
      drillId: "d",
      format: "prometheus",
      sourceName: "x.json",
      queryText: "up",
      windowStart: "2024-05-14T10:00:00",
    });
    expect(window.error?.issues[0]).toMatchObject({ path: ["windowEnd"], message: "Give both ends of the window, or neither" });
  });

  it("refuses viewers", async () => {
    const { drillId } = await setup();
    const viewer = await createTestUser("viewer");
    await expect(importMetrics(viewer, csvInput(drillId), lagCsv())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("good metric imports", () => {
  it("flags a typed recovery time the chart contradicts by more than one sample, naming what it measured from", async () => {
    const { editor, drillId } = await setup();
    await importMetrics(editor, csvInput(drillId), lagCsv(120));
    const db = await getDb();
    // no fault on the timeline: the chart measures from the drill's start (120 s before the lag spike)
    let chart = (await getDrillChart(editor, drillId))!;
    const computed = chart.series.find((s) => s.metric === "consumer_lag")!.recovery!.recoverySec!;
    expect(computed).toBe(690);
    await db.drill.update({ where: { id: drillId }, data: { lagRecoveredSec: 360 } });
    chart = (await getDrillChart(editor, drillId))!;
    expect(chart.disagreements).toEqual([
      {
        key: "lagRecoveredSec",
        metric: "consumer_lag",
        typedSec: 360,
        computedSec: 690,
        stepSec: 15,
        reference: "the drill's start (no fault marked on the timeline)",
      },
    ]);
    // within one 15-s sample of the chart: no flag
    await db.drill.update({ where: { id: drillId }, data: { lagRecoveredSec: 680 } });
    expect((await getDrillChart(editor, drillId))!.disagreements).toEqual([]);
  });

  it("stores CSV series complete, computes recovery from the fault marker and fills a measurement", async () => {
    const { editor, drillId } = await setup();
    const result = await importMetrics(editor, csvInput(drillId), lagCsv(120));
    expect(result).toMatchObject({ seriesCount: 2, pointCount: 240 });
    await addTimelineEvent(
      editor,
      timelineEventInputSchema.parse({ drillId, at: "2024-05-14T10:02:00", layer: "control_plane", marker: "fault", label: "Broker 3 killed" }),
    );

    const chart = (await getDrillChart(editor, drillId, 50))!;
    expect(chart.faultAtMs).toBe(T0 + 120_000);
    expect(chart.markers).toEqual([{ n: 1, atMs: T0 + 120_000, kind: "fault", label: "Broker 3 killed", layer: "control_plane" }]);
    const lag = chart.series.find((s) => s.metric === "consumer_lag")!;
    expect(lag).toMatchObject({ pointCount: 120, unit: "records", threshold: 1000, guess: { recovery: "lagRecoveredSec", peak: "peakConsumerLag" } });
    expect(lag.shown.timesMs).toHaveLength(50); // downsampled for display
    expect(lag.recovery).toMatchObject({ status: "recovered", flaps: 0 });
    // 200 + 400000·e^(−s/90) ≤ 1000 from s ≈ 559 s after the fault: the first 15-s sample is at 570 s
    expect(lag.recovery!.recoverySec).toBe(570);
    expect(lag.peak).toBeGreaterThan(250_000);

    const stored = await (await getDb()).metricSeries.findUniqueOrThrow({ where: { id: lag.id } });
    expect(stored.timesMs).toHaveLength(120); // complete data is kept
    expect(stored.timesMs[0]).toBe(T0);

    await fillMeasurementFromSeries(editor, fillMeasurementSchema.parse({ seriesId: lag.id, measurement: "lagRecoveredSec", source: "recovery" }));
    await fillMeasurementFromSeries(editor, fillMeasurementSchema.parse({ seriesId: lag.id, measurement: "peakConsumerLag", source: "peak" }));
    const drill = (await getDrill(editor, drillId))!;
    expect(drill.lagRecoveredSec).toBe(570);
    expect(drill.peakConsumerLag).toBe(lag.peak);
    expect(drill.version).toBe(3);
    expect(drill.comparisons.find((c) => c.key === "lagRecoveredSec")?.result).toBe("met");
    const mismatch = fillMeasurementSchema.parse({ seriesId: lag.id, measurement: "peakConsumerLag", source: "recovery" });
    await expect(fillMeasurementFromSeries(editor, mismatch)).rejects.toThrow(/cannot fill/);
  });

  it("keeps the span and step of the data as the window of a Prometheus import given without one", async () => {
    const { editor, drillId } = await setup();
    const t = T0 / 1000;
    const values = Array.from({ length: 10 }, (_, i) => [t + i * 30 + (i === 5 ? 1 : 0), "1"]);
    await importMetrics(editor, promInput(drillId), promJson([{ metric: { __name__: "up" }, values }]));
    const stored = await (await getDb()).metricImport.findFirstOrThrow();
    expect(stored.windowStart?.toISOString()).toBe("2024-05-14T10:00:00.000Z");
    expect(stored.windowEnd?.toISOString()).toBe("2024-05-14T10:04:30.000Z");
    expect(stored.stepSeconds).toBe(30);
    const csv = await importMetrics(editor, csvInput(drillId), lagCsv(10));
    expect(await (await getDb()).metricImport.findUniqueOrThrow({ where: { id: csv.importId } })).toMatchObject({
      windowStart: null,
      stepSeconds: null,
      queryText: null,
    });
  });

  it("stores a Prometheus import with its query and window, and per-series settings drive recovery", async () => {
    const { editor, drillId } = await setup();
    const t = T0 / 1000;
    const values = (base: number) => Array.from({ length: 40 }, (_, i) => [t + i * 30, String(i < 4 ? 10 : i < 20 ? base : 10)]);
    const text = promJson([
      { metric: { __name__: "kafka_consumergroup_lag", group: "checkout" }, values: values(90_000) },
      { metric: { __name__: "kafka_consumergroup_lag", group: "billing" }, values: values(5_000) },
    ]);
    const input = promInput(drillId, { windowStart: "2024-05-14T10:00:00", windowEnd: "2024-05-14T10:30:00", stepSeconds: "30" });
    await importMetrics(editor, input, text);
    const db = await getDb();
    const stored = await db.metricImport.findFirstOrThrow();
    expect(stored).toMatchObject({
      format: "prometheus",
      queryText: 'sum by (group) (kafka_consumergroup_lag{group="checkout"})',
      stepSeconds: 30,
      pointCount: 80,
    });
    expect(stored.windowStart?.toISOString()).toBe("2024-05-14T10:00:00.000Z");

    let chart = (await getDrillChart(editor, drillId))!;
    expect(chart.series.map((s) => s.metric)).toEqual(['kafka_consumergroup_lag{group="billing"}', 'kafka_consumergroup_lag{group="checkout"}']);
    expect(chart.series[0].recovery).toBeNull(); // no threshold yet
    const billing = chart.series[0];
    await updateSeriesSettings(
      editor,
      seriesSettingsSchema.parse({ id: billing.id, unit: "records", threshold: "100", thresholdDirection: "below", settleSeconds: "120" }),
    );
    chart = (await getDrillChart(editor, drillId))!;
    // fault = drill start (no timeline); back under 100 at sample 20 (600 s)
    expect(chart.series[0].recovery).toMatchObject({ status: "recovered", recoverySec: 600 });

    await deleteMetricImport(editor, stored.id);
    expect(await db.metricSeries.count()).toBe(0);
    expect((await db.auditEvent.findMany({ where: { entityType: { in: ["metric_import", "metric_series"] } } })).map((a) => a.action).sort()).toEqual([
      "delete",
      "import_metrics",
      "update",
    ]);
  });
});
