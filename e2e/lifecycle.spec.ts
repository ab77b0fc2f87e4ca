/** Things people change after creating them: a scorecard's details, archiving and deleting scorecards and templates. */
import { expect, signIn, test } from "./fixtures";
import { createClusterThroughUi, shots, startScorecardThroughUi } from "./scorecard-helpers";

const unique = () => Date.now().toString(36);

test("an editor edits a scorecard's details, archives it and restores it", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const name = `life-${unique()}`;
  await createClusterThroughUi(page, name);
  await startScorecardThroughUi(page, { template: "Leader movement recovery", title: "Leader movement Q1" });
  const version = page.getByTitle("Content version: increases with every change");
  await expect(version).toHaveText("version 1");

  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Scorecard details" });
  await dialog.getByLabel("Title").fill("Leader movement, first half");
  await dialog.getByLabel("A candidate platform").check();
  await dialog.getByLabel("Candidate platform", { exact: true }).fill("Redpanda 25.1");
  await dialog.getByLabel("Due date").fill("2020-01-01");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByText("The due date is in the past; pick today or a later day")).toBeVisible();
  await page.screenshot({ path: `${shots}/scorecard-edit-details-error.png`, fullPage: true });
  await dialog.getByLabel("Due date").fill("");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Leader movement, first half", level: 1 })).toBeVisible();
  await expect(page.getByText("Candidate platform: Redpanda 25.1")).toBeVisible();
  // not part of the signed content: the version stays
  await expect(version).toHaveText("version 1");

  await page.getByRole("button", { name: "Archive scorecard Leader movement, first half" }).click();
  const confirm = page.getByRole("dialog", { name: "Archive “Leader movement, first half”?" });
  await expect(confirm).toContainText("no longer counts towards the cluster's readiness");
  await confirm.getByRole("button", { name: "Archive scorecard" }).click();
  await expect(page.getByText("Scorecard archived.")).toBeVisible();
  await expect(page.getByText(/^Archived on /)).toBeVisible();
  await page.screenshot({ path: `${shots}/scorecard-archived.png`, fullPage: true });

  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("link", { name: "Leader movement, first half" })).toHaveCount(0);
  await page.getByRole("link", { name: "1 archived scorecard" }).click();
  await expect(page.getByRole("heading", { name: "Archived scorecards", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Leader movement, first half" }).click();
  await page.getByRole("button", { name: "Restore scorecard Leader movement, first half" }).click();
  await page.getByRole("dialog", { name: "Restore “Leader movement, first half”?" }).getByRole("button", { name: "Restore scorecard" }).click();
  await expect(page.getByText("Scorecard restored: it is its assessment's current scorecard again.")).toBeVisible();
  await expect(page.getByText(/^Archived on /)).toHaveCount(0);
});

test("an editor archives a template, so no scorecard can start from it, then deletes an unused one", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const key = `arch-${unique()}`;
  await page.goto("/templates");
  await page.getByRole("link", { name: "Leader movement recovery" }).click();
  await page.getByRole("button", { name: "Clone" }).click();
  await page.getByLabel("Name of the copy").fill(`Archivable ${key}`);
  await page.getByLabel("Key").fill(key);
  await page.getByRole("button", { name: "Clone and edit" }).click();
  await expect(page.getByText("Copy created.")).toBeVisible();
  await page.goto("/templates");
  await page.getByRole("link", { name: `Archivable ${key}` }).click();

  await page.getByRole("button", { name: `Archive template Archivable ${key}` }).click();
  await page
    .getByRole("dialog", { name: `Archive “Archivable ${key}”?` })
    .getByRole("button", { name: "Archive template" })
    .click();
  await expect(page.getByText("Template archived.")).toBeVisible();
  await page.goto("/templates");
  await expect(page.getByRole("link", { name: `Archivable ${key}` })).toHaveCount(0);
  await page.getByRole("link", { name: /^Archived \(\d+\)$/ }).click();
  await expect(page.getByRole("link", { name: `Archivable ${key}` })).toBeVisible();
  await page.screenshot({ path: `${shots}/templates-archived.png`, fullPage: true });

  // not offered when starting a scorecard
  await createClusterThroughUi(page, `tpl-${key}`);
  await page.getByRole("button", { name: "New scorecard" }).click();
  await expect(
    page
      .getByRole("form", { name: "New scorecard" })
      .getByLabel("Template")
      .locator("option", { hasText: `Archivable ${key}` }),
  ).toHaveCount(0);

  // nothing refers to it: it can be deleted
  await page.goto("/templates?archived=1");
  await page.getByRole("link", { name: `Archivable ${key}` }).click();
  await page.getByRole("button", { name: `Delete template Archivable ${key}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “Archivable ${key}”?` });
  await expect(dialog).toContainText("Nothing refers to this template");
  await dialog.getByRole("button", { name: "Delete template" }).click();
  await expect(page.getByText(`Template ${key} deleted.`)).toBeVisible();

  // a built-in can be archived but never deleted
  await page.getByRole("link", { name: "Broker failure recovery readiness" }).click();
  await expect(page.getByRole("button", { name: "Archive template Broker failure recovery readiness" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete template/ })).toHaveCount(0);
});

test("an editor deletes a draft scorecard after a confirmation and lands on its cluster", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const name = `del-${Date.now().toString(36)}`;
  await createClusterThroughUi(page, name);
  await startScorecardThroughUi(page, { template: "Leader movement recovery", title: "Draft to throw away" });
  await page.getByRole("button", { name: "Delete scorecard Draft to throw away" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Draft to throw away”?" });
  await expect(dialog).toContainText("falls back to the previous scorecard of the same template");
  await dialog.getByRole("button", { name: "Delete scorecard" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Scorecard deleted.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Draft to throw away" })).toHaveCount(0);
});
