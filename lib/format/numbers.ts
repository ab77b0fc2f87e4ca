/** How numbers, durations and sizes read everywhere (pages, reports, exports). Pure. */

/** "7 min 30 s", "45 s", "1 h 2 min", "250 ms" — for recovery times and gaps. */
export function formatSeconds(totalSec: number): string {
  const sign = totalSec < 0 ? "−" : "";
  const s = Math.abs(totalSec);
  if (s < 1) return `${sign}${Math.round(s * 1000)} ms`;
  if (s < 60) return `${sign}${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  const whole = Math.round(s);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const sec = whole % 60;
  if (h > 0) return `${sign}${h} h${m ? ` ${m} min` : ""}`;
  return `${sign}${m} min${sec ? ` ${sec} s` : ""}`;
}

/** 1234567.8 → "1,234,568"; 12.345 → "12.3"; null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A measurement or target with its unit; durations read as "7 min 45 s". */
export function formatMeasure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  return unit === "s" ? formatSeconds(value) : `${formatNumber(value)} ${unit}`;
}

/** 2048 → "2.0 KB" */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
