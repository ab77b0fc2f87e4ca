import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { passEveryItem, seedDrill, seedSignOff } from "@/test/support/report-fixtures";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { itemSaveSchema } from "@/lib/scorecards/schema";
import { createApiToken } from "@/lib/tokens/mutations";
import { GET as getReportApi } from "@/app/api/v1/scorecards/[id]/report/route";
import { GET as downloadReport } from "@/app/api/scorecards/[id]/report/route";
import { closeReportBrowser } from "./pdf";
import { getReadinessReport } from "./queries";
import { reportDownloadResponse } from "./response";
import { readinessReportSchema } from "./schema";

async function scenario() {
  const editor = await createTestUser("editor", "Erin Editor");
  const approver = await createTestUser("approver", "Avery Approver");
  const cluster = await createTestCluster(editor, "orders-prod");
  const { id } = await startScorecard(editor, cluster.id);
  const { drillId } = await seedDrill(editor, cluster.id, { title: "Kill broker 3 during peak replay" });
  await seedDrill(editor, cluster.id, { title: "Old drill", ageDays: 200 });
  const { file } = await passEveryItem(editor, id, drillId);
  const report = (await getReadinessReport(editor, id))!;
  await seedSignOff(id, approver, report.scorecard.contentHash);
  return { editor, approver, cluster, id, drillId, file };
}

