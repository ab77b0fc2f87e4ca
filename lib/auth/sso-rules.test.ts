import { describe, expect, it } from "vitest";
import { roleFromClaims } from "./sso-rules";
import { ssoErrorMessage } from "./sso-errors";

describe("roleFromClaims", () => {
  it("maps a role name, ignoring case and spaces", () => {
    expect(roleFromClaims({ drillbook_role: " Approver " }, "drillbook_role", "viewer")).toBe("approver");
  });

  it("takes the most capable role from a list (group claims)", () => {
    expect(roleFromClaims({ groups: ["staff", "editor", "viewer"] }, "groups", "none")).toBe("editor");
  });

  it("reads a dotted path when the claim is nested", () => {
    expect(roleFromClaims({ realm_access: { roles: ["offline_access", "admin"] } }, "realm_access.roles", "viewer")).toBe("admin");
  });

  it("falls back to the default role for unknown, missing or odd values", () => {
    for (const claims of [{ role: "superuser" }, {}, { role: 7 }, { role: null }, { role: [{}] }, { role: { admin: true } }]) {
      expect(roleFromClaims(claims as Record<string, unknown>, "role", "viewer")).toBe("viewer");
    }
  });
});

describe("ssoErrorMessage", () => {
  it("explains known codes and cleans unknown ones", () => {
    expect(ssoErrorMessage(undefined)).toBeNull();
    expect(ssoErrorMessage("account_not_linked")).toMatch(/already exists/);
    expect(ssoErrorMessage("<script>alert(1)</script>")).toBe("Single sign-on failed (scriptalert1script). Try again, or sign in with your password.");
  });
});
