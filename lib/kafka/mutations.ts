/**
 * Writes of the Kafka integration: the connection (credentials encrypted at rest), the
 * connection test, snapshots (read from the cluster first, then stored in one transaction),
 * attaching a snapshot as evidence, and accepting the facts a snapshot proposes.
 * Remote failures become DomainErrors with a plain reason: never a 500, nothing half-written.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { canonicalJson } from "@/lib/audit/chain";
import { recordAudit } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { afterContentChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import type { ResolvedConnection } from "./client";
import { collectSnapshot, probeCluster, type ConnectionTestResult } from "./collect";
import { analyzeSnapshot, describeKafkaError, proposeFacts, type KafkaErrorInfo, type KafkaSnapshotContent } from "./rules";
import type { KafkaConnectionInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

function requireWrite(user: CurrentUser) {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
}

const isSasl = (p: string) => p === "sasl_plaintext" || p === "sasl_ssl";

/**
 * Creates or replaces the cluster's Kafka connection. An empty password keeps the stored one;
 * leaving SASL drops username and password. The audit records "credentials changed", never them.
 */
export async function saveKafkaConnection(user: CurrentUser, clusterId: string, input: KafkaConnectionInput): Promise<{ id: string }> {
  requireWrite(user);
  return writeTransaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
    if (!cluster) throw new NotFoundError("This cluster no longer exists.");
    await lockCluster(tx, clusterId);
    const existing = await tx.kafkaConnection.findUnique({ where: { clusterId } });
    const sasl = isSasl(input.securityProtocol);
    if (sasl && !input.password && !existing?.passwordBox) {
      throw new DomainError("Please correct the highlighted fields.", { password: ["Enter the SASL password"] });
    }
    const passwordBox = !sasl ? null : input.password ? encryptSecret(input.password) : existing!.passwordBox;
    const username = sasl ? input.username : null;
    const credentialsChanged = Boolean(input.password) || (existing?.passwordBox ?? null) !== passwordBox || (existing?.username ?? null) !== username;
    const data = {
      bootstrapServers: input.bootstrapServers,
      securityProtocol: input.securityProtocol,
      saslMechanism: sasl ? input.saslMechanism : null,
      username,
      passwordBox,
      caCertPem: input.caCertPem,
      updatedById: user.id,
      // an edit makes the last test result meaningless
      lastTestedAt: null,
      lastTestOk: null,
      lastTestMessage: null,
    };
    const row = await tx.kafkaConnection.upsert({ where: { clusterId }, create: { clusterId, ...data }, update: data, select: { id: true } });
    const shown = (
      c: { bootstrapServers: string[]; securityProtocol: string; saslMechanism: string | null; username: string | null; caCertPem: string | null } | null,
    ) =>
      c && {
        bootstrapServers: c.bootstrapServers,
        securityProtocol: c.securityProtocol,
        saslMechanism: c.saslMechanism,
        username: c.username,
        caCertificate: c.caCertPem ? "set" : "none",
      };
    await recordAudit(tx, {
      actor: user,
      action: existing ? "update" : "create",
      entityType: "kafka_connection",
      entityId: row.id,
      clusterId,
      before: shown(existing),
      after: { ...shown(data), ...(credentialsChanged ? { credentials: "credentials changed" } : {}) },
    });
    return row;
  });
}

/** Removes the connection and its stored credentials. */
export async function deleteKafkaConnection(user: CurrentUser, clusterId: string): Promise<void> {
  requireWrite(user);
  await writeTransaction(async (tx) => {
    const existing = await tx.kafkaConnection.findUnique({ where: { clusterId }, select: { id: true, bootstrapServers: true } });
    if (!existing) throw new NotFoundError("This cluster has no Kafka connection.");
    await lockCluster(tx, clusterId);
    await tx.kafkaConnection.delete({ where: { clusterId } });
    await recordAudit(tx, {
      actor: user,
      action: "delete",
      entityType: "kafka_connection",
      entityId: existing.id,
      clusterId,
      before: { bootstrapServers: existing.bootstrapServers, credentials: "credentials removed" },
    });
  });
}

/** The stored connection with its password decrypted, for one call. */
export async function resolveConnection(clusterId: string): Promise<ResolvedConnection> {
  const db = await getDb();
  const c = await db.kafkaConnection.findUnique({ where: { clusterId } });
  if (!c) throw new DomainError("Add a Kafka connection to this cluster first.", {}, 409);
  let password: string | null = null;
  if (c.passwordBox) {
    try {
      password = decryptSecret(c.passwordBox);
    } catch {
      throw new DomainError("The stored Kafka password cannot be decrypted (the encryption key changed). Enter the password again.", {}, 409);
    }
  }
  return {
    bootstrapServers: c.bootstrapServers,
    securityProtocol: c.securityProtocol,
    saslMechanism: c.saslMechanism,
    username: c.username,
    password,
    caCertPem: c.caCertPem,
  };
}

