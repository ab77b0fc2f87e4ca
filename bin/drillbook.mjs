#!/usr/bin/env node
/**
 * drillbook — the command-line client of Drillbook's JSON API for pipelines:
 *
 *   drillbook gate --cluster orders-prod --require production_test   exit 0 when met, 1 when not
 *   drillbook drill post drill.json                                  record a drill (retry-safe)
 *   drillbook report --scorecard <id> --format junit -o readiness.xml
 *
 * Plain ESM for Node 20 with no dependencies: global fetch for HTTP, node:util parseArgs for
 * arguments, node:crypto for the default Idempotency-Key. Configured by DRILLBOOK_URL and
 * DRILLBOOK_TOKEN (or --url / --token). Exit codes: 0 success, 1 readiness not met (412),
 * 2 usage, connection or API error. The token is sent as `Authorization: Bearer` and never printed.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const OUTCOMES = ["not_ready", "limited_workload", "production_test"];
/** The labels of lib/domain/constants.ts (OUTCOME_LABELS); e2e/cli.spec.ts checks they agree. */
const OUTCOME_LABELS = { not_ready: "Not ready", limited_workload: "Ready for limited workload", production_test: "Ready for production test" };
const REPORT_FORMATS = ["json", "junit"];
/** A request that has not answered by then fails the step instead of hanging the pipeline. */
const TIMEOUT_MS = 60_000;
const EXIT = { ok: 0, unmet: 1, error: 2 };

const COMMON_HELP = `Options for every command:
  --url <url>       Drillbook's address (default: $DRILLBOOK_URL)
  --token <token>   API token (default: $DRILLBOOK_TOKEN; prefer the variable, a flag shows in process lists)
  -h, --help        show this help

Environment:
  DRILLBOOK_URL     e.g. https://drillbook.example.com or http://127.0.0.1:3000
  DRILLBOOK_TOKEN   an API token (dbk_…) from Admin → Tokens`;

const MAIN_HELP = `drillbook — gate a pipeline on Drillbook readiness and post drill results

Usage:
  drillbook gate --cluster <id-or-name> [--template <key>] [--require <outcome>] [--json]
  drillbook drill post <file.json | -> [--idempotency-key <key>]
  drillbook report --scorecard <id> [--format json|junit] [-o <file>]
  drillbook <command> --help

${COMMON_HELP}

Exit codes:
  0  success (gate: the requirement is met)
  1  gate: the requirement is not met (the API answered 412)
  2  usage error, Drillbook unreachable, or any other API error`;

const GATE_HELP = `drillbook gate — does a cluster meet a required readiness outcome?

Usage:
  drillbook gate --cluster <id-or-name> [--template <key>] [--require <outcome>] [--json]

Calls GET /api/v1/clusters/<cluster>/readiness (token scope read) and prints one line
(PASS or FAIL, cluster, template, outcome, score, required outcome); on FAIL, each reason.

Options:
  --cluster <id-or-name>  the cluster (required)
  --template <key>        judge this template's current scorecard, e.g. broker-failure-recovery
                          (default: the cluster's weakest current outcome)
  --require <outcome>     ${OUTCOMES.join(" | ")} (default: production_test)
  --json                  print the API's JSON body instead of the summary

${COMMON_HELP}

Exit codes:
  0  the requirement is met (200)
  1  the requirement is not met (412)
  2  usage error, Drillbook unreachable, or any other API error (e.g. 404 unknown cluster)`;

const DRILL_POST_HELP = `drillbook drill post — record a drill with its measurements and metric series

Usage:
  drillbook drill post <file.json | -> [--idempotency-key <key>]

POSTs the JSON (a file, or stdin for -) to /api/v1/drills (token scope write:drills) and
prints the new drill's id and address. The body is the one documented in README.md
("API tokens and the JSON API") and in /api/v1/openapi.json.

Options:
  --idempotency-key <key>  1–255 printable ASCII characters (default: the SHA-256 of the
                           content, so a retried step never records the drill twice; the
                           server keeps keys 24 hours)

${COMMON_HELP}

Exit codes:
  0  the drill is recorded (201), or was already recorded with this key (replayed)
  2  usage error, unreadable file, Drillbook unreachable, or an API error (with the issues)`;

const REPORT_HELP = `drillbook report — download a scorecard's readiness report

Usage:
  drillbook report --scorecard <id> [--format json|junit] [-o <file>]

Calls GET /api/v1/scorecards/<id>/report (token scope read). json writes the report itself
(like the download, so \`jq .content\` and \`npm run report:verify\` work on it); junit
writes JUnit XML for a CI system's test view.

Options:
  --scorecard <id>     the scorecard's id (required)
  --format <format>    json | junit (default: json)
  -o, --output <file>  write to this file (default: stdout)

${COMMON_HELP}

Exit codes:
  0  the report is written
  2  usage error, Drillbook unreachable, or an API error (e.g. 404 unknown scorecard)`;

