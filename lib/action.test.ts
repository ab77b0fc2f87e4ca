import { describe, expect, it, vi } from "vitest";
import { ConflictError, DomainError } from "@/lib/errors";
import { z } from "zod";
import { errorState, toFieldErrors } from "./action";
import { groupFieldErrors } from "./action-state";

// lib/action.ts reaches the session (and through it the database) only when an action runs;
// vi.mock is hoisted above the imports
vi.mock("@/lib/auth/session", () => ({ requirePermission: vi.fn() }));
vi.mock("next/cache", () => ({ refresh: vi.fn() }));

const savedAt = new Date("2025-03-04T10:02:17.000Z");

/** The row updateCluster re-reads when another save won: revision 5, their owner team and tags. */
const current = {
  id: "c1",
  revision: 5,
  name: "orders",
  version: "3.9.0",
  ownerTeam: "payments-platform",
  tags: ["tier-1", "pci"],
  notes: "",
  walType: null,
  updatedAt: savedAt,
};

/** What the losing form posted, in form order: it was opened at revision 4. */
const typed = {
  id: "c1",
  revision: "4",
  name: "orders",
  ownerTeam: "checkout-platform",
  tags: "tier-1",
  version: "3.8.1",
  notes: "  ",
  walType: "",
  freshnessDays: "90",
};

describe("errorState for a ConflictError", () => {
  const state = errorState(new ConflictError("Someone else saved this cluster after you opened it.", current), typed);
  if (state.status !== "error") throw new Error("expected an error state");

  it("lists exactly the differing fields, in form order, with theirs beside yours", () => {
    expect(state.message).toBe("Someone else saved this cluster after you opened it.");
    expect(state.conflict).toEqual({
      updatedAt: "2025-03-04T10:02:17.000Z",
      fields: [
        { field: "ownerTeam", theirs: "payments-platform", yours: "checkout-platform" },
        { field: "tags", theirs: "tier-1, pci", yours: "tier-1" },
        // `revision` is the cluster's version marker, so `version` is its Kafka version: a fact
        { field: "version", theirs: "3.9.0", yours: "3.8.1" },
      ],
    });
  });

  it("never lists the id or the version marker, and moves the marker to their revision", () => {
    const listed = state.conflict?.fields.map((f) => f.field);
    expect(listed).not.toContain("id");
    expect(listed).not.toContain("revision");
    expect(state.values).toEqual({ ...typed, revision: "5" });
  });

  it("marks each differing field with a short error pointing at the comparison", () => {
    expect(state.fieldErrors).toEqual({
      ownerTeam: ["Changed by someone else; compare above"],
      tags: ["Changed by someone else; compare above"],
      version: ["Changed by someone else; compare above"],
    });
  });

  it("treats `version` as the marker of a form that posts no revision", () => {
    const drill = errorState(new ConflictError("Someone else saved this drill.", { id: "d1", version: 3, title: "Theirs" }), {
      id: "d1",
      version: "2",
      title: "Mine",
    });
    expect(drill).toMatchObject({
      status: "error",
      values: { id: "d1", version: "3", title: "Mine" },
      conflict: { updatedAt: undefined, fields: [{ field: "title", theirs: "Theirs", yours: "Mine" }] },
    });
  });
});

describe("errorState for other errors", () => {
  it("answers a DomainError with its own message and no comparison", () => {
    const state = errorState(new DomainError("Name is taken", { name: ["is already taken"] }), { name: "orders" });
    expect(state).toEqual({ status: "error", message: "Name is taken", fieldErrors: { name: ["is already taken"] }, values: { name: "orders" } });
  });

  it("answers a ConflictError without typed values as a plain domain error", () => {
    const state = errorState(new ConflictError("This exemption was already decided.", { status: "granted" }));
    expect(state).toEqual({ status: "error", message: "This exemption was already decided.", fieldErrors: {}, values: undefined });
  });
});

describe("toFieldErrors", () => {
  it("groups messages by path, keeping a __proto__ path as an own key", () => {
    const errors = toFieldErrors(
      new z.ZodError([
        { code: "custom", path: ["a"], message: "too short", input: "x" },
        { code: "custom", path: ["__proto__"], message: "not allowed", input: {} },
      ]),
    );
    expect(errors.a).toEqual(["too short"]);
    expect(Object.hasOwn(errors, "__proto__")).toBe(true);
    expect(
      groupFieldErrors([
        { path: "__proto__", message: "m1" },
        { path: "__proto__", message: "m2" },
      ]),
    ).toEqual(JSON.parse('{"__proto__": ["m1", "m2"]}'));
    expect(Object.getPrototypeOf(groupFieldErrors([{ path: "__proto__", message: "m" }]))).toBe(Object.prototype);
  });
});
