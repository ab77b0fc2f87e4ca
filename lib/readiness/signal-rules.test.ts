import { describe, expect, it } from "vitest";
import { MATRIX_QUESTIONS, type MatrixAnswer } from "@/lib/domain/constants";
import { evaluateMatrix } from "@/lib/drills/rules";
import { decideRegression, drillResultFromAnswers, nextSignalBoundary, type RegressionInput } from "./signal-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const now = day("2026-06-01");

describe("drillResultFromAnswers", () => {
  it("agrees with evaluateMatrix on every answer combination that matters", () => {
    const cases: MatrixAnswer[][] = [
      ["green", "green", "green", "green", "green"],
      ["green", "red", "green", "green", "green"],
      ["green", "green", "not_assessed", "green", "green"],
      ["green", "green"],
      [],
      ["red", "not_assessed"],
      ["green", "green", "does_not_apply", "green", "green"],
      ["does_not_apply", "does_not_apply", "does_not_apply", "does_not_apply", "does_not_apply"],
      ["does_not_apply", "red", "green", "green", "green"],
      ["green", "does_not_apply", "not_assessed", "green", "green"],
    ];
    for (const answers of cases) {
      const keyed = Object.fromEntries(answers.map((a, i) => [MATRIX_QUESTIONS[i], a]));
      expect(drillResultFromAnswers(answers)).toBe(evaluateMatrix(keyed).decision);
    }
  });
});

describe("nextSignalBoundary", () => {
  const base = { freshnessDays: 90, evidenceCapturedAt: [], exemptionExpiresAt: [], drillStartedAt: [], conditionDueAt: [] };

  it("is null when nothing lies ahead", () => {
    expect(nextSignalBoundary(base, now)).toBeNull();
    expect(nextSignalBoundary({ ...base, evidenceCapturedAt: [day("2025-01-01")] }, now)).toBeNull();
  });

  it("picks the earliest of evidence turning stale, a drill leaving the window, an exemption or a condition", () => {
    // evidence captured 2026-05-01 turns stale one millisecond after 90 days: 2026-07-30T00:00:00.001Z
    const evidence = nextSignalBoundary({ ...base, evidenceCapturedAt: [day("2026-05-01"), day("2026-04-01")] }, now);
    expect(evidence?.toISOString()).toBe("2026-06-30T00:00:00.001Z");
    const all = nextSignalBoundary(
      {
        ...base,
        evidenceCapturedAt: [day("2026-05-01")],
        drillStartedAt: [day("2026-03-10")],
        exemptionExpiresAt: [day("2026-06-20")],
        conditionDueAt: [day("2026-06-05")],
      },
      now,
    );
    expect(all?.toISOString()).toBe("2026-06-05T00:00:00.000Z");
    // the drill of 2026-03-10 leaves the window on 2026-06-08 (+1 ms), before the exemption
    expect(nextSignalBoundary({ ...base, drillStartedAt: [day("2026-03-10")], exemptionExpiresAt: [day("2026-06-20")] }, now)?.toISOString()).toBe(
      "2026-06-08T00:00:00.001Z",
    );
  });

  it("uses the cluster's own window", () => {
    expect(nextSignalBoundary({ ...base, freshnessDays: 7, evidenceCapturedAt: [day("2026-05-30")] }, now)?.toISOString()).toBe("2026-06-06T00:00:00.001Z");
  });
});

describe("decideRegression", () => {
  const input = (patch: Partial<RegressionInput> = {}, previous: Partial<RegressionInput["previous"]> = {}): RegressionInput => ({
    previous: { outcome: "production_test", openRedAnswers: 0, regressedAt: null, regressionReason: null, regressedFrom: null, ...previous },
    outcome: "production_test",
    outcomeDrops: [],
    openRedAnswers: 0,
    itemsGoneStale: [],
    exemptionsExpired: [],
    approvalsInvalidated: [],
    conditionsLapsed: [],
    staleOnlyItems: 0,
    lapsedExemptionItems: 0,
    invalidatedSignOffs: 0,
    ...patch,
  });

  it("leaves a healthy cluster alone", () => {
    expect(decideRegression(input(), now)).toEqual({ events: [], regressedAt: null, regressionReason: null, regressedFrom: null, change: null });
  });

  it("flags an outcome drop with its causes and remembers where the cluster was", () => {
    const drop = "“Broker failure recovery” dropped from “Ready for production test” to “Ready for limited workload”";
    const d = decideRegression(input({ outcome: "limited_workload", outcomeDrops: [drop], itemsGoneStale: ["Failure drill"], staleOnlyItems: 1 }), now);
    expect(d.change).toBe("flagged");
    expect(d.regressedAt).toEqual(now);
    expect(d.regressedFrom).toBe("production_test");
    expect(d.regressionReason).toBe(`Outcome of ${drop}; Evidence went stale for “Failure drill”`);
  });

  it("flags an expired exemption, an invalidated sign-off, a lapsed condition and new red answers even without a drop", () => {
    const d = decideRegression(
      input(
        {
          outcome: "not_ready",
          exemptionsExpired: ["Rollback plan"],
          approvalsInvalidated: ["SRE sign-off (content changed)"],
          conditionsLapsed: ["Run a zone drill"],
          openRedAnswers: 2,
        },
        { outcome: "not_ready", openRedAnswers: 1 },
      ),
      now,
    );
    expect(d.events).toEqual([
      "Exemption expired for “Rollback plan”",
      "Sign-off invalidated: SRE sign-off (content changed)",
      "Approval condition lapsed: “Run a zone drill”",
      "1 new red answer in a drill's decision matrix",
    ]);
    expect(d.regressedFrom).toBe("not_ready");
  });

  it("keeps the flag (and its first baseline) while the cluster is still below where it was", () => {
    const flaggedAt = day("2026-05-20");
    const previous = {
      outcome: "limited_workload" as const,
      regressedAt: flaggedAt,
      regressionReason: "Outcome dropped",
      regressedFrom: "production_test" as const,
    };
    expect(decideRegression(input({ outcome: "limited_workload" }, previous), now)).toMatchObject({
      change: null,
      regressedAt: flaggedAt,
      regressionReason: "Outcome dropped",
    });
    // a further drop extends the flag but keeps the original baseline
    const drop = "“Broker failure recovery” dropped from “Ready for limited workload” to “Not ready”";
    expect(decideRegression(input({ outcome: "not_ready", outcomeDrops: [drop] }, previous), now)).toMatchObject({
      change: "flagged",
      regressedFrom: "production_test",
    });
    // a lower cluster outcome alone (a template assessed for the first time) is no drop
    expect(decideRegression(input({ outcome: "not_ready" }, previous), now)).toMatchObject({ change: null, regressedAt: flaggedAt });
  });

  it("clears once the cluster is back where it was with the causes gone, or above it", () => {
    const previous = {
      outcome: "limited_workload" as const,
      regressedAt: day("2026-05-20"),
      regressionReason: "x",
      regressedFrom: "limited_workload" as const,
    };
    expect(decideRegression(input({ outcome: "limited_workload", staleOnlyItems: 1 }, previous), now).change).toBeNull();
    expect(decideRegression(input({ outcome: "limited_workload" }, previous), now)).toMatchObject({
      change: "cleared",
      regressedAt: null,
      regressionReason: null,
    });
    expect(decideRegression(input({ outcome: "production_test", staleOnlyItems: 3 }, previous), now).change).toBe("cleared");
  });
});
