import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const shots = "e2e/.artifacts/screenshots";

interface NewCluster {
  name: string;
  environment?: "production" | "staging" | "development";
  team: string;
  region?: string;
  tags?: string;
  brokers?: string;
  retention?: string;
}

/** Creates a cluster through the real form. */
async function createCluster(page: Page, c: NewCluster) {
  await page.goto("/clusters/new");
  await page.getByLabel("Name", { exact: true }).fill(c.name);
  await page.getByLabel("Environment").selectOption(c.environment ?? "production");
  await page.getByLabel("Owner team").fill(c.team);
  if (c.tags) await page.getByLabel("Tags").fill(c.tags);
  await page.getByLabel("Version").fill("3.9.0");
  await page.getByLabel("Cloud").fill("aws");
  await page.getByLabel("Region").fill(c.region ?? "eu-west-1");
  await page.getByLabel("Brokers").fill(c.brokers ?? "6");
  await page.getByLabel("Partitions").fill("600");
  await page.getByLabel("Retention (hours)").fill(c.retention ?? "72");
  await page.getByLabel("Peak ingress (MB/s)").fill("50");
  await page.getByLabel("Peak egress (MB/s)").fill("100");
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByText("Cluster created.")).toBeVisible();
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF) to check the export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

const unique = (label: string) => `${label}${Date.now().toString(36)}`;

test("the portfolio filters, sorts and pages through the URL, and exports what it shows as CSV", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const p = unique("pf");
  await createCluster(page, { name: `${p}-orders`, team: `${p}-commerce`, tags: "tier-1, pci" });
  await createCluster(page, { name: `${p}-payments`, team: `${p}-payments`, region: "us-east-1" });
  await createCluster(page, { name: `${p}-search`, environment: "staging", team: `${p}-commerce`, region: "ap-south-1" });

  await page.getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
  const rows = page.getByRole("row").filter({ hasText: p });

  await page.getByLabel("Search").fill(p);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${p}`));
  await expect(rows).toHaveCount(3);

  await page.getByLabel("Environment").selectOption("production");
  await expect(page).toHaveURL(/env=production/);
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Team").selectOption(`${p}-commerce`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${p}-orders`);
  await expect(rows.first()).toContainText("No scorecard yet");

  // a filter that matches nothing offers to clear
  await page.getByLabel("Storage").selectOption("kafka_compatible_shared_storage");
  await expect(page.getByText("No cluster matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("Search")).toHaveValue("");

  // sort by name, descending, through the column header
  await page.getByLabel("Search").fill(p);
  await expect(rows).toHaveCount(3);
  const nameHeader = page.getByRole("columnheader", { name: "Cluster" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first()).toContainText(`${p}-search`);
  await expect(rows.last()).toContainText(`${p}-orders`);

  // the whole view state lives in the URL: open page 2 of 2 directly
  await page.goto(`/?q=${p}&sort=name&dir=desc&size=2&page=2`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${p}-orders`);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(page.getByText("Showing 3–3 of 3 clusters")).toBeVisible();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);

  // export exactly what the filters select
  await page.goto(`/?q=${p}&env=production&sort=name&dir=desc`);
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: `${shots}/portfolio.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^drillbook-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, ""));
  expect(csv[0]).toEqual(
    expect.arrayContaining(["Cluster", "Environment", "Outcome", "Score (%)", "Stale evidence", "Last drill", "Open red answers", "Pending sign-offs"]),
  );
  const records = csv.slice(1).map((r) => Object.fromEntries(csv[0].map((h, i) => [h, r[i]])));
  expect(records.map((r) => r.Cluster)).toEqual([`${p}-payments`, `${p}-orders`]);
  expect(records[1]).toMatchObject({
    Environment: "Production",
    "Owner team": `${p}-commerce`,
    Tags: "tier-1; pci",
    Outcome: "No scorecard yet",
    "Stale evidence": "0",
    "Open red answers": "0",
    "Last drill": "",
  });

  const json = await page.request.get(`/api/portfolio/export?format=json&q=${p}`);
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.total).toBe(3);
  expect(body.clusters.map((c: { name: string }) => c.name)).toEqual([`${p}-orders`, `${p}-payments`, `${p}-search`]);

  const bad = await page.request.get(`/api/portfolio/export?format=xml&outcome=great`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0]).toMatchObject({ path: "", message: "format must be csv or json" });
  const anonymous = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.request.get("/api/portfolio/export?format=csv")).status()).toBe(401);
  await anonymous.close();

  // the activity feed names who changed what
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Recent activity" })).toContainText(`E2E editor created cluster ${p}-search`);
});

