/**
 * Readiness that tells the truth (issue 9), as a user sees it: a cluster's readiness is the
 * weakest current assessment and says which one; the portfolio filters by assessment; a drill
 * chart says what it measured from and flags a typed measurement it contradicts; and one
 * content hash is the same in the API, the Markdown, JSON and PDF reports, the sign-off and the
 * milestone.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { brokerKillFixture } from "./drill-fixtures";
import { expect, signIn, test } from "./fixtures";
import { addEvent, drillTimes, importFile, MINUTE, panel } from "./helpers/drills";
import { addEvidence } from "./helpers/readiness";
import { createNamedUser, reviewPanel, sessionOf, signAs, slot } from "./review-helpers";
import { createClusterThroughUi, passRollback, setStatus, startScorecardThroughUi } from "./scorecard-helpers";
import { createTokenInUI } from "./tokens";

const BROKER = "Broker failure recovery readiness";
const LEADER = "Leader movement recovery";
const unique = () => Date.now().toString(36);

/** From the open scorecard page: asks `signer` to sign for SRE only, and waits for "In review". */
async function requestReview(page: Page, signer: string) {
  const form = page.getByRole("form", { name: "Request a review" });
  for (const role of ["Application owner", "Security", "FinOps"]) await form.getByRole("checkbox", { name: role, exact: true }).uncheck();
  await form.getByRole("group", { name: "Who may sign for SRE" }).getByRole("checkbox", { name: signer }).check();
  await form.getByRole("button", { name: "Request review" }).click();
  await expect(reviewPanel(page).getByTestId("review-state")).toHaveText("In review");
}

/** On the open broker-failure scorecard: both blocking items pass, so it is ready for limited workload. */
async function passBlockingItems(page: Page) {
  await setStatus(page, "Failure drill", "Pass");
  await passRollback(page);
}

