/**
 * Delivers queued webhook notifications. Each run claims due rows with
 * FOR UPDATE SKIP LOCKED (so several app servers never post the same row twice), leases
 * them by pushing nextAttemptAt forward (a crashed server's rows come back after the lease),
 * posts them outside any transaction, and records the result: delivered, or retried with
 * exponential backoff, or failed after MAX_ATTEMPTS. Failures are logged without the URL.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { BASE_DELAY_MS, MAX_ATTEMPTS, backoffDelayMs, describeFailure } from "./rules";

const LEASE_MS = 2 * 60_000;

export interface DeliveryOptions {
  url: string;
  now?: Date;
  batchSize?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  fetchImpl?: typeof fetch;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  event: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

/** Claims and posts every due delivery (up to `batchSize`). */
export async function deliverPendingWebhooks(options: DeliveryOptions): Promise<DeliveryReport> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const batch = options.batchSize ?? 20;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "webhook_delivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "webhook_delivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${batch}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "event", "payload", "attempts", "createdAt"`;
  // RETURNING has no order: post in the order things happened
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));

  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    const error = await post(options, row);
    if (error === null) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { status: "delivered", deliveredAt: new Date(), lastError: null } });
      report.delivered += 1;
      continue;
    }
    if (row.attempts >= MAX_ATTEMPTS) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { status: "failed", lastError: error } });
      console.error(`[webhook] ${row.event} delivery ${row.id} failed for good after ${row.attempts} attempts: ${error}`);
      report.failed += 1;
      continue;
    }
    const delay = backoffDelayMs(row.attempts, options.baseDelayMs ?? BASE_DELAY_MS);
    await db.webhookDelivery.update({ where: { id: row.id }, data: { lastError: error, nextAttemptAt: new Date(now.getTime() + delay) } });
    console.warn(`[webhook] ${row.event} delivery ${row.id} attempt ${row.attempts} failed: ${error}; retrying in ${Math.round(delay / 1000)} s`);
    report.retrying += 1;
  }
  return report;
}

/** Posts one payload; null on a 2xx answer, else a short description of the failure. */
async function post(options: DeliveryOptions, row: Claimed): Promise<string | null> {
  const doFetch = options.fetchImpl ?? fetch;
  try {
    const response = await doFetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Drillbook-Webhook/1" },
      body: JSON.stringify(row.payload),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "error",
    });
    const body = await response.text().catch(() => "");
    return response.ok ? null : describeFailure({ status: response.status, body });
  } catch (error) {
    return describeFailure({ error });
  }
}

/** Delivery counts by status, for the admin view and tests. */
export async function countDeliveries(): Promise<Record<string, number>> {
  const db = await getDb();
  const groups = await db.webhookDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}
