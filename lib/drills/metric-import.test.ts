import { describe, expect, it } from "vitest";
import { parseMetricCsv, parsePrometheusRange, parseTimestamp } from "./metric-import";

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0); // 2024-01-15T10:00:00Z = 1705312800000

function expectError(result: ReturnType<typeof parseMetricCsv>) {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
}
function expectOk(result: ReturnType<typeof parseMetricCsv>) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result;
}

describe("parseTimestamp", () => {
  it("reads epoch seconds and milliseconds by magnitude", () => {
    expect(T0).toBe(1705312800000);
    expect(parseTimestamp("1705312800")).toBe(T0);
    expect(parseTimestamp("1705312800.5")).toBe(T0 + 500);
    expect(parseTimestamp("1705312800000")).toBe(T0);
    // 1e11 seconds would be year 5138, so anything above is milliseconds
    expect(parseTimestamp("100000000000")).toBe(1e14);
    expect(parseTimestamp("100000000001")).toBe(100000000001);
  });

  it("reads ISO-8601 with Z, offsets, fractions, and assumes UTC without an offset", () => {
    expect(parseTimestamp("2024-01-15T10:00:00Z")).toBe(T0);
    expect(parseTimestamp("2024-01-15T10:00:00.250Z")).toBe(T0 + 250);
    expect(parseTimestamp("2024-01-15T10:00:00.123456789Z")).toBe(T0 + 123);
    expect(parseTimestamp("2024-01-15T12:00:00+02:00")).toBe(T0);
    expect(parseTimestamp("2024-01-15T05:30:00-0430")).toBe(T0);
    expect(parseTimestamp("2024-01-15 10:00:00")).toBe(T0);
    expect(parseTimestamp("2024-01-15T10:00")).toBe(T0);
    expect(parseTimestamp("2024-01-15")).toBe(Date.UTC(2024, 0, 15));
  });

  it("rejects impossible dates, negative and micro-second epochs, and prose", () => {
    for (const bad of ["2024-02-30T00:00:00Z", "2024-01-15T24:00:00Z", "2024-01-15T10:60:00Z", "-5", "1705312800000000", "yesterday", "", "Jan 15 2024"]) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
  });
});

