import { describe, expect, it } from "vitest";
import { analyseSeries, faultTime, formatSeconds, guessMeasurements, inferUnit, timelineGap, type TimelinePoint } from "./series-rules";

const T0 = Date.UTC(2024, 4, 14, 10, 0, 0);
const at = (sec: number) => new Date(T0 + sec * 1000);
let n = 0;
const ev = (sec: number, layer: TimelinePoint["layer"], marker: string, label = `e${++n}`): TimelinePoint => ({ id: label, at: at(sec), layer, marker, label });

describe("faultTime", () => {
  it("uses the earliest fault marker, else the drill's start", () => {
    const events = [ev(300, "business", "fault", "second"), ev(120, "control_plane", "fault", "Broker 3 killed"), ev(60, "data_plane", "other")];
    expect(faultTime(at(0), events)).toEqual({ atMs: T0 + 120_000, source: "the fault marker “Broker 3 killed”" });
    expect(faultTime(at(0), [ev(60, "data_plane", "recovered")])).toEqual({ atMs: T0, source: "the drill's start (no fault marked on the timeline)" });
  });
});

describe("analyseSeries", () => {
  const series = { timesMs: [0, 60, 120, 180, 240, 300, 360].map((s) => T0 + s * 1000), values: [999, 5, 800, 400, 50, 20, 10] };

  it("takes the peak after the fault only and computes recovery against the threshold", () => {
    const r = analyseSeries(series, { threshold: 100, thresholdDirection: "below", settleSeconds: 60 }, T0 + 60_000);
    expect(r).toMatchObject({ peak: 800, peakAtMs: T0 + 120_000, recovery: { status: "recovered", recoverySec: 180 } });
  });

  it("skips recovery without a threshold and falls back to the whole series for the peak when nothing follows the fault", () => {
    const r = analyseSeries(series, { threshold: null, thresholdDirection: "below", settleSeconds: 60 }, T0 + 999_000);
    expect(r).toEqual({ recovery: null, peak: 999, peakAtMs: T0 });
  });

  it("honours the above direction (throughput must come back up)", () => {
    const tput = { timesMs: series.timesMs, values: [50, 10, 12, 48, 49, 50, 50] };
    const r = analyseSeries(tput, { threshold: 45, thresholdDirection: "above", settleSeconds: 60 }, T0);
    expect(r.recovery).toMatchObject({ status: "recovered", recoverySec: 180 });
  });

  it("is empty for an empty series", () => {
    expect(analyseSeries({ timesMs: [], values: [] }, { threshold: 1, thresholdDirection: "below", settleSeconds: 0 }, T0)).toMatchObject({
      peak: null,
      recovery: { status: "insufficient_data" },
    });
  });
});

describe("timelineGap", () => {
  it("measures from the control plane's first recovery to the applications' last", () => {
    const gap = timelineGap([
      ev(120, "control_plane", "fault"),
      ev(140, "control_plane", "recovered"),
      ev(200, "control_plane", "recovered"),
      ev(300, "data_plane", "recovered"),
      ev(500, "business", "recovered"),
      ev(420, "business", "recovered"),
    ]);
    expect(gap).toEqual({ faultAt: at(120), leadershipAt: at(140), applicationsAt: at(500), gapMs: 360_000 });
  });

  it("falls back to the data plane, ignores recoveries before the fault and reports what is missing", () => {
    expect(timelineGap([ev(10, "control_plane", "recovered"), ev(20, "data_plane", "fault"), ev(30, "data_plane", "recovered")])).toEqual({
      faultAt: at(20),
      leadershipAt: null,
      applicationsAt: at(30),
      gapMs: null,
    });
    expect(timelineGap([])).toEqual({ faultAt: null, leadershipAt: null, applicationsAt: null, gapMs: null });
  });

  it("reports a negative gap when applications recovered first", () => {
    expect(timelineGap([ev(50, "business", "recovered"), ev(80, "control_plane", "recovered")]).gapMs).toBe(-30_000);
  });
});

describe("inferUnit and guessMeasurements", () => {
  it.each([
    ["kafka_consumergroup_lag", "records"],
    ['kafka_consumergroup_lag{group="a"}', "records"],
    ["request_duration_seconds", "s"],
    ["kafka_server_bytes_total", "bytes"],
    ["under_replicated_partitions", "partitions"],
    ["producer_errors", "errors"],
    ["up", null],
  ])("%s → %s", (metric, unit) => {
    expect(inferUnit(metric)).toBe(unit);
  });

  it("maps metric names to the measurements they can fill", () => {
    expect(guessMeasurements("consumer_lag")).toEqual({ recovery: "lagRecoveredSec", peak: "peakConsumerLag" });
    expect(guessMeasurements("kafka_server_UnderReplicatedPartitions")).toEqual({ recovery: null, peak: "underReplicatedPartitions" });
    expect(guessMeasurements("leader_election_rate")).toEqual({ recovery: "leadershipSettledSec", peak: null });
    expect(guessMeasurements("producer_errors")).toEqual({ recovery: "producersStableSec", peak: "producerErrorCount" });
    expect(guessMeasurements("up")).toEqual({ recovery: null, peak: null });
  });
});

describe("formatSeconds", () => {
  it.each([
    [0.25, "250 ms"],
    [45, "45 s"],
    [12.34, "12.3 s"],
    [450, "7 min 30 s"],
    [600, "10 min"],
    [3720, "1 h 2 min"],
    [-30, "−30 s"],
  ])("%s → %s", (sec, text) => {
    expect(formatSeconds(sec)).toBe(text);
  });
});
