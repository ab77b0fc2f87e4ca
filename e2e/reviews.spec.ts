/**
 * The design review in Chromium: an editor requests a review, two approvers sign in browser
 * contexts of their own, the editor changes one item and both sign-offs show as invalidated,
 * re-approval approves the scorecard with a sign-off milestone. Also: an approver who is not
 * assigned gets no sign-off form, and an approval with a condition that the editor marks met.
 * (A condition's lapse needs the clock to pass its due day; it is tested in
 * lib/reviews/conditions.int.test.ts with an explicit clock, through the sweep.)
 */
import { expect, signIn, test } from "./fixtures";
import { createNamedUser, reviewPanel, sessionOf, signAs, slot } from "./review-helpers";
import { createClusterThroughUi, setStatus, shots, startScorecardThroughUi } from "./scorecard-helpers";

const unique = () => Date.now().toString(36);

test("two approvers sign, an item change voids both sign-offs, re-approval approves with a milestone", async ({ page, browser, admin, baseURL }) => {
  test.setTimeout(240_000);
  const suffix = unique();
  const editor = await createNamedUser(browser, baseURL!, admin, "editor", `Eve Editor ${suffix}`);
  const sre = await createNamedUser(browser, baseURL!, admin, "approver", `Sam SRE ${suffix}`);
  const security = await createNamedUser(browser, baseURL!, admin, "approver", `Sue Security ${suffix}`);
  const outsider = await createNamedUser(browser, baseURL!, admin, "approver", `Otto Outsider ${suffix}`);

  await signIn(page, editor);
  await createClusterThroughUi(page, `payments-prod-${suffix}`);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Payments readiness review" });
  const scorecardUrl = new URL(page.url()).pathname;

  // the editor asks SRE and Security to sign
  await page.getByRole("link", { name: "Design review" }).click();
  const request = page.getByRole("form", { name: "Request a review" });
  await request.getByRole("checkbox", { name: "Application owner", exact: true }).uncheck();
  await request.getByRole("checkbox", { name: "FinOps", exact: true }).uncheck();
  await request.getByRole("group", { name: "Who may sign for SRE" }).getByRole("checkbox", { name: sre.name }).check();
  await request.getByRole("group", { name: "Who may sign for Security" }).getByRole("checkbox", { name: security.name }).check();
  await request.screenshot({ path: `${shots}/review-request-form.png` });
  await request.getByRole("button", { name: "Request review" }).click();
  const state = reviewPanel(page).getByTestId("review-state");
  await expect(state).toHaveText("In review");
  await expect(slot(page, "SRE").getByTestId("slot-status")).toHaveText("Awaiting sign-off");
  await expect(slot(page, "Security")).toContainText(`May sign: ${security.name}`);
  await expect(page.getByRole("form", { name: /^Sign off as/ })).toHaveCount(0);

  // two approvers, each in a browser context of their own
  const srePage = await sessionOf(browser, baseURL!, sre);
  const securityPage = await sessionOf(browser, baseURL!, security);
  await signAs(srePage, scorecardUrl, "SRE", "Approve", async (form) => {
    await form.getByLabel("Comment (optional)").fill("Leadership settled within target in the last drill.");
    await slot(srePage, "SRE").screenshot({ path: `${shots}/review-sign-off-form.png` });
  });
  await expect(slot(srePage, "SRE").getByTestId("slot-status")).toHaveText("Approved");
  await expect(reviewPanel(srePage).getByTestId("review-state")).toHaveText("In review");
  // Sam is not assigned to Security, so there is no form for it
  await expect(srePage.getByRole("form", { name: "Sign off as Security" })).toHaveCount(0);
  await signAs(securityPage, scorecardUrl, "Security", "Approve");
  await expect(reviewPanel(securityPage).getByTestId("review-state")).toHaveText("Approved");

  // the editor sees it approved, with a sign-off milestone
  await page.reload();
  await expect(state).toHaveText("Approved");
  const approvedVersion = Number((await reviewPanel(page).textContent())!.match(/count for version (\d+)/)![1]);
  await expect(slot(page, "SRE")).toContainText(`v${approvedVersion} #`);
  await page.goto(`${scorecardUrl}/milestones`);
  await expect(page.getByRole("row").filter({ hasText: `Approved at version ${approvedVersion}` })).toContainText("At sign-off");
  await expect(page.getByText("At sign-off")).toHaveCount(1);

  // the editor changes one item: both sign-offs are voided, visibly
  await page.goto(scorecardUrl);
  await setStatus(page, "Failure drill", "In progress");
  await page.reload();
  await expect(state).toHaveText("In review");
  const invalidations = reviewPanel(page).getByTestId("invalidations");
  await expect(invalidations).toContainText(`SRE: Approved v${approvedVersion}, now v${approvedVersion + 1}: re-approval needed`);
  await expect(invalidations).toContainText(`Security: Approved v${approvedVersion}, now v${approvedVersion + 1}: re-approval needed`);
  await expect(slot(page, "SRE").getByTestId("slot-status")).toHaveText("Re-approval needed");
  await expect(slot(page, "Security").getByTestId("slot-status")).toHaveText("Re-approval needed");
  await reviewPanel(page).scrollIntoViewIfNeeded();
  await reviewPanel(page).screenshot({ path: `${shots}/review-panel-invalidated.png` });

  // an approver who is not assigned sees the review but has nothing to sign
  const outsiderPage = await sessionOf(browser, baseURL!, outsider);
  await outsiderPage.goto(`${scorecardUrl}#review`);
  await expect(reviewPanel(outsiderPage).getByTestId("review-state")).toHaveText("In review");
  await expect(outsiderPage.getByRole("form", { name: /^Sign off as/ })).toHaveCount(0);

  // re-approval of the new version approves again, with a second milestone
  await signAs(srePage, scorecardUrl, "SRE", "Approve");
  await signAs(securityPage, scorecardUrl, "Security", "Approve");
  await expect(reviewPanel(securityPage).getByTestId("review-state")).toHaveText("Approved");
  await page.reload();
  await expect(state).toHaveText("Approved");
  await expect(reviewPanel(page).getByTestId("invalidations")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("Approved", { exact: true })).toBeVisible();
  await slot(page, "SRE")
    .getByText(/Earlier decisions/)
    .click();
  await expect(slot(page, "SRE")).toContainText(`Invalidated: content changed (v${approvedVersion} → v${approvedVersion + 1})`);
  await reviewPanel(page).screenshot({ path: `${shots}/review-panel-approved.png` });
  await page.goto(`${scorecardUrl}/milestones`);
  await expect(page.getByRole("row").filter({ hasText: `Approved at version ${approvedVersion + 1}` })).toContainText("At sign-off");
  await expect(page.getByText("At sign-off")).toHaveCount(2);

  for (const p of [srePage, securityPage, outsiderPage]) await p.context().close();
});

