/**
 * Pure rules over what a Kafka cluster reported: partition health (under-replicated,
 * under-min-ISR, offline), leader balance per broker, replication-factor spread, consumer
 * lag, the cluster facts a snapshot suggests, and plain-language reasons for client errors.
 * No I/O here, so every rule is unit-tested.
 */

export interface SnapshotBroker {
  id: number;
  host: string;
  port: number;
  /** broker.rack, null when the broker has none or it could not be read */
  rack: string | null;
}

export interface SnapshotPartition {
  partition: number;
  /** -1 when the partition has no leader */
  leader: number;
  replicas: number[];
  isr: number[];
  /** replicas Kafka reports offline, plus replicas on brokers missing from the metadata */
  offline: number[];
}

export interface SnapshotTopic {
  name: string;
  internal: boolean;
  /** the topic's effective min.insync.replicas, null when it could not be read */
  minInsyncReplicas: number | null;
  partitions: SnapshotPartition[];
}

export interface SnapshotGroup {
  groupId: string;
  state: string;
  /** sum over partitions with a committed offset of (high watermark − committed) */
  totalLag: number;
  topics: { topic: string; lag: number; partitions: number }[];
}

/** What the cluster reported, before analysis. */
export interface SnapshotRaw {
  clusterId: string;
  controller: number | null;
  brokers: SnapshotBroker[];
  topics: SnapshotTopic[];
  groups: SnapshotGroup[];
  /** topics the connection may not describe, with Kafka's reason */
  unreadableTopics: { name: string; reason: string }[];
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface SnapshotAnalysis {
  brokerCount: number;
  topicCount: number;
  partitionCount: number;
  underReplicated: PartitionRef[];
  underMinIsr: PartitionRef[];
  /** partitions without a leader */
  offline: PartitionRef[];
  /** leaders per broker id (every broker listed, 0 included) */
  leadersPerBroker: Record<string, number>;
  /** most leaders on one broker divided by the even share, 1 = perfectly even; null with no partitions */
  leaderSkew: number | null;
  /** how many partitions have each replication factor */
  replicationFactors: Record<string, number>;
  /** distinct broker.rack values, sorted */
  zones: string[];
  brokersWithoutRack: number[];
  totalConsumerLag: number;
}

/** The canonical stored form: what was read plus the analysis, dated. */
export interface KafkaSnapshotContent extends SnapshotRaw {
  schema: "drillbook.kafka-snapshot/1";
  takenAt: string;
  analysis: SnapshotAnalysis;
}

/** Health of one partition given the live brokers and the topic's min.insync.replicas. */
export function partitionHealth(p: SnapshotPartition, minIsr: number | null) {
  const underReplicated = p.isr.length < p.replicas.length;
  const underMinIsr = minIsr !== null && p.isr.length < minIsr;
  const offline = p.leader < 0;
  return { underReplicated, underMinIsr, offline };
}

/**
 * Replicas Kafka lists as offline, plus those on brokers that are not in the metadata (a
 * killed broker leaves the broker list once fenced, while its replicas stay assigned).
 */
export function offlineReplicas(replicas: number[], reportedOffline: number[], liveBrokers: Set<number>): number[] {
  return [...new Set([...reportedOffline, ...replicas.filter((r) => !liveBrokers.has(r))])].sort((a, b) => a - b);
}

/** Computes partition health, leader balance and spreads from what the cluster reported. */
export function analyzeSnapshot(raw: SnapshotRaw): SnapshotAnalysis {
  const underReplicated: PartitionRef[] = [];
  const underMinIsr: PartitionRef[] = [];
  const offline: PartitionRef[] = [];
  const leadersPerBroker: Record<string, number> = {};
  for (const b of raw.brokers) leadersPerBroker[String(b.id)] = 0;
  const replicationFactors: Record<string, number> = {};
  let partitionCount = 0;
  for (const t of raw.topics) {
    for (const p of t.partitions) {
      partitionCount++;
      const h = partitionHealth(p, t.minInsyncReplicas);
      const ref = { topic: t.name, partition: p.partition };
      if (h.underReplicated) underReplicated.push(ref);
      if (h.underMinIsr) underMinIsr.push(ref);
      if (h.offline) offline.push(ref);
      else leadersPerBroker[String(p.leader)] = (leadersPerBroker[String(p.leader)] ?? 0) + 1;
      const rf = String(p.replicas.length);
      replicationFactors[rf] = (replicationFactors[rf] ?? 0) + 1;
    }
  }
  const led = Object.values(leadersPerBroker).reduce((a, b) => a + b, 0);
  const brokers = Math.max(1, raw.brokers.length);
  const leaderSkew = led === 0 ? null : round2(Math.max(...Object.values(leadersPerBroker)) / (led / brokers));
  const zones = [...new Set(raw.brokers.map((b) => b.rack).filter((r): r is string => Boolean(r)))].sort();
  return {
    brokerCount: raw.brokers.length,
    topicCount: raw.topics.length,
    partitionCount,
    underReplicated,
    underMinIsr,
    offline,
    leadersPerBroker,
    leaderSkew,
    replicationFactors,
    zones,
    brokersWithoutRack: raw.brokers.filter((b) => !b.rack).map((b) => b.id),
    totalConsumerLag: raw.groups.reduce((a, g) => a + g.totalLag, 0),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Consumer lag of one group from committed offsets and high watermarks; -1 commits are skipped. */
export function groupLag(committed: { topic: string; partition: number; offset: string }[], high: Map<string, bigint>) {
  const byTopic = new Map<string, { lag: number; partitions: number }>();
  for (const c of committed) {
    const off = BigInt(c.offset);
    if (off < 0n) continue;
    const hw = high.get(`${c.topic}:${c.partition}`);
    if (hw === undefined) continue;
    const lag = hw > off ? Number(hw - off) : 0;
    const entry = byTopic.get(c.topic) ?? { lag: 0, partitions: 0 };
    entry.lag += lag;
    entry.partitions++;
    byTopic.set(c.topic, entry);
  }
  const topics = [...byTopic.entries()].map(([topic, v]) => ({ topic, ...v })).sort((a, b) => a.topic.localeCompare(b.topic));
  return { totalLag: topics.reduce((a, t) => a + t.lag, 0), topics };
}

export interface ClusterFacts {
  brokerCount: number;
  availabilityZones: number;
  replicationFactor: number;
  partitionCount: number;
}

export interface FactChange {
  field: keyof ClusterFacts;
  label: string;
  current: number;
  proposed: number;
  why: string;
}

const FACT_LABELS: Record<keyof ClusterFacts, string> = {
  brokerCount: "Brokers",
  availabilityZones: "Availability zones",
  replicationFactor: "Replication factor",
  partitionCount: "Partitions",
};

/**
 * The cluster facts a snapshot suggests, as changes against what Drillbook holds. Internal
 * topics (names starting with "__") are left out of the partition count and the replication
 * factor, which is the most common factor among the remaining partitions. A person accepts
 * the diff; nothing is changed without that.
 */
export function proposeFacts(current: ClusterFacts, content: Pick<KafkaSnapshotContent, "brokers" | "topics" | "analysis">): FactChange[] {
  const userTopics = content.topics.filter((t) => !t.internal);
  const rfCounts = new Map<number, number>();
  for (const t of userTopics) for (const p of t.partitions) rfCounts.set(p.replicas.length, (rfCounts.get(p.replicas.length) ?? 0) + 1);
  const commonRf = [...rfCounts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const proposed: Partial<ClusterFacts> = { partitionCount: userTopics.reduce((a, t) => a + t.partitions.length, 0) };
  // a broker that is down holds replicas but is missing from the metadata: a snapshot taken
  // then says nothing reliable about broker count or zones, so those are not proposed
  const live = new Set(content.brokers.map((b) => b.id));
  const brokerMissing = content.topics.some((t) => t.partitions.some((p) => p.replicas.some((r) => !live.has(r))));
  if (!brokerMissing) {
    proposed.brokerCount = content.brokers.length;
    if (content.analysis.zones.length > 0) proposed.availabilityZones = content.analysis.zones.length;
  }
  if (commonRf !== undefined) proposed.replicationFactor = commonRf;
  const why: Record<keyof ClusterFacts, string> = {
    brokerCount: "brokers in the cluster's metadata",
    availabilityZones: `distinct broker.rack values: ${content.analysis.zones.join(", ")}`,
    replicationFactor: "most common replication factor of non-internal partitions",
    partitionCount: "partitions of non-internal topics",
  };
  const changes: FactChange[] = [];
  for (const field of Object.keys(FACT_LABELS) as (keyof ClusterFacts)[]) {
    const value = proposed[field];
    if (value === undefined || value === current[field] || value < 1) continue;
    changes.push({ field, label: FACT_LABELS[field], current: current[field], proposed: value, why: why[field] });
  }
  return changes;
}

export type KafkaErrorCode =
  "unreachable" | "failover" | "dns" | "wrong_credentials" | "sasl_mechanism" | "tls" | "not_authorized" | "timeout" | "protocol" | "unknown";

export interface KafkaErrorInfo {
  code: KafkaErrorCode;
  message: string;
}

/** Flattens an error and its causes (kafkajs wraps the socket error in a retry error). */
function errorChain(error: unknown): { name: string; message: string; type?: string }[] {
  const out: { name: string; message: string; type?: string }[] = [];
  let e: unknown = error;
  for (let i = 0; e && i < 6; i++) {
    const x = e as { name?: string; message?: string; type?: string; originalError?: unknown; cause?: unknown };
    out.push({ name: String(x.name ?? ""), message: String(x.message ?? e), type: x.type });
    e = x.originalError ?? x.cause;
  }
  return out;
}

/**
 * A plain-language reason for a failed Kafka call, naming what to check. Never includes the
 * password (kafkajs messages do not carry it; the message is built from the error only).
 */
export function describeKafkaError(error: unknown): KafkaErrorInfo {
  const chain = errorChain(error);
  const text = chain.map((c) => `${c.name} ${c.type ?? ""} ${c.message}`).join(" | ");
  const first = chain[0]?.message ?? "unknown error";
  if (/SASLAuthenticationError|authentication failed|invalid credentials|Invalid username or password/i.test(text)) {
    return { code: "wrong_credentials", message: "The brokers rejected the username or password (SASL authentication failed)." };
  }
  if (/UNSUPPORTED_SASL_MECHANISM|SASL mechanism .* not supported|does not support mechanism/i.test(text)) {
    return { code: "sasl_mechanism", message: "The broker does not accept this SASL mechanism; check the mechanism the listener enables." };
  }
  if (/certificate|self[- ]signed|TLS|SSL|EPROTO|wrong version number|unable to verify/i.test(text)) {
    const detail = chain.map((c) => c.message).find((m) => /certificate|self[- ]signed|TLS|SSL|EPROTO|verify|version number/i.test(m)) ?? first;
    return { code: "tls", message: `TLS handshake failed: ${trimDetail(detail)}. Check the security protocol and the CA certificate.` };
  }
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(text)) {
    return { code: "dns", message: "A bootstrap host name does not resolve (DNS lookup failed)." };
  }
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ECONNRESET/i.test(text)) {
    return { code: "unreachable", message: `No broker answered at the bootstrap servers (${trimDetail(first)}).` };
  }
  if (/AUTHORIZATION_FAILED|not authorized/i.test(text)) {
    return {
      code: "not_authorized",
      message: "Connected, but the account may not describe the cluster (authorization failed); grant Describe on the cluster and topics.",
    };
  }
  if (/timed? ?out|timeout|Request .* timed out|Closed connection/i.test(text)) {
    return {
      code: "timeout",
      message: "The brokers did not answer in time. The bootstrap address may be wrong, or the listener may expect TLS or SASL that is not configured here.",
    };
  }
  // Leadership or group coordination is moving between brokers (the errors Kafka marks
  // retriable while a failover settles); callers may read again after a pause.
  if (
    /NOT_LEADER_FOR_PARTITION|NOT_LEADER_OR_FOLLOWER|LEADER_NOT_AVAILABLE|REPLICA_NOT_AVAILABLE|NOT_COORDINATOR|COORDINATOR_NOT_AVAILABLE|COORDINATOR_LOAD_IN_PROGRESS/.test(
      text,
    )
  ) {
    return {
      code: "failover",
      message: `Leadership was moving between brokers when Drillbook read the cluster (${trimDetail(first)}); try again in a few seconds.`,
    };
  }
  if (/KafkaJSProtocolError/.test(text)) return { code: "protocol", message: `Kafka answered with an error: ${trimDetail(first)}` };
  return { code: "unknown", message: `Kafka call failed: ${trimDetail(first)}` };
}

function trimDetail(s: string): string {
  return s
    .replace(/^Connection error: /, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}
