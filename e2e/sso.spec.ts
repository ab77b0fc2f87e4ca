/**
 * Single sign-on against a real OpenID Connect provider: the `oidc-provider` package runs in
 * this test process on 127.0.0.1 with one static client and a few accounts whose claims
 * include a role, and a second Drillbook (same build, own database) is started pointed at
 * it. People sign in through the browser and land signed in with the mapped role.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "@playwright/test";
import Provider from "oidc-provider";
import { expect, test } from "./fixtures";
import { freePort, setUpAdmin, startOwnServer, type OwnServer } from "./servers";

const shots = "e2e/.artifacts/screenshots";
const PROVIDER_NAME = "Example IdP";
const CLIENT = { id: "drillbook-e2e", secret: `e2e-${randomUUID()}` };

/** The identity provider's people; a test may change a role between sign-ins. */
const accounts: Record<string, { email: string; name: string; role: string }> = {
  "ada.approver": { email: "ada.approver@idp.example", name: "Ada Approver", role: "approver" },
  "sam.stranger": { email: "sam.stranger@idp.example", name: "Sam Stranger", role: "superuser" },
};

let idp: Server;
let issuer: string;
let app: OwnServer;
let admin: { context: import("@playwright/test").BrowserContext; page: Page };

async function startIdentityProvider(appURL: string): Promise<{ server: Server; issuer: string }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${appURL}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "drillbook_role"] },
    findAccount: async (_ctx, id) => {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, drillbook_role: account.role }),
      };
    },
    cookies: { keys: [randomUUID()] },
    features: { devInteractions: { enabled: true } },
  });
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, issuer };
}

test.beforeAll(async ({ browser }) => {
  const appPort = await freePort();
  const started = await startIdentityProvider(`http://127.0.0.1:${appPort}`);
  idp = started.server;
  issuer = started.issuer;
  app = await startOwnServer(
    {
      OIDC_ISSUER: started.issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_ROLE_CLAIM: "drillbook_role",
      OIDC_DEFAULT_ROLE: "viewer",
      OIDC_PROVIDER_NAME: PROVIDER_NAME,
    },
    appPort,
  );
  admin = await setUpAdmin(browser, app.baseURL, { name: "SSO Admin", email: "sso-admin@e2e.drillbook.test", password: `pw-${randomUUID()}` });
});

test.afterAll(async () => {
  await admin?.context.close();
  await app?.stop();
  await new Promise((resolve) => idp?.close(resolve));
});

/** Signs in through the identity provider in a fresh browser (no earlier IdP session). */
async function ssoSignIn(browser: Browser, login: string, screenshots = false) {
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const button = page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` });
  await expect(button).toBeVisible();
  // email and password sign-in stays available beside SSO
  await expect(page.getByLabel("Password")).toBeVisible();
  if (screenshots) await page.screenshot({ path: `${shots}/sso-sign-in.png` });
  await button.click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the test provider accepts every login");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(app.baseURL);
  return { context, page };
}

test("people sign in through the OIDC provider and get the role its claim names", async ({ browser }) => {
  const ada = await ssoSignIn(browser, "ada.approver", true);
  await expect(ada.page.getByText(`Ada Approver · Approver`)).toBeVisible();
  await expect(ada.page.getByRole("heading", { name: "Portfolio", exact: true })).toBeVisible();
  await ada.page.screenshot({ path: `${shots}/sso-signed-in.png` });
  // an approver, not an admin
  await expect(ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await ada.page.goto("/admin/users");
  await expect(ada.page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await ada.context.close();

  // an unknown role value gets the default role
  const sam = await ssoSignIn(browser, "sam.stranger");
  await expect(sam.page.getByText("Sam Stranger · Viewer")).toBeVisible();
  await sam.context.close();

  // the claim stays authoritative: a new value applies at the next sign-in
  accounts["ada.approver"].role = "editor";
  const again = await ssoSignIn(browser, "ada.approver");
  await expect(again.page.getByText("Ada Approver · Editor")).toBeVisible();
  await again.context.close();

  // every account the sign-on created, and the role change, are in the audit log
  const { page } = admin;
  await page.goto("/admin/audit?entityType=user");
  const bySso = page.getByRole("row").filter({ hasText: `single sign-on (${PROVIDER_NAME})` });
  await expect(bySso.filter({ hasText: "create" })).toHaveCount(2);
  const change = bySso.filter({ hasText: "update" });
  await expect(change).toHaveCount(1);
  await change.getByText(/\d+ fields?/).click();
  await expect(change).toContainText("approver");
  await expect(change).toContainText("editor");
  await page.screenshot({ path: `${shots}/sso-audit.png`, fullPage: true });
  await page.goto("/admin/users");
  await expect(page.getByRole("row").filter({ hasText: "ada.approver@idp.example" }).getByLabel("Role of Ada Approver")).toHaveValue("editor");
});

test("cancelling at the provider brings the person back to the sign-in page with a message", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=access_denied/);
  await expect(page.getByRole("alert").filter({ hasText: "cancelled" })).toHaveText("The sign-in was cancelled at the identity provider.");
  await context.close();
});
