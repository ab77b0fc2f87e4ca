/** Shared steps of the scorecard specs: a cluster and a scorecard created through the UI. */
import { expect, type Page } from "@playwright/test";

export const shots = "e2e/.artifacts/screenshots";

export async function createClusterThroughUi(page: Page, name: string, ownerTeam = "payments-platform") {
  await fillNewClusterForm(page, name, ownerTeam);
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

/** Opens the new-cluster form and fills every required field with valid values. */
export async function fillNewClusterForm(page: Page, name: string, ownerTeam = "payments-platform") {
  await page.goto("/clusters/new");
  for (const [label, value] of [
    ["Name", name],
    ["Version", "3.9.0"],
    ["Owner team", ownerTeam],
    ["Cloud", "aws"],
    ["Region", "eu-west-1"],
    ["Brokers", "6"],
    ["Partitions", "1200"],
    ["Peak ingress (MB/s)", "50"],
    ["Peak egress (MB/s)", "150"],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

/** Starts a scorecard from the cluster page and waits for its first section. */
export async function startScorecardThroughUi(page: Page, { template, title }: { template: string; title: string }) {
  await page.getByRole("button", { name: "New scorecard" }).click();
  const form = page.getByRole("form", { name: "New scorecard" });
  const select = form.getByLabel("Template");
  const value = await select.locator("option", { hasText: template }).first().getAttribute("value");
  await select.selectOption(value!);
  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Start scorecard" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Scorecard started.")).toBeVisible();
}

/** The card of one item in the current section. */
export function itemCard(page: Page, title: string) {
  return page.getByRole("article", { name: new RegExp(`^\\d+\\.\\s*${title}$`) });
}

/** Sets an item's status and waits until the autosave confirms it. */
export async function setStatus(page: Page, title: string, status: string) {
  const card = itemCard(page, title);
  await card.getByRole("radio", { name: status, exact: true }).check();
  await expect(card.getByTestId("save-state")).toHaveText("Saved");
}

/** Opens a section of the open scorecard from its section navigation. */
export async function openSection(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();
}

/**
 * On the open broker-failure scorecard whose failure drill already passes: Rollback (the other
 * blocking item, under Client progress) passes too, so it is ready for limited workload.
 */
export async function passRollback(page: Page) {
  await openSection(page, /Client progress/);
  await setStatus(page, "Rollback", "Pass");
  await expect(page.getByTestId("outcome")).toHaveText("Ready for limited workload");
}