export type ConnectionTestOutcome = ({ ok: true } & ConnectionTestResult) | ({ ok: false } & KafkaErrorInfo);

/** "Test connection": asks the cluster who it is; a failure is an answer, not an error. */
export async function testKafkaConnection(user: CurrentUser, clusterId: string, now = new Date()): Promise<ConnectionTestOutcome> {
  requireWrite(user);
  const conn = await resolveConnection(clusterId);
  let outcome: ConnectionTestOutcome;
  try {
    outcome = { ok: true, ...(await probeCluster(conn)) };
  } catch (error) {
    outcome = { ok: false, ...describeKafkaError(error) };
  }
  const message = outcome.ok
    ? `Cluster ${outcome.clusterId}: ${outcome.brokerCount} broker${outcome.brokerCount === 1 ? "" : "s"}, controller ${outcome.controller ?? "unknown"}`
    : outcome.message;
  const db = await getDb();
  await db.kafkaConnection.update({ where: { clusterId }, data: { lastTestedAt: now, lastTestOk: outcome.ok, lastTestMessage: message } });
  return outcome;
}

/** sha256 of the canonical JSON, the same form the audit chain hashes. */
export function snapshotHash(content: KafkaSnapshotContent): { text: string; sha256: string } {
  const text = canonicalJson(content);
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}

/** Pauses between snapshot attempts while a cluster fails over. */
const FAILOVER_RETRIES = 3;
const FAILOVER_PAUSE_MS = 1500;
const RETRIED_CODES = new Set<KafkaErrorInfo["code"]>(["unreachable", "failover"]);

/**
 * Reads the cluster, and again (three times at most, 1.5 s apart) when a broker refused the
 * connection or answered that leadership is moving: during a broker failure the other
 * brokers' metadata can still name the dead broker (as leader or group coordinator) for a few
 * seconds, and that is exactly when people take a snapshot. Found by the real-cluster test,
 * where a read right after a kill failed with ECONNREFUSED on the killed broker's port, and
 * (in CI) with NOT_LEADER_FOR_PARTITION from a broker that had not yet seen the election.
 */
async function collectThroughFailover(conn: Parameters<typeof collectSnapshot>[0]) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await collectSnapshot(conn);
    } catch (error) {
      if (attempt >= FAILOVER_RETRIES || !RETRIED_CODES.has(describeKafkaError(error).code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, FAILOVER_PAUSE_MS));
    }
  }
}

/**
 * Reads the cluster and stores what it reported. The read happens before the transaction, so
 * a broker dying mid-read (or any remote failure) stores nothing and says why.
 */
export async function takeKafkaSnapshot(
  user: CurrentUser,
  clusterId: string,
  now = new Date(),
): Promise<{ id: string; sha256: string; content: KafkaSnapshotContent }> {
  requireWrite(user);
  const conn = await resolveConnection(clusterId);
  let raw;
  try {
    raw = await collectThroughFailover(conn);
  } catch (error) {
    const info = describeKafkaError(error);
    throw new DomainError(`No snapshot was taken: ${info.message} Nothing was saved.`, {}, 409);
  }
  const content: KafkaSnapshotContent = { schema: "drillbook.kafka-snapshot/1", takenAt: now.toISOString(), ...raw, analysis: analyzeSnapshot(raw) };
  const { text, sha256 } = snapshotHash(content);
  const row = await writeTransaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
    if (!cluster) throw new NotFoundError("This cluster no longer exists.");
    await lockCluster(tx, clusterId);
    const a = content.analysis;
    const snap = await tx.kafkaSnapshot.create({
      data: {
        clusterId,
        takenAt: now,
        takenById: user.id,
        content: text,
        sha256,
        brokerCount: a.brokerCount,
        topicCount: a.topicCount,
        partitionCount: a.partitionCount,
        underReplicated: a.underReplicated.length,
        underMinIsr: a.underMinIsr.length,
        offlinePartitions: a.offline.length,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "kafka_snapshot",
      entityId: snap.id,
      clusterId,
      after: {
        sha256,
        takenAt: now,
        brokers: a.brokerCount,
        partitions: a.partitionCount,
        underReplicated: a.underReplicated.length,
        underMinIsr: a.underMinIsr.length,
      },
    });
    return snap;
  });
  return { id: row.id, sha256, content };
}

