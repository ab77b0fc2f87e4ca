/**
 * STYLE.md: every boundary string is refined once by the shared helper. Input schemas build
 * strings with boundaryString() (lib/validation/text.ts), never with a bare z.string(); a
 * `.pipe(z.string()…)` after a refined, trimmed string is fine. The report schema describes
 * output and is exempt.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const OUTPUT_ONLY = new Set(["reports/schema.ts"]);

function inputSchemaFiles(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === "generated") continue;
    for (const file of readdirSync(path.join(root, dir.name))) {
      const rel = `${dir.name}/${file}`;
      if (/(^|-)schema\.ts$/.test(file) && !OUTPUT_ONLY.has(rel)) files.push(rel);
    }
  }
  // server actions parse their own small wrappers (ids beside a shared schema) too
  const actions = readdirSync(path.join(root, "actions")).map((file) => `actions/${file}`);
  return [...files, ...actions, "validation/fields.ts", "validation/date-field.ts", "drills/metric-import.ts"];
}

describe("input schemas", () => {
  it("take every string through boundaryString()", () => {
    const offenders = inputSchemaFiles().flatMap((rel) => {
      const text = readFileSync(path.join(root, rel), "utf8").replace(/\.pipe\(\s*z\.string\(/g, ".pipe(");
      return /\bz\s*\.\s*string\(/.test(text) ? [rel] : [];
    });
    expect(inputSchemaFiles().length).toBeGreaterThan(15);
    expect(offenders).toEqual([]);
  });
});
