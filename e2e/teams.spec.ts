/**
 * Admin → Teams, as an admin uses it: a cluster's owner team is a team (spellings that differ
 * in case and spacing are one team), members with a team role, rename (its clusters follow),
 * archive after a confirmation (a new cluster cannot pick an archived team), and the pages at
 * phone width; and the team page anyone who reads the portfolio reaches from a cluster's row.
 */
import { expect, signIn, test } from "./fixtures";
import { createClusterThroughUi, fillNewClusterForm, shots } from "./scorecard-helpers";

test("an admin manages a team: members and roles, rename that its clusters follow, archive that new clusters respect", async ({ page, admin, makeUser }) => {
  const editor = await makeUser("editor");
  const stamp = Date.now().toString(36);
  const team = `Streaming ${stamp}`;
  await signIn(page, admin);

  // a cluster named with an odd spelling of a new team creates that team once
  await createClusterThroughUi(page, `teams-a-${stamp}`, `  streaming   ${stamp.toUpperCase()} `);
  await expect(page.getByText(/owned by/)).toContainText(`streaming ${stamp.toUpperCase()}`);
  await createClusterThroughUi(page, `teams-b-${stamp}`, team);
  // the second spelling landed on the same team, shown under the team's own name
  await expect(page.getByText(/owned by/)).toContainText(`streaming ${stamp.toUpperCase()}`);

  await page.goto("/admin/teams");
  await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: `streaming ${stamp.toUpperCase()}` });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");

  // creating a team whose name only differs in case is refused beside the field
  await page.getByLabel("Team name").fill(team.toLowerCase());
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("already exists (names ignore case and spacing)")).toBeVisible();

  await row.getByRole("link").click();
  await expect(page.getByText("2 cluster(s), 0 member(s)")).toBeVisible();

  // a member with a role, then another role
  await page.getByLabel("Person").selectOption({ label: `${editor.name} (${editor.email})` });
  await page.getByLabel("Team role").selectOption({ label: "Maintainer" });
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByText("Added to the team.")).toBeVisible();
  const roleSelect = page.getByLabel(`Team role of ${editor.name}`);
  await expect(roleSelect).toHaveValue("maintainer");
  await roleSelect.selectOption("member");
  await expect(page.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Team role of ${editor.name}`)).toHaveValue("member");

  // rename: its clusters show the new name
  await page.getByLabel("New name").fill(team);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Renamed; 2 cluster(s) now show the new name.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(team);

  // removing asks first
  await page.getByRole("button", { name: `Remove ${editor.name} from ${team}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Remove ${editor.name} from “${team}”?`);
  await dialog.getByRole("button", { name: "Remove" }).click();
  // the row goes (and its dialog with it): the members list says so
  await expect(page.getByText("No members yet")).toBeVisible();
  await expect(page.getByText("2 cluster(s), 0 member(s)")).toBeVisible();

  // archive after a confirmation; a new cluster cannot pick the archived team
  await page.getByRole("button", { name: "Archive team" }).click();
  await expect(dialog).toContainText(`Archive “${team}”?`);
  await page.screenshot({ path: `${shots}/teams-archive-confirm.png` });
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Archived");

  await fillNewClusterForm(page, `teams-c-${stamp}`, team.toUpperCase());
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByText(`“${team}” is archived; choose another team or ask an admin to restore it`)).toBeVisible();

  // the pages at phone width: nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto("/admin/teams");
  expect(await sideways(), "Admin → Teams scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/teams-list-phone.png`, fullPage: true });
  await page.getByRole("row").filter({ hasText: team }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(team);
  expect(await sideways(), "the team page scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/teams-team-phone.png`, fullPage: true });
});

test("anyone who reads the portfolio opens a team's page from a cluster's row: its clusters, readiness and members", async ({ page, admin, makeUser }) => {
  const viewer = await makeUser("viewer");
  const stamp = Date.now().toString(36);
  const team = `Ledger ${stamp}`;
  await signIn(page, admin);
  await createClusterThroughUi(page, `ledger-a-${stamp}`, team);
  await page.goto("/admin/teams");
  await page.getByRole("row").filter({ hasText: team }).getByRole("link").click();
  await page.getByLabel("Person").selectOption({ label: `${viewer.name} (${viewer.email})` });
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByText("Added to the team.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, viewer);
  await page.goto(`/?q=ledger-a-${stamp}`);
  await page
    .getByRole("row")
    .filter({ hasText: `ledger-a-${stamp}` })
    .getByRole("link", { name: team })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(team);
  await expect(page.getByText("1 cluster(s), 1 member(s)")).toBeVisible();
  await expect(page.getByRole("table", { name: `Clusters of ${team}` }).getByRole("link", { name: `ledger-a-${stamp}` })).toBeVisible();
  const tiles = page.getByRole("list", { name: `Readiness of ${team}` });
  await expect(tiles.getByRole("link", { name: /No scorecard yet/ })).toContainText("1");
  await expect(page.getByText("No scorecard of this team is in review.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: viewer.name })).toContainText("Member");
  // a viewer sees no way to manage it
  await expect(page.getByRole("link", { name: "Manage in Admin → Teams" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/team-page.png`, fullPage: true });

  // a tile narrows the portfolio to the team's clusters of that outcome
  await tiles.getByRole("link", { name: /No scorecard yet/ }).click();
  await expect(page).toHaveURL(/[?&]team=/);
  await expect(page.getByRole("row").filter({ hasText: `ledger-a-${stamp}` })).toHaveCount(1);

  await page.goBack();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(team);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    "the team page scrolls sideways at 390 px",
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/team-page-phone.png`, fullPage: true });
});