describe("parseMetricCsv", () => {
  it("groups by metric, sorts each by time and counts points", () => {
    const csv = [
      " Timestamp , METRIC ,Value",
      "1705312860,consumer_lag,40",
      "1705312800,consumer_lag,1200",
      '"2024-01-15T10:00:30Z","producer ""errors""",3',
      "1705312830000,consumer_lag,600.5",
      "",
      "",
    ].join("\r\n");
    const result = expectOk(parseMetricCsv(csv));
    expect(result.pointCount).toBe(4);
    expect(result.series).toEqual([
      { metric: "consumer_lag", labels: {}, timesMs: [T0, T0 + 30_000, T0 + 60_000], values: [1200, 600.5, 40] },
      { metric: 'producer "errors"', labels: {}, timesMs: [T0 + 30_000], values: [3] },
    ]);
  });

  it("accepts a byte-order mark, blank lines between rows and quoted commas", () => {
    const result = expectOk(parseMetricCsv('\uFEFFtimestamp,metric,value\n\n1705312800,"lag,p99",1e3\n'));
    expect(result.series[0]).toMatchObject({ metric: "lag,p99", values: [1000] });
  });

  it("rejects a wrong header on line 1", () => {
    expect(expectError(parseMetricCsv("time,metric,value\n1,a,1"))).toEqual({
      message: "line 1: expected the header timestamp,metric,value",
      line: 1,
    });
    expect(expectError(parseMetricCsv("timestamp,metric,value,unit\n1,a,1,s")).line).toBe(1);
    expect(expectError(parseMetricCsv("")).line).toBe(1);
  });

  it("rejects a header with no rows", () => {
    expect(expectError(parseMetricCsv("timestamp,metric,value\n\n")).message).toBe("no data rows after the header");
  });

  it.each([
    ["NaN", 'line 3: value "NaN" is not a finite number'],
    ["", 'line 3: value "" is not a finite number'],
    ["abc", 'line 3: value "abc" is not a finite number'],
    ["Infinity", 'line 3: value "Infinity" is not a finite number'],
    ["0x10", 'line 3: value "0x10" is not a finite number'],
  ])("rejects the value %j with its line number", (value, message) => {
    const csv = `timestamp,metric,value\n1705312800,lag,1\n1705312860,lag,${value}\n`;
    expect(expectError(parseMetricCsv(csv))).toEqual({ message, line: 3 });
  });

  it("rejects bad timestamps, empty metric names, wrong field counts and broken quotes by line", () => {
    const head = "timestamp,metric,value\n1705312800,lag,1\n";
    expect(expectError(parseMetricCsv(`${head}soon,lag,1`)).message).toMatch(/^line 3: invalid timestamp "soon"/);
    expect(expectError(parseMetricCsv(`${head}1705312860,,1`)).message).toBe("line 3: metric name is empty");
    expect(expectError(parseMetricCsv(`${head}1705312860,lag,1,s`)).message).toBe("line 3: expected 3 fields, found 4");
    expect(expectError(parseMetricCsv(`${head}1705312860,lag`)).message).toBe("line 3: expected 3 fields, found 2");
    expect(expectError(parseMetricCsv(`${head}1705312860,lag,`)).message).toBe('line 3: value "" is not a finite number');
    expect(expectError(parseMetricCsv(`${head}1705312860,"lag,1`)).message).toBe("line 3: unterminated quoted field");
    expect(expectError(parseMetricCsv(`${head}1705312860,"lag"x,1`)).message).toBe("line 3: unexpected text after a closing quote");
  });

  it("rejects a duplicate timestamp for the same metric, even written differently", () => {
    const csv = "timestamp,metric,value\n1705312800,lag,1\n1705312800,errors,1\n2024-01-15T10:00:00Z,lag,2\n";
    expect(expectError(parseMetricCsv(csv))).toEqual({
      message: 'line 4: duplicate timestamp 2024-01-15T10:00:00.000Z for metric "lag" (also on line 2)',
      line: 4,
    });
  });

  it("stops at the first row past the limit without reading the rest", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${1705312800 + i},lag,${i}`);
    const csv = `timestamp,metric,value\n${rows.join("\n")}\nnot,even,parsed\n`;
    expect(expectError(parseMetricCsv(csv, { maxRows: 4 }))).toEqual({
      message: "line 6: too many rows (limit 4)",
      line: 6,
    });
    expect(expectOk(parseMetricCsv(`timestamp,metric,value\n${rows.join("\n")}\n\n`, { maxRows: 5 })).pointCount).toBe(5);
  });

  it("reports the default row limit on line 200002", () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `${1705312800 + i},lag,1`);
    const error = expectError(parseMetricCsv(`timestamp,metric,value\n${rows.join("\n")}`));
    expect(error.message).toBe("line 200002: too many rows (limit 200000)");
  });

  it("rejects input over the byte limit, counting UTF-8 bytes", () => {
    const csv = "timestamp,metric,value\n1705312800,lag,1\n"; // 23 + 17 = 40 bytes
    expect(expectOk(parseMetricCsv(csv, { maxBytes: 40 })).pointCount).toBe(1);
    expect(expectError(parseMetricCsv(csv, { maxBytes: 39 })).message).toBe("file too large (limit 39 bytes)");
    // "é" is one UTF-16 unit (40 units in total) but two UTF-8 bytes: 41 bytes
    expect(expectError(parseMetricCsv(csv.replace("lag", "lég"), { maxBytes: 40 })).message).toMatch(/too large/);
    // "😀" is two UTF-16 units and four UTF-8 bytes: 40 units, 42 bytes
    const emoji = csv.replace("lag", "l😀");
    expect(expectError(parseMetricCsv(emoji, { maxBytes: 41 })).message).toMatch(/too large/);
    expect(expectOk(parseMetricCsv(emoji, { maxBytes: 42 })).series[0].metric).toBe("l😀");
  });
});

const prom = (result: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ status: "success", data: { resultType: "matrix", result }, ...extra });

describe("parsePrometheusRange", () => {
  it("renders series names from __name__ and sorted labels, and converts seconds to ms", () => {
    const text = prom([
      {
        metric: { __name__: "kafka_lag", topic: "orders", pod: "a" },
        values: [
          [1705312860, "5"],
          [1705312800.123, "42"],
        ],
      },
      { metric: { pod: 'b"1' }, values: [[1705312800, "1.5e2"]] },
      { metric: {}, values: [[1705312800, "0"]] },
    ]);
    const result = expectOk(parsePrometheusRange(text));
    expect(result.pointCount).toBe(4);
    expect(result.series).toEqual([
      {
        metric: 'kafka_lag{pod="a",topic="orders"}',
        labels: { pod: "a", topic: "orders" },
        timesMs: [T0 + 123, T0 + 60_000],
        values: [42, 5],
      },
      { metric: '{pod="b\\"1"}', labels: { pod: 'b"1' }, timesMs: [T0], values: [150] },
      { metric: "series 3", labels: {}, timesMs: [T0], values: [0] },
    ]);
  });

  it("rejects invalid JSON and non-object bodies", () => {
    expect(expectError(parsePrometheusRange("{oops")).message).toMatch(/^invalid JSON: /);
    expect(expectError(parsePrometheusRange("[]")).message).toMatch(/^expected a JSON object/);
  });

  it("passes on Prometheus's own error", () => {
    const text = JSON.stringify({ status: "error", errorType: "bad_data", error: 'invalid parameter "query"' });
    expect(expectError(parsePrometheusRange(text))).toEqual({
      message: 'status: Prometheus returned an error (bad_data): invalid parameter "query"',
      path: "status",
    });
  });

  it("rejects an instant query result", () => {
    const text = JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } });
    expect(expectError(parsePrometheusRange(text))).toEqual({
      message: 'data.resultType: expected "matrix" (a range query), got "vector"',
      path: "data.resultType",
    });
  });

  it("names the path of a missing or mistyped field", () => {
    expect(expectError(parsePrometheusRange(prom([{ metric: {} }]))).message).toBe("data.result[0].values: missing");
    expect(expectError(parsePrometheusRange(JSON.stringify({ status: "success" }))).message).toBe("data: missing");
    const badTime = prom([
      {
        metric: {},
        values: [
          [1705312800, "1"],
          ["1705312860", "2"],
        ],
      },
    ]);
    expect(expectError(parsePrometheusRange(badTime)).path).toBe("data.result[0].values[1][0]");
    expect(expectError(parsePrometheusRange(prom([{ metric: { pod: 1 }, values: [] }]))).path).toBe("data.result[0].metric.pod");
  });

  it.each(["NaN", "+Inf", "-Inf", "abc", ""])("rejects the sample value %j with its path", (raw) => {
    const series = { metric: {}, values: [[1705312800, "1"]] };
    const values = Array.from({ length: 18 }, (_, k) => [1705312800 + k * 15, k === 17 ? raw : "1"]);
    const text = prom([series, series, { metric: { __name__: "x" }, values }]);
    expect(expectError(parsePrometheusRange(text))).toEqual({
      message: `data.result[2].values[17][1]: not a number (${JSON.stringify(raw)})`,
      path: "data.result[2].values[17][1]",
    });
  });

  it("rejects duplicate timestamps within a series and an empty result", () => {
    const dup = prom([
      {
        metric: {},
        values: [
          [1705312800, "1"],
          [1705312800.0001, "2"],
        ],
      },
    ]);
    expect(expectError(parsePrometheusRange(dup)).path).toBe("data.result[0].values[1][0]");
    expect(expectError(parsePrometheusRange(prom([]))).message).toBe("data.result: the query returned no series");
  });

  it("counts points across series against the limit before validating them", () => {
    const three = {
      metric: {},
      values: [
        [1, "x"],
        [2, "x"],
        [3, "x"],
      ],
    };
    expect(expectError(parsePrometheusRange(prom([three, three]), { maxRows: 4 }))).toEqual({
      message: "data.result[1].values[1]: too many points (limit 4)",
      path: "data.result[1].values[1]",
    });
  });

  it("applies the byte limit", () => {
    expect(expectError(parsePrometheusRange(prom([]), { maxBytes: 10 })).message).toBe("file too large (limit 10 bytes)");
  });
});
