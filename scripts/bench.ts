/**
 * Runs every benchmark one after another (never in parallel: they would time each other's
 * load) and prints a combined summary: one table of every goal row the benchmarks report
 * (scripts/bench/common.ts goalRow: value, goal, met or not), then each benchmark's wall time
 * and timing lines. The rows are also written to bench/results/<date>.json (gitignored), to
 * compare commits.
 *
 *   npm run bench                    all of them
 *   npm run bench -- reports drills  only these (names without the "bench:" prefix)
 *
 * Each benchmark creates and drops its own database on TEST_DATABASE_URL (or the local server).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { GoalRow } from "./bench/common";

const ALL = ["scorecards", "drills", "portfolio", "reports", "prometheus"] as const;

interface Result {
  name: string;
  code: number;
  seconds: number;
  lines: string[];
  rows: GoalRow[];
}

const ROW_PREFIX = "BENCH_ROW ";

/** Runs `npm run bench:<name>`, echoing its output as it comes, and keeps the output. */
function run(name: string): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", `bench:${name}`], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on("close", (code) => {
      const all = output.split("\n").map((l) => l.trimEnd());
      const rows = all.filter((l) => l.startsWith(ROW_PREFIX)).map((l) => JSON.parse(l.slice(ROW_PREFIX.length)) as GoalRow);
      const lines = all.filter((l) => !l.startsWith(ROW_PREFIX));
      resolve({ name, code: code ?? 1, seconds: (performance.now() - started) / 1000, lines, rows });
    });
  });
}

/** The lines worth repeating in the summary: table headers and rows with timings or sizes. */
function highlights(lines: string[]): string[] {
  const header = (l: string) => /^(measure|step|scenario)\b/i.test(l.trim()) || /\bmed(ian)?\b.*\bp95\b/.test(l);
  const timing = (l: string) => /\d(\.\d+)?\s?(ms|s|MB|KB)\b/.test(l) || /(\d+\.\d+\s+){3,}/.test(l);
  return lines.filter((l) => (header(l) || timing(l)) && !/^\s*at\s/.test(l) && !/warn/i.test(l));
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Choose from: ${ALL.join(", ")}.`);
    process.exit(2);
  }
  const names = wanted.length ? wanted : [...ALL];
  const results: Result[] = [];
  for (const name of names) {
    console.log(`\n━━━ bench:${name} ━━━`);
    results.push(await run(name));
  }

  console.log("\n━━━━━━━━━━━━━━━━━━━━ Benchmark summary ━━━━━━━━━━━━━━━━━━━━");
  printGoalTable(results);
  writeResults(results);
  for (const r of results) {
    console.log(`\nbench:${r.name} — ${r.code === 0 ? "ok" : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s`);
    const rows = r.code === 0 ? highlights(r.lines) : r.lines.filter(Boolean).slice(-5);
    for (const line of rows) console.log(`  ${line}`);
  }
  const failed = results.filter((r) => r.code !== 0);
  console.log(
    `\n${results.length - failed.length} of ${results.length} benchmarks finished${failed.length ? `; failed: ${failed.map((f) => f.name).join(", ")}` : ""}.`,
  );
  process.exit(failed.length ? 1 : 0);
}

const show = (value: number, unit: GoalRow["unit"]) =>
  unit === "×" ? `${value.toFixed(2)} ×` : unit === "ms" ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : `${value.toFixed(unit === "MB" ? 1 : 0)} ${unit}`;

/** Every goal row, value beside goal, so the gaps show at a glance. */
function printGoalTable(results: Result[]) {
  const rows = results.flatMap((r) => r.rows.map((row) => ({ bench: r.name, ...row })));
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.measure.length)) + 2;
  console.log(`\n${"measure".padEnd(width)}${"value".padStart(12)}${"goal".padStart(12)}   met`);
  for (const r of rows) {
    const goal = r.goal === null ? "—" : `≤ ${show(r.goal, r.unit)}`;
    const met = r.goal === null ? "" : r.value <= r.goal ? "yes" : "NO";
    console.log(`${r.measure.padEnd(width)}${show(r.value, r.unit).padStart(12)}${goal.padStart(12)}   ${met}`);
  }
  const goals = rows.filter((r) => r.goal !== null);
  console.log(`\n${goals.filter((r) => r.value <= r.goal!).length} of ${goals.length} goals met.`);
}

/** bench/results/<date>.json: the rows with the commit and the machine, to compare runs. */
function writeResults(results: Result[]) {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  const at = new Date().toISOString();
  const file = `bench/results/${at.replace(/[:.]/g, "-")}.json`;
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  mkdirSync("bench/results", { recursive: true });
  const body = { at, commit, machine, benchmarks: results.map((r) => ({ name: r.name, exitCode: r.code, seconds: Math.round(r.seconds), rows: r.rows })) };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`results written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
