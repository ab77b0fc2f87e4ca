import { describe, expect, it } from "vitest";
import { computeReviewState, evaluateSlot, reapprovalMessage, signOffRefusal, type RuleDecision, type RuleSlot, type SignOffAttempt } from "./rules";

const now = new Date("2026-06-10T12:00:00Z");
const content = { version: 9, contentHash: "h9" };
let n = 0;

function decision(patch: Partial<RuleDecision> = {}): RuleDecision {
  n += 1;
  return {
    id: `d${n}`,
    decision: "approved",
    signerId: "alice",
    scorecardVersion: 9,
    contentHash: "h9",
    createdAt: new Date("2026-06-09T10:00:00Z"),
    invalidatedAt: null,
    invalidReason: null,
    lapsedAt: null,
    conditions: [],
    ...patch,
  };
}

function slot(decisions: RuleDecision[], patch: Partial<RuleSlot> = {}): RuleSlot {
  n += 1;
  return { id: `s${n}`, role: "sre", required: true, signerIds: ["alice"], decisions, ...patch };
}

describe("evaluateSlot", () => {
  it("awaits a sign-off when nobody decided yet", () => {
    expect(evaluateSlot(slot([]), content, now)).toMatchObject({ status: "awaiting", valid: false, current: null });
  });

  it("counts an approval of the current version and content hash", () => {
    expect(evaluateSlot(slot([decision()]), content, now)).toMatchObject({ status: "approved", valid: true });
    const conditional = decision({
      decision: "approved_with_conditions",
      conditions: [{ id: "c", what: "Zone drill", owner: "sre", dueDate: new Date("2026-06-20T23:59:59Z"), metAt: null }],
    });
    expect(evaluateSlot(slot([conditional]), content, now)).toMatchObject({ status: "approved_with_conditions", valid: true, lapsed: [] });
  });

  it("needs re-approval once the version moved on, or the hash differs, or the approval was invalidated", () => {
    for (const stale of [
      decision({ scorecardVersion: 7, contentHash: "h7" }),
      decision({ contentHash: "other" }),
      decision({ invalidatedAt: now, invalidReason: "content changed (v8 → v9)" }),
    ]) {
      const result = evaluateSlot(slot([stale]), content, now);
      expect(result).toMatchObject({ status: "reapproval_needed", valid: false, current: null });
      expect(result.lostApproval).toBe(stale);
    }
  });

  it("is back to awaiting when a request for changes was made on earlier content", () => {
    expect(evaluateSlot(slot([decision({ decision: "changes_requested", scorecardVersion: 8 })]), content, now).status).toBe("awaiting");
  });

  it("turns an approval with a lapsed condition into changes requested, but not one whose condition was met", () => {
    const due = new Date("2026-06-10T11:59:59Z");
    const lapsed = decision({ decision: "approved_with_conditions", conditions: [{ id: "c", what: "Zone drill", owner: "sre", dueDate: due, metAt: null }] });
    expect(evaluateSlot(slot([lapsed]), content, now)).toMatchObject({ status: "condition_lapsed", valid: false, lapsed: [{ what: "Zone drill" }] });
    const met = decision({
      decision: "approved_with_conditions",
      conditions: [{ id: "c", what: "Zone drill", owner: "sre", dueDate: due, metAt: new Date("2026-06-01T00:00:00Z") }],
    });
    expect(evaluateSlot(slot([met]), content, now).status).toBe("approved_with_conditions");
    // exactly at the due moment it has lapsed
    expect(evaluateSlot(slot([lapsed]), content, due).status).toBe("condition_lapsed");
  });

  it("takes the newest decision; older ones are history", () => {
    const s = slot([decision({ decision: "changes_requested" }), decision({ decision: "approved" })]);
    expect(evaluateSlot(s, content, now).status).toBe("changes_requested");
    const again = slot([decision({ decision: "approved" }), decision({ decision: "changes_requested" })]);
    expect(evaluateSlot(again, content, now).status).toBe("approved");
  });
});

describe("computeReviewState", () => {
  it("is draft without slots", () => {
    expect(computeReviewState([], content, now)).toBe("draft");
  });

  it("is approved only when every required role approved the current content", () => {
    const optional = slot([], { required: false, role: "finops" });
    expect(computeReviewState([slot([decision()]), slot([]), optional], content, now)).toBe("in_review");
    expect(computeReviewState([slot([decision()]), slot([decision({ decision: "approved_with_conditions" })]), optional], content, now)).toBe("approved");
    expect(computeReviewState([slot([decision()]), slot([decision({ scorecardVersion: 7 })])], content, now)).toBe("in_review");
  });

  it("is changes requested when a required role asks for changes or its condition lapsed, whatever the others say", () => {
    expect(computeReviewState([slot([decision()]), slot([decision({ decision: "changes_requested" })])], content, now)).toBe("changes_requested");
    const lapsed = decision({
      decision: "approved_with_conditions",
      conditions: [{ id: "c", what: "x", owner: "y", dueDate: new Date("2026-06-01T00:00:00Z"), metAt: null }],
    });
    expect(computeReviewState([slot([decision()]), slot([lapsed])], content, now)).toBe("changes_requested");
    // an optional role's request for changes is shown but does not block
    expect(computeReviewState([slot([decision()]), slot([decision({ decision: "changes_requested" })], { required: false })], content, now)).toBe("approved");
  });
});

describe("signOffRefusal", () => {
  const base: SignOffAttempt = {
    userId: "alice",
    role: "security",
    signerIds: ["alice"],
    ownerId: "olga",
    allowSelfApproval: false,
    decision: "approved",
    state: "in_review",
    seenVersion: 9,
    version: 9,
  };

  it("lets an assigned signer decide the version they read", () => {
    expect(signOffRefusal(base)).toBeNull();
  });

  it("refuses a role the person is not assigned to", () => {
    expect(signOffRefusal({ ...base, signerIds: ["bob"] })).toEqual({
      kind: "forbidden",
      message: "You are not assigned to sign for Security on this scorecard.",
    });
  });

  it("refuses the owner's own approval unless allowed, but lets the owner request changes", () => {
    const own = { ...base, ownerId: "alice" };
    expect(signOffRefusal(own)?.kind).toBe("forbidden");
    expect(signOffRefusal({ ...own, decision: "approved_with_conditions" })?.message).toMatch(/cannot approve it yourself/);
    expect(signOffRefusal({ ...own, decision: "changes_requested" })).toBeNull();
    expect(signOffRefusal({ ...own, allowSelfApproval: true })).toBeNull();
  });

  it("refuses a decision on a version that changed under the signer, and before any review was requested", () => {
    expect(signOffRefusal({ ...base, seenVersion: 7 })).toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("you read version 7, it is now version 9"),
    });
    expect(signOffRefusal({ ...base, state: "draft" })?.kind).toBe("invalid");
  });
});

describe("reapprovalMessage", () => {
  it("says which version was approved and which one is current", () => {
    expect(reapprovalMessage({ decision: "approved", scorecardVersion: 7 }, 9)).toBe("Approved v7, now v9: re-approval needed");
    expect(reapprovalMessage({ decision: "approved_with_conditions", scorecardVersion: 9 }, 9)).toBe(
      "Approved with conditions v9, but the content changed since: re-approval needed",
    );
  });
});
