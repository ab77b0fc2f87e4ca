import { describe, expect, it } from "vitest";
import { ownerRoleLabel, roleLabel } from "./labels";

describe("role labels", () => {
  it("uses the built-in spelling and turns custom identifiers into words", () => {
    expect(roleLabel("sre")).toBe("SRE");
    expect(roleLabel("application_owner")).toBe("Application owner");
    expect(roleLabel("capacity_planning")).toBe("Capacity planning");
    expect(roleLabel("Data protection")).toBe("Data protection");
    expect(ownerRoleLabel(null)).toBe("Unassigned");
    expect(ownerRoleLabel("finops")).toBe("FinOps");
  });
});