/** Evidence kinds under which an item takes a snapshot: its own kind, or a metric export. */
export function itemAcceptsSnapshot(evidenceKinds: string[]): boolean {
  return evidenceKinds.includes("kafka_snapshot") || evidenceKinds.includes("metric_export");
}

/** Attaches a snapshot as evidence to an item of one of the same cluster's scorecards. */
export async function attachKafkaSnapshot(user: CurrentUser, input: { snapshotId: string; itemId: string }): Promise<{ id: string }> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    const snap = await tx.kafkaSnapshot.findUnique({
      where: { id: input.snapshotId },
      select: { id: true, clusterId: true, takenAt: true, sha256: true, brokerCount: true, partitionCount: true, underReplicated: true, underMinIsr: true },
    });
    if (!snap) throw new NotFoundError("This snapshot no longer exists.");
    const item = await tx.scorecardItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, templateItem: { select: { title: true, evidenceKinds: true } }, scorecard: { select: { id: true, clusterId: true } } },
    });
    if (!item || item.scorecard.clusterId !== snap.clusterId) {
      throw new DomainError("Please correct the highlighted fields.", { itemId: ["Choose an item of this cluster's scorecards"] });
    }
    if (!itemAcceptsSnapshot(item.templateItem.evidenceKinds)) {
      throw new DomainError("Please correct the highlighted fields.", {
        itemId: [`“${item.templateItem.title}” does not accept Kafka snapshots or metric exports`],
      });
    }
    await lockCluster(tx, snap.clusterId);
    const already = await tx.evidence.findFirst({ where: { scorecardItemId: item.id, kafkaSnapshotId: snap.id }, select: { id: true } });
    if (already) throw new DomainError("This snapshot is already attached to that item.", {}, 409);
    const title = `Kafka snapshot ${snap.takenAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    const evidence = await tx.evidence.create({
      data: {
        scorecardItemId: item.id,
        kind: "kafka_snapshot",
        title,
        url: `/clusters/${snap.clusterId}/kafka/snapshots/${snap.id}`,
        body: `${snap.brokerCount} brokers, ${snap.partitionCount} partitions, ${snap.underReplicated} under-replicated, ${snap.underMinIsr} under min ISR. SHA-256 ${snap.sha256}`,
        kafkaSnapshotId: snap.id,
        capturedAt: snap.takenAt,
        capturedById: user.id,
      },
      select: { id: true },
    });
    await afterContentChange(tx, item.scorecard.id, snap.clusterId, user);
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "evidence",
      entityId: evidence.id,
      clusterId: snap.clusterId,
      scorecardId: item.scorecard.id,
      after: { itemId: item.id, kind: "kafka_snapshot", title, kafkaSnapshotId: snap.id, sha256: snap.sha256, capturedAt: snap.takenAt },
    });
    return evidence;
  });
}

/**
 * Applies the chosen proposed facts (recomputed against the cluster as it is now, so a stale
 * page cannot write old values) and refreshes the readiness signals.
 */
export async function acceptKafkaFacts(user: CurrentUser, input: { snapshotId: string; fields: string[] }): Promise<{ changed: string[] }> {
  requireWrite(user);
  return writeTransaction(async (tx) => {
    const snap = await tx.kafkaSnapshot.findUnique({ where: { id: input.snapshotId }, select: { id: true, clusterId: true, content: true } });
    if (!snap) throw new NotFoundError("This snapshot no longer exists.");
    await lockCluster(tx, snap.clusterId);
    const cluster = await tx.cluster.findUnique({
      where: { id: snap.clusterId },
      select: { brokerCount: true, availabilityZones: true, replicationFactor: true, partitionCount: true },
    });
    if (!cluster) throw new NotFoundError("This cluster no longer exists.");
    const proposals = proposeFacts(cluster, JSON.parse(snap.content) as KafkaSnapshotContent).filter((c) => input.fields.includes(c.field));
    if (proposals.length === 0)
      throw new DomainError("Choose at least one proposed change that still differs from the cluster's facts.", { fields: ["Nothing to apply"] });
    const data = Object.fromEntries(proposals.map((c) => [c.field, c.proposed]));
    await tx.cluster.update({ where: { id: snap.clusterId }, data: { ...data, revision: { increment: 1 } } });
    await tx.kafkaSnapshot.update({ where: { id: snap.id }, data: { factsDecidedAt: new Date() } });
    await afterClusterChange(tx, snap.clusterId);
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "cluster",
      entityId: snap.clusterId,
      clusterId: snap.clusterId,
      before: Object.fromEntries(proposals.map((c) => [c.field, c.current])),
      after: { ...data, source: `kafka_snapshot ${snap.id}` },
    });
    return { changed: proposals.map((c) => c.field) };
  });
}
