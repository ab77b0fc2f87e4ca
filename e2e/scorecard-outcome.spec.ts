/**
 * Scorecards and drills together: the outcome of a broker-failure scorecard follows the
 * evidence people add and the decision matrix of the drill it cites.
 */
import { expect, signIn, test } from "./fixtures";
import { addEvidence, answerMatrix, recordBrokerKillDrill, setBrokerKillTargets } from "./helpers/readiness";
import { createClusterThroughUi, itemCard, openSection, passRollback, setStatus, shots, startScorecardThroughUi } from "./scorecard-helpers";

const DRILL = "Kill broker 3 during peak replay";

/** Every item of the broker-failure template, by section, with the evidence it gets. */
const SECTIONS: { section: string; items: { title: string; evidence: Parameters<typeof addEvidence>[2] }[] }[] = [
  {
    section: "Metadata and leadership",
    items: [
      { title: "Failure drill", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Leader election and metadata propagation", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Leader balance after recovery", evidence: { kind: "Link", title: "Leader skew dashboard", url: "https://grafana.example.com/d/leaders" } },
    ],
  },
  {
    section: "Durable log state",
    items: [
      { title: "Storage path", evidence: { kind: "Link", title: "Storage design record", url: "https://wiki.example.com/kafka/storage" } },
      { title: "Replacement broker catch-up", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Replication health restored", evidence: { kind: "Drill", drill: DRILL } },
    ],
  },
  {
    section: "Client progress",
    items: [
      { title: "Client compatibility", evidence: { kind: "Link", title: "Client matrix", url: "https://wiki.example.com/kafka/clients" } },
      { title: "Offset behavior", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Producer delivery within timeout", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Rollback", evidence: { kind: "Link", title: "Rollback runbook", url: "https://wiki.example.com/kafka/rollback" } },
    ],
  },
  {
    section: "Operational capacity",
    items: [
      { title: "Capacity headroom", evidence: { kind: "Drill", drill: DRILL } },
      { title: "Observability", evidence: { kind: "Link", title: "Recovery dashboard", url: "https://grafana.example.com/d/recovery" } },
      { title: "Recovery traffic cost", evidence: { kind: "Link", title: "Cross-zone cost estimate", url: "https://wiki.example.com/kafka/cost" } },
    ],
  },
];

test("the scorecard outcome climbs with evidence and a clean drill, and drops when the drill gets a red answer", async ({ page, makeUser }) => {
  test.setTimeout(240_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const cluster = `checkout-prod-${Date.now().toString(36)}`;
  await createClusterThroughUi(page, cluster);
  const clusterUrl = page.url();
  await setBrokerKillTargets(page);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Checkout readiness" });
  const scorecardUrl = page.url().replace(/\?.*$/, "");
  const outcome = page.getByTestId("outcome");
  const reasons = page.getByTestId("reasons");

  // not ready → limited workload: the two blocking items pass
  await expect(outcome).toHaveText("Not ready");
  await setStatus(page, "Failure drill", "Pass");
  await passRollback(page);
  await expect(reasons).toContainText("No drill has been recorded for this cluster yet");

  // a broker-kill drill under realistic traffic whose matrix has no red answer
  await page.goto(clusterUrl);
  const drillUrl = await recordBrokerKillDrill(page, DRILL);

  // every item passes with fresh evidence; the failure drill cites the drill through the picker
  await page.goto(scorecardUrl);
  for (const { section, items } of SECTIONS) {
    await openSection(page, new RegExp(section));
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
    for (const item of items) {
      await addEvidence(page, item.title, item.evidence);
      // the failure drill and rollback items were passed earlier
      if (!(await itemCard(page, item.title).getByRole("radio", { name: "Pass", exact: true }).isChecked())) await setStatus(page, item.title, "Pass");
    }
  }
  await expect(outcome).toHaveText("Ready for production test");
  await expect(page.getByTestId("score")).toHaveText(/100/);
  await openSection(page, /Metadata and leadership/);
  await expect(page.getByRole("article", { name: /^1\.\s*Failure drill$/ }).getByText(new RegExp(`${DRILL}.*Broker kill`))).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.locator("#outcome").screenshot({ path: `${shots}/outcome-production-test.png` });
  await page.setViewportSize({ width: 1400, height: 900 });

  // starting a second assessment on the ready cluster neither lowers its readiness nor flags it
  await page.goto(clusterUrl);
  await startScorecardThroughUi(page, { template: "Leader movement recovery", title: "Leader movement readiness" });
  await page.goto(`/?q=${cluster}`);
  const row = page.getByRole("row", { name: new RegExp(cluster) });
  await expect(row.getByText("Ready for production test", { exact: true })).toBeAttached();
  await expect(row.getByRole("list", { name: "Outcome per assessment" }).getByRole("listitem")).toHaveCount(2);
  await expect(row.getByTestId("regression")).toHaveCount(0);
  await row.screenshot({ path: `${shots}/portfolio-row-two-assessments.png` });
  await page.goto(clusterUrl);
  await expect(page.getByTestId("template-outcomes").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("template-outcomes")).toContainText("draft");

  // one red answer on the drill takes the scorecard back to limited workload, naming the drill
  await page.goto(drillUrl);
  await answerMatrix(page, { bounded_storage_work: ["Red", "Replica catch-up took most of the recovery at the 100 MB/s throttle"] });
  await expect(page.getByTestId("matrix-decision")).toContainText("Recovery unit too large");
  await page.goto(scorecardUrl);
  await expect(outcome).toHaveText("Ready for limited workload");
  await expect(reasons).toContainText(`Drill '${DRILL}' has a red answer in its decision matrix`);
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.locator("#outcome").screenshot({ path: `${shots}/outcome-after-red-answer.png` });
});
