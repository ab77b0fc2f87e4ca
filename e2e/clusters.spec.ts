import { expect, signIn, test } from "./fixtures";
import { createClusterThroughUi } from "./scorecard-helpers";

const shots = "e2e/.artifacts/screenshots";

test("an editor signs in, gets field errors, fixes them and sees the cluster listed", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.screenshot({ path: `${shots}/sign-in.png` });
  await signIn(page, editor);

  await page.goto("/clusters");
  await page.getByRole("link", { name: "New cluster" }).first().click();
  await expect(page.getByRole("heading", { name: "New cluster" })).toBeVisible();

  // first attempt: name missing, negative broker count, replication factor above brokers
  await page.getByLabel("Version").fill("3.8.1");
  await page.getByLabel("Owner team").fill("checkout-platform");
  await page.getByLabel("Cloud").fill("aws");
  await page.getByLabel("Region").fill("us-east-1");
  await page.getByLabel("Brokers").fill("-3");
  await page.getByLabel("Partitions").fill("600");
  await page.getByLabel("Peak ingress (MB/s)").fill("40");
  await page.getByLabel("Peak egress (MB/s)").fill("90");
  await page.getByRole("button", { name: "Create cluster" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  await expect(page.locator("#field-name-error")).toHaveText("Name is required");
  await expect(page.locator("#field-brokerCount-error")).toHaveText("Broker count must be at least 1");
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  // what was typed survives the failed submit
  await expect(page.getByLabel("Region")).toHaveValue("us-east-1");
  await page.screenshot({ path: `${shots}/cluster-form-errors.png`, fullPage: true });

  const name = `checkout-events-${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Brokers").fill("6");
  await page.getByRole("button", { name: "Create cluster" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Cluster created.")).toBeVisible();
  await expect(page.getByText("us-east-1")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clusters" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("checkout-platform");
  await page.screenshot({ path: `${shots}/cluster-list.png`, fullPage: true });

  // a second cluster with the same name is refused beside the name field
  await page.goto("/clusters/new");
  for (const [label, value] of [
    ["Name", name],
    ["Version", "3.8.1"],
    ["Owner team", "checkout-platform"],
    ["Cloud", "aws"],
    ["Region", "us-east-1"],
    ["Partitions", "600"],
    ["Peak ingress (MB/s)", "40"],
    ["Peak egress (MB/s)", "90"],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.locator("#field-name-error")).toContainText("is already taken");
});

test("a cluster edit conflict shows their values beside yours", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  await createClusterThroughUi(page, `conflict-${Date.now().toString(36)}`);
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  // two tabs of one person, both opened before either saves; B at phone width
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 390, height: 844 });
  await page.goto(editUrl);
  await other.goto(editUrl);

  await page.getByLabel("Owner team").fill("team-alpha");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  await other.getByLabel("Owner team").fill("team-bravo");
  await other.getByRole("button", { name: "Save changes" }).click();
  const comparison = other.getByTestId("conflict-comparison");
  await expect(comparison).toContainText("Someone else saved this cluster after you opened it");
  // the refusal's message heads the comparison and is not repeated in a red alert above it
  await expect(other.getByText("Someone else saved this cluster after you opened it")).toHaveCount(1);
  const row = comparison.getByRole("row").filter({ hasText: "Owner team" });
  await expect(row.getByRole("cell")).toHaveText(["team-alpha", "team-bravo"]);
  // only the field they changed is compared, and the typed value stays in the form
  await expect(comparison.getByRole("rowheader")).toHaveText(["Owner team"]);
  await expect(other.locator("#field-ownerTeam-error")).toHaveText("Changed by someone else; compare above");
  await expect(other.getByLabel("Owner team")).toHaveValue("team-bravo");
  await other.screenshot({ path: `${shots}/cluster-conflict.png`, fullPage: true });

  await comparison.getByRole("button", { name: "Use their values" }).click();
  await expect(other.getByLabel("Owner team")).toHaveValue("team-alpha");
  await expect(other.locator("#field-ownerTeam-error")).toHaveCount(0);
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByText("Changes saved.")).toBeVisible();
  await other.goto(editUrl);
  await expect(other.getByLabel("Owner team")).toHaveValue("team-alpha");
  await other.close();
});

test("a viewer can read clusters but not create them", async ({ page, makeUser }) => {
  const viewer = await makeUser("viewer");
  await signIn(page, viewer);
  await page.goto("/clusters");
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New cluster" })).toHaveCount(0);
  await page.goto("/clusters/new");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("an admin creates an account and changes its role", async ({ page, admin }) => {
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
  const email = `new-${Date.now().toString(36)}@e2e.drillbook.test`;
  await page.getByLabel("Name", { exact: true }).fill("Nora Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-password-error")).toHaveText("Use at least 12 characters");
  await page.getByLabel("Initial password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await row.getByLabel("Role of Nora Newcomer").selectOption("approver");
  await expect(row.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email }).getByLabel("Role of Nora Newcomer")).toHaveValue("approver");
});
