/**
 * How times read everywhere: always UTC, and labelled so where a time of day is shown (teams
 * in several time zones compare drill timelines). Pure. Pages show them through
 * components/ui/date-time.tsx (`<DateTime>`); strings (titles, confirmations) call these directly.
 */
type When = Date | string | number;

/** "2024-05-14 10:02:17 UTC" */
export function formatUtc(value: When): string {
  return `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "2024-05-14 10:02 UTC", or "—" when there is no time */
export function formatUtcMinutes(value: When | null | undefined): string {
  return value === null || value === undefined ? "—" : `${new Date(value).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "10:02:17" (UTC) */
export function formatUtcTime(value: When): string {
  return new Date(value).toISOString().slice(11, 19);
}

/** "2024-05-14" */
export function formatDay(value: When): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** "14 May 2024" (UTC, so server and browser agree) */
export function formatLongDay(value: When): string {
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "14 May 2024, 10:02 UTC" */
export function formatLongMinutes(value: When): string {
  const time = new Date(value).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${formatLongDay(value)}, ${time} UTC`;
}

/** "14 May" (UTC): chart ticks, where the year is in the axis' range */
export function formatShortDay(value: When): string {
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** The value a `datetime-local` input (read as UTC) shows for a stored time. */
export function toDateTimeInput(value: When | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 19) : "";
}
