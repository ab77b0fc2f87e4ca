import { describe, expect, it } from "vitest";
import { collectRows, requestReviewSchema, signOffSchema } from "./schema";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("collectRows", () => {
  it("turns indexed form fields into rows, keeping each row at its index", () => {
    expect(collectRows({ scorecardId: "s", "slots.0.role": "sre", "slots.2.role": "x", "slots.2.signerIds": ["a", "b"] }, "slots")).toEqual({
      scorecardId: "s",
      slots: [{ role: "sre" }, {}, { role: "x", signerIds: ["a", "b"] }],
    });
    const json = { slots: [{ role: "sre" }] };
    expect(collectRows(json, "slots")).toBe(json);
  });
});

describe("requestReviewSchema", () => {
  it("reads the form: unticked default roles drop out, custom roles stay, one signer becomes a list", () => {
    const parsed = requestReviewSchema.parse({
      scorecardId: "sc1",
      "slots.0.role": "sre",
      "slots.0.required": "on",
      "slots.0.signerIds": "u1",
      "slots.1.required": "on", // application owner unticked: no role sent
      "slots.4.role": "  Data protection ",
      "slots.4.signerIds": ["u2", "u2", "u3"],
    });
    expect(parsed).toEqual({
      scorecardId: "sc1",
      slots: [
        { role: "sre", required: true, signerIds: ["u1"] },
        { role: "Data protection", required: false, signerIds: ["u2", "u3"] },
      ],
    });
  });

  it("puts each problem beside its row", () => {
    const result = requestReviewSchema.safeParse({
      scorecardId: "sc1",
      "slots.0.role": "security",
      "slots.0.required": "on",
      "slots.1.role": "Security",
      "slots.1.signerIds": "u1",
      "slots.3.signerIds": "u2",
    });
    expect(issues(result)).toEqual({
      "slots.0.signerIds": "Choose at least one person who may sign for this role",
      "slots.1.role": "“Security” is already in the list",
      "slots.3.role": "Name the role these people sign for",
    });
  });

  it("needs at least one role, and at least one of them required", () => {
    expect(issues(requestReviewSchema.safeParse({ scorecardId: "sc1" }))).toEqual({ slots: "Choose at least one role that must sign off" });
    expect(issues(requestReviewSchema.safeParse({ scorecardId: "sc1", slots: [{ role: "finops", signerIds: ["u"] }] }))).toEqual({
      slots: "Make at least one role required",
    });
  });
});

describe("signOffSchema", () => {
  const base = { slotId: "slot1", version: "7" };

  it("reads an approval with conditions, ignoring blank rows", () => {
    const parsed = signOffSchema.parse({
      ...base,
      decision: "approved_with_conditions",
      comment: " fine ",
      "conditions.0.what": "Run a zone drill",
      "conditions.0.owner": "sre",
      "conditions.0.dueDate": "2026-12-01",
      "conditions.1.what": "",
    });
    expect(parsed).toEqual({
      slotId: "slot1",
      version: 7,
      decision: "approved_with_conditions",
      comment: "fine",
      conditions: [{ index: 0, what: "Run a zone drill", owner: "sre", dueDay: new Date("2026-12-01T00:00:00Z") }],
    });
  });

  it("drops conditions sent with a plain approval, and asks what to change with a request for changes", () => {
    expect(signOffSchema.parse({ ...base, decision: "approved", "conditions.0.what": "x" }).conditions).toEqual([]);
    expect(issues(signOffSchema.safeParse({ ...base, decision: "changes_requested", comment: "  " }))).toEqual({ comment: "Say what needs to change" });
    expect(issues(signOffSchema.safeParse({ ...base, decision: "maybe" }))).toEqual({
      decision: "Choose approve, approve with conditions, or request changes",
    });
  });

  it("names the condition field at fault", () => {
    const result = signOffSchema.safeParse({ ...base, decision: "approved_with_conditions", "conditions.1.what": "x", "conditions.1.dueDate": "31/12/2026" });
    expect(issues(result)).toEqual({ "conditions.1.owner": "Name who owns it", "conditions.1.dueDate": "Due date must be a date like 2025-06-30" });
  });
});
