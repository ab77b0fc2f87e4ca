/**
 * Runs every benchmark one after another (never in parallel: they would time each other's
 * load) and prints a combined summary: each benchmark's result, wall time and timing lines.
 *
 *   npm run bench                    all of them
 *   npm run bench -- reports drills  only these (names without the "bench:" prefix)
 *
 * Each benchmark creates and drops its own database on TEST_DATABASE_URL (or the local server).
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

const ALL = ["scorecards", "drills", "portfolio", "reports", "prometheus"] as const;

interface Result {
  name: string;
  code: number;
  seconds: number;
  lines: string[];
}

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
      const lines = output.split("\n").map((l) => l.trimEnd());
      resolve({ name, code: code ?? 1, seconds: (performance.now() - started) / 1000, lines });
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
