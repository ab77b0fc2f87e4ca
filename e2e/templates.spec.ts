import { expect, signIn, test } from "./fixtures";
import { shots } from "./scorecard-helpers";

const unique = () => Date.now().toString(36);

test("templates: clone a built-in, edit it, export it, and import JSON with precise errors", async ({ page, makeUser }) => {
  test.setTimeout(120_000);
  const editor = await makeUser("editor");
  await signIn(page, editor);
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("link", { name: "Broker failure recovery readiness" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Leader movement recovery" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Migration to a Kafka-compatible platform" })).toBeVisible();
  await page.screenshot({ path: `${shots}/templates-list.png`, fullPage: true });

  await page.getByRole("link", { name: "Leader movement recovery" }).click();
  await expect(page.getByText("Built-in templates are read-only")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await page.getByRole("button", { name: "Clone" }).click();
  const key = `lm-${unique()}`;
  await page.getByLabel("Name of the copy").fill("Leader movement (payments)");
  await page.getByLabel("Key").fill(key);
  await page.getByRole("button", { name: "Clone and edit" }).click();
  await expect(page.getByText("Copy created.")).toBeVisible();

  // make the first item weigh 5 and block; a bad weight elsewhere is refused with its path
  await page.locator("details").nth(0).locator("summary").click();
  await page.locator("details").nth(1).locator("summary").click();
  await page.locator("#tpl-sections-0-items-0-weight").fill("5");
  await page.locator("#tpl-sections-0-items-1-weight").fill("0");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.locator("#tpl-sections-0-items-1-weight-error")).toHaveText("Weight must be greater than 0");
  await expect(page.getByTestId("template-problems")).toContainText("sections[0].items[1].weight");
  await page.screenshot({ path: `${shots}/template-editor-errors.png`, fullPage: true });
  await page.locator("#tpl-sections-0-items-1-weight").fill("2");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Template saved.")).toBeVisible();
  await expect(page.getByText("weight 5").first()).toBeVisible();

  const exported = await page.request.get((await page.getByRole("link", { name: "Export JSON" }).getAttribute("href"))!);
  expect(exported.headers()["content-disposition"]).toContain(`attachment; filename="${key}-v1.json"`);
  const doc = await exported.json();
  expect(doc).toMatchObject({ format: "drillbook.template/v1", key, name: "Leader movement (payments)" });
  expect(doc.sections[0].items[0].weight).toBe(5);

  await page.goto("/templates/import");
  const broken = { ...doc, key: `${key}-imported`, sections: [{ ...doc.sections[0], items: [{ ...doc.sections[0].items[0], weight: "heavy" }] }] };
  await page.getByLabel("Or paste the JSON").fill(JSON.stringify(broken, null, 2));
  await page.getByRole("button", { name: "Import template" }).click();
  await expect(page.getByTestId("template-problems")).toContainText("sections[0].items[0].weight");
  await expect(page.getByTestId("template-problems")).toContainText("Weight must be a number");
  await page.getByLabel("Or paste the JSON").fill("{ not json");
  await page.getByRole("button", { name: "Import template" }).click();
  await expect(page.getByTestId("template-problems")).toContainText("Invalid JSON");
  await page.screenshot({ path: `${shots}/template-import-errors.png`, fullPage: true });
  await page.getByLabel("JSON file").setInputFiles({
    name: "template.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...doc, key: `${key}-imported`, name: "Imported copy" })),
  });
  await expect(page.getByLabel("Or paste the JSON")).toHaveValue(/Imported copy/);
  await page.getByRole("button", { name: "Import template" }).click();
  await expect(page.getByText("Template imported.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Imported copy", level: 1 })).toBeVisible();
});
