/**
 * Runs continuous checks. Each tick (started from instrumentation-node.ts, beside the
 * portfolio sweep) claims the slots that are due and runs them:
 *
 *   claim   one short transaction: checks whose `nextRunAt` has passed, `FOR UPDATE SKIP
 *           LOCKED` (another app server's runner skips them), get a run row for their slot,
 *           inserted `ON CONFLICT DO NOTHING` on the unique (check, slot) key, so a slot never
 *           runs twice even if two runners raced; `nextRunAt` moves to the next slot. Runs
 *           waiting for a retry, and claims whose server died (running for 10 min), are
 *           claimed the same way. The claim locks only check and run rows and waits for nothing,
 *           so it cannot deadlock with a writer holding a cluster lock (lib/write/locks.ts).
 *   query   outside any transaction: the range query over the lookback window.
 *   finish  a write transaction in the lock order: the cluster, then the run, the evidence and
 *           the readiness pipeline (afterClusterChange), which flags a regression for a
 *           failed check and queues its webhook.
 *
 * A Prometheus failure (down, DNS, TLS, timeout, 5xx, auth) is retried after 1, 5 and 15
 * minutes; the fourth failure records the run as an error. An error never counts as a failed
 * check: it says the monitoring could not be asked, not that the cluster is unhealthy.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/access/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";
import { connectionFor } from "@/lib/prometheus/datasource-queries";
import { PrometheusError, queryRange } from "@/lib/prometheus/client";
import { parseMatchers, renderQuery } from "@/lib/prometheus/rules";
import {
  checkWindow,
  describeResult,
  evaluateCheck,
  evidenceTitle,
  MAX_ATTEMPTS,
  nextSlot,
  retryDelaySeconds,
  slotFor,
  STALE_CLAIM_MS,
  type CheckOperator,
  type CheckSchedule,
  type Evaluation,
} from "./rules";

const CLAIM_BATCH = 20;

type DueCheck = { id: string; lookbackSec: number; promql: string; cluster: { metricsSource: { matchers: string } | null } };
type Tx = Parameters<Parameters<typeof writeTransaction>[0]>[0];

/**
 * The row a new run of `check` at `slot` starts with: its window and the final PromQL, or
 * at once an error when the cluster's matchers cannot be used (nothing to ask Prometheus).
 */
function newRun(check: DueCheck, slot: Date, trigger: "schedule" | "manual", now: Date) {
  const window = checkWindow(slot, check.lookbackSec);
  const matchers = check.cluster.metricsSource?.matchers;
  const parsed = matchers === undefined ? null : parseMatchers(matchers);
  const problem = parsed === null ? "The cluster has no metrics source; link it to a Prometheus data source." : parsed.ok ? null : parsed.error;
  const data = {
    checkId: check.id,
    slotAt: slot,
    trigger,
    status: problem ? "error" : "running",
    windowStart: window.start,
    windowEnd: window.end,
    stepSeconds: window.stepSeconds,
    queryText: parsed?.ok ? renderQuery(check.promql, parsed.matchers) : check.promql,
    message: problem ?? "",
    startedAt: now,
    finishedAt: problem ? now : null,
  };
  return { data, problem };
}

/**
 * Locks the rows of `table` among `ids` that nobody else holds (SKIP LOCKED). Dates are then
 * compared by Prisma on the locked rows (a read after the lock sees the latest commit), so no
 * timestamp goes through raw SQL.
 */
