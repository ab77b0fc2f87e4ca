/**
 * Reads what a snapshot records through Kafka's admin protocol. Only Describe/List/Fetch
 * offsets calls: Drillbook never writes to a cluster while taking a snapshot.
 */
import "server-only";
import kafkajs from "kafkajs";
import type { Admin } from "kafkajs";
import { SNAPSHOT_LIMITS, TEST_LIMITS, withAdmin, type ResolvedConnection } from "./client";
import { groupLag, offlineReplicas, type SnapshotBroker, type SnapshotGroup, type SnapshotRaw, type SnapshotTopic } from "./rules";

const { ConfigResourceTypes } = kafkajs;

/** Longest a whole snapshot may take before it is abandoned (nothing is stored then). */
export const SNAPSHOT_DEADLINE_MS = 60_000;
export const TEST_DEADLINE_MS = 12_000;

export interface ConnectionTestResult {
  clusterId: string;
  controller: number | null;
  brokerCount: number;
  brokers: { id: number; host: string; port: number }[];
}

/** "Test connection": cluster id, controller and broker count, or throws the client's error. */
export async function probeCluster(conn: ResolvedConnection): Promise<ConnectionTestResult> {
  return withAdmin(conn, TEST_LIMITS, TEST_DEADLINE_MS, async (admin) => {
    const d = await admin.describeCluster();
    return {
      clusterId: d.clusterId,
      controller: d.controller ?? null,
      brokerCount: d.brokers.length,
      brokers: d.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.id - b.id),
    };
  });
}

async function brokerRacks(admin: Admin, ids: number[]): Promise<Map<number, string | null>> {
  // one request per broker: a broker that fails to answer leaves its rack unknown, not the snapshot
  const results = await Promise.allSettled(
    ids.map((id) =>
      admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: String(id), configNames: ["broker.rack"] }] }),
    ),
  );
  const racks = new Map<number, string | null>();
  results.forEach((r, i) => {
    const entry = r.status === "fulfilled" ? r.value.resources[0]?.configEntries.find((c) => c.configName === "broker.rack") : undefined;
    racks.set(ids[i], entry?.configValue || null);
  });
  return racks;
}

async function topicMinIsr(admin: Admin, names: string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (let i = 0; i < names.length; i += 200) {
    const chunk = names.slice(i, i + 200);
    const r = await admin.describeConfigs({
      includeSynonyms: false,
      resources: chunk.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ["min.insync.replicas"] })),
    });
    for (const res of r.resources) {
      const v = res.errorCode === 0 ? res.configEntries.find((c) => c.configName === "min.insync.replicas")?.configValue : undefined;
      out.set(res.resourceName, v ? Number(v) : null);
    }
  }
  return out;
}

type TopicMetadata = Awaited<ReturnType<Admin["fetchTopicMetadata"]>>["topics"][number];

/** Topic metadata; when the batch fails (e.g. one topic not authorized) each topic is read alone. */
async function topicMetadata(admin: Admin, names: string[]) {
  const unreadable: { name: string; reason: string }[] = [];
  try {
    return { topics: (await admin.fetchTopicMetadata({ topics: names })).topics, unreadable };
  } catch (batchError) {
    if (
      !/AUTHORIZATION|UNKNOWN_TOPIC|does not host this topic-partition/i.test(
        String((batchError as Error).message) + String((batchError as { type?: string }).type),
      )
    )
      throw batchError;
  }
  const topics: TopicMetadata[] = [];
  for (const name of names) {
    try {
      topics.push(...(await admin.fetchTopicMetadata({ topics: [name] })).topics);
    } catch (error) {
      unreadable.push({ name, reason: String((error as { type?: string }).type ?? (error as Error).message).slice(0, 200) });
    }
  }
  return { topics, unreadable };
}

async function consumerGroups(admin: Admin, readable: Set<string>): Promise<SnapshotGroup[]> {
  const { groups } = await admin.listGroups();
  const consumer = groups
    .filter((g) => g.protocolType === "consumer" || g.protocolType === "")
    .map((g) => g.groupId)
    .sort();
  if (consumer.length === 0) return [];
  const described = await admin.describeGroups(consumer);
  const high = new Map<string, bigint>();
  const out: SnapshotGroup[] = [];
  for (const g of described.groups) {
    const offsets = await admin.fetchOffsets({ groupId: g.groupId });
    const committed = offsets
      .filter((t) => readable.has(t.topic))
      .flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset })));
    for (const topic of new Set(committed.map((c) => c.topic))) {
      if ([...high.keys()].some((k) => k.startsWith(`${topic}:`))) continue;
      for (const p of await admin.fetchTopicOffsets(topic)) high.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
    out.push({ groupId: g.groupId, state: g.state, ...groupLag(committed, high) });
  }
  return out;
}

/**
 * Reads brokers (with racks), the controller, every topic's partitions (leader, replicas,
 * ISR, offline replicas), each topic's min.insync.replicas and consumer-group lag.
 */
export async function collectSnapshot(conn: ResolvedConnection): Promise<SnapshotRaw> {
  return withAdmin(conn, SNAPSHOT_LIMITS, SNAPSHOT_DEADLINE_MS, async (admin) => {
    const cluster = await admin.describeCluster();
    const live = new Set(cluster.brokers.map((b) => b.nodeId));
    const racks = await brokerRacks(admin, [...live]);
    const brokers: SnapshotBroker[] = cluster.brokers
      .map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: racks.get(b.nodeId) ?? null }))
      .sort((a, b) => a.id - b.id);
    const names = (await admin.listTopics()).sort();
    const { topics: meta, unreadable } = await topicMetadata(admin, names);
    const minIsr = await topicMinIsr(
      admin,
      meta.map((t) => t.name),
    );
    const topics: SnapshotTopic[] = meta
      .map((t) => ({
        name: t.name,
        internal: t.name.startsWith("__"),
        minInsyncReplicas: minIsr.get(t.name) ?? null,
        partitions: t.partitions
          .map((p) => ({
            partition: p.partitionId,
            leader: p.leader ?? -1,
            replicas: [...p.replicas],
            isr: [...p.isr].sort((a, b) => a - b),
            offline: offlineReplicas(p.replicas, p.offlineReplicas ?? [], live),
          }))
          .sort((a, b) => a.partition - b.partition),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const groups = await consumerGroups(admin, new Set(topics.map((t) => t.name)));
    return { clusterId: cluster.clusterId, controller: cluster.controller ?? null, brokers, topics, groups, unreadableTopics: unreadable };
  });
}