test("the cluster page names the assessment that holds it back, and a new empty draft of a reviewed template changes nothing", async ({
  page,
  browser,
  admin,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const approver = await createNamedUser(browser, baseURL!, admin, "approver", `Rita Reviewer ${suffix}`);
  const editor = await createNamedUser(browser, baseURL!, admin, "editor", `Ed Editor ${suffix}`);
  await signIn(page, editor);
  const cluster = `orders-prod-${suffix}`;
  await createClusterThroughUi(page, cluster);
  const clusterUrl = page.url().replace(/\?.*$/, "");

  // broker failure: ready for limited workload, sent to review
  await startScorecardThroughUi(page, { template: BROKER, title: "Orders broker failure" });
  const brokerPath = new URL(page.url()).pathname;
  await passBlockingItems(page);
  await requestReview(page, approver.name);
  // leader movement: nothing assessed yet (not ready), also sent to review
  await page.goto(clusterUrl);
  await startScorecardThroughUi(page, { template: LEADER, title: "Orders leader movement" });
  await requestReview(page, approver.name);

  await page.goto(clusterUrl);
  const readiness = page.locator("section").filter({ has: page.getByRole("heading", { name: "Readiness", exact: true, level: 2 }) });
  const list = page.getByTestId("template-outcomes");
  const brokerRow = list.getByRole("listitem").filter({ hasText: BROKER });
  const leaderRow = list.getByRole("listitem").filter({ hasText: LEADER });
  await expect(readiness.getByText("Not ready", { exact: true }).first()).toBeVisible();
  await expect(readiness.getByText(`held back by ${LEADER}`)).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(leaderRow).toContainText("weakest");
  await expect(leaderRow).toContainText("Not ready");
  await expect(brokerRow).toContainText("Ready for limited workload");
  await expect(brokerRow).not.toContainText("weakest");
  await expect(list).not.toContainText("draft");
  const summary = await readiness.getByText(/^Score \d+% · held back by /).textContent();

  // a new, empty draft of the already reviewed broker-failure template
  await startScorecardThroughUi(page, { template: BROKER, title: "Orders broker failure, next quarter" });
  await page.goto(clusterUrl);
  await expect(page.getByRole("link", { name: "Orders broker failure, next quarter" })).toBeVisible();
  await expect(readiness.getByText(/^Score \d+% · held back by /)).toHaveText(summary!);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(brokerRow).toContainText("Ready for limited workload");
  await expect(brokerRow.getByRole("link", { name: BROKER })).toHaveAttribute("href", brokerPath);
  await expect(list).not.toContainText("draft");
  await readiness.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/readiness-cluster.png", fullPage: true });

  // the portfolio row agrees and is not flagged as regressed
  await page.goto(`/?q=${cluster}`);
  const row = page.getByRole("row", { name: new RegExp(cluster) });
  await expect(row.getByTitle("Not ready", { exact: true })).toBeVisible();
  await expect(row.getByRole("list", { name: "Outcome per assessment" }).getByRole("listitem")).toHaveCount(2);
  await expect(row.getByRole("list", { name: "Outcome per assessment" }).getByRole("listitem").first()).toContainText(`${LEADER} · weakest`);
  await expect(row.getByTestId("regression")).toHaveCount(0);
});

test("the portfolio's Assessment filter shows only clusters assessed against that template, by that template's outcome", async ({ page, makeUser }) => {
  test.setTimeout(180_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const p = `asmt${unique()}`;
  // both: broker failure ready for limited workload, leader movement started (not ready)
  await createClusterThroughUi(page, `${p}-both`);
  const bothUrl = page.url().replace(/\?.*$/, "");
  await startScorecardThroughUi(page, { template: BROKER, title: "Both: broker failure" });
  await passBlockingItems(page);
  await page.goto(bothUrl);
  await startScorecardThroughUi(page, { template: LEADER, title: "Both: leader movement" });
  // leader movement only, and a cluster without any scorecard
  await createClusterThroughUi(page, `${p}-leader`);
  await startScorecardThroughUi(page, { template: LEADER, title: "Leader only" });
  await createClusterThroughUi(page, `${p}-bare`);

  await page.goto(`/?q=${p}`);
  const rows = page.getByRole("row").filter({ hasText: p });
  const names = rows.getByRole("link", { name: new RegExp(`^${p}-`) });
  await expect(rows).toHaveCount(3);
  const assessment = page.getByRole("combobox", { name: /^Assessment/ });
  await expect(assessment.locator("option", { hasText: LEADER })).toHaveCount(1);
  await expect(assessment.locator("option", { hasText: BROKER })).toHaveCount(1);

  await assessment.selectOption({ label: LEADER });
  await expect(page).toHaveURL(/[?&]template=/);
  await expect(names).toHaveText([`${p}-both`, `${p}-leader`]);
  await assessment.selectOption({ label: BROKER });
  await expect(names).toHaveText([`${p}-both`]);
  await expect(rows.first().getByTitle("Ready for limited workload", { exact: true })).toBeVisible();

  // with a template chosen, the outcome filter means that template's outcome:
  // "both" is ready for limited workload overall, yet its leader movement assessment is not ready
  await page.getByRole("combobox", { name: /^Outcome/ }).selectOption({ label: "Not ready" });
  await expect(page.getByText("No cluster matches these filters.")).toBeVisible();
  await assessment.selectOption({ label: LEADER });
  await expect(names).toHaveText([`${p}-both`, `${p}-leader`]);
  await expect(rows.filter({ hasText: `${p}-both` }).getByTitle("Ready for limited workload", { exact: true })).toBeVisible();
  await page.screenshot({ path: "/tmp/readiness-portfolio.png", fullPage: true });

  // the filter lives in the URL: reopening it shows the same clusters
  await page.reload();
  await expect(assessment.locator("option:checked")).toHaveText(LEADER);
  await expect(names).toHaveText([`${p}-both`, `${p}-leader`]);
});

test("a chart with no fault marked says it measured from the drill's start, and flags a typed recovery it contradicts", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  await createClusterThroughUi(page, `drill-truth-${unique()}`);

  // a drill whose typed lag recovery (6 min) is not what the exported series shows
  await page.getByRole("link", { name: "Record drill" }).click();
  const { fault, at } = drillTimes();
  await page.getByLabel("Title").fill("Kill broker 2, no fault marker");
  await page.getByLabel("Started (UTC)").fill(at(0));
  await page.getByLabel("Ended (UTC)").fill(at(25 * MINUTE));
  await page.getByLabel("Traffic profile").fill("Replay of Friday peak: 50 MB/s in, 150 MB/s out");
  await page.getByLabel("Time to consumer lag recovered (s)").fill("360");
  await page.getByRole("button", { name: "Record drill" }).click();
  await expect(page.getByRole("heading", { name: "Kill broker 2, no fault marker" })).toBeVisible();
  const form = await importFile(page, "broker-kill-lag.csv", brokerKillFixture(fault).csv, async (f) => {
    await f.getByLabel("SLO threshold").fill("1000");
  });
  await expect(form.getByRole("status")).toHaveText("Imported 2 series (178 points) from broker-kill-lag.csv.");

  // no fault on the timeline: measured from the drill's start, 2 min before the fault itself
  const lag = panel(page, "consumer_lag");
  await expect(page.getByLabel("Chart legend")).toContainText("Drill start (no fault marked on the timeline)");
  await expect(lag.getByText("Recovered in 9 min 45 s")).toBeVisible();
  const note = page.getByTestId("disagreement-lagRecoveredSec");
  await expect(note).toHaveText(
    "Typed 6 min, but the consumer_lag chart measures 9 min 45 s from the drill's start (no fault marked on the timeline): " +
      "more than one sample apart (15 s). Check the fault marker or the typed value.",
  );
  await page.locator('tr[data-measurement="lagRecoveredSec"]').screenshot({ path: "e2e/.artifacts/screenshots/readiness-disagreement.png" });

  // marking the fault moves the reference; the typed value still disagrees until it is corrected
  await addEvent(page, new Date(fault.getTime()).toISOString().slice(0, 19), "Control plane", "Fault injected", "Broker 2 killed (SIGKILL)");
  await expect(page.getByLabel("Chart legend")).not.toContainText("Drill start (no fault marked on the timeline)");
  await expect(page.getByLabel("Chart legend")).toContainText("Fault injected");
  await expect(lag.getByText("Recovered in 7 min 45 s")).toBeVisible();
  await expect(note).toContainText("measures 7 min 45 s from the fault marker “Broker 2 killed (SIGKILL)”");
  await lag
    .getByRole("form", { name: /from the recovery of consumer_lag/ })
    .getByRole("button", { name: "Use" })
    .click();
  await expect(page.locator('tr[data-measurement="lagRecoveredSec"]')).toContainText("7 min 45 s");
  await expect(note).toHaveCount(0);
});

test("one content hash: the API, the Markdown, JSON and PDF reports, the sign-off and the milestone agree", async ({ page, browser, admin, baseURL }) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const approver = await createNamedUser(browser, baseURL!, admin, "approver", `Hana Hash ${suffix}`);
  const editor = await createNamedUser(browser, baseURL!, admin, "editor", `Eli Editor ${suffix}`);
  await signIn(page, editor);
  await createClusterThroughUi(page, `hash-prod-${suffix}`);
  await startScorecardThroughUi(page, { template: BROKER, title: "Hash readiness" });
  const scorecardPath = new URL(page.url()).pathname;
  const scorecardId = scorecardPath.split("/").pop()!;
  await addEvidence(page, "Leader balance after recovery", { kind: "Link", title: "Leader skew dashboard", url: "https://grafana.example.com/d/leaders" });
  await passBlockingItems(page);
  await requestReview(page, approver.name);
  const approverPage = await sessionOf(browser, baseURL!, approver);
  await signAs(approverPage, scorecardPath, "SRE", "Approve");
  await expect(reviewPanel(approverPage).getByTestId("review-state")).toHaveText("Approved");
  await approverPage.context().close();

  // the JSON API: the report and the scorecard document carry the same hash
  const report = await page.request.get(`/api/v1/scorecards/${scorecardId}/report`);
  expect(report.status()).toBe(200);
  const { data: apiReport } = await report.json();
  const hash: string = apiReport.scorecard.contentHash;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const detail = await page.request.get(`/api/v1/scorecards/${scorecardId}`);
  expect((await detail.json()).data).toMatchObject({ state: "approved", contentHash: hash });

  // the scorecard page: the review's current content and the SRE sign-off
  await page.goto(scorecardPath);
  await expect(reviewPanel(page).getByTestId("review-state")).toHaveText("Approved");
  await expect(reviewPanel(page).getByTitle(`SHA-256 of the current content: ${hash}`)).toHaveText(`Content #${hash.slice(0, 10)}`);
  await expect(slot(page, "SRE").getByTitle(`SHA-256 of the content signed: ${hash}`)).toContainText(`#${hash.slice(0, 10)}`);

  // Markdown and JSON downloads
  const reportGroup = page.getByRole("group", { name: "Readiness report" });
  const [md] = await Promise.all([page.waitForEvent("download"), reportGroup.getByRole("link", { name: /as Markdown/ }).click()]);
  expect(readFileSync(await md.path(), "utf8")).toContain(`Content hash \`${hash}\``);
  const [json] = await Promise.all([page.waitForEvent("download"), reportGroup.getByRole("link", { name: /as JSON/ }).click()]);
  const jsonPath = await json.path();
  const downloaded = JSON.parse(readFileSync(jsonPath, "utf8"));
  expect(downloaded.scorecard.contentHash).toBe(hash);
  // a third party recomputes it with jq and SHA-256 alone, as the README says
  const canonical = execFileSync("jq", ["-jcS", ".content", jsonPath]);
  expect(createHash("sha256").update(canonical).digest("hex")).toBe(hash);

  // the PDF, from the printable report page
  await reportGroup.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByText(hash, { exact: true }).first()).toBeVisible();
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator(".report-toolbar")
      .getByRole("link", { name: /as PDF/ })
      .click(),
  ]);
  const text = execFileSync("pdftotext", [await pdf.path(), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  expect(text).toContain(`Contenthash${hash}`);

  // the milestone taken at sign-off
  await page.goto(`${scorecardPath}/milestones`);
  await expect(page.getByTitle(`Content hash ${hash}`)).toHaveText(`At sign-off · #${hash.slice(0, 10)}`);

  // the verify endpoint matches the downloaded report to the signed version
  const adminPage = await sessionOf(browser, baseURL!, admin);
  const token = await createTokenInUI(adminPage, `verify-${suffix}`, ["read"]);
  await adminPage.context().close();
  const verified = await page.request.post("/api/v1/reports/verify", { headers: { Authorization: `Bearer ${token}` }, data: downloaded });
  expect(verified.status(), await verified.text()).toBe(200);
  const { data: verdict } = await verified.json();
  expect(verdict).toMatchObject({ matches: true, intact: true, contentHash: hash });
  expect(verdict.message).toContain(`Matches version ${downloaded.scorecard.version} of “Hash readiness”`);
  expect(verdict.message).toContain(`Signed by ${approver.name} (SRE, approved)`);
});