async function lockFree(tx: Tx, table: "metric_check" | "metric_check_run", ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  // IN (…) of single values, not ANY(array): the embedded database's driver cannot bind an array
  const list = Prisma.join(ids);
  const rows =
    table === "metric_check"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM metric_check WHERE id IN (${list}) ORDER BY id FOR UPDATE SKIP LOCKED`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM metric_check_run WHERE id IN (${list}) ORDER BY id FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r.id);
}

/** Claims due slots and retries (see the file comment); returns the ids of the runs to execute. */
export async function claimDueRuns(now: Date, limit = CLAIM_BATCH): Promise<string[]> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const candidates = await tx.metricCheck.findMany({ where: { nextRunAt: { lte: now } }, orderBy: { nextRunAt: "asc" }, take: limit, select: { id: true } });
    const locked = await lockFree(
      tx,
      "metric_check",
      candidates.map((c) => c.id),
    );
    // re-read under the lock: a runner that claimed one of these just before has moved nextRunAt on
    const due = await tx.metricCheck.findMany({
      where: { id: { in: locked }, nextRunAt: { lte: now } },
      include: { cluster: { select: { metricsSource: { select: { matchers: true } } } } },
    });
    const ids: string[] = [];
    for (const check of due) {
      const schedule = check.schedule as CheckSchedule;
      const slot = slotFor(schedule, now);
      await tx.metricCheck.update({ where: { id: check.id }, data: { nextRunAt: nextSlot(schedule, slot) } });
      // the unique (check, slot) key is the last word: a slot that already has a run is not run again
      if (await tx.metricCheckRun.findUnique({ where: { checkId_slotAt: { checkId: check.id, slotAt: slot } }, select: { id: true } })) continue;
      const { data, problem } = newRun(check, slot, "schedule", now);
      const run = await tx.metricCheckRun.create({ data, select: { id: true } });
      if (!problem) ids.push(run.id);
    }
    const stale = new Date(now.getTime() - STALE_CLAIM_MS);
    const waiting = {
      OR: [
        { status: "retrying", retryAt: { lte: now } },
        { status: "running", startedAt: { lt: stale } },
      ],
    };
    const retryCandidates = await tx.metricCheckRun.findMany({ where: waiting, orderBy: { slotAt: "asc" }, take: limit, select: { id: true } });
    const retryLocked = await lockFree(
      tx,
      "metric_check_run",
      retryCandidates.map((r) => r.id),
    );
    const retries = await tx.metricCheckRun.findMany({ where: { id: { in: retryLocked }, ...waiting }, select: { id: true } });
    if (retries.length) {
      await tx.metricCheckRun.updateMany({ where: { id: { in: retries.map((r) => r.id) } }, data: { status: "running", startedAt: now, retryAt: null } });
    }
    return [...ids, ...retries.map((r) => r.id)];
  });
}

type Finish =
  { status: "passed" | "failed"; message: string; evaluation: Evaluation | null } | { status: "retrying" | "error"; message: string; evaluation: null };

/** What the query says, or why it could not be asked. */
async function evaluate(run: RunRow, attempts: number, name: string): Promise<Finish> {
  const op = run.check.operator as CheckOperator;
  try {
    const dataSourceId = run.check.cluster.metricsSource?.dataSourceId;
    if (!dataSourceId) return { status: "error", message: "The cluster has no metrics source any more.", evaluation: null };
    const conn = await connectionFor(dataSourceId);
    const series = await queryRange(conn, run.queryText, run.windowStart.getTime(), run.windowEnd.getTime(), run.stepSeconds);
    const evaluation = evaluateCheck(series, op, run.check.threshold);
    if (!evaluation) return { status: "failed", message: `Check “${name}” failed: no samples in the window`, evaluation: null };
    return { status: evaluation.passed ? "passed" : "failed", message: describeResult(name, evaluation, op, run.check.threshold), evaluation };
  } catch (error) {
    if (!(error instanceof PrometheusError)) throw error;
    if (error.kind === "empty") return { status: "failed", message: `Check “${name}” failed: ${error.message}`, evaluation: null };
    // a query Prometheus refuses will be refused again: no point retrying it
    if (error.kind === "bad_data" || attempts >= MAX_ATTEMPTS) return { status: "error", message: error.message, evaluation: null };
    return { status: "retrying", message: `${error.message} (attempt ${attempts} of ${MAX_ATTEMPTS})`, evaluation: null };
  }
}

async function loadRun(id: string) {
  const db = await getDb();
  return db.metricCheckRun.findUnique({
    where: { id },
    include: { check: { include: { cluster: { select: { id: true, name: true, metricsSource: { select: { dataSourceId: true } } } } } } },
  });
}
type RunRow = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

/** Executes one claimed run: queries Prometheus, then stores the result (see the file comment). */
export async function executeRun(runId: string, now = new Date()): Promise<{ status: string; message: string } | null> {
  const run = await loadRun(runId);
  if (!run || run.status !== "running") return null;
  const { check } = run;
  const attempts = run.attempts + 1;
  const result = await evaluate(run, attempts, check.name);
  return writeTransaction(async (tx) => {
    if (!(await lockCluster(tx, check.clusterId))) return null;
    const current = await tx.metricCheckRun.findUnique({ where: { id: runId }, select: { status: true } });
    if (current?.status !== "running") return null; // finished or deleted meanwhile
    const e = result.evaluation;
    const stats = { minValue: e?.min ?? null, maxValue: e?.max ?? null, lastValue: e?.last ?? null, points: e?.points ?? 0 };
    if (result.status === "retrying") {
      const retryAt = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000);
      await tx.metricCheckRun.update({ where: { id: runId }, data: { status: "retrying", attempts, retryAt, message: result.message } });
      return { status: "retrying", message: result.message };
    }
    let scorecardItemId: string | null = null;
    let message = result.message;
    if (result.status === "passed" && e) {
      const item = await tx.scorecardItem.findFirst({
        where: { templateItem: { key: check.itemKey }, scorecard: { clusterId: check.clusterId, isCurrent: true, template: { key: check.templateKey } } },
        select: { id: true },
      });
      if (item) {
        scorecardItemId = item.id;
        await renewEvidence(tx, check, item.id, e, run.windowEnd);
      } else message += "; nothing attached: the cluster has no current scorecard of this template";
    }
    await tx.metricCheckRun.update({
      where: { id: runId },
      data: { status: result.status, attempts, message, ...stats, scorecardItemId, finishedAt: now, retryAt: null },
    });
    await afterClusterChange(tx, check.clusterId, now);
    return { status: result.status, message };
  });
}

/** The check's one piece of evidence on the item, dated by the end of the window it proved. */
async function renewEvidence(tx: Tx, check: RunRow["check"], itemId: string, e: Evaluation, windowEnd: Date) {
  const title = evidenceTitle(check.name, e, check.lookbackSec);
  const existing = await tx.evidence.findFirst({ where: { checkId: check.id, scorecardItemId: itemId }, select: { id: true } });
  if (existing) {
    await tx.evidence.update({ where: { id: existing.id }, data: { title, capturedAt: windowEnd } });
    return;
  }
  const created = await tx.evidence.create({
    data: { scorecardItemId: itemId, kind: "metric_check", checkId: check.id, title, body: check.promql, capturedAt: windowEnd, realisticTraffic: true },
  });
  await recordAudit(tx, {
    actor: { system: "Drillbook" },
    action: "create",
    entityType: "evidence",
    entityId: created.id,
    clusterId: check.clusterId,
    after: { itemId, kind: "metric_check", check: check.name, title, capturedAt: windowEnd },
  });
}

/** One tick: claims and runs everything due. */
export async function runDueChecks(now = new Date()): Promise<{ ran: number; results: Record<string, number> }> {
  const results: Record<string, number> = {};
  let ran = 0;
  for (const id of await claimDueRuns(now)) {
    try {
      const r = await executeRun(id, now);
      if (r) results[r.status] = (results[r.status] ?? 0) + 1;
      ran += 1;
    } catch (error) {
      // left "running": the stale-claim rule retries it in 10 minutes
      console.error(`[checks] run ${id} failed`, error);
    }
  }
  return { ran, results };
}

/** "Run now" on a check: a run of its own (not a schedule slot), executed at once. */
export async function runCheckNow(user: CurrentUser, checkId: string, now = new Date()) {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  const db = await getDb();
  const check = await db.metricCheck.findUnique({
    where: { id: checkId },
    include: { cluster: { select: { metricsSource: { select: { matchers: true } } } } },
  });
  if (!check) throw new NotFoundError("This check no longer exists.");
  const { data, problem } = newRun(check, now, "manual", now);
  const run = await writeTransaction(async (tx) => {
    await lockCluster(tx, check.clusterId);
    return tx.metricCheckRun.create({ data, select: { id: true } });
  });
  if (problem) return { status: "error", message: problem };
  return (await executeRun(run.id, now)) ?? { status: "error", message: "The run was finished elsewhere." };
}

/** Starts the periodic runner (from instrumentation). Returns a stop function. */
export function startCheckRunner(intervalSeconds: number): () => void {
  const tick = () => {
    runDueChecks()
      .then((r) => {
        if (r.ran) console.log(`[checks] ran ${r.ran} check(s): ${JSON.stringify(r.results)}`);
      })
      .catch((error) => console.error("[checks] failed", error));
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