const COMMON_OPTIONS = { url: { type: "string" }, token: { type: "string" }, help: { type: "boolean", short: "h" } };

/** Each command: its options, how many positional arguments it takes, its help and what it runs. */
const COMMANDS = {
  gate: {
    options: { ...COMMON_OPTIONS, cluster: { type: "string" }, template: { type: "string" }, require: { type: "string" }, json: { type: "boolean" } },
    positionals: 0,
    help: GATE_HELP,
    run: gate,
  },
  "drill post": { options: { ...COMMON_OPTIONS, "idempotency-key": { type: "string" } }, positionals: 1, help: DRILL_POST_HELP, run: postDrill },
  report: {
    options: { ...COMMON_OPTIONS, scorecard: { type: "string" }, format: { type: "string" }, output: { type: "string", short: "o" } },
    positionals: 0,
    help: REPORT_HELP,
    run: report,
  },
};

/** An error the CLI reports as one message (plus the usage when `help` is set) and an exit code. */
class CliError extends Error {
  constructor(message, { exitCode = EXIT.error, help } = {}) {
    super(message);
    this.exitCode = exitCode;
    this.help = help;
  }
}

const usageError = (message, help = MAIN_HELP) => new CliError(message, { help });
const commandNamed = (name) => (Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);

/** Splits argv into the command, its parsed options and positionals; `help` set when asked for. */
function parseCommandLine(argv) {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError("missing command");
  if (first === "-h" || first === "--help" || first === "help") return { help: commandNamed(rest.join(" "))?.help ?? MAIN_HELP };
  let name = first;
  let args = rest;
  if (first === "drill") {
    if (rest[0] === "-h" || rest[0] === "--help") return { help: DRILL_POST_HELP };
    if (rest[0] !== "post") throw usageError(rest[0] ? `unknown drill command “${rest[0]}”` : "missing drill command (post)", DRILL_POST_HELP);
    name = "drill post";
    args = rest.slice(1);
  }
  const command = commandNamed(name);
  if (!command) throw usageError(`unknown command “${first}”`);
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error.message, command.help);
  }
  if (parsed.values.help) return { help: command.help };
  if (parsed.positionals.length !== command.positionals) {
    const want = command.positionals ? `exactly ${command.positionals} argument` : "no arguments";
    throw usageError(`${name} takes ${want}, got ${parsed.positionals.length}`, command.help);
  }
  return { command, values: parsed.values, positionals: parsed.positionals };
}

/** The Drillbook address and token from the options or the environment. */
function connectionOf(values) {
  const url = values.url || process.env.DRILLBOOK_URL;
  const token = values.token || process.env.DRILLBOOK_TOKEN;
  if (!url) throw new CliError("set DRILLBOOK_URL (or pass --url) to Drillbook's address, e.g. http://127.0.0.1:3000");
  if (!token) throw new CliError("set DRILLBOOK_TOKEN (or pass --token) to an API token from Admin → Tokens");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`DRILLBOOK_URL is not a valid URL: ${url}`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new CliError(`DRILLBOOK_URL must start with http:// or https://: ${url}`);
  // an invalid header value would make fetch throw an error that quotes it
  if (!/^[\x21-\x7e]+$/.test(token)) throw new CliError("DRILLBOOK_TOKEN contains spaces or characters that cannot be sent in a header");
  return { url: url.replace(/\/+$/, ""), token };
}

