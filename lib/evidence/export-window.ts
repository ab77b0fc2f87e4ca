/**
 * The end of a metric export's data window: the newest sample in an uploaded CSV or
 * Prometheus range-query JSON file, read with the same parsers as a drill's metric import.
 * Null when the file is not series Drillbook can read (a screenshot, a PDF): such an export is
 * then dated like any file. Pure.
 */
import { parseMetricCsv, parsePrometheusRange } from "@/lib/drills/metric-import";

export function exportDataEnd(file: { name: string; bytes: Uint8Array }): Date | null {
  const name = file.name.toLowerCase();
  if (!/\.(csv|json|txt)$/.test(name)) return null;
  const text = new TextDecoder("utf-8", { fatal: false }).decode(file.bytes);
  const parsed = name.endsWith(".json") ? parsePrometheusRange(text) : parseMetricCsv(text);
  if (!parsed.ok) return null;
  let newest = -Infinity;
  for (const s of parsed.series) for (const t of s.timesMs) if (t > newest) newest = t;
  return Number.isFinite(newest) ? new Date(newest) : null;
}
