/** Reads of the Kafka integration; the password never leaves the server (only whether one is set). */
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { proposeFacts, type FactChange, type KafkaSnapshotContent } from "./rules";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
}

export interface KafkaConnectionView {
  bootstrapServers: string[];
  securityProtocol: string;
  saslMechanism: string | null;
  username: string | null;
  hasPassword: boolean;
  caCertPem: string | null;
  lastTestedAt: Date | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
}

/** The cluster's connection as the form shows it, or null. */
export async function getKafkaConnection(user: CurrentUser, clusterId: string): Promise<KafkaConnectionView | null> {
  assertRead(user);
  const db = await getDb();
  const c = await db.kafkaConnection.findUnique({ where: { clusterId } });
  if (!c) return null;
  return {
    bootstrapServers: c.bootstrapServers,
    securityProtocol: c.securityProtocol,
    saslMechanism: c.saslMechanism,
    username: c.username,
    hasPassword: Boolean(c.passwordBox),
    caCertPem: c.caCertPem,
    lastTestedAt: c.lastTestedAt,
    lastTestOk: c.lastTestOk,
    lastTestMessage: c.lastTestMessage,
  };
}

/** The cluster's latest snapshots (summary columns only). */
export async function listKafkaSnapshots(user: CurrentUser, clusterId: string, take = 20) {
  assertRead(user);
  const db = await getDb();
  return db.kafkaSnapshot.findMany({
    where: { clusterId },
    orderBy: { takenAt: "desc" },
    take,
    select: {
      id: true,
      takenAt: true,
      sha256: true,
      brokerCount: true,
      topicCount: true,
      partitionCount: true,
      underReplicated: true,
      underMinIsr: true,
      offlinePartitions: true,
    },
  });
}

export interface SnapshotView {
  id: string;
  clusterId: string;
  clusterName: string;
  takenAt: Date;
  sha256: string;
  /** whether the stored text still hashes to the stored SHA-256 */
  hashVerified: boolean;
  content: KafkaSnapshotContent;
  proposals: FactChange[];
  factsDecidedAt: Date | null;
  attachedTo: { evidenceId: string; itemTitle: string; scorecardId: string; scorecardName: string }[];
}

/** One snapshot with its parsed content, hash check and fact proposals. */
export async function getKafkaSnapshot(user: CurrentUser, clusterId: string, snapshotId: string): Promise<SnapshotView | null> {
  assertRead(user);
  const db = await getDb();
  const s = await db.kafkaSnapshot.findFirst({
    where: { id: snapshotId, clusterId },
    select: {
      id: true,
      clusterId: true,
      takenAt: true,
      sha256: true,
      content: true,
      factsDecidedAt: true,
      cluster: { select: { name: true, brokerCount: true, availabilityZones: true, replicationFactor: true, partitionCount: true } },
      evidence: {
        select: { id: true, scorecardItem: { select: { templateItem: { select: { title: true } }, scorecard: { select: { id: true, title: true } } } } },
      },
    },
  });
  if (!s) return null;
  const content = JSON.parse(s.content) as KafkaSnapshotContent;
  return {
    id: s.id,
    clusterId: s.clusterId,
    clusterName: s.cluster.name,
    takenAt: s.takenAt,
    sha256: s.sha256,
    hashVerified: createHash("sha256").update(s.content).digest("hex") === s.sha256,
    content,
    proposals: proposeFacts(s.cluster, content),
    factsDecidedAt: s.factsDecidedAt,
    attachedTo: s.evidence.map((e) => ({
      evidenceId: e.id,
      itemTitle: e.scorecardItem.templateItem.title,
      scorecardId: e.scorecardItem.scorecard.id,
      scorecardName: e.scorecardItem.scorecard.title,
    })),
  };
}

/** Items of the cluster's scorecards that accept a snapshot (for the attach picker). */
export async function snapshotTargets(user: CurrentUser, clusterId: string) {
  assertRead(user);
  const db = await getDb();
  // filtered here, not in SQL: the embedded database's driver cannot bind an enum array for hasSome
  const items = await db.scorecardItem.findMany({
    where: { scorecard: { clusterId } },
    select: { id: true, templateItem: { select: { title: true, evidenceKinds: true } }, scorecard: { select: { title: true } } },
    orderBy: [{ scorecard: { title: "asc" } }, { position: "asc" }],
  });
  return items
    .filter((i) => i.templateItem.evidenceKinds.some((k) => k === "kafka_snapshot" || k === "metric_export"))
    .map((i) => ({ id: i.id, label: `${i.scorecard.title} · ${i.templateItem.title}` }));
}
