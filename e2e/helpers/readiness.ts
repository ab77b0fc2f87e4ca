/**
 * Steps that connect scorecards and drills through the UI: recovery targets, a broker-kill
 * drill recorded with realistic traffic, metrics and a decision matrix, and evidence added
 * to scorecard items (including the drill evidence picker).
 */
import { expect, type Page } from "@playwright/test";
import { brokerKillFixture } from "../drill-fixtures";
import { itemCard } from "../scorecard-helpers";
import { addEvent, drillTimes, importFile, MINUTE, panel } from "./drills";

/** Broker-kill recovery targets on the cluster page (the drill form pre-fills them). */
export async function setBrokerKillTargets(page: Page) {
  const targets = page.getByRole("form", { name: "Set recovery targets" });
  await targets.getByLabel("Disruption").selectOption("broker_kill");
  await targets.getByLabel("Leadership settled (s)").fill("30");
  await targets.getByLabel("Producers stable (s)").fill("60");
  await targets.getByLabel("Lag recovered (s)").fill("600");
  await targets.getByLabel("Peak lag (records)").fill("500000");
  await targets.getByRole("button", { name: "Add targets" }).click();
  await expect(targets.getByRole("status")).toHaveText("Targets added.");
}

/**
 * Records a broker-kill drill from the cluster page (which must be open) under realistic
 * traffic, with its timeline, the lag/error CSV and all five matrix answers green.
 * Returns the drill page's address.
 */
export async function recordBrokerKillDrill(page: Page, title: string): Promise<string> {
  await page.getByRole("link", { name: "Record drill" }).click();
  await expect(page.getByLabel("Leadership settled within (s)")).toHaveValue("30");
  const { fault, at } = drillTimes();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Started (UTC)").fill(at(0));
  await page.getByLabel("Ended (UTC)").fill(at(25 * MINUTE));
  await page.getByLabel("Traffic profile").fill("Replay of Friday peak: 50 MB/s in, 150 MB/s out, 40 consumer groups");
  await page.getByLabel("Run under realistic traffic").check();
  await page.getByLabel("Rollback point and owner were named before the test").check();
  await page.getByLabel("Rollback point", { exact: true }).fill("Restart broker 3 on its old volume");
  await page.getByLabel("Rollback owner", { exact: true }).fill("Dana (SRE lead)");
  await page.getByLabel("Time to leadership settled (s)").fill("18");
  await page.getByLabel("Time to stable producer acks (s)").fill("60");
  await page.getByRole("button", { name: "Record drill" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const url = page.url().replace(/\?.*$/, "");

  const t = (offsetMs: number) => new Date(fault.getTime() + offsetMs).toISOString().slice(0, 19);
  await addEvent(page, t(0), "Control plane", "Fault injected", "Broker 3 killed (SIGKILL)");
  await addEvent(page, t(18_000), "Control plane", "Recovered", "Leaders re-elected for all partitions");
  await addEvent(page, t(8 * MINUTE), "Business", "Recovered", "Checkout order latency back to normal");
  const fixture = brokerKillFixture(fault);
  const form = await importFile(page, "broker-kill-lag.csv", fixture.csv, async (f) => {
    await f.getByLabel("SLO threshold").fill("1000");
  });
  await expect(form.getByRole("status")).toHaveText("Imported 2 series (178 points) from broker-kill-lag.csv.");
  const lag = panel(page, "consumer_lag");
  await expect(lag.getByText("Recovered in 7 min 45 s")).toBeVisible();
  await lag
    .getByRole("form", { name: /from the recovery of consumer_lag/ })
    .getByRole("button", { name: "Use" })
    .click();
  await expect(page.locator('tr[data-measurement="lagRecoveredSec"]')).toContainText("Met");

  await answerMatrix(page, {
    hidden_client_impact: ["Green", "Producers stable at +60 s, lag recovered in 7 min 45 s, both within target"],
    bounded_storage_work: ["Green", "Replica catch-up visible on the URP panel and finished in 12 min as planned"],
    // a broker-kill drill adds no capacity: the question does not apply, and the drill still decides
    capacity_helps_quickly: ["Does not apply", "No broker was added during this drill; capacity was not part of the test"],
    governance_intact: ["Green", "No break-glass access; every action is in the audit trail"],
    rollback_known: ["Green", "Rollback point and owner were named in the GameDay plan"],
  });
  await expect(page.getByTestId("matrix-decision")).toContainText("Operating model holds");
  await expect(page.getByTestId("matrix-decision")).toContainText("Does not apply to this drill: ");
  return url;
}

/** Sets matrix answers (label and rationale per question key) and saves them. */
export async function answerMatrix(page: Page, answers: Record<string, [string, string]>) {
  const matrix = page.getByRole("form", { name: "Decision matrix" });
  for (const [q, [answer, rationale]] of Object.entries(answers)) {
    const question = matrix.locator(`[data-question="${q}"]`);
    await question.getByText(answer, { exact: true }).click();
    await question.getByLabel("Rationale").fill(rationale);
  }
  await matrix.getByRole("button", { name: "Save answers" }).click();
  await expect(matrix.getByRole("status")).toContainText("Answers saved.");
}

type Evidence =
  | { kind: "Drill"; drill?: string }
  | { kind: "Link" | "Metric export"; title: string; url: string }
  | { kind: "File"; name: string; content: string; mimeType: string };

/** Adds one piece of evidence, gathered under realistic traffic, to an item of the open section. */
export async function addEvidence(page: Page, itemTitle: string, evidence: Evidence) {
  const card = itemCard(page, itemTitle);
  await card.getByRole("button", { name: `Add evidence to ${itemTitle}` }).click();
  const form = card.getByRole("form", { name: `Add evidence to ${itemTitle}` });
  await form.getByRole("radio", { name: evidence.kind, exact: true }).check();
  if (evidence.kind === "Drill") {
    if (evidence.drill) {
      const select = form.getByRole("combobox", { name: "Drill", exact: true });
      const value = await select.locator("option", { hasText: evidence.drill }).first().getAttribute("value");
      await select.selectOption(value!);
    }
    // a drill's evidence is as old as the drill: its day is shown, not chosen
    await expect(form.getByTestId("drill-captured-on")).toContainText(/^\d{1,2} [A-Z][a-z]{2} \d{4} \(the drill's start\)$/);
    await expect(form.getByLabel("Captured on")).toHaveCount(0);
    await form.screenshot({ path: "e2e/.artifacts/screenshots/evidence-form-drill.png" });
  } else if (evidence.kind === "File") {
    await form.getByLabel("File to upload").setInputFiles({ name: evidence.name, mimeType: evidence.mimeType, buffer: Buffer.from(evidence.content) });
  } else {
    await form.getByLabel("Title").fill(evidence.title);
    await form.getByLabel(/Address \(URL\)|Link to the metrics/).fill(evidence.url);
  }
  await form.getByLabel("Gathered under realistic traffic").check();
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Evidence added." })).toBeVisible();
}
