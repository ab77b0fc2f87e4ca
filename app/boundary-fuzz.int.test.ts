/**
 * Property test of the boundary: every public API endpoint (through its real route handler,
 * with a real token) and every server action (called as a forged request would, with a real
 * session) gets FUZZ_RUNS hostile inputs (50 in CI; 2,000 in the full run) built from a valid one:
 * NUL characters, lone surrogates, huge strings, impossible dates, broken base64,
 * `__proto__` keys, wrong types. None may answer 5xx (for actions: the generic "something
 * went wrong" state, or a throw other than a redirect), and a refused one writes nothing
 * (row counts of every table unchanged). Inputs run in small concurrent batches; the counts
 * are compared per batch whenever every input in it was refused.
 */
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { idleState } from "@/lib/action-state";
import { registeredEndpoints } from "@/lib/api/endpoints";
import { createApiToken } from "@/lib/tokens/mutations";
import { signedInUser } from "@/test/support/sessions";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { applyMutations, mutations, toFormData } from "@/test/support/hostile-input";
import { API, type ApiTarget, type Fixtures } from "@/test/support/fuzz-api-targets";

// CI runs a short sample on every push; FUZZ_RUNS=2000 is the full run (minutes on two cores:
// every input is a real request with a real session or token against PostgreSQL)
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const BATCH = 25;

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
}));

process.env.DRILLBOOK_API_RATE_LIMIT = "1000000";
resetEnvForTests();

/** One number that changes whenever a row is added or removed anywhere (rate-limit buckets aside). */
async function rowCount(): Promise<number> {
  const db = await getDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'api_rate_limit')`;
  const sql = `SELECT (${tables.map((t) => `(SELECT count(*) FROM "${t.tablename}")`).join(" + ")})::int AS n`;
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(sql);
  return n;
}

interface Outcome {
  refused: boolean;
  problem?: string;
}

/** Runs `inputs` through `run` in batches; fails on any 5xx-like outcome or a write by a refused batch. */
async function exercise<T>(name: string, inputs: T[], run: (input: T) => Promise<Outcome>, { readOnly = false } = {}) {
  let batchesChecked = 0;
  for (let i = 0; i < inputs.length; i += BATCH) {
    const before = await rowCount();
    const outcomes = await Promise.all(inputs.slice(i, i + BATCH).map(run));
    const problem = outcomes.find((o) => o.problem);
    expect(problem?.problem, `${name}: input #${i + outcomes.indexOf(problem!)}`).toBeUndefined();
    // a read never writes; a write that was refused writes nothing
    if (readOnly || outcomes.every((o) => o.refused)) {
      expect(await rowCount(), `${name}: ${readOnly ? "a read" : "a refused batch"} wrote rows`).toBe(before);
      batchesChecked += 1;
    }
  }
  return batchesChecked;
}

const sample = <T>(arb: fc.Arbitrary<T>, seed: number) => fc.sample(arb, { numRuns: RUNS, seed });
const only = process.env.FUZZ_ONLY;

/** A cluster with a scorecard, an admin with a session and an all-scopes token (setup.ts empties the tables before each test). */
async function fixtures(): Promise<Fixtures> {
  await installTemplates();
  const admin = await signedInUser("admin");
  const user = { id: admin.id, name: "admin person", email: admin.email, role: admin.role };
  const clusterId = (await createTestCluster(user, "fuzz-prod")).id;
  const scorecardId = (await startScorecard(user, clusterId)).id;
  const db = await getDb();
  const itemId = (await db.scorecardItem.findFirstOrThrow({ where: { scorecardId }, select: { id: true } })).id;
  const token = (
    await createApiToken(user, { name: "fuzz", scopes: ["read", "write:clusters", "write:drills", "write:evidence", "admin:datasources"], expiresInDays: 1 })
  ).token;
  return { admin, token, clusterId, scorecardId, itemId };
}

afterAll(() => {
  delete process.env.DRILLBOOK_API_RATE_LIMIT;
  resetEnvForTests();
});

function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const value of Array.isArray(v) ? v : [v]) params.append(k, typeof value === "string" ? value : JSON.stringify(value));
  return params.size ? `?${params}` : "";
}

describe("no API input is answered with a 5xx, and refused ones write nothing", () => {
  it("covers every registered endpoint", () => {
    expect(API.map((a) => a.key).sort()).toEqual(
      registeredEndpoints()
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    );
  });

  // one fixture for all endpoints (setup.ts empties the tables before each test, and building it costs seconds)
  it("every endpoint", async () => {
    const f = await fixtures();
    for (const target of API) await fuzzEndpoint(f, target);
  }, 600_000);
});

