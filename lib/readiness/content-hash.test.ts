import { describe, expect, it } from "vitest";
import { canonicalJson, scorecardContentHash, type ContentRow } from "./content-hash";

function row(): ContentRow {
  return {
    items: [
      {
        status: "pass",
        justification: null,
        notes: "Killed broker 3 at peak.",
        ownerRole: "sre",
        templateItem: { key: "failure-drill" },
        evidence: [
          {
            kind: "link",
            title: "Dashboard",
            url: "https://grafana.example.com/d/1",
            body: null,
            capturedAt: new Date("2026-05-01T00:00:00Z"),
            realisticTraffic: true,
            drillId: null,
            file: null,
          },
          {
            kind: "file",
            title: "urp.csv",
            url: null,
            body: null,
            capturedAt: new Date("2026-05-02T00:00:00Z"),
            realisticTraffic: false,
            drillId: null,
            file: { filename: "urp.csv", size: 120, sha256: "a".repeat(64) },
          },
        ],
        exemptions: [],
      },
      {
        status: "not_applicable",
        justification: "No tiered storage",
        notes: "",
        ownerRole: null,
        templateItem: { key: "storage-path" },
        evidence: [],
        exemptions: [{ status: "requested", justification: "asked", expiresAt: new Date("2026-07-01T23:59:59.999Z") }],
      },
    ],
  };
}

describe("scorecardContentHash", () => {
  it("is a SHA-256 hex digest that does not depend on row or key order", () => {
    const a = row();
    const b = row();
    b.items.reverse();
    b.items[1].evidence.reverse();
    expect(scorecardContentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scorecardContentHash(b)).toBe(scorecardContentHash(a));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });

  it("changes with a status, a justification, notes, an owner role, the evidence list or a file's bytes", () => {
    const base = scorecardContentHash(row());
    const changes: ((r: ContentRow) => void)[] = [
      (r) => (r.items[0].status = "partial"),
      (r) => (r.items[1].justification = "No tiered storage here"),
      (r) => (r.items[0].notes += " "),
      (r) => (r.items[0].ownerRole = "security"),
      (r) => r.items[0].evidence.pop(),
      (r) => (r.items[0].evidence[0].realisticTraffic = false),
      (r) => (r.items[0].evidence[1].file!.sha256 = "b".repeat(64)),
      (r) => (r.items[0].evidence[0].drillId = "drill-1"),
      (r) => r.items[1].exemptions.push({ status: "granted", justification: "waived", expiresAt: new Date("2026-08-01T23:59:59.999Z") }),
    ];
    const seen = new Set([base]);
    for (const change of changes) {
      const r = row();
      change(r);
      const hash = scorecardContentHash(r);
      expect(seen.has(hash)).toBe(false);
      seen.add(hash);
    }
  });

  it("ignores what is not content: exemption requests and denials (comments are not even read)", () => {
    const r = row();
    r.items[1].exemptions.push({ status: "denied", justification: "no", expiresAt: new Date("2026-09-01T00:00:00Z") });
    expect(scorecardContentHash(r)).toBe(scorecardContentHash(row()));
  });

  it("ignores the evidence continuous checks keep fresh, however often they renew it", () => {
    const r = row();
    const check = {
      kind: "metric_check",
      title: "Check “URP stays at 0”: min 0, max 0 over 24 h",
      url: null,
      body: "sum(urp{…})",
      realisticTraffic: true,
      drillId: null,
      file: null,
    };
    r.items[0].evidence.push({ ...check, capturedAt: new Date("2026-05-03T00:00:00Z") });
    expect(scorecardContentHash(r)).toBe(scorecardContentHash(row()));
    r.items[0].evidence[2] = { ...check, capturedAt: new Date("2026-05-04T00:00:00Z") };
    expect(scorecardContentHash(r)).toBe(scorecardContentHash(row()));
  });
});
