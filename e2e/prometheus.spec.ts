/**
 * Evidence from the source, end to end against a real Prometheus over a backfilled broker kill:
 * an admin adds the data source and tests it, an editor links the cluster, records a drill,
 * pulls its metrics, sees the charts and the filled measurements, and confirms the proposals.
 */
import { mkdirSync } from "node:fs";
import { brokerKillFamilies, brokerKillTruth } from "../test/support/broker-kill";
import { prometheusNote, skipWithoutPrometheus, startPrometheus, toOpenMetrics, type RunningPrometheus } from "../test/support/prometheus";
import { expect, signIn, test } from "./fixtures";
import { addEvent, panel } from "./helpers/drills";
import { addEvidence } from "./helpers/readiness";
import { createClusterThroughUi, passRollback, setStatus, startScorecardThroughUi } from "./scorecard-helpers";

const SHOTS = "e2e/.artifacts/prometheus";
// a recent drill (inside the freshness window), on a 5 s grid like the scrape interval
const START = Math.floor((Date.now() / 1000 - 3 * 3600) / 60) * 60;
const truth = brokerKillTruth(START);
const iso = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19);

let prom: RunningPrometheus;

test.describe(`Pull metrics from Prometheus ${prometheusNote}`, () => {
  test.skip(skipWithoutPrometheus, "apt-get install -y prometheus");
  test.beforeAll(async () => {
    prom = await startPrometheus(toOpenMetrics(brokerKillFamilies(truth)));
    mkdirSync(SHOTS, { recursive: true });
  });
  test.afterAll(async () => {
    await prom?.stop();
  });

  test("admin adds the data source, editor links the cluster, records a drill, pulls and confirms the proposals", async ({
    page,
    browser,
    admin,
    makeUser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const source = `E2E Prometheus ${Date.now().toString(36)}`;
    const adminPage = await (await browser.newContext({ baseURL })).newPage();
    await signIn(adminPage, admin);
    await adminPage.goto("/admin/datasources");
    const add = adminPage.getByRole("form", { name: "Add a data source" });
    await add.getByLabel("Name").fill(source);
    await add.getByLabel("Base URL").fill("ftp://nope");
    await add.getByRole("button", { name: "Add data source" }).click();
    await expect(add.getByText("Only http:// and https:// URLs are allowed")).toBeVisible();
    await add.getByLabel("Base URL").fill(prom.url);
    await add.getByRole("button", { name: "Add data source" }).click();
    await expect(adminPage.getByRole("heading", { name: source })).toBeVisible();
    await adminPage.getByRole("button", { name: `Test connection to ${source}` }).click();
    await expect(adminPage.getByText(/Connected: Prometheus 2\.42/)).toBeVisible();
    await adminPage.screenshot({ path: `${SHOTS}/admin-datasources.png`, fullPage: true });
    await adminPage.setViewportSize({ width: 390, height: 900 });
    await adminPage.screenshot({ path: `${SHOTS}/admin-datasources-390.png`, fullPage: true });
    await adminPage.context().close();

    const editor = await makeUser("editor");
    await signIn(page, editor);
    await createClusterThroughUi(page, `payments-prod-${Date.now().toString(36)}`);
    const clusterUrl = page.url();
    const form = page.getByRole("form", { name: "Metrics source" });
    await form.getByLabel("Data source").selectOption({ label: `${source} (${prom.url})` });
    await form.getByLabel("Label matchers").fill('cluster="payments-prod"');
    await expect(form.getByTestId("promql-replicas")).toHaveText('sum(kafka_server_replicamanager_underreplicatedpartitions{cluster="payments-prod"})');
    await form.getByRole("button", { name: "Save metrics source" }).click();
    await expect(form.getByText("Metrics source saved.")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/cluster-metrics-source.png`, fullPage: true });

    await page.getByRole("link", { name: "Record drill" }).click();
    await page.getByLabel("Title").fill("Kill broker 3 (pulled from Prometheus)");
    await page.getByLabel("Started (UTC)").fill(iso(truth.drillStartSec));
    await page.getByLabel("Ended (UTC)").fill(iso(truth.drillEndSec));
    await page.getByLabel("Consumer lag recovered within (s)").fill("600");
    await page.getByLabel("Producers stable within (s)").fill("120");
    await page.getByLabel("Run under realistic traffic").check();
    await page.getByRole("button", { name: "Record drill" }).click();
    await expect(page.getByRole("heading", { name: "Kill broker 3 (pulled from Prometheus)" })).toBeVisible();
    await addEvent(page, iso(truth.faultSec), "Data plane", "Fault injected", "Broker 3 killed");

    await page.getByRole("button", { name: "Pull metrics from Prometheus" }).click();
    await expect(page.getByText(/Pulled 7 of 8 queries at a 5 s step/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("pull-leaderElections")).toContainText("no data (optional)");
    const computed = page.getByRole("list", { name: "Computed measurements" });
    await expect(computed.getByText("Time to replicas in sync")).toBeVisible();
    await expect(computed.getByText("from Prometheus").first()).toBeVisible();
    await expect(page.locator('tr[data-measurement="lagRecoveredSec"]')).toContainText("Met");
    await expect(panel(page, 'consumerLag{consumergroup="checkout"}')).toBeVisible();

    const q1 = page.getByTestId("proposal-hidden_client_impact");
    await expect(q1).toContainText("Proposed: Green");
    await q1.getByRole("button", { name: "Confirm proposal" }).click();
    await expect(q1.getByText("Proposal confirmed.")).toBeVisible();
    const q2 = page.getByTestId("proposal-bounded_storage_work");
    await q2.getByLabel("Red").check();
    await q2.getByLabel("Why you answer differently").fill("Broker 3's disks were saturated during the copy");
    await q2.getByRole("button", { name: "Save my answer" }).click();
    await expect(q2.getByText("Your answer is saved")).toBeVisible();
    await expect(q2).toContainText("Changed by a person");
    // the form keeps showing the person's answer after the save (no automatic form reset)
    await expect(q2.getByLabel("Red")).toBeChecked();
    // the matrix follows: a red answer makes the recovery unit too large
    await expect(page.getByTestId("matrix-decision")).toContainText("recovery unit is too large");
    await page.screenshot({ path: `${SHOTS}/drill-pulled.png`, fullPage: true });
    await page
      .locator("section", { has: page.getByRole("heading", { name: "Metrics from Prometheus" }) })
      .screenshot({ path: `${SHOTS}/drill-pulled-card.png` });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: `${SHOTS}/drill-pulled-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // the scorecard outcome follows: a scorecard citing the pulled drill names its red answer
    await page.goto(clusterUrl);
    await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Payments readiness" });
    await addEvidence(page, "Failure drill", { kind: "Drill", drill: "Kill broker 3 (pulled from Prometheus)" });
    await setStatus(page, "Failure drill", "Pass");
    await passRollback(page);
    await expect(page.getByTestId("reasons")).toContainText("Drill 'Kill broker 3 (pulled from Prometheus)' has a red answer in its decision matrix");
  });
});
