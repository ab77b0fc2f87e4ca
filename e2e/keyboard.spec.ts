/**
 * A keyboard-only pass through the product's main path on a fresh installation: setup →
 * cluster → scorecard → drill → design review. Every step is done with Tab, typing, Space and
 * Enter (locators only check where the focus is), and every control reached shows a visible
 * focus indicator (an outline or a focus ring).
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./servers";
import { shots } from "./scorecard-helpers";

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer({});
});
test.afterAll(async () => {
  await server?.stop();
});

/** Whether the focused element draws a focus indicator: an outline, or a box-shadow ring. */
async function showsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    return outline || (s.boxShadow !== "none" && s.boxShadow !== "");
  });
}

/** Presses Tab until `target` has the focus (at most `max` times), then checks the focus is visible. */
async function tabTo(page: Page, target: Locator, max = 80) {
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 })) {
      expect(await showsFocus(target), `a visible focus indicator on ${target}`).toBe(true);
      return;
    }
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/**
 * Types a day and time into a focused datetime-local input, segment by segment (US order:
 * month, day, year, hour, minute, second). The year segment takes up to six digits, so an
 * arrow key moves on; 10 o'clock reads the same on a 12- and a 24-hour clock, and the "A" for
 * AM is ignored when there is no AM/PM segment.
 */
async function typeDateTimeAtTen(page: Page, day: Date, minute: number) {
  const p = (n: number) => String(n).padStart(2, "0");
  await page.keyboard.type(`${p(day.getUTCMonth() + 1)}${p(day.getUTCDate())}${day.getUTCFullYear()}`);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(`10${p(minute)}00A`);
}

test("setup, a cluster, a scorecard, a drill and a review request, with the keyboard only and visible focus", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: server.baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // setup: the first admin account
  await page.goto("/setup");
  await typeInto(page, page.getByLabel("Your name"), "Kim Keyboard");
  await typeInto(page, page.getByLabel("Email"), "kim@keyboard.drillbook.test");
  await typeInto(page, page.getByLabel("Password"), "a-long-enough-password");
  await page.keyboard.press("Enter");
  const firstSteps = page.getByRole("region", { name: "What to do first" });
  await expect(firstSteps).toContainText("0 of 3 done");

  // an approver to sign the review (sign-offs come from someone other than the owner)
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
  await typeInto(page, page.getByLabel("Name", { exact: true }), "Pat Approver");
  await typeInto(page, page.getByLabel("Email"), "pat@keyboard.drillbook.test");
  await tabTo(page, page.getByLabel("Role", { exact: true }));
  await page.keyboard.type("Approver");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("approver");
  await typeInto(page, page.getByLabel("Initial password"), "another-long-password");
  await tabTo(page, page.getByRole("button", { name: "Create account" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Account created.")).toBeVisible();
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }));
  await page.keyboard.press("Enter");

  // a cluster
  await tabTo(page, firstSteps.getByRole("link", { name: "New cluster" }));
  await page.screenshot({ path: `${shots}/keyboard-focus-link.png` });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "New cluster", level: 1 })).toBeVisible();
  for (const [label, value] of [
    ["Name", "keyboard-prod"],
    ["Owner team", "platform"],
    ["Version", "3.9.0"],
    ["Cloud", "aws"],
    ["Region", "eu-west-1"],
    ["Partitions", "600"],
    ["Peak ingress (MB/s)", "20"],
    ["Peak egress (MB/s)", "60"],
  ]) {
    await typeInto(page, page.getByLabel(label, { exact: true }), value);
  }
  await tabTo(page, page.getByRole("button", { name: "Create cluster" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "keyboard-prod", level: 1 })).toBeVisible();

  // a scorecard
  await tabTo(page, page.getByRole("button", { name: "New scorecard" }));
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New scorecard" });
  await typeInto(page, form.getByLabel("Title"), "Keyboard readiness");
  await tabTo(page, form.getByRole("button", { name: "Start scorecard" }));
  await page.screenshot({ path: `${shots}/keyboard-focus-button.png` });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Keyboard readiness", level: 1 })).toBeVisible();
  const scorecardUrl = page.url().replace(/\?.*$/, "");

  // a drill, from the cluster page
  await tabTo(page, page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "keyboard-prod" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "Record drill" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Started (UTC)")).toBeVisible();
  await typeInto(page, page.getByLabel("Title"), "Broker 2 killed at noon");
  const yesterday = new Date(Date.now() - 86_400_000);
  await tabTo(page, page.getByLabel("Started (UTC)"));
  await typeDateTimeAtTen(page, yesterday, 15);
  await expect(page.getByLabel("Started (UTC)")).toHaveValue(new RegExp(`^${yesterday.toISOString().slice(0, 10)}T10:15(:00)?$`));
  await typeInto(page, page.getByLabel("Time to leadership settled (s)"), "21");
  await tabTo(page, page.getByLabel("Run under realistic traffic"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Run under realistic traffic")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Record drill" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Broker 2 killed at noon" })).toBeVisible();

  // the design review, from the scorecard page
  await page.goto(scorecardUrl);
  await tabTo(page, page.getByRole("link", { name: "Design review" }), 120);
  await page.keyboard.press("Enter");
  const request = page.getByRole("form", { name: "Request a review" });
  for (const role of ["Application owner", "Security", "FinOps"]) {
    await tabTo(page, request.getByRole("checkbox", { name: role, exact: true }), 120);
    await page.keyboard.press("Space");
    await expect(request.getByRole("checkbox", { name: role, exact: true })).not.toBeChecked();
  }
  await tabTo(page, request.getByRole("group", { name: "Who may sign for SRE" }).getByRole("checkbox", { name: "Pat Approver" }));
  await page.keyboard.press("Space");
  await tabTo(page, request.getByRole("button", { name: "Request review" }));
  await page.screenshot({ path: `${shots}/keyboard-review-request.png` });
  await page.keyboard.press("Enter");
  await expect(page.locator("#review").getByTestId("review-state")).toHaveText("In review");
  await context.close();
});