async function fuzzEndpoint(f: Fixtures, target: ApiTarget) {
  {
    const key = target.key;
    const handler = await target.handler();
    const [method] = key.split(" ");
    // which part of the request the generated changes go to
    const parts = (["params", "query", "body"] as const).filter((p) => target[p]);
    const arb = fc.record({
      part: parts.length ? fc.constantFrom(...parts) : fc.constant("query" as const),
      changes: mutations(Object.keys({ ...target.params?.(f), ...target.query?.(f), ...target.body?.(f) })),
      rawBody: fc.option(fc.string({ maxLength: 30 }), { freq: 8 }),
    });
    await exercise(
      key,
      sample(arb, 14),
      async ({ part, changes, rawBody }) => {
        const params = part === "params" ? applyMutations(target.params!(f), changes) : (target.params?.(f) ?? {});
        const query = part === "query" ? applyMutations(target.query?.(f) ?? {}, changes) : (target.query?.(f) ?? {});
        const body = part === "body" ? applyMutations(target.body!(f), changes) : target.body?.(f);
        const url = `http://127.0.0.1:3000/api/v1${key.split(" ")[1]}${queryString(query)}`;
        const init: RequestInit = { method, headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" } };
        if (method === "POST") init.body = rawBody ?? JSON.stringify(body);
        const stringParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
        const response = await handler(new Request(url, init), { params: Promise.resolve(stringParams) });
        await response.arrayBuffer();
        return { refused: response.status >= 400, problem: response.status >= 500 ? `answered ${response.status}` : undefined };
      },
      { readOnly: method === "GET" },
    );
  }
}

// every file of lib/actions, by name (the first test checks none is missing)
const ACTION_MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  audit: () => import("@/lib/actions/audit"),
  auth: () => import("@/lib/actions/auth"),
  campaigns: () => import("@/lib/actions/campaigns"),
  checks: () => import("@/lib/actions/checks"),
  clusters: () => import("@/lib/actions/clusters"),
  datasources: () => import("@/lib/actions/datasources"),
  drill: () => import("@/lib/actions/drill"),
  drills: () => import("@/lib/actions/drills"),
  evidence: () => import("@/lib/actions/evidence"),
  exemptions: () => import("@/lib/actions/exemptions"),
  kafka: () => import("@/lib/actions/kafka"),
  "metrics-source": () => import("@/lib/actions/metrics-source"),
  milestones: () => import("@/lib/actions/milestones"),
  "prometheus-pull": () => import("@/lib/actions/prometheus-pull"),
  "recovery-model": () => import("@/lib/actions/recovery-model"),
  reviews: () => import("@/lib/actions/reviews"),
  "sample-data": () => import("@/lib/actions/sample-data"),
  scorecards: () => import("@/lib/actions/scorecards"),
  setup: () => import("@/lib/actions/setup"),
  teams: () => import("@/lib/actions/teams"),
  templates: () => import("@/lib/actions/templates"),
  tokens: () => import("@/lib/actions/tokens"),
  users: () => import("@/lib/actions/users"),
};

// signing out ends the session the other inputs use; it takes no input to break
const NO_INPUT = new Set(["signOutAction"]);
const GENERIC_FAILURE = /Something went wrong on our side/;

/** Field values most actions read, so the generated changes reach their schemas and lookups. */
function actionBase(f: Fixtures): Record<string, unknown> {
  return {
    id: f.clusterId,
    clusterId: f.clusterId,
    scorecardId: f.scorecardId,
    itemId: f.itemId,
    drillId: "no-such-drill",
    evidenceId: "no-such-evidence",
    userId: f.admin.id,
    name: "fuzzed",
    title: "Fuzzed",
    kind: "note",
    body: "text",
    url: "https://example.com",
    capturedAt: "2025-01-01",
    dueDate: "2025-06-30",
    startedAt: "2025-01-01T10:00",
    endedAt: "2025-01-01T11:00",
    status: "pass",
    version: "1",
    revision: "1",
    // no password: sign-in and account creation then stop at their schema instead of hashing one 2,000 times
    role: "admin",
    email: "fuzz@test.drillbook",
    scopes: "read",
    expiresInDays: "7",
    json: "{}",
  };
}

describe("no server action input ends in an unexpected error, and refused ones write nothing", () => {
  it("every action module is covered", async () => {
    const files = readdirSync("lib/actions").map((f) => f.replace(/\.ts$/, ""));
    expect(Object.keys(ACTION_MODULES).sort()).toEqual(files.sort());
    const names = (await Promise.all(Object.values(ACTION_MODULES).map((load) => load()))).flatMap((m) => Object.keys(m));
    expect(names.length).toBeGreaterThan(50);
  });

  it("every action", async () => {
    const f = await fixtures();
    for (const [name, load] of Object.entries(ACTION_MODULES)) if (!only || only.split(",").includes(name)) await fuzzActions(f, load);
  }, 900_000);
});

async function fuzzActions(f: Fixtures, load: () => Promise<Record<string, unknown>>) {
  {
    request.headers = new Headers({ cookie: f.admin.cookie, origin: "http://localhost:3000", host: "localhost:3000", "next-action": "fuzz" });
    const base = actionBase(f);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const actions = Object.entries(await load()).filter(([name, fn]) => typeof fn === "function" && !NO_INPUT.has(name)) as [
      string,
      (...args: unknown[]) => Promise<unknown>,
    ][];
    for (const [name, action] of actions) {
      // deletions get an id that names nothing: concurrent deletes of one row race (a lock-order
      // question, not an input one), and a deleted fixture would leave the rest nothing to check
      const start = /^(delete|remove)/.test(name) ? { ...base, id: "no-such-id" } : base;
      const inputs = sample(
        mutations(Object.keys(start)).map((changes) => applyMutations(start, changes)),
        7,
      );
      await exercise(name, inputs, async (payload) => {
        try {
          // (prev, formData) actions get the payload as form fields; the others (item autosave, template editor) as an object
          const state = (action.length >= 2 ? await action(idleState, toFormData(payload)) : await action(payload)) as
            { status?: string; message?: string } | undefined;
          if (GENERIC_FAILURE.test(state?.message ?? ""))
            return { refused: true, problem: `unexpected error state for ${JSON.stringify(payload).slice(0, 300)}` };
          return { refused: state?.status !== "ok" };
        } catch (error) {
          const digest = (error as { digest?: string }).digest ?? "";
          if (digest.startsWith("NEXT_REDIRECT")) return { refused: false };
          if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return { refused: true };
          return { refused: true, problem: `threw ${(error as Error).message}` };
        }
      });
    }
    const unexpected = errors.mock.calls.filter((call) => /unexpected error/.test(String(call[0])));
    errors.mockRestore();
    expect(unexpected.map((call) => `${String(call[0])} ${(call[1] as Error)?.stack ?? String(call[1])}`.slice(0, 600))).toEqual([]);
  }
}
