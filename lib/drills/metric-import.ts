/**
 * Parsing of imported metric time series (CSV `timestamp,metric,value` and Prometheus
 * range-query JSON) into per-metric series sorted by time. Pure: no I/O, no framework.
 * Every rejection names the place of the fault — a 1-based line number for CSV (the header
 * is line 1) or a JSON path for Prometheus — so the drill page can show it next to the upload.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";

export type MetricSeriesInput = {
  metric: string;
  labels: Record<string, string>;
  timesMs: number[];
  values: number[];
};

export type ImportResult =
  { ok: true; series: MetricSeriesInput[]; pointCount: number } | { ok: false; error: { message: string; line?: number; path?: string } };

/** Limits on one import. For Prometheus `maxRows` caps the total number of points. */
export type ImportLimits = { maxRows?: number; maxBytes?: number };

export const DEFAULT_MAX_ROWS = 200_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

type Fail = Extract<ImportResult, { ok: false }>;
const fail = (message: string, where: { line?: number; path?: string } = {}): Fail => ({ ok: false, error: { message, ...where } });
const failAtLine = (line: number, message: string) => fail(`line ${line}: ${message}`, { line });
const failAtPath = (path: string, message: string) => (path ? fail(`${path}: ${message}`, { path }) : fail(message));

/** Exact UTF-8 size, stopping as soon as the limit is passed (no 20 MB buffer is allocated). */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true; // every UTF-16 unit is at least one UTF-8 byte
  if (text.length * 3 <= maxBytes) return false; // every unit is at most three bytes
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}

function checkSize(text: string, opts: ImportLimits): Fail | null {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  return exceedsBytes(text, maxBytes) ? fail(`file too large (limit ${maxBytes} bytes)`) : null;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or null. Stricter than Number(): rejects "", "0x1F", "Infinity", "NaN". */
function parseDecimal(raw: string): number | null {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** Past this an epoch number is more likely micro- or nanoseconds than a date (year 5138). */
const MAX_EPOCH_MS = 1e14;

/**
 * Epoch milliseconds of an ISO-8601 timestamp or an epoch number (seconds, or milliseconds when
 * above 1e11 — i.e. after 1973 in ms, or after year 5138 in seconds). A date-time without an
 * offset is read as UTC so the result never depends on the server's time zone.
 */
export function parseTimestamp(raw: string): number | null {
  const s = raw.trim();
  const n = parseDecimal(s);
  if (n !== null) {
    if (n < 0) return null;
    const ms = n > 1e11 ? n : n * 1000;
    return ms > MAX_EPOCH_MS ? null : Math.round(ms);
  }
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "", zone = "Z"] = m;
  const fields = [+y, +mo - 1, +d, +h, +mi, +sec] as const;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0")); // truncated: rounding could roll into the next second
  const local = Date.UTC(...fields, ms);
  const back = new Date(local);
  // Date.UTC rolls over (Feb 30 → Mar 2); a round trip catches impossible dates and times.
  const valid =
    back.getUTCFullYear() === fields[0] &&
    back.getUTCMonth() === fields[1] &&
    back.getUTCDate() === fields[2] &&
    back.getUTCHours() === fields[3] &&
    back.getUTCMinutes() === fields[4];
  if (!valid) return null;
  if (zone.toUpperCase() === "Z") return local;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return local - sign * offsetMin * 60_000;
}

/**
 * Splits one CSV record into fields (RFC 4180 quoting, `""` escapes a quote). Records never
 * span lines: an unterminated quote is an error rather than a silent merge with the next line.
 */
function splitCsvLine(line: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === " " || line[i] === "\t") i++;
    if (line[i] === '"') {
      let value = "";
      let q = line.indexOf('"', ++i);
      while (q >= 0 && line[q + 1] === '"') {
        value += line.slice(i, q + 1); // keeps one of the two quotes
        i = q + 2;
        q = line.indexOf('"', i);
      }
      if (q < 0) return "unterminated quoted field";
      value += line.slice(i, q);
      i = q + 1;
      while (line[i] === " " || line[i] === "\t") i++;
      if (i < line.length && line[i] !== ",") return "unexpected text after a closing quote";
      fields.push(value);
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end).trim());
      i = end;
    }
    if (i >= line.length) return fields;
    i++; // skip the comma; a trailing comma yields one more empty field
    if (i === line.length) return [...fields, ""];
  }
}