describe("readiness report", () => {
  beforeEach(async () => {
    await installTemplates();
  });
  afterAll(async () => {
    await closeReportBrowser();
  });

  it("holds the outcome, every item with evidence and file hashes, the cited drill with charts and matrix, and sign-offs", async () => {
    const { editor, id, drillId, file } = await scenario();
    const report = (await getReadinessReport(editor, id))!;
    expect(readinessReportSchema.parse(report)).toEqual(report);

    expect(report.outcome).toMatchObject({
      outcome: "production_test",
      label: "Ready for production test",
      score: 100,
      reasons: [],
      itemsTotal: 13,
      qualifyingDrill: { id: drillId },
    });
    const items = report.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(items.every((i) => i.status === "pass" && i.evidence.length === 1)).toBe(true);
    const fileEvidence = items.flatMap((i) => i.evidence).find((e) => e.kind === "file")!;
    expect(fileEvidence.file).toMatchObject({ filename: "urp-during-drill.csv", sha256: createHash("sha256").update(file).digest("hex") });

    // only the cited drill: the old one is outside the freshness window and cited by nothing
    expect(report.drills.map((d) => d.title)).toEqual(["Kill broker 3 during peak replay"]);
    const [drill] = report.drills;
    expect(drill).toMatchObject({ qualifying: true, realisticTraffic: true, stale: false, matrix: { decision: "operating_model_holds" } });
    expect(drill.usedByItems).toContain("failure-drill");
    expect(drill.measurements.find((m) => m.key === "leadershipSettledSec")).toMatchObject({ measured: 18, target: 30, result: "met" });
    expect(drill.measurements.find((m) => m.key === "underReplicatedPartitions")).toMatchObject({ result: "breached" });
    expect(drill.series.map((s) => s.metric).sort()).toEqual(["consumer_lag", "producer_errors", "under_replicated_partitions"]);
    const lag = drill.series.find((s) => s.metric === "consumer_lag")!;
    expect(lag.recovery).toMatchObject({ status: "recovered", recoverySec: 465 });
    expect(lag.points.timesMs.length).toBe(lag.pointCount);

    expect(report.review.signOffs).toEqual([
      expect.objectContaining({
        role: "sre",
        roleLabel: "SRE",
        signer: "Avery Approver",
        decision: "approved_with_conditions",
        state: "current",
        contentHash: report.scorecard.contentHash,
        conditions: [expect.objectContaining({ state: "open", owner: "Kafka platform team" })],
      }),
    ]);
    // security has not signed, so the sign-off is not complete
    expect(report.review.approvedOnCurrentVersion).toBe(false);
  });

  it("shows a sign-off given before a content change as invalidated, and the outcome and reasons follow the items", async () => {
    const { editor, id } = await scenario();
    const { item } = await loadPage(editor, id);
    const rollback = item("rollback");
    await saveScorecardItem(
      editor,
      itemSaveSchema.parse({ itemId: rollback.id, version: rollback.version, status: "fail", notes: "Rollback rehearsal failed" }),
    );
    const report = (await getReadinessReport(editor, id))!;
    expect(report.outcome.outcome).toBe("not_ready");
    expect(report.outcome.reasons).toEqual([{ severity: "blocker", text: "Rollback is blocking and failed", itemKey: "rollback" }]);
    // the review workflow voids earlier sign-offs when the content changes
    expect(report.review.signOffs[0].state).toBe("invalidated");
    expect(report.scorecard.version).toBeGreaterThan(report.review.signOffs[0].scorecardVersion);
  });

  it("is readable by viewers, refused to accounts without access, and null for an unknown scorecard", async () => {
    const { id } = await scenario();
    expect(await getReadinessReport(await createTestUser("viewer"), id)).not.toBeNull();
    await expect(getReadinessReport(await createTestUser("none"), id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getReadinessReport(await createTestUser("viewer"), "no-such-id")).toBeNull();
    await expect(reportDownloadResponse(await createTestUser("viewer"), "no-such-id", "json")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("downloads as JSON, Markdown and a real PDF with the charts", async () => {
    const { editor, id, file: evidenceFile } = await scenario();
    const json = await reportDownloadResponse(editor, id, "json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toMatch(
      /^attachment; filename="readiness-orders-prod-readiness-of-broker-failure-recovery-v\d+-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(readinessReportSchema.safeParse(await json.json()).success).toBe(true);

    const md = await (await reportDownloadResponse(editor, id, "md")).text();
    expect(md).toContain("# Readiness report: Readiness of broker-failure-recovery");
    expect(md).toContain("**Ready for production test**");
    expect(md).toMatch(/\| Fact \| Value \|/);
    expect(md).toContain("#### 1. Failure drill — Pass (blocking)");
    expect(md).toContain("#### Decision matrix: The current operating model holds");

    const pdf = await reportDownloadResponse(editor, id, "pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = process.env.REPORT_PDF_DIR ?? mkdtempSync(path.join(os.tmpdir(), "drillbook-report-"));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, bytes);
    const sha = createHash("sha256").update(evidenceFile).digest("hex");
    // table cells wrap, so compare with whitespace folded (and removed, for hashes)
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Readiness of broker-failure-recovery");
    expect(text).toContain("Ready for production test");
    expect(text).toContain("Kill broker 3 during peak replay");
    expect(text).toContain("Avery Approver");
    expect(text.replace(/ /g, "")).toContain(sha);
    expect(text).toContain("consumer_lag");
  }, 120_000);

  it("is served by the JSON API to a token with the read scope, and refused without it", async () => {
    const { id } = await scenario();
    const admin = await createTestUser("admin");
    const call = async (scopes: ("read" | "write:drills")[], scorecardId = id) => {
      const { token } = await createApiToken(admin, { name: `t-${scopes.join("+")}-${Math.random()}`, scopes, expiresInDays: 7 });
      const request = new Request(`http://127.0.0.1:3000/api/v1/scorecards/${scorecardId}/report`, { headers: { authorization: `Bearer ${token}` } });
      const response = await getReportApi(request, { params: Promise.resolve({ id: scorecardId }) });
      return { status: response.status, body: (await response.json()) as { data?: unknown; error?: string } };
    };
    const ok = await call(["read"]);
    expect(ok.status).toBe(200);
    expect(readinessReportSchema.parse(ok.body.data).scorecard.id).toBe(id);
    expect((await call(["write:drills"])).status).toBe(403);
    expect(await call(["read"], "no-such-id")).toEqual({ status: 404, body: { error: "No scorecard has this id." } });
  });

  it("answers the download route without a session with 401", async () => {
    const request = new Request("http://127.0.0.1:3000/api/scorecards/x/report?format=json");
    const response = await downloadReport(Object.assign(request, { nextUrl: new URL(request.url) }) as never, { params: Promise.resolve({ id: "x" }) });
    expect(response.status).toBe(401);
  });
});
