import { formatDay, formatLongDay, formatLongMinutes, formatUtc, formatUtcMinutes } from "@/lib/format/dates";

/** How a <DateTime> reads, each one a function of lib/format/dates.ts (the one date module). */
const FORMATS = {
  /** "2026-12-02" */
  day: formatDay,
  /** "2026-12-02 07:07 UTC" */
  minutes: formatUtcMinutes,
  /** "2026-12-02 07:07:07 UTC" */
  seconds: formatUtc,
  /** "2 Dec 2026" */
  "long-day": formatLongDay,
  /** "2 Dec 2026, 07:07 UTC" */
  "long-minutes": formatLongMinutes,
} as const;

export type DateTimeFormat = keyof typeof FORMATS;

/** A moment as a <time> element: machine-readable ISO in `dateTime`, the text in UTC. */
export function DateTime({ value, format, className }: { value: Date | string; format: DateTimeFormat; className?: string }) {
  return (
    <time dateTime={new Date(value).toISOString()} className={className}>
      {FORMATS[format](value)}
    </time>
  );
}
