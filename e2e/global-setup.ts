/** Fails early, with instructions, when no Chromium can be found. */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export default async function globalSetup() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  if (candidates.some((p) => existsSync(p))) return;
  if (existsSync(chromium.executablePath())) return;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of:\n" +
      "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  anywhere else: npx playwright install chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium/Chrome binary.",
  );
}
