/**
 * Readiness reports end to end: the printable page, and the PDF, Markdown and JSON downloads
 * checked by their contents (PDF text through pdftotext, pages as PNGs for people to look at).
 * The portfolio CSV export is downloaded and parsed in e2e/portfolio.spec.ts.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { readinessReportSchema } from "../lib/reports/schema";
import { expect, signIn, test } from "./fixtures";
import { addEvidence, recordBrokerKillDrill, setBrokerKillTargets } from "./helpers/readiness";
import { createClusterThroughUi, openSection, passRollback, setStatus, shots, startScorecardThroughUi } from "./scorecard-helpers";

const DRILL = "Kill broker 3 during peak replay";
const OUT = "e2e/.artifacts/reports";
const URP_CSV = "timestamp,metric,value\n2024-05-14T10:02:15Z,under_replicated_partitions,140\n2024-05-14T10:14:00Z,under_replicated_partitions,0\n";

test("a readiness report prints, and downloads as PDF, Markdown and JSON with everything in it", async ({ page, browser, makeUser }) => {
  test.setTimeout(180_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const cluster = `ledger-prod-${Date.now().toString(36)}`;
  await createClusterThroughUi(page, cluster);
  const clusterUrl = page.url();
  await setBrokerKillTargets(page);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Ledger readiness for the board" });
  const scorecardUrl = page.url().replace(/\?.*$/, "");
  const scorecardId = scorecardUrl.split("/").pop()!;
  await page.goto(clusterUrl);
  await recordBrokerKillDrill(page, DRILL);

  await page.goto(scorecardUrl);
  await addEvidence(page, "Failure drill", { kind: "Drill", drill: DRILL });
  await setStatus(page, "Failure drill", "Pass");
  await openSection(page, /Durable log state/);
  await addEvidence(page, "Storage path", { kind: "File", name: "urp-during-drill.csv", content: URP_CSV, mimeType: "text/csv" });
  await setStatus(page, "Storage path", "Pass");
  await passRollback(page);
  const sha256 = createHash("sha256").update(URP_CSV).digest("hex");

  // the printable page: same content as the PDF, charts as SVG, no navigation when printed
  const reportGroup = page.getByRole("group", { name: "Readiness report" });
  await reportGroup.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByTestId("report-outcome")).toHaveText("Ready for limited workload");
  await expect(page.getByRole("heading", { name: "Ledger readiness for the board", level: 1 })).toBeVisible();
  await expect(page.locator('[data-item="failure-drill"]')).toContainText("Kill broker 3 during peak replay");
  await expect(page.locator('[data-item="storage-path"]')).toContainText(`SHA-256 ${sha256}`);
  await expect(page.getByRole("img", { name: /^Chart of consumer_lag/ })).toBeVisible();
  await expect(page.getByRole("table", { name: `Decision matrix of ${DRILL}` })).toContainText("Green");
  // an answer that does not apply shows with its justification
  await expect(page.getByRole("table", { name: `Decision matrix of ${DRILL}` }).locator('tr[data-question="capacity_helps_quickly"]')).toContainText(
    "Does not applyNo broker was added during this drill",
  );
  await page.screenshot({ path: `${shots}/report-page.png`, fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: `${shots}/report-page-print.png` });
  await page.emulateMedia({ media: "screen" });

  // PDF from the report page: a real PDF whose text holds the report, pages saved as PNGs
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator(".report-toolbar")
      .getByRole("link", { name: /as PDF/ })
      .click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(new RegExp(`^readiness-${cluster}-ledger-readiness-for-the-board-v\\d+-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pdfPath = path.join(OUT, "report.pdf");
  await pdfDownload.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const expected of [
    "Ledger readiness for the board",
    cluster,
    "Ready for limited workload",
    "Failure drill",
    "Storage path",
    "Recovery traffic cost",
    DRILL,
    "consumer_lag",
    "Recovered in 7 min 45 s",
    "The current operating model holds",
  ]) {
    expect(text).toContain(expected);
  }
  expect(text.replace(/ /g, "")).toContain(sha256);
  execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, path.join(OUT, "page")]);

  // Markdown from the scorecard page
  await page.goto(scorecardUrl);
  await page.getByRole("group", { name: "Readiness report" }).screenshot({ path: `${shots}/scorecard-report-buttons.png` });
  const [mdDownload] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("group", { name: "Readiness report" })
      .getByRole("link", { name: /as Markdown/ })
      .click(),
  ]);
  expect(mdDownload.suggestedFilename()).toMatch(/\.md$/);
  const md = readFileSync(await mdDownload.path(), "utf8");
  expect(md).toContain("# Readiness report: Ledger readiness for the board");
  expect(md).toContain("**Ready for limited workload**");
  expect(md).toContain("#### 1. Failure drill — Pass (blocking)");
  expect(md).toContain("#### 4. Storage path — Pass");
  expect(md).toContain("#### 5. Replacement broker catch-up — Not started");
  expect(md).toContain(`\`${sha256}\``);
  expect(md).toContain(`### ${DRILL} (qualifies for production test)`);
  expect(md).toMatch(/\| Time to leadership settled \| 18 s \| ≤ 30 s \| Met \|/);
  expect(md).toMatch(/\| Does not apply \| No broker was added during this drill/);

  // JSON from the scorecard page validates against the published schema
  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("group", { name: "Readiness report" })
      .getByRole("link", { name: /as JSON/ })
      .click(),
  ]);
  const report = readinessReportSchema.parse(JSON.parse(readFileSync(await jsonDownload.path(), "utf8")));
  expect(report.outcome).toMatchObject({ outcome: "limited_workload", itemsTotal: 13 });
  expect(report.sections.flatMap((s) => s.items).find((i) => i.key === "storage-path")?.evidence[0].file?.sha256).toBe(sha256);
  expect(report.drills[0]).toMatchObject({ title: DRILL, qualifying: true, matrix: { decision: "operating_model_holds" } });
  expect(report.drills[0].series.map((s) => s.metric).sort()).toEqual(["consumer_lag", "producer_errors"]);
  const schema = await page.request.get("/api/reports/schema.json");
  expect(await schema.json()).toMatchObject({ title: "Drillbook readiness report", type: "object" });

  // the JSON API serves the same report (a signed-in session may read it)
  const api = await page.request.get(`/api/v1/scorecards/${scorecardId}/report`);
  expect(api.status()).toBe(200);
  expect(readinessReportSchema.parse((await api.json()).data).scorecard.id).toBe(scorecardId);
  const openapi = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(openapi.paths["/scorecards/{id}/report"].get["x-required-scope"]).toBe("read");

  // bad input and access: 400, 404, 401; a viewer may download
  const bad = await page.request.get(`/api/scorecards/${scorecardId}/report?format=docx`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "Invalid query parameters.", issues: [{ path: "format", message: "format must be pdf, md, json or junit" }] });
  const junit = await page.request.get(`/api/scorecards/${scorecardId}/report?format=junit`);
  expect([junit.status(), junit.headers()["content-type"]]).toEqual([200, "application/xml; charset=utf-8"]);
  expect(await junit.text()).toMatch(/<testsuites name="Drillbook readiness: [^"]+" tests="\d+" failures="\d+"/);
  expect((await page.request.get("/api/scorecards/no-such-scorecard/report?format=json")).status()).toBe(404);
  const anonymous = await browser.newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.request.get(`/api/scorecards/${scorecardId}/report?format=pdf`)).status()).toBe(401);
  await anonymous.close();
  const viewer = await makeUser("viewer");
  const viewerContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const viewerPage = await viewerContext.newPage();
  await signIn(viewerPage, viewer);
  const viewerJson = await viewerPage.request.get(`/api/scorecards/${scorecardId}/report?format=json`);
  expect(viewerJson.status()).toBe(200);
  expect(viewerJson.headers()["content-disposition"]).toMatch(/^attachment; filename="readiness-/);
  await viewerContext.close();
});
