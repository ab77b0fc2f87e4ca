/**
 * Extra servers for specs that need their own configuration: a second Drillbook (same
 * production build, own database, extra environment such as OIDC settings or a low rate
 * limit) and free ports for them. Started in beforeAll and stopped in afterAll.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, type Browser } from "@playwright/test";

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  baseURL: string;
  stop(): Promise<void>;
}

/** Starts `next start` through e2e/start-server.mjs (fresh database, removed on stop). */
export async function startOwnServer(env: Record<string, string>, port?: number): Promise<OwnServer> {
  port ??= await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["e2e/start-server.mjs", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the extra server exited early:\n${output}`);
    const healthy = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the extra server did not start within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Creates the first (admin) account of a fresh server through its /setup page. */
export async function setUpAdmin(browser: Browser, baseURL: string, admin: { name: string; email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/setup");
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { context, page };
}
