import { describe, expect, it } from "vitest";
import {
  chooseCurrentScorecards,
  clusterReadiness,
  outcomeStanding,
  templateOutcomeDrops,
  type ScorecardCandidate,
  type TemplateOutcome,
} from "./current-rules";

const at = (day: number) => new Date(Date.UTC(2026, 5, day));
const card = (id: string, templateKey: string, state: string, day: number): ScorecardCandidate => ({ id, templateKey, state, createdAt: at(day) });
const outcome = (templateKey: string, state: string, o: TemplateOutcome["outcome"], score = 50, scorecardId = `${templateKey}-1`): TemplateOutcome => ({
  templateKey,
  templateName: templateKey === "bf" ? "Broker failure recovery" : "Leader movement recovery",
  scorecardId,
  state,
  outcome: o,
  score,
});

describe("chooseCurrentScorecards", () => {
  it("takes the newest reviewed scorecard per template, a newer draft does not replace it", () => {
    const current = chooseCurrentScorecards([
      card("a", "bf", "approved", 1),
      card("b", "bf", "draft", 5),
      card("c", "bf", "in_review", 3),
      card("d", "lm", "draft", 2),
    ]);
    expect(Object.fromEntries(current)).toEqual({ bf: "c", lm: "d" });
  });
  it("takes the newest draft while none was sent to review, and changes requested counts as reviewed", () => {
    expect(chooseCurrentScorecards([card("a", "bf", "draft", 1), card("b", "bf", "draft", 2)]).get("bf")).toBe("b");
    expect(chooseCurrentScorecards([card("a", "bf", "changes_requested", 1), card("b", "bf", "draft", 2)]).get("bf")).toBe("a");
  });
  it("a new empty draft does not replace a draft somebody has assessed; once assessed, the newest draft is current", () => {
    const assessed = { ...card("a", "bf", "draft", 1), assessed: 4 };
    expect(chooseCurrentScorecards([assessed, { ...card("b", "bf", "draft", 2), assessed: 0 }]).get("bf")).toBe("a");
    expect(chooseCurrentScorecards([assessed, { ...card("b", "bf", "draft", 2), assessed: 1 }]).get("bf")).toBe("b");
    expect(
      chooseCurrentScorecards([
        { ...card("a", "bf", "draft", 1), assessed: 0 },
        { ...card("b", "bf", "draft", 2), assessed: 0 },
      ]).get("bf"),
    ).toBe("b");
  });
  it("never picks an archived scorecard: its template falls back to the previous one, or has none", () => {
    const archived = { ...card("new", "bf", "approved", 5), archived: true };
    expect(chooseCurrentScorecards([card("old", "bf", "in_review", 1), archived]).get("bf")).toBe("old");
    expect(chooseCurrentScorecards([archived]).has("bf")).toBe(false);
  });
  it("is deterministic on equal creation times", () => {
    expect(chooseCurrentScorecards([card("x", "bf", "draft", 1), card("y", "bf", "draft", 1)]).get("bf")).toBe("y");
  });
});

describe("clusterReadiness", () => {
  it("is the weakest reviewed outcome and ignores drafts while a reviewed one exists", () => {
    const ready = outcome("bf", "approved", "production_test", 100);
    const draft = outcome("lm", "draft", "not_ready", 0);
    expect(clusterReadiness([ready, draft])).toBe(ready);
    const lmInReview = outcome("lm", "in_review", "limited_workload", 60);
    expect(clusterReadiness([ready, lmInReview])).toBe(lmInReview);
  });
  it("a draft nobody has assessed yet does not lower the drafts that have been", () => {
    const ready = { ...outcome("bf", "draft", "production_test", 100), assessed: 13 };
    const started = { ...outcome("lm", "draft", "not_ready", 0), assessed: 0 };
    expect(clusterReadiness([ready, started])).toBe(ready);
    expect(clusterReadiness([started])).toBe(started);
  });

  it("counts drafts while no template was sent to review, lowest score on a tie, null without scorecards", () => {
    const a = outcome("bf", "draft", "limited_workload", 70);
    const b = outcome("lm", "draft", "limited_workload", 40);
    expect(clusterReadiness([a, b])).toBe(b);
    expect(clusterReadiness([])).toBeNull();
  });
});

describe("templateOutcomeDrops", () => {
  const ids = new Set(["bf-1", "lm-1"]);
  it("names a template whose outcome dropped", () => {
    const drops = templateOutcomeDrops([outcome("bf", "approved", "production_test")], [outcome("bf", "in_review", "limited_workload")], ids);
    expect(drops).toEqual(["“Broker failure recovery” dropped from “Ready for production test” to “Ready for limited workload”"]);
  });
  it("is never a drop for a new template, a deleted current scorecard or the first refresh", () => {
    expect(
      templateOutcomeDrops(
        [outcome("bf", "approved", "production_test")],
        [outcome("bf", "approved", "production_test"), outcome("lm", "draft", "not_ready")],
        ids,
      ),
    ).toEqual([]);
    expect(templateOutcomeDrops([outcome("bf", "approved", "production_test", 100, "gone")], [outcome("bf", "draft", "not_ready")], ids)).toEqual([]);
    expect(templateOutcomeDrops(null, [outcome("bf", "draft", "not_ready")], ids)).toEqual([]);
  });
});

describe("outcomeStanding", () => {
  const bf = { ...outcome("bf", "draft", "limited_workload"), assessed: 3 };
  const lm = { ...outcome("lm", "draft", "not_ready"), assessed: 0 };
  it("marks an unassessed draft beside an assessed one as not counted, and a counted draft as draft", () => {
    expect(outcomeStanding([bf, lm], lm)).toEqual({ label: "not counted", note: expect.stringMatching(/nothing in this draft/) });
    expect(outcomeStanding([bf, lm], bf)).toEqual({ label: "draft", note: expect.stringMatching(/counted until/) });
    expect(clusterReadiness([bf, lm])?.templateKey).toBe("bf");
  });
  it("marks drafts as not counted once an assessment was sent to review, and reviewed ones not at all", () => {
    const reviewed = outcome("lm", "in_review", "not_ready");
    expect(outcomeStanding([bf, reviewed], bf)?.note).toMatch(/sent to review/);
    expect(outcomeStanding([bf, reviewed], reviewed)).toBeNull();
  });
});
