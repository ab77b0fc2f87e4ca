import { expect, signIn, test } from "./fixtures";
import { createClusterThroughUi, itemCard, openSection, setStatus, shots, startScorecardThroughUi } from "./scorecard-helpers";

const unique = () => Date.now().toString(36);

test("an editor walks a broker-failure scorecard from not ready to limited workload, with a link and a file, and it all survives a reload", async ({
  page,
  browser,
  makeUser,
}) => {
  test.setTimeout(180_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const cluster = `orders-prod-${unique()}`;
  await createClusterThroughUi(page, cluster);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Broker failure readiness Q3" });

  const outcome = page.getByTestId("outcome");
  const reasons = page.getByTestId("reasons");
  await expect(outcome).toHaveText("Not ready");
  await expect(reasons).toContainText("Failure drill is blocking and not passed yet (not started)");
  await expect(page.getByText("Section 1 of 4")).toBeVisible();

  // Section 1: metadata and leadership
  await expect(page.getByRole("heading", { name: "Metadata and leadership", level: 2 })).toBeVisible();
  await setStatus(page, "Failure drill", "Pass");
  const notes = itemCard(page, "Failure drill").getByLabel("Notes (Markdown)");
  await notes.fill("Killed **broker 3** at peak; leaders settled in 14 s.\n\n- lag recovered in 6 min");
  await expect(itemCard(page, "Failure drill").getByTestId("save-state")).toHaveText("Saved");
  await itemCard(page, "Failure drill").getByRole("tab", { name: "Preview" }).click();
  await expect(itemCard(page, "Failure drill").locator("strong", { hasText: "broker 3" })).toBeVisible();

  // a link on the leader-balance item
  const balance = itemCard(page, "Leader balance after recovery");
  await balance.getByRole("button", { name: "Add evidence to Leader balance after recovery" }).click();
  const linkForm = balance.getByRole("form", { name: "Add evidence to Leader balance after recovery" });
  await linkForm.getByRole("radio", { name: "Link" }).check();
  await linkForm.getByLabel("Title").fill("Leader skew dashboard");
  await linkForm.getByLabel("Address (URL)").fill("https://grafana.example.com/d/leaders");
  await linkForm.getByLabel("Gathered under realistic traffic").check();
  await linkForm.getByRole("button", { name: "Add evidence" }).click();
  await expect(balance.getByRole("link", { name: "Leader skew dashboard" })).toBeVisible();
  await setStatus(page, "Leader balance after recovery", "Partial");

  // Section 2: durable log state — a file on the storage path item
  await page.getByRole("link", { name: /^Next: Durable log state/ }).click();
  await expect(page.getByText("Section 2 of 4")).toBeVisible();
  const storage = itemCard(page, "Storage path");
  await storage.getByRole("button", { name: "Add evidence to Storage path" }).click();
  const fileForm = storage.getByRole("form", { name: "Add evidence to Storage path" });
  await fileForm.getByRole("radio", { name: "File" }).check();
  const csv = "timestamp,metric,value\n1717000000,under_replicated_partitions,12\n1717000060,under_replicated_partitions,0\n";
  await fileForm.getByLabel("File to upload").setInputFiles({ name: "urp-during-drill.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await fileForm.getByRole("button", { name: "Add evidence" }).click();
  const fileLink = storage.getByRole("link", { name: "urp-during-drill.csv" });
  await expect(fileLink).toBeVisible();
  await setStatus(page, "Storage path", "Pass");
  await storage.screenshot({ path: `${shots}/scorecard-item-evidence.png` });

  // the download is an attachment with the stored type, never sniffed
  const download = await page.request.get((await fileLink.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("text/csv");
  expect(download.headers()["content-disposition"]).toContain('attachment; filename="urp-during-drill.csv"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await download.text()).toBe(csv);
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get((await fileLink.getAttribute("href"))!);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "Please sign in." });
  await anonymous.close();

  // Section 3: client progress — the rollback passes, which lifts the outcome
  await page.getByRole("link", { name: /^Next: Client progress/ }).click();
  await expect(outcome).toHaveText("Not ready");
  await setStatus(page, "Rollback", "Pass");
  await expect(outcome).toHaveText("Ready for limited workload");
  await expect(reasons).toContainText("No drill has been recorded for this cluster yet");
  await setStatus(page, "Client compatibility", "In progress");

  // Section 4: operational capacity — a not-applicable item needs a justification
  await page.getByRole("link", { name: /^Next: Operational capacity/ }).click();
  await expect(page.getByText("Section 4 of 4")).toBeVisible();
  const cost = itemCard(page, "Recovery traffic cost");
  await cost.getByRole("radio", { name: "Not applicable" }).check();
  await expect(cost.getByRole("alert").filter({ hasText: "Explain why this item does not apply" })).toBeVisible();
  await cost.getByLabel("Why it does not apply").fill("Single-zone lab cluster: no cross-zone transfer is billed.");
  await expect(cost.getByTestId("save-state")).toHaveText("Saved");
  await expect(page.getByTestId("progress-text")).toHaveText("6 of 13 items assessed");
  await page.screenshot({ path: `${shots}/scorecard-guided-form-full.png`, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/scorecard-guided-form.png` });
  // a tall window so the sticky panel shows whole
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.locator("#outcome").screenshot({ path: `${shots}/scorecard-outcome-panel.png` });
  await page.setViewportSize({ width: 1400, height: 900 });

  // everything persisted
  await page.reload();
  await expect(outcome).toHaveText("Ready for limited workload");
  await expect(itemCard(page, "Recovery traffic cost").getByRole("radio", { name: "Not applicable" })).toBeChecked();
  await expect(itemCard(page, "Recovery traffic cost").getByLabel("Why it does not apply")).toHaveValue(
    "Single-zone lab cluster: no cross-zone transfer is billed.",
  );
  await openSection(page, /Metadata and leadership/);
  await expect(itemCard(page, "Failure drill").getByRole("radio", { name: "Pass" })).toBeChecked();
  await expect(itemCard(page, "Failure drill").getByLabel("Notes (Markdown)")).toHaveValue(/Killed \*\*broker 3\*\*/);
  await expect(itemCard(page, "Leader balance after recovery").getByRole("link", { name: "Leader skew dashboard" })).toBeVisible();
  await expect(itemCard(page, "Leader balance after recovery").getByText("Realistic traffic")).toBeVisible();
  await page.getByRole("link", { name: /^Next: Durable log state/ }).click();
  await expect(itemCard(page, "Storage path").getByRole("link", { name: "urp-during-drill.csv" })).toBeVisible();

  // milestones: take two around a change, compare them, see the history on the cluster page
  await page.getByRole("link", { name: "Milestones" }).click();
  await page.getByLabel("Milestone name").fill("Before capacity review");
  await page.getByRole("button", { name: "Take milestone" }).click();
  await expect(page.getByText("Milestone taken.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the scorecard" }).click();
  await openSection(page, /Operational capacity/);
  await setStatus(page, "Capacity headroom", "Pass");
  await page.getByRole("link", { name: "Milestones" }).click();
  await page.getByLabel("Milestone name").fill("After capacity review");
  await page.getByRole("button", { name: "Take milestone" }).click();
  await expect(page.getByRole("cell", { name: /After capacity review/ })).toBeVisible();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("comparison-summary")).toContainText("1 of 13 items changed");
  await expect(page.getByRole("row", { name: /Capacity headroom/ })).toContainText("status");
  await page.screenshot({ path: `${shots}/milestone-compare.png`, fullPage: true });
  await page.goto("/clusters");
  await page.getByRole("link", { name: cluster }).click();
  await expect(page.getByTestId("cluster-scorecards")).toContainText("Broker failure readiness Q3");
  await expect(page.getByRole("img", { name: /Score over time for 1 scorecard\(s\), 2 milestones/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/cluster-scorecards.png`, fullPage: true });
});

test("scorecards from the other two built-in templates can be walked section by section; viewers read them without controls", async ({
  page,
  browser,
  makeUser,
}) => {
  test.setTimeout(120_000);
  const editor = await makeUser("editor");
  const viewer = await makeUser("viewer");
  await signIn(page, editor);
  await createClusterThroughUi(page, `migration-target-${unique()}`);
  const clusterUrl = page.url();
  const urls: string[] = [];
  for (const [template, firstItem] of [
    ["Leader movement recovery", "Client behavior during leadership changes"],
    ["Migration to a Kafka-compatible platform", "Client compatibility on the target"],
  ]) {
    await page.goto(clusterUrl);
    await startScorecardThroughUi(page, { template, title: `${template} review` });
    urls.push(page.url());
    await setStatus(page, firstItem, "In progress");
    // keyboard: arrow keys move through the status options and each choice is saved
    const card = itemCard(page, firstItem);
    // a save refreshes the page a moment after "Saved" shows, which can take the focus away from a
    // radio between focus() and the key press: each step is retried from the option it starts on
    const arrow = async (from: string, key: string, to: string) =>
      expect(async () => {
        await card.getByRole("radio", { name: from }).focus();
        await page.keyboard.press(key);
        await expect(card.getByRole("radio", { name: to })).toBeChecked({ timeout: 2_000 });
      }).toPass({ timeout: 15_000 });
    await arrow("In progress", "ArrowRight", "Pass");
    await expect(card.getByTestId("save-state")).toHaveText("Saved");
    await arrow("Pass", "ArrowLeft", "In progress");
    await expect(card.getByTestId("save-state")).toHaveText("Saved");
    const total = Number((await page.getByText(/^Section 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]);
    expect(total).toBeGreaterThanOrEqual(4);
    for (let n = 2; n <= total; n++) {
      await page.getByRole("link", { name: /^Next: / }).click();
      await expect(page.getByText(`Section ${n} of ${total}`)).toBeVisible();
      await expect(page.getByRole("article").first()).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Last section: review the outcome" })).toBeVisible();
    await expect(page.getByTestId("outcome")).toHaveText("Not ready");
  }

  const context = await browser.newContext();
  const readOnly = await context.newPage();
  await signIn(readOnly, viewer);
  await readOnly.goto(urls[0]);
  await expect(readOnly.getByTestId("outcome")).toHaveText("Not ready");
  await expect(readOnly.getByRole("radio")).toHaveCount(0);
  await expect(readOnly.getByRole("button", { name: /Add evidence/ })).toHaveCount(0);
  await expect(itemCard(readOnly, "Client behavior during leadership changes").getByText("In progress", { exact: true })).toBeVisible();
  await context.close();
});

test("two people editing one item: the later save is refused, shows the other value, and can be reapplied", async ({ page, browser, makeUser }) => {
  test.setTimeout(120_000);
  const alice = await makeUser("editor");
  const bob = await makeUser("editor");
  await signIn(page, alice);
  await createClusterThroughUi(page, `conflict-${unique()}`);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Shared scorecard" });
  const url = page.url().replace(/\?.*$/, "");

  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, bob);
  await bobPage.goto(url);
  await expect(itemCard(bobPage, "Failure drill").getByLabel("Notes (Markdown)")).toHaveValue("");

  // Alice saves first
  const aliceNotes = itemCard(page, "Failure drill").getByLabel("Notes (Markdown)");
  await aliceNotes.fill("Alice: drill passed, leaders settled in 12 s");
  await expect(itemCard(page, "Failure drill").getByTestId("save-state")).toHaveText("Saved");

  // Bob still has the old version open and types over it
  const bobCard = itemCard(bobPage, "Failure drill");
  await bobCard.getByLabel("Notes (Markdown)").fill("Bob: the drill failed, producers timed out");
  await expect(bobCard.getByTestId("save-state")).toHaveText("Changed by someone else");
  const conflict = bobCard.getByRole("alert").filter({ hasText: "saved this item after you started editing it" });
  await expect(conflict).toBeVisible();
  await expect(bobCard.getByTestId("conflict-theirs")).toContainText("Alice: drill passed, leaders settled in 12 s");
  await expect(bobCard.getByTestId("conflict-mine")).toContainText("Bob: the drill failed, producers timed out");
  await bobCard.screenshot({ path: `${shots}/scorecard-conflict.png` });
  // nothing of Bob's reached the server yet
  await page.reload();
  await expect(itemCard(page, "Failure drill").getByLabel("Notes (Markdown)")).toHaveValue("Alice: drill passed, leaders settled in 12 s");

  await bobCard.getByRole("button", { name: "Reapply mine" }).click();
  await expect(bobCard.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(itemCard(page, "Failure drill").getByLabel("Notes (Markdown)")).toHaveValue("Bob: the drill failed, producers timed out");
  await bobContext.close();
});

test("a failed save keeps the text in the browser, through a reload, until it is saved", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  await createClusterThroughUi(page, `offline-${unique()}`);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Flaky network" });
  const url = page.url().replace(/\?.*$/, "");

  // server actions are POSTs to the page: make them fail as if the network dropped
  const block = (route: import("@playwright/test").Route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue());
  await page.route(`${url}**`, block);
  const card = itemCard(page, "Leader balance after recovery");
  await card.getByLabel("Notes (Markdown)").fill("Preferred leaders restored by the rebalance job after 4 min.");
  await expect(card.getByRole("alert").filter({ hasText: "Not saved" })).toContainText("Your changes are kept in this browser");

  await page.reload();
  const restored = itemCard(page, "Leader balance after recovery");
  await expect(restored.getByLabel("Notes (Markdown)")).toHaveValue("Preferred leaders restored by the rebalance job after 4 min.");
  await expect(restored.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();

  await page.unroute(`${url}**`, block);
  await restored.getByRole("button", { name: "Retry now" }).click();
  await expect(restored.getByTestId("save-state")).toHaveText("Saved");
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(itemCard(page, "Leader balance after recovery").getByLabel("Notes (Markdown)")).toHaveValue(
    "Preferred leaders restored by the rebalance job after 4 min.",
  );
});

test("an exemption asked by an editor and granted by the approver waives the item until it expires", async ({ page, browser, makeUser }) => {
  test.setTimeout(120_000);
  const editor = await makeUser("editor");
  const approver = await makeUser("approver");
  await signIn(page, editor);
  await createClusterThroughUi(page, `exempt-${unique()}`);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Exemption path" });
  await setStatus(page, "Failure drill", "Pass");
  await openSection(page, /Client progress/);
  const rollback = itemCard(page, "Rollback");
  await rollback.getByText("Exemption", { exact: true }).click();
  await rollback.getByRole("button", { name: "Request an exemption for Rollback" }).click();
  const form = rollback.getByRole("form", { name: "Request an exemption for Rollback" });
  await form.getByRole("button", { name: "Request exemption" }).click();
  await expect(form.getByText("Explain why this item can be waived")).toBeVisible();
  await form.getByLabel("Why can this item be waived?").fill("The vendor rehearses rollback for this managed cluster every quarter.");
  await form.getByLabel("Approver").selectOption({ label: approver.name });
  const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Expires on").fill(expiry);
  await form.getByRole("button", { name: "Request exemption" }).click();
  await expect(rollback.getByTestId("exemption")).toContainText(`waiting for ${approver.name}`);
  await expect(page.getByTestId("outcome")).toHaveText("Not ready");

  const context = await browser.newContext();
  const approverPage = await context.newPage();
  await signIn(approverPage, approver);
  await approverPage.goto("/scorecards");
  await approverPage.getByRole("link", { name: "Rollback" }).click();
  const card = itemCard(approverPage, "Rollback");
  await card.getByLabel("Decision note (optional)").fill("Until the vendor report for Q4");
  await card.getByRole("button", { name: "Grant" }).click();
  await expect(card.getByTestId("exemption")).toContainText("Waived until");
  await expect(approverPage.getByTestId("outcome")).toHaveText("Ready for limited workload");
  await context.close();

  await page.reload();
  await expect(itemCard(page, "Rollback").getByText("Waived by an approved exemption")).toBeVisible();
});