/** One API request; connection failures become "cannot reach <url>: <cause>" (never quoting the token). */
async function callApi(connection, method, path, { body, headers = {} } = {}) {
  try {
    return await fetch(`${connection.url}${path}`, {
      method,
      body,
      headers: { Accept: "application/json", ...headers, Authorization: `Bearer ${connection.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : causeOf(error);
    throw new CliError(`cannot reach ${connection.url}: ${cause.replaceAll(connection.token, "***")}`);
  }
}

/** fetch reports "fetch failed" with the socket's or resolver's error as the cause. */
function causeOf(error) {
  const cause = error.cause;
  if (!cause) return error.message;
  return cause.message || cause.code || (cause.errors ?? []).map((e) => e.message).join("; ") || error.message;
}

/** The parsed JSON body, or null when the body is not JSON (e.g. a proxy's error page). */
async function jsonBodyOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The API's `{ error, issues }` answer as a CliError naming the status and the request. */
function apiError(response, body, method, path) {
  const message = typeof body?.error === "string" ? body.error : response.statusText || "no error message";
  const issues = Array.isArray(body?.issues) ? body.issues.map((i) => `\n  ${i.path || "(body)"}: ${i.message}`).join("") : "";
  return new CliError(`HTTP ${response.status} from ${method} ${path.split("?")[0]}: ${message}${issues}`);
}

const outcomeLabel = (outcome) => OUTCOME_LABELS[outcome] ?? outcome;

/** One line: verdict, cluster, template, outcome, score and the required outcome. */
function gateSummary(gate) {
  const template = gate.template ? ` · ${gate.template.name}` : "";
  const outcome = gate.outcome ? outcomeLabel(gate.outcome) : "no scorecard";
  const score = gate.score == null ? "" : `, score ${gate.score}%`;
  return `${gate.pass ? "PASS" : "FAIL"} ${gate.cluster.name}${template}: ${outcome}${score} (required: ${outcomeLabel(gate.required)})`;
}

async function gate({ values }, connection) {
  if (!values.cluster) throw usageError("--cluster is required", GATE_HELP);
  if (values.require !== undefined && !OUTCOMES.includes(values.require)) {
    throw usageError(`--require must be one of ${OUTCOMES.join(", ")}`, GATE_HELP);
  }
  const query = new URLSearchParams();
  if (values.template) query.set("template", values.template);
  if (values.require) query.set("require", values.require);
  const path = `/api/v1/clusters/${encodeURIComponent(values.cluster)}/readiness${query.toString() ? `?${query}` : ""}`;
  const response = await callApi(connection, "GET", path);
  const body = await jsonBodyOf(response);
  if ((response.status !== 200 && response.status !== 412) || !body?.data) throw apiError(response, body, "GET", path);
  if (values.json) {
    console.log(JSON.stringify(body, null, 2));
  } else {
    console.log(gateSummary(body.data));
    for (const reason of body.data.reasons) console.log(`  [${reason.severity}] ${reason.text}`);
  }
  return body.data.pass ? EXIT.ok : EXIT.unmet;
}

/** The drill file's bytes (stdin for "-"). */
async function readInput(file) {
  if (file !== "-") {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${error.message}`);
    }
  }
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function postDrill({ values, positionals }, connection) {
  const [file] = positionals;
  const key = values["idempotency-key"];
  if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw usageError("--idempotency-key must be 1 to 255 printable ASCII characters without spaces", DRILL_POST_HELP);
  }
  const bytes = await readInput(file);
  try {
    JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new CliError(`${file === "-" ? "stdin" : file} is not valid JSON: ${error.message}`);
  }
  const path = "/api/v1/drills";
  const response = await callApi(connection, "POST", path, {
    body: bytes,
    headers: { "Content-Type": "application/json", "Idempotency-Key": key ?? createHash("sha256").update(bytes).digest("hex") },
  });
  const body = await jsonBodyOf(response);
  if ((response.status !== 201 && response.status !== 200) || !body?.data?.id) throw apiError(response, body, "POST", path);
  const { id, title } = body.data;
  const replayed = response.headers.get("idempotent-replayed") === "true";
  console.log(`${replayed ? "Already recorded (same Idempotency-Key)" : "Recorded"} drill ${id} “${title}”: ${connection.url}/drills/${id}`);
  return EXIT.ok;
}

async function report({ values }, connection) {
  if (!values.scorecard) throw usageError("--scorecard is required", REPORT_HELP);
  const format = values.format ?? "json";
  if (!REPORT_FORMATS.includes(format)) throw usageError(`--format must be one of ${REPORT_FORMATS.join(", ")}`, REPORT_HELP);
  const path = `/api/v1/scorecards/${encodeURIComponent(values.scorecard)}/report?format=${format}`;
  const accept = format === "junit" ? "application/xml" : "application/json";
  const response = await callApi(connection, "GET", path, { headers: { Accept: accept } });
  if (response.status !== 200) throw apiError(response, await jsonBodyOf(response), "GET", path);
  const text = format === "json" ? reportJson(await jsonBodyOf(response)) : await response.text();
  if (values.output && values.output !== "-") {
    writeOutput(values.output, text);
    console.log(`Wrote the ${format} report of scorecard ${values.scorecard} to ${values.output}`);
  } else {
    process.stdout.write(text);
  }
  return EXIT.ok;
}

/** The report itself, unwrapped from the API's `{ data }` (the same document as the download). */
function reportJson(body) {
  if (!body?.data) throw new CliError("the report endpoint answered 200 without a JSON report");
  return `${JSON.stringify(body.data, null, 2)}\n`;
}

function writeOutput(file, text) {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${error.message}`);
  }
}

async function main(argv) {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help) {
      console.log(parsed.help);
      return EXIT.ok;
    }
    return await parsed.command.run(parsed, connectionOf(parsed.values));
  } catch (error) {
    // anything unexpected is an error too (exit 2): a crash must never read as "not ready" (1)
    const known = error instanceof CliError;
    console.error(`drillbook: ${known ? error.message : `unexpected error: ${error?.message ?? error}`}`);
    if (known && error.help) console.error(`\n${error.help}`);
    return known ? error.exitCode : EXIT.error;
  }
}

// exitCode rather than exit(), so output piped to a file or another program is flushed first
process.exitCode = await main(process.argv.slice(2));
