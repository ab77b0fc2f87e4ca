import { describe, expect, it } from "vitest";
import { parseDraft, sameValues } from "./item-drafts";

const values = { status: "pass" as const, justification: "", notes: "n", ownerRole: "sre" };

describe("item drafts", () => {
  it("reads a well-formed draft", () => {
    const draft = { baseVersion: 3, values, state: "unsaved" };
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it.each([
    ["not JSON", "{oops"],
    ["unknown status", JSON.stringify({ baseVersion: 1, values: { ...values, status: "done" }, state: "unsaved" })],
    ["missing version", JSON.stringify({ values, state: "unsaved" })],
    ["unknown state", JSON.stringify({ baseVersion: 1, values, state: "pending" })],
    ["notes not text", JSON.stringify({ baseVersion: 1, values: { ...values, notes: 5 }, state: "saved" })],
  ])("ignores a draft with %s", (_why, raw) => {
    expect(parseDraft(raw)).toBeNull();
  });

  it("compares values, treating a missing owner like none", () => {
    expect(sameValues(values, { ...values })).toBe(true);
    expect(sameValues({ ...values, ownerRole: null }, { ...values, ownerRole: null })).toBe(true);
    expect(sameValues(values, { ...values, notes: "m" })).toBe(false);
  });
});