test("the recovery model on the cluster page recomputes when the throttle changes", async ({ page, makeUser }) => {
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const name = unique("rm-");
  await createCluster(page, { name, team: "streaming" });

  // open the cluster from the portfolio
  await page.goto(`/?q=${name}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const model = page.locator("section", { has: page.getByRole("heading", { name: /Recovery model/ }) });
  await expect(model).toBeVisible();

  // 6 brokers, RF 3, 72 h, 50 MB/s: 6.48 TB per broker, 18 h at 100 MB/s; shared storage warms 5 GB in 50 s
  await expect(page.getByTestId("broker-local-retained")).toHaveText("6.48 TB");
  await expect(page.getByTestId("broker-local-catch-up")).toHaveText("18 h");
  await expect(page.getByTestId("shared-catch-up")).toHaveText("50 s");
  await expect(page.getByTestId("broker-local-headroom")).toHaveText("86.4% headroom");
  await expect(page.getByTestId("broker-local-cross-zone")).toHaveText("4.32 TB");
  await expect(model.getByText("No drill has measured recovery on this cluster yet.")).toBeVisible();

  const throttle = page.getByLabel("Reassignment throttle (MB/s)");
  await throttle.fill("200");
  await expect(page.getByTestId("broker-local-catch-up")).toHaveText("9 h");
  await expect(page.getByTestId("shared-catch-up")).toHaveText("25 s");
  await expect(page.getByTestId("broker-local-headroom")).toHaveText("78.4% headroom");

  await page.getByLabel("Cross-zone price ($/GB)").fill("0.05");
  await expect(model.getByText("$216.00 at this price", { exact: false })).toBeVisible();
  await page.getByLabel("Rack-aware replicas").check();
  await expect(page.getByTestId("broker-local-cross-zone")).toHaveText("6.48 TB");

  // an unusable value is explained beside the field and the last estimate stays
  await throttle.fill("0");
  await expect(page.locator("#field-reassignmentThrottleMBps-error")).toHaveText("Reassignment throttle must be greater than 0");
  await expect(page.getByTestId("broker-local-catch-up")).toHaveText("9 h");
  await throttle.fill("2000");
  await expect(page.getByTestId("broker-local-headroom")).toHaveText(/Over capacity/);
  await throttle.fill("200");
  await page.screenshot({ path: `${shots}/recovery-model.png`, fullPage: true });

  await page.getByRole("button", { name: "Save as cluster defaults" }).click();
  await expect(page.getByText("Saved as this cluster's defaults.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Reassignment throttle (MB/s)")).toHaveValue("200");
  await expect(page.getByTestId("broker-local-catch-up")).toHaveText("9 h");
});

test("an editor creates campaigns by filter and by picking and sees their progress; a viewer cannot create one", async ({ page, makeUser, browser }) => {
  // many steps and three people
  test.setTimeout(150_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  const p = unique("cp");
  await createCluster(page, { name: `${p}-a`, team: `${p}-team` });
  await createCluster(page, { name: `${p}-b`, team: `${p}-team` });
  await createCluster(page, { name: `${p}-c`, environment: "staging", team: `${p}-team` });

  await page.getByRole("link", { name: "Campaigns" }).click();
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(`${p} cutover`);
  await page.getByLabel("Target outcome").selectOption("production_test");
  await page.getByLabel("Due date").fill("2030-01-31");
  await page.getByLabel("Name, team or region contains").fill(`${p}-`);
  await page.getByLabel("Environment").selectOption("production");
  await page.getByRole("button", { name: "Create campaign" }).click();

  await expect(page.getByRole("heading", { name: `${p} cutover` })).toBeVisible();
  await expect(page.getByText("Campaign created.")).toBeVisible();
  await expect(page.getByTestId("campaign-progress")).toContainText("0 of 2 clusters at target");
  await expect(page.getByRole("progressbar", { name: "Campaign progress" })).toHaveAttribute("aria-valuenow", "0");
  const short = page.getByRole("list", { name: "Clusters short of the target" });
  await expect(
    short
      .getByRole("listitem")
      .filter({ hasText: `${p}-a` })
      .first(),
  ).toContainText("No scorecard yet");
  await expect(short).toContainText(`${p}-b`);
  await expect(short).not.toContainText(`${p}-c`);

  // add the staging cluster by picking it
  await page.getByLabel("Find clusters").fill(`${p}-c`);
  await page.getByRole("button", { name: `Add ${p}-c` }).click();
  await page.getByRole("button", { name: "Add 1 to campaign" }).click();
  await expect(page.getByText("Added 1 cluster(s).")).toBeVisible();
  await expect(page.getByTestId("campaign-progress")).toContainText("0 of 3 clusters at target");
  await page.screenshot({ path: `${shots}/campaign.png`, fullPage: true });

  // a second campaign, picked by hand; bad input first
  await page.goto("/campaigns/new");
  await page.getByLabel("Pick clusters").check();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("Name is required");
  await expect(page.locator("#field-clusterIds-error")).toHaveText("Pick at least one cluster");
  await page.getByLabel("Name", { exact: true }).fill(`${p} limited`);
  await page.getByLabel("Target outcome").selectOption("limited_workload");
  // this one is about one assessment: a cluster counts by that template's current scorecard
  await page.getByLabel("For", { exact: true }).selectOption({ label: "Broker failure recovery readiness" });
  await page.getByLabel("Find clusters").fill(`${p}-a`);
  await page.getByRole("button", { name: `Add ${p}-a` }).click();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByTestId("campaign-progress")).toContainText("0 of 1 clusters at target");
  await expect(page.getByText("Picked by hand (1)")).toBeVisible();
  await expect(page.getByText("in Broker failure recovery readiness")).toBeVisible();
  await page.screenshot({ path: `${shots}/campaign-one-assessment.png` });

  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${p} cutover` })).toContainText("0 of 3 at target");
  await expect(page.getByRole("row").filter({ hasText: `${p} limited` })).toBeVisible();

  const viewer = await makeUser("viewer");
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer);
  await viewerPage.goto("/campaigns");
  await expect(viewerPage.getByRole("row").filter({ hasText: `${p} cutover` })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await viewerPage.goto("/campaigns/new");
  await expect(viewerPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await context.close();
});
