/** Display helpers shared by the drill components. Every time is shown in UTC, labelled as such. */
import { formatSeconds } from "@/lib/drills/series-rules";

export { formatSeconds };

/** "2024-05-14 10:02:17 UTC" */
export function formatUtc(value: Date | string | number): string {
  return `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "10:02:17" (UTC) */
export function formatUtcTime(value: Date | string | number): string {
  return new Date(value).toISOString().slice(11, 19);
}

/** "2024-05-14" */
export function formatDay(value: Date | string | number): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** The value a `datetime-local` input (read as UTC) shows for a stored time. */
export function toDateTimeInput(value: Date | string | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 19) : "";
}

/** 1234567.8 → "1,234,568"; 12.345 → "12.3"; null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A measurement or target with its unit, durations made readable. */
export function formatMeasure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "—";
  if (unit === "s") return formatSeconds(value);
  return `${formatNumber(value)} ${unit}`;
}
