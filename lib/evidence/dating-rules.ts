/**
 * Evidence is dated by what it proves, and staleness of every kind follows that date:
 *
 * - a **drill** is as old as the drill: its evidence is dated by the drill's start, whatever
 *   day it was cited on (a Captured-on day other than the drill's is refused);
 * - a **metric export** whose file holds time series is as old as its newest sample (the end of
 *   its data window); a Captured-on day later than that is refused; a link to metrics, or a
 *   file Drillbook cannot read as series, is dated like a link;
 * - a **link, note or file** is dated by its Captured-on day (today when left blank), which can
 *   be earlier than today but never later.
 *
 * Pure: no Next, React or Prisma imports.
 */
import type { EvidenceKind } from "@/lib/domain/constants";
import { endOfUtcDay, startOfUtcDay } from "@/lib/validation/date-field";

export interface DatingInput {
  kind: EvidenceKind;
  /** the Captured-on day someone gave (00:00 UTC), or null when left blank */
  capturedOn: Date | null;
  /** for drill evidence: when the cited drill started */
  drillStartedAt?: Date | null;
  /** for a metric export: the time of its newest sample, when its file holds series */
  dataEndsAt?: Date | null;
}

export type Dating = { ok: true; capturedAt: Date } | { ok: false; field: "capturedAt"; message: string };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The time a piece of evidence is captured at, or why the given day cannot be. */
export function evidenceCapturedAt(input: DatingInput, now: Date): Dating {
  const refuse = (message: string): Dating => ({ ok: false, field: "capturedAt", message });
  if (input.capturedOn && input.capturedOn.getTime() > endOfUtcDay(now).getTime()) return refuse("The captured day cannot be in the future");
  if (input.kind === "drill" && input.drillStartedAt) {
    const started = input.drillStartedAt;
    if (input.capturedOn && day(input.capturedOn) !== day(started)) {
      return refuse(`Evidence citing a drill is dated by the drill's start (${day(started)}): leave the day empty or give that day`);
    }
    return { ok: true, capturedAt: started };
  }
  if (input.kind === "metric_export" && input.dataEndsAt) {
    const end = input.dataEndsAt;
    if (end.getTime() > now.getTime()) return refuse(`The exported data ends in the future (${end.toISOString()}); check the file's timestamps`);
    if (input.capturedOn && input.capturedOn.getTime() > endOfUtcDay(end).getTime()) {
      return refuse(`The export's data ends on ${day(end)}; the captured day cannot be later than that`);
    }
    return { ok: true, capturedAt: end };
  }
  return { ok: true, capturedAt: input.capturedOn ?? startOfUtcDay(now) };
}
