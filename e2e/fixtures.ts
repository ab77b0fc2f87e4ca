/**
 * Fixtures that create their own accounts through the product's real paths: the first-run
 * setup page makes the admin, and the admin creates the other users through better-auth's
 * admin endpoint. Each test signs in as the role it needs.
 */
import { randomUUID } from "node:crypto";
import { test as base, expect, request, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export type TestRole = "viewer" | "editor" | "approver" | "admin";
export interface TestUser {
  email: string;
  password: string;
  name: string;
  role: TestRole;
}

// Same value in the runner and its workers (workers inherit the runner's environment).
process.env.E2E_ADMIN_PASSWORD ??= `admin-${randomUUID()}`;
const ADMIN: TestUser = { email: "admin@e2e.drillbook.test", password: process.env.E2E_ADMIN_PASSWORD, name: "E2E Admin", role: "admin" };

export async function signIn(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Creates the admin through /setup on a fresh installation (once per run). */
async function ensureAdmin(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/setup");
  if (new URL(page.url()).pathname === "/setup") {
    await page.getByLabel("Your name").fill(ADMIN.name);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  await context.close();
}

/**
 * The admin's session for making accounts: signed in once per worker through better-auth's
 * sign-in endpoint, without a browser page (two page renders per made user, on a machine whose
 * two cores also run the server and the database, cost about 5 s each time).
 */
async function adminRequestContext(baseURL: string, admin: TestUser): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const response = await api.post("/api/auth/sign-in/email", { data: { email: admin.email, password: admin.password } });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

export const test = base.extend<{ makeUser: (role: TestRole) => Promise<TestUser> }, { admin: TestUser; adminApi: APIRequestContext }>({
  admin: [
    async ({ browser }, use, workerInfo) => {
      await ensureAdmin(browser, String(workerInfo.project.use.baseURL));
      await use(ADMIN);
    },
    { scope: "worker" },
  ],
  adminApi: [
    async ({ admin }, use, workerInfo) => {
      const api = await adminRequestContext(String(workerInfo.project.use.baseURL), admin);
      await use(api);
      await api.dispose();
    },
    { scope: "worker" },
  ],
  makeUser: async ({ adminApi }, use) => {
    await use(async (role) => {
      const user: TestUser = { email: `${role}-${randomUUID().slice(0, 8)}@e2e.drillbook.test`, password: `pw-${randomUUID()}`, name: `E2E ${role}`, role };
      const response = await adminApi.post("/api/auth/admin/create-user", { data: { email: user.email, password: user.password, name: user.name, role } });
      expect(response.status(), await response.text()).toBe(200);
      return user;
    });
  },
});

export { expect };
