// Measured seconds per e2e spec file, read from the JSON reports of the last `npm test`
// (e2e/.artifacts/summary/e2e-*.json) and written to e2e/durations.json, which
// scripts/test.mjs uses to split the spec files into shards of about equal length.
// Run it after a full `npm test` on a quiet machine when specs were added or changed a lot.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const dir = "e2e/.artifacts/summary";
const seconds = {};
for (const name of readdirSync(dir).filter((f) => /^e2e-\d+\.json$/.test(f))) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) for (const result of test.results) seconds[spec.file] = (seconds[spec.file] ?? 0) + result.duration / 1000;
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(`${dir}/${name}`, "utf8")).suites) walk(suite);
}
if (Object.keys(seconds).length === 0 || !existsSync("e2e")) throw new Error(`no e2e reports in ${dir}: run npm test first`);
const sorted = Object.fromEntries(
  Object.entries(seconds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, s]) => [file, Math.round(s)]),
);
writeFileSync("e2e/durations.json", JSON.stringify(sorted, null, 2) + "\n");
console.log(`e2e/durations.json: ${Object.keys(sorted).length} spec files, ${Object.values(sorted).reduce((a, b) => a + b, 0)} s in all`);
