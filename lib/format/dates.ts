/**
 * How times read everywhere: always UTC, and labelled so where a time of day is shown (teams
 * in several time zones compare drill timelines). Pure.
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

/** The value a `datetime-local` input (read as UTC) shows for a stored time. */
export function toDateTimeInput(value: When | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 19) : "";
}
