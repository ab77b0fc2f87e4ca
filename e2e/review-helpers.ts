/** Steps of the review spec: people with distinct names, each in a browser context of their own, and sign-offs. */
import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn, type TestRole, type TestUser } from "./fixtures";

/** Creates a named account through the admin endpoint (as the fixtures' makeUser does, with a name we choose). */
export async function createNamedUser(browser: Browser, baseURL: string, admin: TestUser, role: TestRole, name: string): Promise<TestUser> {
  const user: TestUser = { email: `${role}-${randomUUID().slice(0, 8)}@e2e.drillbook.test`, password: `pw-${randomUUID()}`, name, role };
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, admin);
  const response = await page.request.post("/api/auth/admin/create-user", {
    data: { email: user.email, password: user.password, name, role },
    headers: { origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
  await context.close();
  return user;
}

/** A signed-in page in a browser context of its own (its own cookies). */
export async function sessionOf(browser: Browser, baseURL: string, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

export function reviewPanel(page: Page) {
  return page.locator("#review");
}

export function slot(page: Page, label: string) {
  return reviewPanel(page).getByRole("listitem", { name: `${label} sign-off` });
}

/** Signs `label` as the page's user from the scorecard page and waits for the slot to show the decision. */
export async function signAs(
  page: Page,
  scorecardUrl: string,
  label: string,
  decision: "Approve" | "Approve with conditions" | "Request changes",
  fill?: (form: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  // a full load (not a jump to #review on the page already open) so the form carries the current version
  await page.goto(scorecardUrl);
  // a role that already has a decision on this version keeps its form closed until asked
  const change = slot(page, label).getByRole("button", { name: "Change the decision" });
  if (await change.isVisible()) await change.click();
  const form = page.getByRole("form", { name: `Sign off as ${label}` });
  await form.getByRole("radio", { name: decision, exact: true }).check();
  if (fill) await fill(form);
  await form.getByRole("button", { name: `Sign as ${label}` }).click();
  // the form closes and the slot shows the decision once
  await expect(slot(page, label).getByText("Your decision was recorded.")).toBeVisible();
  await expect(form).toHaveCount(0);
}
