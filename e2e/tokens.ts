/** Creating and revoking API tokens through the admin page, as an admin would. */
import { expect, type Page } from "@playwright/test";

export async function createTokenInUI(page: Page, name: string, scopes: string[], expiresInDays = "30"): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  for (const box of await page.locator('input[name="scopes"]').all()) {
    await box.setChecked(scopes.includes((await box.getAttribute("value")) ?? ""));
  }
  await page.getByLabel("Expires after").selectOption(expiresInDays);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("New API token");
  await expect(field).toHaveValue(/^dbk_/);
  return field.inputValue();
}

export async function revokeTokenInUI(page: Page, name: string) {
  await page.goto("/admin/tokens");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("row").filter({ hasText: name }).getByText("Revoked", { exact: true })).toBeVisible();
}
