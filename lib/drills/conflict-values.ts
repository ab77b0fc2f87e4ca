/**
 * A stored drill in the shape its edit form posts, so that a refused edit compares like with
 * like: times as a `datetime-local` input sends them (UTC, seconds only when not zero), ticks
 * as a checkbox sends them ("on", or blank). Everything else is compared as stored.
 */
import { toDateTimeInput } from "@/lib/format/dates";

interface StoredDrillFacts {
  startedAt: Date;
  endedAt: Date | null;
  realisticTraffic: boolean;
  rollbackNamedBefore: boolean;
}

/** "2026-03-01T10:00" or "2026-03-01T10:00:05", as a browser normalizes a `datetime-local` value; "" for none. */
function asDateTimeInput(value: Date | null): string {
  return toDateTimeInput(value).replace(/^(.{16}):00$/, "$1");
}

/** The drill with its times and ticks as the form posts them (its other fields untouched). */
export function drillAsFormValues<T extends StoredDrillFacts>(drill: T): Omit<T, keyof StoredDrillFacts> & Record<keyof StoredDrillFacts, string> {
  return {
    ...drill,
    startedAt: asDateTimeInput(drill.startedAt),
    endedAt: asDateTimeInput(drill.endedAt),
    realisticTraffic: drill.realisticTraffic ? "on" : "",
    rollbackNamedBefore: drill.rollbackNamedBefore ? "on" : "",
  };
}
