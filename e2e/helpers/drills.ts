/** Steps shared by the drill specs: recent drill times, timeline events and metric imports through the drill page. */
import { expect, type Page } from "@playwright/test";

export const MINUTE = 60_000;

/** A recent drill (inside the 90-day freshness window), on whole minutes, in the form's UTC format. */
export function drillTimes() {
  const start = new Date(Math.floor((Date.now() - 86_400_000) / MINUTE) * MINUTE);
  const at = (offsetMs: number) => new Date(start.getTime() + offsetMs).toISOString().slice(0, 19);
  return { start, fault: new Date(start.getTime() + 2 * MINUTE), at };
}

export async function addEvent(page: Page, at: string, layer: string, marker: string, label: string) {
  const form = page.getByRole("form", { name: "Add timeline event" });
  await form.getByLabel("Time (UTC)").fill(at);
  await form.getByLabel("Layer").selectOption({ label: layer });
  await form.getByLabel("Marker").selectOption({ label: marker });
  await form.getByLabel("What happened").fill(label);
  await form.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("list", { name: "Events" }).getByText(label, { exact: true })).toBeVisible();
}

export async function importFile(page: Page, name: string, content: string, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  const form = page.getByRole("form", { name: "Import metrics" });
  await form
    .getByLabel("Metrics file")
    .setInputFiles({ name, mimeType: name.endsWith(".json") ? "application/json" : "text/csv", buffer: Buffer.from(content) });
  await fill(form);
  await form.getByRole("button", { name: "Import metrics" }).click();
  return form;
}

/** The chart panel of one imported series on the drill page. */
export const panel = (page: Page, metric: string) => page.getByRole("article", { name: `Series ${metric}` });
