import { describe, expect, it } from "vitest";
import { drillWithSeriesInputSchema } from "./api-schema";

const drill = { clusterId: "c1", scenario: "broker_kill", title: "Kill broker 3", startedAt: "2026-11-20T10:00:00Z" };

describe("drillWithSeriesInputSchema (JSON API)", () => {
  it("takes the form's drill fields with typed JSON values and no series", () => {
    const parsed = drillWithSeriesInputSchema.parse({ ...drill, realisticTraffic: true, leadershipSettledSec: 14, producerErrorCount: 0 });
    expect(parsed).toMatchObject({ realisticTraffic: true, leadershipSettledSec: 14, producerErrorCount: 0, series: [] });
    expect(parsed.startedAt).toEqual(new Date("2026-11-20T10:00:00Z"));
  });

  it("keeps the form's cross-field rules (end after start, rollback named)", () => {
    const result = drillWithSeriesInputSchema.safeParse({ ...drill, endedAt: "2026-11-20T09:00:00Z", rollbackNamedBefore: true });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["endedAt", "End must be after the start"],
        ["rollbackPoint", "Name the rollback point that was agreed before the test"],
      ]),
    );
  });

  it("reads points with ISO or epoch times, and CSV or Prometheus text with the import form's rules", () => {
    const parsed = drillWithSeriesInputSchema.parse({
      ...drill,
      series: [
        {
          format: "points",
          metric: "consumer_lag",
          unit: "records",
          threshold: 1000,
          points: [
            ["2026-11-20T10:00:00Z", 5],
            [1763632860, 7],
          ],
        },
        { format: "csv", sourceName: "lag.csv", text: "timestamp,metric,value\n1763632800,lag,1\n" },
        { format: "prometheus", sourceName: "prom", queryText: "sum(kafka_lag)", text: "{}" },
      ],
    });
    expect(parsed.series[0]).toMatchObject({
      format: "points",
      sourceName: "JSON points",
      points: [
        [Date.parse("2026-11-20T10:00:00Z"), 5],
        [1763632860000, 7],
      ],
      labels: {},
      settleSeconds: 60,
    });
    expect(parsed.series[1]).toMatchObject({ format: "csv", text: expect.stringContaining("timestamp") });
  });

  it("names the series and point at fault", () => {
    const result = drillWithSeriesInputSchema.safeParse({
      ...drill,
      series: [
        {
          format: "points",
          metric: "lag",
          points: [
            ["yesterday", 1],
            [1763632860, "x"],
          ],
        },
        { format: "csv", sourceName: "a.csv", text: "x", queryText: "up" },
        { format: "excel" },
      ],
    });
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["series.0.points.0.0", "Use an ISO-8601 time or epoch seconds (or milliseconds)"],
        ["series.0.points.1.1", "Each value must be a finite number"],
        ["series.1.format", "Query, window and step only apply to Prometheus exports"],
        ["series.2.format", "Set format to points, csv or prometheus"],
      ]),
    );
  });
});

describe("seriesFromPoints", () => {
  it("sorts points by time and refuses duplicate timestamps", async () => {
    const { seriesFromPoints } = await import("./series-input");
    expect(
      seriesFromPoints({
        metric: "lag",
        labels: {},
        points: [
          [2000, 5],
          [1000, 9],
        ],
      }),
    ).toEqual({ ok: true, pointCount: 2, series: { metric: "lag", labels: {}, timesMs: [1000, 2000], values: [9, 5] } });
    expect(
      seriesFromPoints({
        metric: "lag",
        labels: {},
        points: [
          [1000, 5],
          [2000, 1],
          [1000, 9],
        ],
      }),
    ).toEqual({ ok: false, message: "points 0 and 2 share the timestamp 1970-01-01T00:00:01.000Z" });
  });
});
