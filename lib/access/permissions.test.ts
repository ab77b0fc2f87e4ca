import { describe, expect, it } from "vitest";
import { can, toRole } from "./permissions";

describe("permissions", () => {
  it("lets a viewer read but not write", () => {
    expect(can("viewer", "cluster:read")).toBe(true);
    expect(can("viewer", "cluster:write")).toBe(false);
    expect(can("viewer", "user:manage")).toBe(false);
  });

  it("gives editors write access to content but not sign-off", () => {
    expect(can("editor", "cluster:write")).toBe(true);
    expect(can("editor", "scorecard:write")).toBe(true);
    expect(can("editor", "review:sign")).toBe(false);
  });

  it("lets approvers sign and decide exemptions, not manage users", () => {
    expect(can("approver", "review:sign")).toBe(true);
    expect(can("approver", "exemption:decide")).toBe(true);
    expect(can("approver", "user:manage")).toBe(false);
  });

  it("gives admins everything", () => {
    for (const p of ["user:manage", "token:manage", "audit:read", "cluster:delete"] as const) {
      expect(can("admin", p)).toBe(true);
    }
  });

  it("lets only admins manage teams and their members", () => {
    expect(can("admin", "team:manage")).toBe(true);
    for (const role of ["none", "viewer", "editor", "approver", undefined, "root"]) {
      expect(can(role, "team:manage")).toBe(false);
    }
  });

  it("refuses everything to unknown, missing and parked roles", () => {
    for (const role of [undefined, null, "", "root", "none", "ADMIN"]) {
      expect(can(role, "cluster:read")).toBe(false);
    }
    expect(toRole("superuser")).toBe("none");
  });
});
