// CI: `next build`, failing when the build prints any warning. A clean build prints none, so
// any new one (a Node.js module reaching the Edge runtime, a module Turbopack could not
// analyse, a config warning) fails CI at once instead of scrolling by unnoticed.
//   node scripts/check-build-warnings.mjs            run `next build` and check its output
//   node scripts/check-build-warnings.mjs --log F    check a saved build log instead
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Lines Next and Turbopack print for a warning (or an error that does not fail the build). */
const WARNING = [/⚠/, /\bwarn(ing)?s?\b/i, /Edge Runtime/, /Ecmascript file had an error/, /Module not found/, /Critical dependency/];

/**
 * Notices about the build machine, not the code: a fresh clone (as CI has) has no build cache
 * yet, and Next says so with a warning sign.
 */
const ABOUT_THE_MACHINE = [/No build cache found/];

/** The warning lines of a build log, without terminal colours. */
export function buildWarnings(log) {
  const plain = log.replace(/\u001b\[[0-9;]*m/g, "");
  return plain
    .split(/\r?\n/)
    .filter((line) => WARNING.some((re) => re.test(line)))
    .filter((line) => !ABOUT_THE_MACHINE.some((re) => re.test(line)));
}

async function runBuild() {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  let log = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      log += chunk;
      (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
    });
  }
  const code = await new Promise((resolve) => child.on("close", resolve));
  return { code, log };
}

const logIndex = process.argv.indexOf("--log");
const { code, log } = logIndex > 0 ? { code: 0, log: readFileSync(process.argv[logIndex + 1], "utf8") } : await runBuild();
if (code !== 0) {
  console.error(`✗ next build failed (exit ${code})`);
  process.exit(code ?? 1);
}
const warnings = buildWarnings(log);
if (warnings.length) {
  console.error(`\n✗ the build printed ${warnings.length} warning line(s); a clean build prints none:`);
  for (const line of warnings.slice(0, 20)) console.error(`  ${line.trim()}`);
  process.exit(1);
}
console.log("✓ build printed no warnings");
