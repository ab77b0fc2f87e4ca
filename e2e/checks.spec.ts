/**
 * Continuous checks end to end against a real Prometheus holding 30 hours of steady state:
 * an editor adds a check on the cluster page, runs it, and sees its evidence on the scorecard
 * item and the outcome's reasons follow; a check over an unhealthy cluster flags it.
 */
import { mkdirSync } from "node:fs";
import { prometheusNote, skipWithoutPrometheus, startPrometheus, toOpenMetrics, type RunningPrometheus } from "../test/support/prometheus";
import { steadyStateFamilies, steadyStateTruth } from "../test/support/steady-state";
import { expect, signIn, test } from "./fixtures";
import { createClusterThroughUi, itemCard, openSection, passRollback, setStatus, startScorecardThroughUi } from "./scorecard-helpers";

const SHOTS = "e2e/.artifacts/checks";
let prom: RunningPrometheus;

test.describe(`Continuous checks ${prometheusNote}`, () => {
  test.skip(skipWithoutPrometheus, "apt-get install -y prometheus");
  test.beforeAll(async () => {
    prom = await startPrometheus(toOpenMetrics(steadyStateFamilies(steadyStateTruth(Math.floor(Date.now() / 60_000) * 60 - 60))));
    mkdirSync(SHOTS, { recursive: true });
  });
  test.afterAll(async () => {
    await prom?.stop();
  });

  test("an editor adds a check, runs it, and the item's evidence and the outcome follow", async ({ page, browser, admin, makeUser, baseURL }) => {
    test.setTimeout(120_000);
    const source = `Checks Prometheus ${Date.now().toString(36)}`;
    const adminPage = await (await browser.newContext({ baseURL })).newPage();
    await signIn(adminPage, admin);
    await adminPage.goto("/admin/datasources");
    const add = adminPage.getByRole("form", { name: "Add a data source" });
    await add.getByLabel("Name").fill(source);
    await add.getByLabel("Base URL").fill(prom.url);
    await add.getByRole("button", { name: "Add data source" }).click();
    await expect(adminPage.getByRole("heading", { name: source })).toBeVisible();
    await adminPage.context().close();

    const editor = await makeUser("editor");
    await signIn(page, editor);
    const cluster = `checked-${Date.now().toString(36)}`;
    await createClusterThroughUi(page, cluster);
    const clusterUrl = page.url();
    const checks = page.locator("#checks");
    await expect(checks).toContainText("Link this cluster to a Prometheus data source");
    const link = page.getByRole("form", { name: "Metrics source" });
    await link.getByLabel("Data source").selectOption({ label: `${source} (${prom.url})` });
    await link.getByLabel("Label matchers").fill('cluster="payments-prod"');
    await link.getByRole("button", { name: "Save metrics source" }).click();
    await expect(link.getByText("Metrics source saved.")).toBeVisible();

    // the item passes on the person's word alone: the outcome names the missing evidence
    // (the two blocking items pass first, so the outcome lists gaps, not only blockers)
    await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Checked readiness" });
    const scorecardUrl = page.url().replace(/\?.*$/, "");
    await setStatus(page, "Failure drill", "Pass");
    await passRollback(page);
    await openSection(page, /Durable log state/);
    await setStatus(page, "Replication health restored", "Pass");
    const reasons = page.getByTestId("reasons");
    await expect(reasons).toContainText("Replication health restored is marked pass but has no evidence attached");

    await page.goto(clusterUrl);
    const form = page.getByRole("form", { name: "Add a check" });
    await form.getByLabel("Name").fill("URP stays at 0");
    await form.getByLabel("Query").selectOption({ label: "Under-replicated partitions (replica catch-up)" });
    await form.getByLabel("Condition").selectOption("==");
    await form.getByLabel("Threshold").fill("0");
    await form.getByLabel("Lookback (hours)").fill("24");
    await form.getByLabel("Schedule").selectOption("hourly");
    await form.getByLabel("Evidence for").selectOption({ label: "Replication health restored" });
    await form.getByRole("button", { name: "Add check" }).click();
    await expect(form.getByRole("status")).toContainText("Check added");
    const check = page.getByTestId("check-URP stays at 0");
    await expect(check).toContainText('sum(kafka_server_replicamanager_underreplicatedpartitions{cluster="payments-prod"})');
    await check.getByRole("button", { name: "Run now" }).click();
    await expect(check.getByRole("status")).toContainText("Check “URP stays at 0” passed: min 0, max 0 (== 0)");
    await page.reload();
    await expect(page.getByTestId("check-URP stays at 0")).toContainText("passed");
    await checks.screenshot({ path: `${SHOTS}/cluster-checks.png` });
    await page.setViewportSize({ width: 390, height: 900 });
    await checks.screenshot({ path: `${SHOTS}/cluster-checks-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    // the item now has the check's evidence, dated by the window's end, and the reason is gone
    await page.goto(scorecardUrl);
    await openSection(page, /Durable log state/);
    const card = itemCard(page, "Replication health restored");
    await expect(card.getByText("Check “URP stays at 0”: min 0, max 0 over 24 h", { exact: true })).toBeVisible();
    await expect(card.getByText("Continuous check", { exact: true }).first()).toBeVisible();
    await expect(reasons).not.toContainText("Replication health restored is marked pass but has no evidence attached");
    await card.screenshot({ path: `${SHOTS}/item-with-check.png` });
  });
});