/**
 * Parses a CSV export with the header `timestamp,metric,value` (case and surrounding spaces
 * ignored, fields optionally quoted). Blank lines are skipped but still counted for line
 * numbers. Rows may come in any order; each metric's points are returned sorted by time.
 * Fails on the first bad row, and stops reading as soon as `maxRows` data rows are exceeded.
 *
 * Hand-written: no CSV library (papaparse, csv-parse) is installed, and the format is three
 * flat columns, so a small splitter is cheaper than a new dependency.
 */
export function parseMetricCsv(text: string, opts: ImportLimits = {}): ImportResult {
  const tooBig = checkSize(text, opts);
  if (tooBig) return tooBig;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  // metric → timestamp → [line, value]; the line names the first sighting of a duplicate
  const byMetric = new Map<string, Map<number, [line: number, value: number]>>();
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark from spreadsheet exports
  let lineNo = 0;
  let rows = 0;
  let sawHeader = false;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end > pos && text[end - 1] === "\r" ? end - 1 : end);
    pos = end + 1;
    lineNo++;
    if (line.trim() === "") {
      if (!sawHeader) return failAtLine(lineNo, "expected the header timestamp,metric,value");
      continue;
    }
    const fields = splitCsvLine(line);
    if (typeof fields === "string") return failAtLine(lineNo, fields);
    if (!sawHeader) {
      if (fields.map((f) => f.trim().toLowerCase()).join(",") !== "timestamp,metric,value") {
        return failAtLine(lineNo, "expected the header timestamp,metric,value");
      }
      sawHeader = true;
      continue;
    }
    if (++rows > maxRows) return failAtLine(lineNo, `too many rows (limit ${maxRows})`);
    if (fields.length !== 3) return failAtLine(lineNo, `expected 3 fields, found ${fields.length}`);
    const [rawTime, metric, rawValue] = fields;
    const t = parseTimestamp(rawTime);
    if (t === null) {
      return failAtLine(lineNo, `invalid timestamp "${rawTime}" (use ISO-8601, epoch seconds or epoch milliseconds)`);
    }
    if (metric === "") return failAtLine(lineNo, "metric name is empty");
    const v = parseDecimal(rawValue);
    if (v === null) return failAtLine(lineNo, `value "${rawValue}" is not a finite number`);
    let points = byMetric.get(metric);
    if (!points) byMetric.set(metric, (points = new Map()));
    const first = points.get(t);
    if (first) {
      const when = new Date(t).toISOString();
      return failAtLine(lineNo, `duplicate timestamp ${when} for metric "${metric}" (also on line ${first[0]})`);
    }
    points.set(t, [lineNo, v]);
  }
  if (!sawHeader) return failAtLine(1, "expected the header timestamp,metric,value");
  if (rows === 0) return fail("no data rows after the header");
  const series = [...byMetric].map(([metric, points]) => {
    const times = [...points.keys()].sort((a, b) => a - b);
    return { metric, labels: {}, timesMs: times, values: times.map((t) => points.get(t)![1]) };
  });
  return { ok: true, series, pointCount: rows };
}

const promMatrix = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("matrix", {
      error: (iss) => `expected "matrix" (a range query), got ${JSON.stringify(iss.input)}`,
    }),
    result: z.array(
      z.object({
        metric: z.record(boundaryString(), boundaryString()),
        values: z.array(z.tuple([z.number(), boundaryString()])),
      }),
    ),
  }),
});

