/**
 * Start-up of the real production build (`next start`) with its own configuration: a
 * configuration that cannot work stops the server with one clear line, a good one prints the
 * address it really serves, and the first admin lands on the portfolio with "What to do first".
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startNext, waitFor } from "./own-next";
import { freePort } from "./servers";

test("production on PostgreSQL without a signing secret stops at start with one line naming it", async () => {
  const port = await freePort();
  // the database is never opened: the configuration is refused first
  const server = startNext(port, { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/drillbook_never_opened" });
  const timer = setTimeout(() => void server.stop(), 90_000);
  const code = await server.exited;
  clearTimeout(timer);
  const out = server.output();
  expect(code, out).toBe(1);
  const problems = out.split("\n").filter((l) => l.includes("configuration error"));
  expect(problems).toEqual([
    "[drillbook] configuration error: BETTER_AUTH_SECRET is required in production with DATABASE_URL (make one with `openssl rand -base64 32`)",
  ]);
  expect(out).not.toContain("/setup");
});

test("a bad value stops the server too, naming the variable", async () => {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-startup-"));
  try {
    const server = startNext(port, { DRILLBOOK_DATA_DIR: dir, DRILLBOOK_ENCRYPTION_KEY: "too-short", DRILLBOOK_SWEEP_INTERVAL_SECONDS: "soon" });
    const code = await server.exited;
    const problems = server
      .output()
      .split("\n")
      .filter((l) => l.includes("configuration error"));
    expect(code, server.output()).toBe(1);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("DRILLBOOK_ENCRYPTION_KEY must be 32 bytes");
    expect(problems[0]).toContain("openssl rand -base64 32");
    expect(problems[1]).toMatch(/^\[drillbook\] configuration error: DRILLBOOK_SWEEP_INTERVAL_SECONDS: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("prints the address it serves; after setup the admin lands on the portfolio with what to do first", async ({ browser }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-startup-"));
  const server = startNext(port, { DRILLBOOK_DATA_DIR: dir, DRILLBOOK_NO_SEED: "1" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => server.output().includes("no accounts yet"), "the start-up message", server.output);
    expect(server.output()).toContain(`[drillbook] no accounts yet: open ${base}/setup to create the first (admin) account`);
    expect(server.output()).not.toContain("localhost:3000");

    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByLabel("Your name").fill("First Admin");
    await page.getByLabel("Email").fill("first@startup.drillbook.test");
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create admin account" }).click();

    await expect(page).toHaveURL(`${base}/`);
    const panel = page.getByRole("region", { name: "What to do first" });
    await expect(panel).toContainText("0 of 3 done");
    await expect(panel.getByRole("listitem")).toHaveText([/Add a cluster/, /Start a scorecard/, /Record a drill/]);
    await page.screenshot({ path: "e2e/.artifacts/screenshots/first-steps.png", fullPage: true });

    await panel.getByRole("link", { name: "New cluster" }).click();
    await page.getByLabel("Name").fill("first-cluster");
    for (const [label, value] of [
      ["Version", "3.9.0"],
      ["Owner team", "platform"],
      ["Cloud", "aws"],
      ["Region", "eu-west-1"],
      ["Brokers", "3"],
      ["Partitions", "300"],
      ["Peak ingress (MB/s)", "10"],
      ["Peak egress (MB/s)", "20"],
    ]) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole("button", { name: "Create cluster" }).click();
    await expect(page.getByRole("heading", { name: "first-cluster" })).toBeVisible();

    await page.goto("/");
    await expect(panel).toContainText("1 of 3 done");
    await expect(panel.getByRole("listitem").first()).toContainText("(done)");
    await expect(panel.getByRole("link", { name: "Open the cluster" })).toHaveAttribute("href", /\/clusters\/[^/]+$/);
    await context.close();
  } catch (error) {
    console.log(server.output().slice(-6000));
    throw error;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
