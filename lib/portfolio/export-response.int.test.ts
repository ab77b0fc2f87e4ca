import { describe, expect, it } from "vitest";
import { createTestUser } from "@/test/support/users";
import { makeCluster } from "@/test/support/portfolio-fixtures";
import { portfolioExportResponse } from "./export-response";

describe("portfolio export response", () => {
  it("answers CSV for the filtered view, escaped, as an attachment", async () => {
    const viewer = await createTestUser("viewer");
    await makeCluster({ name: "a-prod", ownerTeam: 'core, "blue"', environment: "production", outcome: "limited_workload", score: 50 });
    await makeCluster({ name: "b-staging", environment: "staging" });
    const res = await portfolioExportResponse(viewer, new URLSearchParams("format=csv&env=production&page=3&size=1"), new Date("2026-06-01T00:00:00Z"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="drillbook-portfolio-2026-06-01.csv"');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^Cluster,Environment,Storage,Owner team,/);
    // paging parameters are ignored: the export holds every matching cluster
    expect(lines.slice(1).filter(Boolean)).toEqual([
      expect.stringMatching(/^a-prod,Production,Broker-local,"core, ""blue""",aws,eu-west-1,,Ready for limited workload,50,0,,,0,0,0,,$/),
    ]);
  });

  it("answers JSON with the filter it applied", async () => {
    const viewer = await createTestUser("viewer");
    await makeCluster({ name: "a-prod" });
    const res = await portfolioExportResponse(viewer, new URLSearchParams("format=json&q=a-&sort=score&dir=desc"));
    const body = await res.json();
    expect(body).toMatchObject({ total: 1, truncated: false, filter: { q: "a-", sort: "score", dir: "desc" }, description: "Clusters matching “a-”" });
    expect(body.clusters[0]).toMatchObject({
      name: "a-prod",
      outcome: null,
      outcomeLabel: "No scorecard yet",
      staleEvidenceCount: 0,
      openRedAnswers: 0,
      lastDrillAt: null,
    });
  });

  it("answers 400 with the issues for bad parameters and 403 without read access", async () => {
    const viewer = await createTestUser("viewer");
    const bad = await portfolioExportResponse(viewer, new URLSearchParams("format=csv&sort=password&size=0"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "Invalid query parameters.",
      issues: [
        { path: "sort", message: "Choose a valid sort column" },
        { path: "size", message: "Page size must be at least 1" },
      ],
    });
    const forbidden = await portfolioExportResponse(await createTestUser("none"), new URLSearchParams("format=csv"));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: "You do not have permission to do that." });
  });
});