test("an approval with a condition, marked met by the editor, and the reviews page", async ({ page, browser, admin, baseURL }) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const editor = await createNamedUser(browser, baseURL!, admin, "editor", `Erin Editor ${suffix}`);
  const finops = await createNamedUser(browser, baseURL!, admin, "approver", `Fay FinOps ${suffix}`);
  await signIn(page, editor);
  await createClusterThroughUi(page, `ledger-prod-${suffix}`);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Ledger readiness review" });
  const scorecardUrl = new URL(page.url()).pathname;

  const request = page.getByRole("form", { name: "Request a review" });
  for (const role of ["SRE", "Application owner", "Security"]) await request.getByRole("checkbox", { name: role, exact: true }).uncheck();
  // a custom role needs a name and someone to sign; errors land beside the row
  await request.getByRole("button", { name: "Add a custom role" }).click();
  await request.getByRole("group", { name: "Who may sign for Custom role" }).getByRole("checkbox", { name: finops.name }).check();
  await request.getByRole("button", { name: "Request review" }).click();
  await expect(request.getByText("Choose at least one person who may sign for this role")).toBeVisible();
  await expect(request.getByText("Name the role these people sign for")).toBeVisible();
  await request.getByLabel("Custom role name").fill("Data protection");
  await request.getByRole("checkbox", { name: "Required for approval" }).last().uncheck();
  await request.getByRole("group", { name: "Who may sign for FinOps" }).getByRole("checkbox", { name: finops.name }).check();
  await request.getByRole("button", { name: "Request review" }).click();
  await expect(reviewPanel(page).getByTestId("review-state")).toHaveText("In review");
  await expect(slot(page, "Data protection")).toContainText("Optional");

  // the approver approves with a condition due in a week
  const finopsPage = await sessionOf(browser, baseURL!, finops);
  await finopsPage.goto("/reviews");
  await expect(finopsPage.getByTestId("awaiting").getByRole("listitem")).toHaveCount(2);
  await finopsPage
    .getByTestId("awaiting")
    .getByRole("listitem")
    .filter({ hasText: "Sign as FinOps" })
    .getByRole("link", { name: "Ledger readiness review" })
    .click();
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const past = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await signAs(finopsPage, scorecardUrl, "FinOps", "Approve with conditions", async (form) => {
    await form.getByLabel("Condition 1").fill("Set a cross-zone traffic budget alert");
    await form.getByLabel("Owner").fill("payments-platform");
    await form.getByLabel("Due").fill(past);
    await form.getByRole("button", { name: "Sign as FinOps" }).click();
    await expect(form.getByText("The due date must be today or later")).toBeVisible();
    await form.getByLabel("Due").fill(due);
  });
  await expect(slot(finopsPage, "FinOps").getByTestId("slot-status")).toHaveText("Approved with conditions");
  await expect(reviewPanel(finopsPage).getByTestId("review-state")).toHaveText("Approved");

  // the editor marks the condition met
  await page.reload();
  const condition = slot(page, "FinOps").getByTestId("condition");
  await expect(condition).toContainText("Set a cross-zone traffic budget alert");
  await expect(condition).toContainText("owner payments-platform");
  await expect(condition).toContainText("Open");
  await reviewPanel(page).screenshot({ path: `${shots}/review-panel-condition.png` });
  await condition.getByRole("button", { name: "Mark met: “Set a cross-zone traffic budget alert”" }).click();
  await expect(condition).toContainText("Met");

  // the reviews page: what I requested, and decisions with their history
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
  await expect(page.getByRole("heading", { name: "Reviews", level: 1 })).toBeVisible();
  const requested = page.getByTestId("requested").getByRole("listitem").filter({ hasText: "Ledger readiness review" }).first();
  await expect(requested).toContainText("1 of 1 required sign-offs");
  await expect(requested).toContainText("Approved");
  await expect(page.getByTestId("decisions").getByRole("row").filter({ hasText: "Ledger readiness review" })).toContainText("Approved with conditions");
  await page.screenshot({ path: `${shots}/reviews-page-editor.png`, fullPage: true });
  await finopsPage.goto("/reviews?decisions=mine");
  await expect(finopsPage.getByTestId("awaiting").getByRole("listitem")).toHaveCount(1);
  await expect(finopsPage.getByTestId("decisions").getByRole("row")).toHaveCount(2);
  await finopsPage.screenshot({ path: `${shots}/reviews-page-approver.png`, fullPage: true });
  await finopsPage.context().close();
});
