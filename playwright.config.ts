/**
 * End-to-end tests in Chromium against a production build (`next start`) on its own
 * database: a fresh PostgreSQL database when TEST_DATABASE_URL names a server, otherwise a
 * fresh embedded database in a temporary folder. Prepared in e2e/global-setup.ts.
 */
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium when installed; otherwise Playwright's own browser, if downloaded. */
function chromiumPath(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: "./e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "./e2e/.artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // two shards share 2 cores with their servers and databases: a long flow (three clusters
  // through the UI, then filters and an export) took 66 s there while the machine was busy.
  // The embedded database (no TEST_DATABASE_URL) is about three times slower (the whole e2e run
  // took 28.7 min on two shards against about 10 on PostgreSQL, and the broker-kill drill flow
  // ran past 120 s), so a test gets 300 s there
  timeout: process.env.TEST_DATABASE_URL ? 120_000 : 300_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    // a trace records DOM snapshots and screencast frames at every step, in a browser sharing two
    // cores with the server: recorded for a failed test's retry (CI retries once), not for every
    // test. Locally: npx playwright test --trace on
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: {
    command: `node e2e/start-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM (not Playwright's default SIGKILL) lets e2e/start-server.mjs drop its database
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
