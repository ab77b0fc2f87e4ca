/**
 * The demo portfolio on a new installation (its own server: the shared one runs with
 * DRILLBOOK_NO_SEED=1): the first admin lands on a portfolio full of labelled sample data, and
 * one confirmed click under Admin removes all of it.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { freshDatabase, startNext, waitFor, type NextProcess } from "./own-next";
import { freePort } from "./servers";

const shots = "e2e/.artifacts/screenshots";
let server: NextProcess;
let drop: () => Promise<void>;
let base: string;
let page: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  const port = await freePort();
  const db = await freshDatabase();
  drop = db.drop;
  base = `http://127.0.0.1:${port}`;
  server = startNext(port, { ...db.env, BETTER_AUTH_URL: base });
  await waitFor(
    () =>
      fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
    "the server",
    server.output,
  );
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  await page.goto("/setup");
  await page.getByLabel("Your name").fill("Demo Admin");
  await page.getByLabel("Email").fill("admin@demo.drillbook.test");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(`${base}/`, { timeout: 120_000 });
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
  await drop?.();
});

test("the first admin lands on a labelled demo portfolio with every outcome", async () => {
  await expect(page.getByRole("note", { name: "Sample data" })).toBeVisible();
  // the team's own first steps still show: sample data is not their start
  await expect(page.getByRole("region", { name: "What to do first" })).toContainText("0 of 3 done");
  const table = page.getByRole("table");
  for (const name of [
    "payments-events-prod",
    "orders-stream-prod",
    "clickstream-tiered-prod",
    "ledger-shared-staging",
    "inventory-sync-staging",
    "search-index-dev",
    "telemetry-tiered-staging",
    "sandbox-shared-dev",
  ]) {
    await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(table.getByRole("row").filter({ hasText: "payments-events-prod" })).toContainText("production test");
  await expect(table.getByRole("row").filter({ hasText: "clickstream-tiered-prod" })).toContainText(/regress/i);
  await page.screenshot({ path: `${shots}/demo-portfolio.png`, fullPage: true });

  await table.getByRole("link", { name: "payments-events-prod", exact: true }).click();
  await expect(page.getByRole("note", { name: "Sample data" })).toContainText("sample cluster");
  await page.screenshot({ path: `${shots}/demo-cluster.png`, fullPage: true });
});

/** The first link on `path` whose address is `/<section>/<id>` (not "new"). */
async function firstDetailHref(path: string, section: string): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator(`main a[href^="/${section}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => new RegExp(`^/${section}/[^/?#]+$`).test(h) && !h.endsWith("/new") && !h.endsWith("/import"));
  if (!found) throw new Error(`no ${section} link on ${path}`);
  return found;
}

async function clusterHref(name: string): Promise<string> {
  await page.goto("/");
  return (await page.getByRole("table").getByRole("link", { name, exact: true }).getAttribute("href"))!;
}

test("forms explain themselves: evidence kinds and a missing drill, required cluster fields", async () => {
  // search-index-dev has no drill: the failure-drill item says what it needs and links to record one
  const search = await clusterHref("search-index-dev");
  const scorecard = await firstDetailHref(search, "scorecards");
  await page.goto(scorecard);
  await page.getByRole("button", { name: "Add evidence to Failure drill" }).click();
  const form = page.getByRole("form", { name: "Add evidence to Failure drill" });
  await expect(form).toContainText("This item needs a drill or a metric export: a link or a note alone does not prove recovery");
  await form.getByText("Drill", { exact: true }).click();
  await expect(form.getByRole("link", { name: "Record a drill" })).toHaveAttribute("href", /\/drills\/new\?cluster=/);
  await expect(form.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  await form.screenshot({ path: `${shots}/evidence-form-no-drill.png` });

  await page.goto("/clusters/new");
  await expect(page.getByText("Fields marked * are required.")).toBeVisible();
  await expect(page.getByLabel("Version")).not.toHaveAttribute("placeholder");
  await expect(page.getByText("As the platform reports it, e.g. 3.9.0 or 7.7.")).toBeVisible();
  await page.getByLabel("Brokers").fill("");
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.locator("#field-brokerCount-error")).toHaveText("Broker count is required");
  await expect(page.locator("#field-partitionCount-error")).toHaveText("Partition count is required");
  await page.screenshot({ path: `${shots}/cluster-form-required.png`, fullPage: true });
});

/** Every signed-in page, with ids of the demo's own clusters, scorecards, drills, campaigns and templates. */
async function everyPage(): Promise<string[]> {
  const payments = await clusterHref("payments-events-prod");
  const scorecard = await firstDetailHref(payments, "scorecards");
  const drill = await firstDetailHref(payments, "drills");
  const campaign = await firstDetailHref("/campaigns", "campaigns");
  const template = await firstDetailHref("/templates", "templates");
  return [
    "/",
    "/clusters",
    "/clusters/new",
    payments,
    `${payments}/edit`,
    "/scorecards",
    scorecard,
    `${scorecard}/milestones`,
    `${scorecard}/report`,
    "/reviews",
    "/templates",
    template,
    `${template}/edit`,
    "/templates/import",
    "/drills",
    drill,
    `${drill}/edit`,
    `/drills/new?cluster=${payments.split("/").pop()}`,
    "/campaigns",
    campaign,
    `${campaign}/edit`,
    "/campaigns/new",
    "/admin/users",
    "/admin/tokens",
    "/admin/audit",
    "/admin/sample-data",
  ];
}

const shotName = (path: string) =>
  path
    .replace(/^\//, "")
    .replace(/[a-z0-9]{20,}/g, "id")
    .replace(/[/?=]+/g, "-") || "portfolio";

test("every page fits a 390 px screen", async () => {
  test.setTimeout(300_000);
  const pages = await everyPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const tooWide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.screenshot({ path: `${shots}/pages/390-${shotName(path)}.png`, fullPage: true });
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (scroll > inner) tooWide.push(`${path}: ${scroll} px wide`);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  expect(tooWide, "pages wider than the screen at 390 px").toEqual([]);
});

test("no page has a serious or critical accessibility problem (axe)", async () => {
  test.setTimeout(300_000);
  const pages = await everyPage();
  const violations: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.screenshot({ path: `${shots}/pages/1400-${shotName(path)}.png` });
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = result.violations.filter((x) => x.impact === "serious" || x.impact === "critical");
    for (const v of serious) {
      violations.push(
        // the element and axe's own summary, so a failure says what to change
        `${path}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} — ${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()}`)
          .join(" | ")}`,
      );
    }
  }
  expect(violations, "serious or critical axe violations").toEqual([]);
});

test("at 390 px the navigation is a menu", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav).toBeVisible();
  await page.screenshot({ path: `${shots}/mobile-menu-open.png` });
  await nav.getByRole("link", { name: "Drills" }).click();
  await expect(page).toHaveURL(/\/drills$/);
  await expect(nav).toBeHidden();
  await page.setViewportSize({ width: 1400, height: 900 });
});

test("Admin → Sample data removes the whole demo after a confirmation", async () => {
  await page.goto("/admin/sample-data");
  await expect(page.getByText("8 sample clusters, 1 sample campaign and 5 sample people")).toBeVisible();
  await page.getByRole("button", { name: "Remove sample data" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the sample data?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Remove sample data" }).click();
  await dialog.getByRole("button", { name: "Remove sample data" }).click();
  // the page re-renders to its empty state once the rows are gone, and says what went
  await expect(page.getByRole("heading", { name: "No sample data" })).toBeVisible();
  await expect(page.getByText("Removed 8 sample clusters, 1 campaign and 5 sample people.")).toBeVisible();
  await page.screenshot({ path: `${shots}/sample-data-removed.png` });

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "No clusters yet" })).toBeVisible();
  await expect(page.getByRole("note", { name: "Sample data" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByText(/sample_data_removed|sample data/i).first()).toBeVisible();
});
