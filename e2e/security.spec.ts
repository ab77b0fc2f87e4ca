/**
 * Security properties checked against the production build over HTTP, not through the UI's
 * happy paths: headers, session cookie attributes, forged server-action requests, and what
 * viewers and users of no role get when they ask directly.
 */
import type { Request as PwRequest } from "@playwright/test";
import { expect, signIn, test, type TestUser } from "./fixtures";

test("every answer carries the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/api/v1/openapi.json", "/api/v1/clusters", "/api/health"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the session cookie is httpOnly and SameSite=Lax (Secure only over https)", async ({ page, context, makeUser }) => {
  await signIn(page, await makeUser("viewer"));
  const session = (await context.cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // this run is served over plain http (BETTER_AUTH_URL=http://…); lib/auth/cookies.int.test.ts covers https
  expect(session!.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session_token");
});

/** Submits the New cluster form, but holds the server-action request back and returns it. */
async function captureCreateClusterAction(page: import("@playwright/test").Page, name: string): Promise<PwRequest> {
  await page.goto("/clusters/new");
  let captured: PwRequest | undefined;
  await page.route("**/clusters/new", async (route) => {
    if (route.request().method() === "POST") {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  for (const [label, value] of [
    ["Name", name],
    ["Version", "3.8.1"],
    ["Owner team", "security-team"],
    ["Cloud", "aws"],
    ["Region", "us-east-1"],
    ["Partitions", "60"],
    ["Peak ingress (MB/s)", "4"],
    ["Peak egress (MB/s)", "9"],
  ]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/clusters/new");
  return captured!;
}

/** The captured action's headers, minus those the replaying client sets itself. */
function replayHeaders(captured: PwRequest, extra: Record<string, string> = {}) {
  const skip = new Set(["cookie", "host", "content-length", "origin", "referer"]);
  return { ...Object.fromEntries(Object.entries(captured.headers()).filter(([k]) => !skip.has(k))), ...extra };
}

async function clusterNames(page: import("@playwright/test").Page): Promise<string[]> {
  const response = await page.request.get("/api/v1/clusters");
  expect(response.status()).toBe(200);
  return ((await response.json()).data as { name: string }[]).map((c) => c.name);
}

test("server actions refuse forged cross-origin requests and viewers replaying them", async ({ page, browser, baseURL, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const name = `forged-${Date.now().toString(36)}`;
  const captured = await captureCreateClusterAction(page, name);
  const body = captured.postDataBuffer()!;
  expect(captured.headers()["next-action"]).toBeTruthy();

  // 1. the editor's own cookies, but the request claims to come from another site
  const forged = await page.request.post("/clusters/new", { headers: replayHeaders(captured, { origin: "https://evil.example" }), data: body });
  expect(forged.ok()).toBe(false);
  expect(await clusterNames(page)).not.toContain(name);

  // 2. the same request from a viewer's browser (same origin): refused by the permission check
  const viewerContext = await browser.newContext({ baseURL });
  const viewerPage = await viewerContext.newPage();
  await signIn(viewerPage, await makeUser("viewer"));
  const asViewer = await viewerPage.request.post("/clusters/new", { headers: replayHeaders(captured, { origin: String(baseURL) }), data: body });
  expect(await asViewer.text()).toContain("You do not have permission to do that.");
  expect(await clusterNames(page)).not.toContain(name);
  await viewerContext.close();

  // 3. control: the untouched request from the editor's own origin does create it
  const genuine = await page.request.post("/clusters/new", { headers: replayHeaders(captured, { origin: String(baseURL) }), data: body });
  expect(genuine.status()).toBeLessThan(400);
  expect(await clusterNames(page)).toContain(name);
});

async function userOfNoRole(page: import("@playwright/test").Page, admin: TestUser, baseURL: string): Promise<TestUser> {
  const user: TestUser = {
    email: `none-${Date.now().toString(36)}@e2e.drillbook.test`,
    password: `pw-${Math.random().toString(36).slice(2)}-long`,
    name: "E2E none",
    role: "viewer",
  };
  await signIn(page, admin);
  const created = await page.request.post("/api/auth/admin/create-user", {
    data: { email: user.email, password: user.password, name: user.name, role: "none" },
    headers: { origin: baseURL },
  });
  expect(created.status()).toBe(200);
  await page.context().clearCookies();
  return user;
}

test("a user of no role can read nothing, a viewer can write nothing", async ({ page, admin, baseURL, makeUser }) => {
  const none = await userOfNoRole(page, admin, String(baseURL));
  // signed in, a parked account lands on the 403 page (and can sign out from there)
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(none.email);
  await page.getByLabel("Password").fill(none.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  for (const path of ["/clusters", "/clusters/new", "/reviews", "/admin/users", "/admin/tokens", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" }), path).toBeVisible();
  }
  await page.screenshot({ path: "e2e/.artifacts/screenshots/forbidden-no-role.png" });
  for (const path of ["/api/v1/clusters", "/api/v1/scorecards"]) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }

  await page.context().clearCookies();
  await signIn(page, await makeUser("viewer"));
  for (const path of ["/admin/tokens", "/admin/audit", "/clusters/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" }), path).toBeVisible();
  }
  expect((await page.request.get("/api/v1/clusters")).status()).toBe(200);
  const write = await page.request.post("/api/v1/clusters", { data: { name: "viewer-was-here" } });
  expect(write.status()).toBe(403);
  expect((await page.request.post("/api/v1/drills", { data: { title: "viewer-was-here" } })).status()).toBe(403);
  // the drill page's streamed Prometheus pull checks the role before it starts
  const pull = await page.request.post("/api/drills/some-drill/metrics/pull", { headers: { origin: String(baseURL) } });
  expect([pull.status(), await pull.json()]).toEqual([403, { error: expect.any(String) }]);
  // better-auth's admin endpoints refuse a viewer too
  const escalate = await page.request.post("/api/auth/admin/set-role", { data: { userId: admin.email, role: "admin" }, headers: { origin: String(baseURL) } });
  expect(escalate.status()).toBeGreaterThanOrEqual(401);
  expect(escalate.status()).toBeLessThan(500);
});

test("a replayed action with the session cookie and no Origin is refused, and so is a broken body", async ({ page, makeUser }) => {
  await signIn(page, await makeUser("editor"));
  const name = `no-origin-${Date.now().toString(36)}`;
  const captured = await captureCreateClusterAction(page, name);
  const body = captured.postDataBuffer()!;
  // Playwright's request context sends no Origin unless told to; drop the browser's Sec-Fetch-Site too
  const headers: Record<string, string> = replayHeaders(captured);
  delete headers["sec-fetch-site"];
  const replay = await page.request.post("/clusters/new", { headers, data: body });
  expect(replay.status()).toBe(403);
  expect(replay.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const broken = await page.request.post("/clusters/new", {
    headers: replayHeaders(captured, { origin: new URL(page.url()).origin, "content-type": "text/plain;charset=UTF-8" }),
    data: "{{{not json",
  });
  expect(broken.status()).toBe(400);
  const huge = await page.request.post("/clusters/new", {
    headers: replayHeaders(captured, { origin: new URL(page.url()).origin }),
    data: Buffer.alloc(13 * 1024 * 1024, "a"),
  });
  expect(huge.status()).toBe(413);
  expect(await clusterNames(page)).not.toContain(name);
});

test("broken %-escapes get a 400 page (JSON under /api) with the security headers", async ({ request }) => {
  for (const [path, type] of [
    ["/api/v1/clusters/%", "application/json"],
    ["/clusters/%zz", "text/html"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["content-type"], path).toContain(type);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
  }
});

test("scripts run only with the page's nonce, pages still hydrate, and the browser reports no CSP violation", async ({ page, makeUser }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.log(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto("/sign-in");
  const policy = response!.headers()["content-security-policy"];
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  await signIn(page, await makeUser("editor"));
  await page.goto("/clusters/new");
  // a client-side behaviour: the form's field error appears without a page load
  await page.getByLabel("Name", { exact: true }).fill("bad name with spaces");
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByText(/Use letters, digits/)).toBeVisible();
  // the app router's bootstrap script ran (it is loaded by a nonce'd script)
  expect(await page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
  await page.screenshot({ path: "e2e/.artifacts/screenshots/csp-nonce-new-cluster.png", fullPage: true });
  expect(violations).toEqual([]);
});
