import { describe, expect, it } from "vitest";
import { evidenceCapturedAt } from "./dating-rules";

const now = new Date("2026-06-10T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("evidenceCapturedAt", () => {
  it("dates drill evidence by the drill's start, however late it is cited", () => {
    const started = new Date("2026-01-08T09:30:00Z");
    expect(evidenceCapturedAt({ kind: "drill", capturedOn: null, drillStartedAt: started }, now)).toEqual({ ok: true, capturedAt: started });
    expect(evidenceCapturedAt({ kind: "drill", capturedOn: day("2026-01-08"), drillStartedAt: started }, now)).toEqual({ ok: true, capturedAt: started });
  });

  it("refuses a captured day that differs from the cited drill's, naming the drill's day", () => {
    const started = new Date("2026-01-08T09:30:00Z");
    const later = evidenceCapturedAt({ kind: "drill", capturedOn: day("2026-06-10"), drillStartedAt: started }, now);
    expect(later).toEqual({ ok: false, field: "capturedAt", message: expect.stringContaining("dated by the drill's start (2026-01-08)") });
    expect(evidenceCapturedAt({ kind: "drill", capturedOn: day("2026-01-01"), drillStartedAt: started }, now).ok).toBe(false);
  });

  it("dates a metric export by the end of its data, and refuses a later day", () => {
    const end = new Date("2026-05-02T10:15:00Z");
    expect(evidenceCapturedAt({ kind: "metric_export", capturedOn: null, dataEndsAt: end }, now)).toEqual({ ok: true, capturedAt: end });
    expect(evidenceCapturedAt({ kind: "metric_export", capturedOn: day("2026-05-02"), dataEndsAt: end }, now)).toEqual({ ok: true, capturedAt: end });
    expect(evidenceCapturedAt({ kind: "metric_export", capturedOn: day("2026-05-03"), dataEndsAt: end }, now)).toMatchObject({
      ok: false,
      message: "The export's data ends on 2026-05-02; the captured day cannot be later than that",
    });
    expect(evidenceCapturedAt({ kind: "metric_export", capturedOn: null, dataEndsAt: new Date("2026-06-11T00:00:00Z") }, now).ok).toBe(false);
  });

  it("dates links, notes, files and unreadable exports by the given day, today when blank, never later", () => {
    expect(evidenceCapturedAt({ kind: "link", capturedOn: null }, now)).toEqual({ ok: true, capturedAt: day("2026-06-10") });
    expect(evidenceCapturedAt({ kind: "note", capturedOn: day("2026-02-01") }, now)).toEqual({ ok: true, capturedAt: day("2026-02-01") });
    expect(evidenceCapturedAt({ kind: "metric_export", capturedOn: day("2026-03-01"), dataEndsAt: null }, now)).toEqual({
      ok: true,
      capturedAt: day("2026-03-01"),
    });
    expect(evidenceCapturedAt({ kind: "file", capturedOn: day("2026-06-11") }, now)).toEqual({
      ok: false,
      field: "capturedAt",
      message: "The captured day cannot be in the future",
    });
  });
});
