/**
 * The Kafka integration against a real 3-broker KRaft cluster (Apache Kafka from Maven
 * Central, see test/support/kafka-cluster.ts): connection test and its precise errors,
 * credentials at rest, snapshots compared with what the cluster itself reports (URP > 0 after
 * a broker is killed, 0 after it returns), attaching as evidence and accepting facts.
 * One cluster for the whole file (ready in 15–33 s on the loaded 2-core machine, ~280–300 MB
 * resident per broker); the file takes ~1.5–3 min there. The helper itself (kill, restart,
 * pause, racks) is exercised here too, so the suite starts only one cluster.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import kafkajs from "kafkajs";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { kafkaPrerequisites, sleep, startKafkaCluster, type KafkaTestCluster } from "@/test/support/kafka-cluster";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { createTestUser } from "@/test/support/users";
import { acceptKafkaFacts, attachKafkaSnapshot, saveKafkaConnection, takeKafkaSnapshot, testKafkaConnection } from "./mutations";
import { getKafkaConnection, getKafkaSnapshot } from "./queries";
import { kafkaConnectionInputSchema } from "./schema";

const { Kafka, logLevel } = kafkajs;
const prereq = kafkaPrerequisites();
const SCRAM = { mechanism: "SCRAM-SHA-256" as const, username: "drillbook", password: "s3cret-scram-pass" };

describe.skipIf(!prereq.ok)(`Kafka integration on a real cluster${prereq.ok ? "" : ` (skipped: ${prereq.reason})`}`, () => {
  let kc: KafkaTestCluster;
  const admin = () => new Kafka({ clientId: "test-observer", brokers: kc.bootstrap, logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    const started = Date.now();
    kc = await startKafkaCluster({ saslUsers: [SCRAM, { mechanism: "PLAIN", username: "plain-user", password: "plain-pass" }] });
    console.log(`[kafka] cluster ready in ${Date.now() - started} ms; RSS MB per broker`, kc.residentMemoryMb());
    await kc.createTopics([
      { topic: "orders", numPartitions: 6, replicationFactor: 3, configEntries: [{ name: "min.insync.replicas", value: "2" }] },
      { topic: "audit-log", numPartitions: 3, replicationFactor: 2 },
    ]);
    // 30 records consumed by group "billing", then 10 more: lag 10
    const k = new Kafka({ clientId: "test-traffic", brokers: kc.bootstrap, logLevel: logLevel.NOTHING });
    const producer = k.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: "orders", acks: -1, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: "x" })) });
    const consumer = k.consumer({ groupId: "billing" });
    await consumer.connect();
    await consumer.subscribe({ topic: "orders", fromBeginning: true });
    let seen = 0;
    await consumer.run({ eachMessage: async () => void seen++ });
    for (let i = 0; i < 100 && seen < 30; i++) await sleep(200);
    await consumer.disconnect();
    await producer.send({ topic: "orders", acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `m${i}`, value: "y" })) });
    await producer.disconnect();
  }, 240_000);

  afterAll(async () => {
    await kc?.stop();
  }, 60_000);

  beforeEach(async () => {
    await installTemplates();
  });

  async function connected(overrides: Record<string, string> = {}) {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const input = kafkaConnectionInputSchema.parse({ bootstrapServers: kc.bootstrap.join(","), securityProtocol: "plaintext", ...overrides });
    await saveKafkaConnection(editor, cluster.id, input);
    return { editor, cluster };
  }

  it("Test connection answers the cluster id, controller and broker count", async () => {
    const { editor, cluster } = await connected();
    const r = await testKafkaConnection(editor, cluster.id);
    expect(r).toMatchObject({ ok: true, clusterId: kc.clusterId, brokerCount: 3 });
    // in KRaft the metadata's controller id is a live node Kafka picks for admin requests
    // (not necessarily the quorum leader), so it can differ between two calls
    expect([1, 2, 3]).toContain(r.ok ? r.controller : null);
    expect((await getKafkaConnection(editor, cluster.id))?.lastTestOk).toBe(true);
  });

  it("SCRAM credentials are encrypted at rest, never shown again, and audited as changed", async () => {
    const { editor, cluster } = await connected({
      bootstrapServers: kc.saslBootstrap.join(","),
      securityProtocol: "sasl_plaintext",
      saslMechanism: "scram-sha-256",
      username: SCRAM.username,
      password: SCRAM.password,
    });
    const db = await getDb();
    const row = await db.kafkaConnection.findUniqueOrThrow({ where: { clusterId: cluster.id } });
    expect(row.passwordBox).toMatch(/^v1\./);
    expect(row.passwordBox).not.toContain(SCRAM.password);
    const view = await getKafkaConnection(editor, cluster.id);
    expect(view).toMatchObject({ hasPassword: true, username: SCRAM.username });
    expect(JSON.stringify(view)).not.toContain(SCRAM.password);
    const audit = await db.auditEvent.findMany({ where: { entityType: "kafka_connection", clusterId: cluster.id } });
    expect(JSON.stringify(audit.map((e) => [e.before, e.after]))).not.toContain(SCRAM.password);
    expect(JSON.stringify(audit.map((e) => e.after))).toContain("credentials changed");
    expect(await testKafkaConnection(editor, cluster.id)).toMatchObject({ ok: true, brokerCount: 3 });

    // saving again without a password keeps the stored one
    await saveKafkaConnection(
      editor,
      cluster.id,
      kafkaConnectionInputSchema.parse({
        bootstrapServers: kc.saslBootstrap.join(","),
        securityProtocol: "sasl_plaintext",
        saslMechanism: "scram-sha-256",
        username: SCRAM.username,
      }),
    );
    expect(await testKafkaConnection(editor, cluster.id)).toMatchObject({ ok: true });
  });

  it("answers precise, bounded errors: wrong password, unreachable bootstrap, TLS against a plaintext listener, plaintext against SASL", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [
        {
          bootstrapServers: kc.saslBootstrap.join(","),
          securityProtocol: "sasl_plaintext",
          saslMechanism: "scram-sha-256",
          username: SCRAM.username,
          password: "wrong",
        },
        "wrong_credentials",
        /username or password/,
      ],
      [
        { bootstrapServers: kc.saslBootstrap.join(","), securityProtocol: "sasl_plaintext", saslMechanism: "plain", username: "plain-user", password: "nope" },
        "wrong_credentials",
        /SASL authentication failed/,
      ],
      [{ bootstrapServers: "127.0.0.1:1", securityProtocol: "plaintext" }, "unreachable", /No broker answered/],
      [{ bootstrapServers: "no-such-broker.invalid:9092", securityProtocol: "plaintext" }, "dns", /does not resolve/],
      [{ bootstrapServers: kc.bootstrap[0], securityProtocol: "ssl" }, "tls", /TLS handshake failed/],
      [{ bootstrapServers: kc.saslBootstrap[0], securityProtocol: "plaintext" }, "timeout", /did not answer in time|listener may expect/],
    ];
    for (const [overrides, code, message] of cases) {
      const { editor, cluster } = await connected(overrides);
      const started = Date.now();
      const r = await testKafkaConnection(editor, cluster.id);
      expect(r, JSON.stringify(overrides)).toMatchObject({ ok: false, code });
      expect(r.ok ? "" : r.message).toMatch(message);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(JSON.stringify(r)).not.toContain("nope");
    }
  }, 120_000);

  it("a snapshot equals what the cluster reports: racks, controller, partitions, min ISR, leaders, lag", async () => {
    const { editor, cluster } = await connected();
    const { id, sha256, content } = await takeKafkaSnapshot(editor, cluster.id);
    const a = admin();
    await a.connect();
    const md = await a.fetchTopicMetadata({ topics: ["orders", "audit-log"] });
    await a.disconnect();

    expect(content.clusterId).toBe(kc.clusterId);
    expect([1, 2, 3]).toContain(content.controller);
    expect(content.brokers.map((b) => [b.id, b.rack])).toEqual([
      [1, "zone-a"],
      [2, "zone-b"],
      [3, "zone-c"],
    ]);
    for (const t of md.topics) {
      const mine = content.topics.find((x) => x.name === t.name)!;
      expect(mine.partitions.map((p) => [p.partition, p.leader, p.replicas, p.isr])).toEqual(
        [...t.partitions].sort((x, y) => x.partitionId - y.partitionId).map((p) => [p.partitionId, p.leader, p.replicas, [...p.isr].sort()]),
      );
    }
    expect(content.topics.find((t) => t.name === "orders")?.minInsyncReplicas).toBe(2);
    expect(content.topics.find((t) => t.name === "audit-log")?.minInsyncReplicas).toBe(1);
    expect(content.analysis.underReplicated).toEqual([]);
    expect(content.analysis.zones).toEqual(["zone-a", "zone-b", "zone-c"]);
    expect(content.analysis.replicationFactors).toMatchObject({ "2": 3 });
    const leaders = Object.values(content.analysis.leadersPerBroker).reduce((x, y) => x + y, 0);
    expect(leaders).toBe(content.analysis.partitionCount);
    expect(content.groups.find((g) => g.groupId === "billing")).toMatchObject({ totalLag: 10, topics: [{ topic: "orders", lag: 10, partitions: 6 }] });

    const view = (await getKafkaSnapshot(editor, cluster.id, id))!;
    expect(view.sha256).toBe(sha256);
    expect(view.hashVerified).toBe(true);
    // the test cluster differs from the registered facts (6 brokers, RF 3, 900 partitions)
    expect(view.proposals.map((p) => [p.field, p.proposed])).toEqual([
      ["brokerCount", 3],
      ["partitionCount", 9],
    ]);
  });

  it("after a broker is killed the snapshot shows under-replicated partitions and offline replicas; 0 after restart", async () => {
    const { editor, cluster } = await connected();
    await kc.kill(3);
    try {
      // the controller fences the broker after broker.session.timeout.ms (6 s in the test cluster)
      await kc.waitForBrokers(2, 30_000);
      // the snapshot asks any one broker, and brokers learn the fenced broker and the shrunk ISR at
      // different moments (metadata is eventually consistent; CI once saw broker 3 still listed),
      // so it is retried until it agrees the broker is gone, or 45 s pass
      const gone = (s: Awaited<ReturnType<typeof takeKafkaSnapshot>>) =>
        s.content.brokers.every((b) => b.id !== 3) && s.content.topics.find((t) => t.name === "orders")!.partitions.every((p) => !p.isr.includes(3));
      let down = await takeKafkaSnapshot(editor, cluster.id);
      for (let i = 0; i < 90 && !gone(down); i++) {
        await sleep(500);
        down = await takeKafkaSnapshot(editor, cluster.id);
      }
      expect(down.content.brokers.map((b) => b.id)).toEqual([1, 2]);
      const orders = down.content.topics.find((t) => t.name === "orders")!;
      expect(orders.partitions.every((p) => p.offline.includes(3) && p.leader !== 3)).toBe(true);
      expect(down.content.analysis.underReplicated.filter((r) => r.topic === "orders")).toHaveLength(6);
      // RF 3 with ISR 2 still meets min.insync.replicas=2
      expect(down.content.analysis.underMinIsr.filter((r) => r.topic === "orders")).toEqual([]);
      expect(down.content.analysis.leadersPerBroker["3"]).toBeUndefined();
    } finally {
      await kc.restart(3);
    }
    // brokers learn the grown ISR at different moments (metadata is eventually consistent),
    // so the snapshot, which asks any broker, is retried until it is clean or 45 s pass
    let up = await takeKafkaSnapshot(editor, cluster.id);
    const userTopicsUnderReplicated = () => up.content.analysis.underReplicated.filter((r) => !r.topic.startsWith("__"));
    for (let i = 0; i < 90 && userTopicsUnderReplicated().length > 0; i++) {
      await sleep(500);
      up = await takeKafkaSnapshot(editor, cluster.id);
    }
    expect(userTopicsUnderReplicated()).toEqual([]);
    expect(up.content.brokers).toHaveLength(3);
  }, 180_000);

  it("attaches a snapshot as evidence (readiness refreshed) and applies accepted facts only", async () => {
    const { editor, cluster } = await connected();
    const { id } = await takeKafkaSnapshot(editor, cluster.id);
    const { id: scorecardId } = await startScorecard(editor, cluster.id);
    // picked in JS: the embedded database's driver binds no arrays, so `has` cannot be used here
    const items = await (
      await getDb()
    ).scorecardItem.findMany({ where: { scorecardId }, select: { id: true, templateItem: { select: { evidenceKinds: true } } } });
    const target = items.find((i) => i.templateItem.evidenceKinds.includes("metric_export"))!;
    const { id: evidenceId } = await attachKafkaSnapshot(editor, { snapshotId: id, itemId: target.id });
    const db = await getDb();
    const ev = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(ev).toMatchObject({ kind: "kafka_snapshot", kafkaSnapshotId: id });
    const { page } = await loadPage(editor, scorecardId);
    expect(page.version).toBe(2);
    await expect(attachKafkaSnapshot(editor, { snapshotId: id, itemId: target.id })).rejects.toThrow(/already attached/);

    await acceptKafkaFacts(editor, { snapshotId: id, fields: ["brokerCount"] });
    const after = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(after).toMatchObject({ brokerCount: 3, partitionCount: 900 });
    await expect(acceptKafkaFacts(editor, { snapshotId: id, fields: ["brokerCount"] })).rejects.toBeInstanceOf(DomainError);
    const viewer = await createTestUser("viewer");
    await expect(takeKafkaSnapshot(viewer, cluster.id)).rejects.toThrow(/permission/);
  });

  it("the test cluster's pause helper freezes a broker (SIGSTOP) until resume (SIGCONT)", async () => {
    const state = () => /State:\s+(\w)/.exec(readFileSync(`/proc/${kc.pid(2)}/status`, "utf8"))?.[1];
    // signals reach a many-threaded JVM asynchronously: /proc shows the new state shortly after
    kc.pause(2);
    await vi.waitFor(() => expect(state()).toBe("T"), { timeout: 5_000, interval: 50 });
    kc.resume(2);
    await vi.waitFor(() => expect(state()).not.toBe("T"), { timeout: 5_000, interval: 50 });
  });

  it("a snapshot of an unreachable cluster stores nothing and says why", async () => {
    const { editor, cluster } = await connected({ bootstrapServers: "127.0.0.1:1" });
    await expect(takeKafkaSnapshot(editor, cluster.id)).rejects.toThrow(/No snapshot was taken: No broker answered.*Nothing was saved/);
    expect(await (await getDb()).kafkaSnapshot.count({ where: { clusterId: cluster.id } })).toBe(0);
  });
});
