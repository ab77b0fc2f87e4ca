import { describe, expect, it } from "vitest";
import { diffAuditValues } from "./diff";
import { auditFilterSchema, dayRange } from "./schema";

describe("diffAuditValues", () => {
  it("lists every field of a created entity as added", () => {
    expect(diffAuditValues(null, { name: "orders", tags: ["a"] })).toEqual([
      { path: "name", kind: "added", before: null, after: "orders" },
      { path: "tags", kind: "added", before: null, after: '["a"]' },
    ]);
  });

  it("lists every field of a deleted entity as removed", () => {
    expect(diffAuditValues({ name: "orders", brokerCount: 3 }, null).map((c) => [c.path, c.kind])).toEqual([
      ["brokerCount", "removed"],
      ["name", "removed"],
    ]);
  });

  it("compares an update only on the submitted fields, flattening nested objects", () => {
    const before = { id: "c1", revision: 3, name: "orders", brokerCount: 3, settings: { rf: 3, zones: 3 }, notes: "x" };
    const after = { name: "orders", brokerCount: 6, settings: { rf: 3, zones: 2 }, notes: null };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "brokerCount", kind: "changed", before: "3", after: "6" },
      { path: "notes", kind: "removed", before: "x", after: null },
      { path: "settings.zones", kind: "changed", before: "3", after: "2" },
    ]);
  });

  it("shows a bare value", () => {
    expect(diffAuditValues(null, "hello")).toEqual([{ path: "(value)", kind: "added", before: null, after: "hello" }]);
  });
});

describe("audit filters", () => {
  it("defaults the page and page size and ignores nonsense paging", () => {
    expect(auditFilterSchema.parse({})).toMatchObject({ page: 1, pageSize: 50 });
    expect(auditFilterSchema.parse({ page: "abc", pageSize: "7" })).toMatchObject({ page: 1, pageSize: 50 });
    expect(auditFilterSchema.parse({ page: "3", pageSize: "25", actor: " " })).toMatchObject({ page: 3, pageSize: 25, actor: undefined });
  });

  it("refuses bad dates and a range that ends before it starts", () => {
    const bad = auditFilterSchema.safeParse({ from: "2026-13-45" });
    expect(bad.success).toBe(false);
    const reversed = auditFilterSchema.safeParse({ from: "2026-05-02", to: "2026-05-01" });
    expect(reversed.error?.issues[0]).toMatchObject({ path: ["to"] });
  });

  it("turns days into an inclusive UTC range", () => {
    expect(dayRange({ from: "2026-05-01", to: "2026-05-01" })).toEqual({
      gte: new Date("2026-05-01T00:00:00.000Z"),
      lt: new Date("2026-05-02T00:00:00.000Z"),
    });
  });
});
