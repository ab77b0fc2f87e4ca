import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { enqueueClusterRegressed, enqueueReviewNeedsAction } from "./enqueue";
import { deliverPendingWebhooks } from "./mutations";
import { MAX_ATTEMPTS } from "./rules";

/** A local receiver answering with the given status codes in turn (the last one repeats). */
async function receiver(statuses: number[]) {
  const received: { body: unknown; contentType?: string }[] = [];
  let call = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => {
      received.push({ body: JSON.parse(data), contentType: req.headers["content-type"] });
      const status = statuses[Math.min(call++, statuses.length - 1)];
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-token`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function queueOne() {
  const db = await getDb();
  await db.$transaction((tx) => enqueueClusterRegressed(tx, { clusterId: "c1", clusterName: "orders-prod", reason: "Outcome dropped", outcome: "not_ready" }));
}

let closers: (() => Promise<void>)[] = [];
beforeEach(() => {
  process.env.DRILLBOOK_WEBHOOK_URL = "http://127.0.0.1:9/unused";
  resetEnvForTests();
});
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
  delete process.env.DRILLBOOK_WEBHOOK_URL;
  resetEnvForTests();
});

describe("webhook delivery", () => {
  it("posts Slack-compatible JSON to the receiver and marks the row delivered", async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    const db = await getDb();
    await queueOne();
    await db.$transaction((tx) =>
      enqueueReviewNeedsAction(tx, {
        action: "review_requested",
        scorecardId: "s1",
        scorecardTitle: "Broker failure",
        clusterName: "orders-prod",
        roles: ["sre"],
      }),
    );
    expect(await deliverPendingWebhooks({ url: r.url })).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(r.received.map((x) => (x.body as { text: string }).text).sort()).toEqual([
      "Drillbook: cluster orders-prod regressed: Outcome dropped",
      "Drillbook: scorecard Broker failure on orders-prod needs your sign-off (SRE)",
    ]);
    expect(r.received[0].contentType).toBe("application/json");
    expect(Array.isArray((r.received[0].body as { blocks: unknown[] }).blocks)).toBe(true);
    const rows = await db.webhookDelivery.findMany();
    expect(rows.every((row) => row.status === "delivered" && row.deliveredAt && row.attempts === 1)).toBe(true);
  });

  it("retries a failing receiver with backoff, records the error without the URL, then delivers", async () => {
    const r = await receiver([500, 503, 200]);
    closers.push(r.close);
    const db = await getDb();
    await queueOne();
    const t0 = new Date();
    const warn = console.warn;
    const logged: string[] = [];
    console.warn = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      expect(await deliverPendingWebhooks({ url: r.url, now: t0, baseDelayMs: 1000 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      let row = await db.webhookDelivery.findFirstOrThrow();
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500: receiver is down" });
      expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 1000);

      // not due yet: nothing is posted
      expect(await deliverPendingWebhooks({ url: r.url, now: new Date(t0.getTime() + 500), baseDelayMs: 1000 })).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });

      const t1 = new Date(t0.getTime() + 1000);
      expect(await deliverPendingWebhooks({ url: r.url, now: t1, baseDelayMs: 1000 })).toMatchObject({ retrying: 1 });
      row = await db.webhookDelivery.findFirstOrThrow();
      // second failure waits twice as long
      expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + 2000);

      expect(await deliverPendingWebhooks({ url: r.url, now: new Date(t1.getTime() + 2000), baseDelayMs: 1000 })).toMatchObject({ delivered: 1 });
      row = await db.webhookDelivery.findFirstOrThrow();
      expect(row).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
    } finally {
      console.warn = warn;
    }
    expect(r.received).toHaveLength(3);
    expect(logged.some((l) => l.includes("HTTP 500"))).toBe(true);
    expect(logged.some((l) => l.includes("secret-token"))).toBe(false);
  });

  it("gives up after the last attempt and records the failure", async () => {
    const db = await getDb();
    await queueOne();
    await db.webhookDelivery.updateMany({ data: { attempts: MAX_ATTEMPTS - 1 } });
    // a port that was just free: nothing listens there, so the connection is refused
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = console.error;
    console.error = () => {};
    try {
      expect(await deliverPendingWebhooks({ url: `http://127.0.0.1:${closedPort}/hook` })).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    } finally {
      console.error = error;
    }
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "ECONNREFUSED" });
  });

  it("never posts a row twice when several workers run at once", async () => {
    const r = await receiver([200]);
    closers.push(r.close);
    for (let i = 0; i < 6; i++) await queueOne();
    const reports = await Promise.all([1, 2, 3].map(() => deliverPendingWebhooks({ url: r.url, batchSize: 4 })));
    const delivered = reports.reduce((sum, rep) => sum + rep.delivered, 0);
    // whatever a worker did not claim stays for the next run
    const rest = await deliverPendingWebhooks({ url: r.url });
    expect(delivered + rest.delivered).toBe(6);
    expect(r.received).toHaveLength(6);
  });

  it("times out a receiver that does not answer", async () => {
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    await queueOne();
    const warn = console.warn;
    console.warn = () => {};
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      expect(await deliverPendingWebhooks({ url, timeoutMs: 200 })).toMatchObject({ retrying: 1 });
    } finally {
      console.warn = warn;
    }
    expect((await (await getDb()).webhookDelivery.findFirstOrThrow()).lastError).toBe("Timed out");
  });
});
