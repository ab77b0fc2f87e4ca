import { expect, signIn, test } from "./fixtures";

const shots = "e2e/.artifacts/screenshots";

test("an admin creates a token (shown once), revokes it, and finds both in the verified audit log", async ({ page, admin }) => {
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const adminNav = page.getByRole("navigation", { name: "Admin" });
  await expect(adminNav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await adminNav.getByRole("link", { name: "Tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", exact: true })).toBeVisible();

  // nothing chosen: errors beside the fields, nothing created
  for (const box of await page.locator('input[name="scopes"]').all()) await box.uncheck();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("Name is required");
  await expect(page.locator("#scopes-error")).toHaveText("Choose at least one scope");
  // the form shows what was submitted: still nothing ticked
  await expect(page.locator('input[name="scopes"]:checked')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/tokens-form-errors.png`, fullPage: true });

  const name = `chaos-pipeline-${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.locator('input[name="scopes"][value="read"]').check();
  await page.locator('input[name="scopes"][value="write:drills"]').check();
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("New API token");
  await expect(field).toHaveValue(/^dbk_[A-Za-z0-9_-]{43}$/);
  const token = await field.inputValue();
  await expect(page.getByText("Copy it now: it is shown only this once.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Write drills");
  await expect(row).toContainText("never");
  await page.screenshot({ path: `${shots}/tokens-created.png`, fullPage: true });

  // shown once: after a reload the token is nowhere on the page
  await page.reload();
  expect(await page.content()).not.toContain(token);
  expect(await page.content()).not.toContain(token.slice(12));

  // revoking asks first; cancel keeps it
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Revoke “${name}”?`);
  await page.screenshot({ path: `${shots}/tokens-revoke-confirm.png` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Active");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  // the audit log has both events, with the token's prefix but never the token
  await adminNav.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Entity type").selectOption("api_token");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/entityType=api_token/);
  const events = page.getByRole("row").filter({ hasText: "api_token" });
  await expect(events.filter({ hasText: "revoke" }).first()).toBeVisible();
  const created = events.filter({ hasText: "create" }).first();
  await expect(created).toContainText(admin.email);
  await created.getByText(/\d+ fields/).click();
  await expect(created.getByRole("rowheader", { name: "prefix" })).toBeVisible();
  await expect(created).toContainText(token.slice(0, 12));
  expect(await page.content()).not.toContain(token.slice(12));
  await page.screenshot({ path: `${shots}/audit-log-filtered.png`, fullPage: true });

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText("The chain is intact")).toBeVisible();
  await page.screenshot({ path: `${shots}/audit-verified.png`, fullPage: true });

  // a date range that ends before it starts is refused beside the field
  await page.getByLabel("From (UTC day)").fill("2026-05-02");
  await page.getByLabel("To (UTC day)").fill("2026-05-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator("#field-to-error")).toHaveText("“To” must be on or after “From”");
});

test("the audit log records a role change with before and after", async ({ page, admin, makeUser }) => {
  const viewer = await makeUser("viewer");
  await signIn(page, admin);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: viewer.email });
  await row.getByLabel(`Role of ${viewer.name}`).selectOption("editor");
  await expect(row.getByText("Saved")).toBeVisible();
  await page.goto("/admin/audit?entityType=user&action=update");
  const event = page.getByRole("row").filter({ hasText: "update" }).first();
  await event.getByText(/\d+ fields?/).click();
  const roleChange = event.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "role" }) });
  await expect(roleChange).toContainText("viewer");
  await expect(roleChange).toContainText("editor");
});
