import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { brokerKillFixture } from "./drill-fixtures";
import { expect, signIn, test, type TestUser } from "./fixtures";
import { addEvent, drillTimes, importFile, MINUTE, panel } from "./helpers/drills";

const shots = "e2e/.artifacts/screenshots";

async function createCluster(page: Page, name: string) {
  await page.goto("/clusters/new");
  for (const [label, value] of [
    ["Name", name],
    ["Version", "3.9.0"],
    ["Owner team", "checkout-platform"],
    ["Cloud", "aws"],
    ["Region", "eu-west-1"],
    ["Brokers", "6"],
    ["Partitions", "900"],
    ["Peak ingress (MB/s)", "50"],
    ["Peak egress (MB/s)", "150"],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("an editor records a broker-kill drill, imports metrics, reads recovery off the charts and decides", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const editor: TestUser = await makeUser("editor");
  await signIn(page, editor);
  const clusterName = `payments-${Date.now().toString(36)}`;
  await createCluster(page, clusterName);

  // recovery targets per disruption type, on the cluster page
  const targets = page.getByRole("form", { name: "Set recovery targets" });
  await targets.getByLabel("Disruption").selectOption("broker_kill");
  await targets.getByLabel("Leadership settled (s)").fill("30");
  await targets.getByLabel("Producers stable (s)").fill("60");
  await targets.getByLabel("Lag recovered (s)").fill("600");
  await targets.getByLabel("Peak lag (records)").fill("500000");
  await targets.getByLabel("Under-replicated partitions").fill("0");
  await targets.getByRole("button", { name: "Add targets" }).click();
  await expect(targets.getByRole("status")).toHaveText("Targets added.");
  await expect(page.getByRole("table", { name: "Recovery targets" }).getByRole("row", { name: /Broker kill/ })).toContainText("≤ 10 min");

  // record the drill; the SLO targets come from the cluster's broker-kill targets
  await page.getByRole("link", { name: "Record drill" }).click();
  await expect(page.getByRole("heading", { name: "Record drill" })).toBeVisible();
  await expect(page.getByLabel("Leadership settled within (s)")).toHaveValue("30");
  await expect(page.getByLabel("Consumer lag recovered within (s)")).toHaveValue("600");
  await page.getByLabel("Scenario").selectOption("zone_impairment");
  await expect(page.getByLabel("Leadership settled within (s)")).toHaveValue("");
  await page.getByLabel("Scenario").selectOption("broker_kill");
  await expect(page.getByLabel("Leadership settled within (s)")).toHaveValue("30");

  const { fault, at } = drillTimes();
  await page.getByLabel("Title").fill("Kill broker 3 during peak replay");
  await page.getByLabel("Started (UTC)").fill(at(0));
  await page.getByLabel("Ended (UTC)").fill(at(20 * MINUTE));
  await page.getByLabel("Traffic profile").fill("Replay of Friday peak: 50 MB/s in, 150 MB/s out");
  await page.getByLabel("Run under realistic traffic").check();
  await page.getByLabel("Rollback point and owner were named before the test").check();
  await page.getByLabel("Rollback point", { exact: true }).fill("Restart broker 3 on its old volume");
  await page.getByLabel("Time to leadership settled (s)").fill("18");
  await page.getByRole("button", { name: "Record drill" }).click();
  // the owner of the rollback decision is missing: refused beside the field, input kept
  await expect(page.locator("#field-rollbackOwner-error")).toHaveText("Name who owned the rollback decision");
  await expect(page.getByLabel("Title")).toHaveValue("Kill broker 3 during peak replay");
  await expect(page.getByLabel("Run under realistic traffic")).toBeChecked();
  await page.screenshot({ path: `${shots}/drill-form-errors.png`, fullPage: true });
  await page.getByLabel("Rollback owner", { exact: true }).fill("Dana (SRE lead)");
  await page.getByRole("button", { name: "Record drill" }).click();
  await expect(page.getByRole("heading", { name: "Kill broker 3 during peak replay" })).toBeVisible();
  await expect(page.getByText("Drill recorded.")).toBeVisible();
  const leadership = page.locator('tr[data-measurement="leadershipSettledSec"]');
  await expect(leadership).toContainText("18 s");
  await expect(leadership).toContainText("Met");

  // the timeline: control plane settles in 18 s, the business is back only at +8 min
  const t = (offsetMs: number) => new Date(fault.getTime() + offsetMs).toISOString().slice(0, 19);
  await addEvent(page, t(0), "Control plane", "Fault injected", "Broker 3 killed (SIGKILL)");
  await addEvent(page, t(18_000), "Control plane", "Recovered", "Leaders re-elected for all partitions");
  await addEvent(page, t(75_000), "Data plane", "Recovered", "Producer acks stable");
  await addEvent(page, t(8 * MINUTE), "Business", "Recovered", "Checkout order latency back to normal");
  await expect(page.getByTestId("gap-sentence")).toHaveText("Leadership settled 18 s after the fault; applications recovered 7 min 42 s later.");
  await expect(page.getByTestId("timeline-gap")).toHaveText("Gap 7 min 42 s");

  const fixture = brokerKillFixture(fault);
  mkdirSync("e2e/.artifacts/fixtures", { recursive: true });
  writeFileSync("e2e/.artifacts/fixtures/broker-kill-lag.csv", fixture.csv);
  writeFileSync("e2e/.artifacts/fixtures/broker-kill-urp.json", fixture.promJson);

  // a bad file is refused beside the upload field and nothing is stored
  let form = await importFile(page, "bad.csv", "time,metric,value\n1,lag,1\n", async () => {});
  await expect(form.locator("#field-file-error")).toHaveText("bad.csv was not imported: line 1: expected the header timestamp,metric,value");
  await expect(page.getByRole("list", { name: "Imports" })).toHaveCount(0);
  await form.screenshot({ path: `${shots}/metric-import-error.png` });

  form = await importFile(page, "broker-kill-lag.csv", fixture.csv, async (f) => {
    await expect(f.getByLabel("Format")).toHaveValue("csv");
    await f.getByLabel("SLO threshold").fill("1000");
  });
  await expect(form.getByRole("status")).toHaveText("Imported 2 series (178 points) from broker-kill-lag.csv.");
  const lag = panel(page, "consumer_lag");
  await expect(lag.getByText("Recovered in 7 min 45 s")).toBeVisible();
  await expect(lag.getByTestId("recovery-text")).toContainText("and stayed there for 1 min.");
  // markers numbered as in the timeline: 1 fault, 2–4 recovered
  await expect(lag.locator('[data-marker="fault"]')).toHaveText(["1"]);
  await expect(lag.locator('[data-marker="recovered"]')).toHaveText(["2", "3", "4"]);
  await expect(lag.getByText("Within SLO")).toBeVisible();
  await expect(lag.getByText("SLO ≤ 1K")).toBeVisible();

  // producer errors need their own threshold: none at all
  const errors = panel(page, "producer_errors");
  await expect(errors.getByText("Never breached")).toBeVisible();
  await errors.getByLabel("Threshold").fill("0");
  await errors.getByRole("button", { name: "Save" }).click();
  await expect(errors.getByText("Recovered in 1 min")).toBeVisible();

  form = await importFile(page, "broker-kill-urp.json", fixture.promJson, async (f) => {
    await expect(f.getByLabel("Format")).toHaveValue("prometheus");
    await f.getByLabel("PromQL query").fill(fixture.promQuery);
    await f.getByLabel("Window start (UTC)").fill(fixture.windowStart);
    await f.getByLabel("Window end (UTC)").fill(fixture.windowEnd);
    await f.getByLabel("Step (s)").fill("15");
    await f.getByLabel("SLO threshold").fill("0");
  });
  await expect(form.getByRole("status")).toHaveText("Imported 2 series (178 points) from broker-kill-urp.json.");
  await expect(page.getByRole("list", { name: "Imports" })).toContainText(fixture.promQuery);
  const urp = panel(page, 'kafka_server_replicamanager_underreplicatedpartitions{broker="1"}');
  await expect(urp.getByText("Recovered in 12 min")).toBeVisible();

  // computed values fill the measurements in one click
  await lag
    .getByRole("form", { name: /from the recovery of consumer_lag/ })
    .getByRole("button", { name: "Use" })
    .click();
  await expect(page.locator('tr[data-measurement="lagRecoveredSec"]')).toContainText("7 min 45 s");
  await lag
    .getByRole("form", { name: /from the peak of consumer_lag/ })
    .getByRole("button", { name: "Use" })
    .click();
  await expect(page.locator('tr[data-measurement="peakConsumerLag"]')).toContainText("180,182 records");
  await errors
    .getByRole("form", { name: /from the recovery of producer_errors/ })
    .getByRole("button", { name: "Use" })
    .click();
  await expect(page.locator('tr[data-measurement="producersStableSec"]')).toContainText("Met");
  await urp
    .getByRole("form", { name: /from the peak of/ })
    .getByRole("button", { name: "Use" })
    .click();
  const urpRow = page.locator('tr[data-measurement="underReplicatedPartitions"]');
  await expect(urpRow).toContainText("140 partitions");
  await expect(urpRow).toContainText("Breached");

  await page.getByTestId("metric-charts").screenshot({ path: `${shots}/drill-charts.png` });

  // decision matrix: suggestions from the measurements, confirmed by a person, one red answer
  const matrix = page.getByRole("form", { name: "Decision matrix" });
  await expect(matrix.getByTestId("suggestion-hidden_client_impact")).toContainText("Suggested: Green.");
  await expect(matrix.getByTestId("suggestion-bounded_storage_work")).toContainText("Suggested: Red.");
  await expect(matrix.getByTestId("suggestion-rollback_known")).toContainText("Suggested: Green.");
  await expect(page.getByTestId("matrix-decision")).toContainText("Not decided");
  for (const q of ["hidden_client_impact", "bounded_storage_work", "rollback_known"]) {
    await matrix.getByTestId(`suggestion-${q}`).getByRole("button", { name: "Apply suggestion" }).click();
  }
  const question = (q: string) => matrix.locator(`[data-question="${q}"]`);
  await question("capacity_helps_quickly").getByText("Green", { exact: true }).click();
  await question("governance_intact").getByText("Green", { exact: true }).click();
  await matrix.getByRole("button", { name: "Save answers" }).click();
  // a green answer without a rationale is refused beside it
  await expect(matrix.locator("#rationale_capacity_helps_quickly-error")).toHaveText("Say why: a green or red answer needs a rationale");
  await question("capacity_helps_quickly").getByLabel("Rationale").fill("Broker 7 added at +3 min served 15% of produce traffic within a minute");
  await question("governance_intact").getByLabel("Rationale").fill("No break-glass access; all actions in the audit trail");
  await question("bounded_storage_work").getByLabel("Evidence (link or reference)").fill("https://grafana.example/d/urp?from=drill");
  await matrix.getByRole("button", { name: "Save answers" }).click();
  await expect(matrix.getByRole("status")).toContainText("Answers saved. Decision: The recovery unit is too large");
  await expect(page.getByTestId("matrix-decision")).toContainText("Recovery unit too large");
  await expect(page.getByTestId("matrix-decision")).toContainText("Storage and replication work dominated the recovery.");
  await expect(question("bounded_storage_work")).toContainText(`Last answered by ${editor.name}`);

  // a follow-up with owner and due date
  const followUp = page.getByRole("form", { name: "Add follow-up" });
  await followUp.getByLabel("Action").fill("Raise the reassignment throttle to 200 MB/s for broker replacement");
  await followUp.getByLabel("Owner").fill("Kafka platform team");
  await followUp.getByLabel("Due date").fill(at(14 * 86_400_000).slice(0, 10));
  await followUp.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("Owner: Kafka platform team")).toBeVisible();

  await page.screenshot({ path: `${shots}/drill-page.png`, fullPage: true });

  // the list across clusters: filter by decision
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drills" }).click();
  const row = page.getByRole("row").filter({ hasText: "Kill broker 3 during peak replay" });
  await expect(row).toContainText(clusterName);
  await expect(row).toContainText("Recovery unit too large");
  await page.getByLabel("Decision").selectOption("Operating model holds");
  await expect(row).toHaveCount(0);
  await page.getByLabel("Decision").selectOption("Recovery unit too large");
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${shots}/drills-list.png`, fullPage: true });

  // and on the cluster page
  await page.getByRole("link", { name: clusterName }).first().click();
  await expect(page.locator("#drills").getByRole("row").filter({ hasText: "Kill broker 3 during peak replay" })).toContainText("Recovery unit too large");
  await page.screenshot({ path: `${shots}/cluster-drills.png`, fullPage: true });
});

test("an editor edits and deletes a drill; a viewer reads it but cannot change it", async ({ page, browser, makeUser, baseURL }) => {
  const editor = await makeUser("editor");
  const viewer = await makeUser("viewer");
  await signIn(page, editor);
  const clusterName = `ledger-${Date.now().toString(36)}`;
  await createCluster(page, clusterName);
  await page.getByRole("link", { name: "Record drill" }).click();
  await page.getByLabel("Title").fill("Rolling restart at noon");
  await page.getByLabel("Scenario").selectOption("rolling_restart");
  await page.getByLabel("Started (UTC)").fill(drillTimes().at(0));
  await page.getByRole("button", { name: "Record drill" }).click();
  await expect(page.getByRole("heading", { name: "Rolling restart at noon" })).toBeVisible();
  const drillUrl = page.url().replace(/\?.*$/, "");

  // the editor edits the drill
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Rolling restart at noon");
  await page.getByLabel("Conclusion").fill("Clients rode through the restart; no action needed.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByText("Clients rode through the restart; no action needed.")).toBeVisible();

  const context = await browser.newContext({ baseURL });
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer);
  await viewerPage.goto(drillUrl);
  await expect(viewerPage.getByRole("heading", { name: "Rolling restart at noon" })).toBeVisible();
  await expect(viewerPage.getByRole("form", { name: "Import metrics" })).toHaveCount(0);
  await expect(viewerPage.getByRole("form", { name: "Add timeline event" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Save answers" })).toHaveCount(0);
  await expect(viewerPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await viewerPage.goto(`${drillUrl}/edit`);
  await expect(viewerPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await viewerPage.goto("/drills/new");
  await expect(viewerPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await context.close();

  // deleting asks first, then the drill is gone from the list
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Rolling restart at noon”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete drill" }).click();
  await expect(page.getByText("Drill deleted.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Rolling restart at noon" })).toHaveCount(0);
});
