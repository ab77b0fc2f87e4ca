/**
 * The drillbook CLI (bin/drillbook.mjs) run as a pipeline would run it: plain node, the
 * address and an API token in DRILLBOOK_URL and DRILLBOOK_TOKEN, the exit code asserted.
 * Tokens are created through the admin page (as in api.spec.ts), the cluster through the API.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { OUTCOME_LABELS } from "../lib/domain/constants";
import { expect, signIn, test } from "./fixtures";
import { stagingClusterBody } from "../test/support/api-cluster";
import { createTokenInUI } from "./tokens";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function drillbook(url: string, token: string, args: string[], input?: string): Run {
  const run = spawnSync(process.execPath, ["bin/drillbook.mjs", ...args], {
    encoding: "utf8",
    input,
    timeout: 90_000,
    env: { ...process.env, DRILLBOOK_URL: url, DRILLBOOK_TOKEN: token },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cluster = (name: string) => stagingClusterBody(name, "cli");

test("drillbook gates on readiness, posts drills idempotently, and exits 2 on usage, connection and API errors", async ({ page, admin, request, baseURL }) => {
  const url = String(baseURL);
  await signIn(page, admin);
  const suffix = Date.now().toString(36);
  const token = await createTokenInUI(page, `cli-${suffix}`, ["read", "write:drills"]);
  const inventory = await createTokenInUI(page, `cli-inventory-${suffix}`, ["write:clusters"]);
  const name = `cli-${suffix}`;
  const registered = await request.post("/api/v1/clusters", { headers: { Authorization: `Bearer ${inventory}` }, data: cluster(name) });
  expect(registered.status(), await registered.text()).toBe(201);
  const clusterId: string = (await registered.json()).data.id;
  const runs: Run[] = [];
  const cli = (args: string[], options: { url?: string; token?: string; input?: string } = {}) => {
    const run = drillbook(options.url ?? url, options.token ?? token, args, options.input);
    runs.push(run);
    return run;
  };

  // help for the tool and for each command
  const help = cli(["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("drillbook gate --cluster");
  expect(help.stdout).toContain("DRILLBOOK_TOKEN");
  expect(help.stdout).toContain("Exit codes");
  const gateHelp = cli(["gate", "--help"]);
  expect(gateHelp.status).toBe(0);
  expect(gateHelp.stdout).toContain("--require <outcome>");

  // usage errors: exit 2, usage on stderr
  const unknownOption = cli(["gate", "--cluster", name, "--frobnicate"]);
  expect(unknownOption.status).toBe(2);
  expect(unknownOption.stderr).toContain("--frobnicate");
  expect(unknownOption.stderr).toContain("Usage:");
  const unknownCommand = cli(["deploy"]);
  expect(unknownCommand.status).toBe(2);
  expect(unknownCommand.stderr).toContain("unknown command “deploy”");
  const noToken = cli(["gate", "--cluster", name], { token: "" });
  expect(noToken.status).toBe(2);
  expect(noToken.stderr).toContain("DRILLBOOK_TOKEN");

  // the gate: no scorecard yet, so limited workload is not met (412 → exit 1) with the reason
  const unmet = cli(["gate", "--cluster", name, "--require", "limited_workload"]);
  expect(unmet.status, unmet.stderr).toBe(1);
  const [summary, ...reasons] = unmet.stdout.trim().split("\n");
  expect(summary).toBe(`FAIL ${name}: no scorecard (required: ${OUTCOME_LABELS.limited_workload})`);
  expect(reasons).toEqual([`  [missing] Cluster “${name}” has no scorecard yet; start one and assess it.`]);
  const unmetJson = cli(["gate", "--cluster", clusterId, "--require", "limited_workload", "--json"]);
  expect(unmetJson.status).toBe(1);
  expect(JSON.parse(unmetJson.stdout).data).toMatchObject({ pass: false, required: "limited_workload", outcome: null, cluster: { id: clusterId, name } });

  // API errors: exit 2 with the status and the API's message
  const unknownCluster = cli(["gate", "--cluster", "no-such"]);
  expect(unknownCluster.status).toBe(2);
  expect(unknownCluster.stderr).toContain("HTTP 404");
  expect(unknownCluster.stderr).toContain("No cluster has the id or name “no-such”.");
  const wrongToken = cli(["gate", "--cluster", name], { token: `dbk_${"x".repeat(43)}` });
  expect(wrongToken.status).toBe(2);
  expect(wrongToken.stderr).toContain("HTTP 401");
  const unreachable = cli(["gate", "--cluster", name], { url: "http://127.0.0.1:1" });
  expect(unreachable.status).toBe(2);
  expect(unreachable.stderr).toContain("cannot reach http://127.0.0.1:1: ");

  // drill post: a minimal drill, recorded once however often the step is retried
  const dir = mkdtempSync(path.join(tmpdir(), "drillbook-cli-"));
  try {
    const startedAt = new Date(Date.now() - 3_600_000);
    const drill = {
      clusterId,
      scenario: "broker_kill",
      title: "CLI: kill broker 1",
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + 900_000).toISOString(),
      leadershipSettledSec: 11,
    };
    const file = path.join(dir, "drill.json");
    writeFileSync(file, JSON.stringify(drill, null, 2));
    const first = cli(["drill", "post", file]);
    expect(first.status, first.stderr).toBe(0);
    const id = /^Recorded drill (\S+) /.exec(first.stdout)?.[1];
    expect(id).toBeTruthy();
    expect(first.stdout).toContain(`${url}/drills/${id}`);
    const retried = cli(["drill", "post", file]);
    expect(retried.status, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(new RegExp(`^Already recorded \\(same Idempotency-Key\\) drill ${id} `));
    const fromStdin = cli(["drill", "post", "-"], { input: readFileSync(file, "utf8") });
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toContain(`drill ${id} `);

    const invalidFile = path.join(dir, "invalid.json");
    writeFileSync(invalidFile, JSON.stringify({ ...drill, scenario: "meteor" }));
    const invalid = cli(["drill", "post", invalidFile]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain("HTTP 400 from POST /api/v1/drills");
    expect(invalid.stderr).toContain("scenario: Choose a valid scenario");
    writeFileSync(invalidFile, '{"clusterId": ');
    const malformed = cli(["drill", "post", invalidFile]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("is not valid JSON");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // the token never shows in any output
  for (const run of runs) expect(run.stdout + run.stderr).not.toContain(token);
});