/** `data.result[2].values[17][1]` from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** Prometheus's own rendering: `name{a="x",b="y"}`, labels sorted, quotes and backslashes escaped. */
function renderSeriesName(metric: Record<string, string>, index: number) {
  const { __name__: name = "", ...labels } = metric;
  const keys = Object.keys(labels).sort();
  const body = keys.map((k) => `${k}="${labels[k].replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n")}"`).join(",");
  const sorted = Object.fromEntries(keys.map((k) => [k, labels[k]]));
  if (!name && !body) return { name: `series ${index + 1}`, labels: sorted };
  return { name: body ? `${name}{${body}}` : name, labels: sorted };
}

/**
 * Parses the JSON body of a Prometheus range query (`/api/v1/query_range`, resultType
 * "matrix"). Timestamps are epoch seconds (fractional allowed); sample values are strings, and
 * Prometheus's "NaN", "+Inf" and "-Inf" are rejected like any other non-number because a
 * recovery time cannot be computed from them. `maxRows` caps the total number of points and is
 * checked before anything else is validated. The series name is `__name__` followed by its
 * other labels (`up{pod="a"}`); `labels` holds the labels without `__name__`.
 */
export function parsePrometheusRange(text: string, opts: ImportLimits = {}): ImportResult {
  const tooBig = checkSize(text, opts);
  if (tooBig) return tooBig;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return failAtPath("", `invalid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return failAtPath("", "expected a JSON object (the Prometheus API response)");
  }
  const body = json as { status?: unknown; errorType?: unknown; error?: unknown; data?: { result?: unknown } };
  if (body.status === "error") {
    const kind = typeof body.errorType === "string" ? ` (${body.errorType})` : "";
    const detail = typeof body.error === "string" ? `: ${body.error}` : "";
    return failAtPath("status", `Prometheus returned an error${kind}${detail}`);
  }

  // Count before validating so an oversized export fails fast.
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const rawResult = body.data?.result;
  if (Array.isArray(rawResult)) {
    let total = 0;
    for (let i = 0; i < rawResult.length; i++) {
      const n = Array.isArray(rawResult[i]?.values) ? rawResult[i].values.length : 0;
      if (total + n > maxRows) {
        return failAtPath(`data.result[${i}].values[${maxRows - total}]`, `too many points (limit ${maxRows})`);
      }
      total += n;
    }
  }

  const parsed = promMatrix.safeParse(json, {
    error: (iss) => (iss.code === "invalid_type" && iss.input === undefined ? "missing" : undefined),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failAtPath(formatPath(issue.path), issue.message);
  }
  const result = parsed.data.data.result;
  if (result.length === 0) return failAtPath("data.result", "the query returned no series");

  let pointCount = 0;
  const series: MetricSeriesInput[] = [];
  for (let i = 0; i < result.length; i++) {
    const pts: [number, number][] = [];
    const seen = new Set<number>();
    const values = result[i].values;
    for (let k = 0; k < values.length; k++) {
      const [seconds, raw] = values[k];
      const at = (j: 0 | 1) => `data.result[${i}].values[${k}][${j}]`;
      const t = Math.round(seconds * 1000);
      if (!Number.isFinite(t) || t < 0) return failAtPath(at(0), "invalid timestamp");
      if (seen.has(t)) return failAtPath(at(0), "duplicate timestamp in this series");
      seen.add(t);
      const v = parseDecimal(raw);
      if (v === null) return failAtPath(at(1), `not a number (${JSON.stringify(raw)})`);
      pts.push([t, v]);
    }
    pts.sort((a, b) => a[0] - b[0]);
    const { name, labels } = renderSeriesName(result[i].metric, i);
    pointCount += pts.length;
    series.push({ metric: name, labels, timesMs: pts.map((p) => p[0]), values: pts.map((p) => p[1]) });
  }
  return { ok: true, series, pointCount };
}
