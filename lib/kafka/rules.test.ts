import { describe, expect, it } from "vitest";
import { analyzeSnapshot, describeKafkaError, groupLag, offlineReplicas, proposeFacts, type SnapshotBroker, type SnapshotRaw } from "./rules";
import { kafkaConnectionInputSchema } from "./schema";

const brokers: SnapshotBroker[] = [1, 2, 3].map((id, i) => ({ id, host: "h", port: 9092 + id, rack: ["zone-a", "zone-b", "zone-c"][i] }));

function raw(partitions: SnapshotRaw["topics"][number]["partitions"], minIsr: number | null = 2, b = brokers): SnapshotRaw {
  return {
    clusterId: "c",
    controller: 1,
    brokers: b,
    topics: [{ name: "orders", internal: false, minInsyncReplicas: minIsr, partitions }],
    groups: [],
    unreadableTopics: [],
  };
}

describe("analyzeSnapshot", () => {
  it("counts under-replicated, under-min-ISR and leaderless partitions, leaders per broker and skew", () => {
    const a = analyzeSnapshot(
      raw([
        { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], offline: [] },
        { partition: 1, leader: 1, replicas: [2, 1, 3], isr: [1, 2], offline: [3] },
        { partition: 2, leader: 1, replicas: [3, 1, 2], isr: [1], offline: [] },
        { partition: 3, leader: -1, replicas: [3, 2], isr: [], offline: [3, 2] },
      ]),
    );
    expect(a.underReplicated.map((r) => r.partition)).toEqual([1, 2, 3]);
    expect(a.underMinIsr.map((r) => r.partition)).toEqual([2, 3]);
    expect(a.offline.map((r) => r.partition)).toEqual([3]);
    expect(a.leadersPerBroker).toEqual({ "1": 3, "2": 0, "3": 0 });
    expect(a.leaderSkew).toBe(3);
    expect(a.replicationFactors).toEqual({ "3": 3, "2": 1 });
    expect(a.zones).toEqual(["zone-a", "zone-b", "zone-c"]);
  });

  it("a topic whose min.insync.replicas is unknown is never called under min ISR", () => {
    const a = analyzeSnapshot(raw([{ partition: 0, leader: 1, replicas: [1, 2], isr: [1], offline: [] }], null));
    expect(a.underMinIsr).toEqual([]);
    expect(a.underReplicated).toHaveLength(1);
  });

  it("a 1-broker cluster with no partitions has no skew and no zones without racks", () => {
    const a = analyzeSnapshot({ ...raw([], 1, [{ id: 1, host: "h", port: 1, rack: null }]), topics: [] });
    expect(a).toMatchObject({ brokerCount: 1, partitionCount: 0, leaderSkew: null, zones: [], brokersWithoutRack: [1] });
  });
});

describe("offlineReplicas", () => {
  it("adds replicas on brokers missing from the metadata to those Kafka reports", () => {
    expect(offlineReplicas([1, 2, 3], [], new Set([1, 2]))).toEqual([3]);
    expect(offlineReplicas([1, 2, 3], [2], new Set([1, 2]))).toEqual([2, 3]);
  });
});

describe("groupLag", () => {
  it("sums high watermark minus committed offset and skips partitions without a commit", () => {
    const high = new Map([
      ["t:0", 10n],
      ["t:1", 5n],
      ["t:2", 7n],
    ]);
    expect(
      groupLag(
        [
          { topic: "t", partition: 0, offset: "4" },
          { topic: "t", partition: 1, offset: "5" },
          { topic: "t", partition: 2, offset: "-1" },
        ],
        high,
      ),
    ).toEqual({
      totalLag: 6,
      topics: [{ topic: "t", lag: 6, partitions: 2 }],
    });
  });
});

describe("proposeFacts", () => {
  it("proposes broker count, zones, the most common RF and the partition count of non-internal topics", () => {
    const r = raw([
      { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], offline: [] },
      { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3, 1], offline: [] },
    ]);
    r.topics.push({
      name: "__consumer_offsets",
      internal: true,
      minInsyncReplicas: 1,
      partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offline: [] }],
    });
    const changes = proposeFacts({ brokerCount: 6, availabilityZones: 3, replicationFactor: 2, partitionCount: 900 }, { ...r, analysis: analyzeSnapshot(r) });
    expect(changes.map((c) => [c.field, c.current, c.proposed])).toEqual([
      ["brokerCount", 6, 3],
      ["replicationFactor", 2, 3],
      ["partitionCount", 900, 2],
    ]);
  });
});

describe("proposeFacts with a broker down", () => {
  it("does not propose broker count or zones while replicas sit on a broker missing from the metadata", () => {
    const r = raw([{ partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2], offline: [3] }], 2, brokers.slice(0, 2));
    const changes = proposeFacts({ brokerCount: 3, availabilityZones: 3, replicationFactor: 3, partitionCount: 5 }, { ...r, analysis: analyzeSnapshot(r) });
    expect(changes.map((c) => c.field)).toEqual(["partitionCount"]);
  });
});

describe("describeKafkaError", () => {
  it("names wrong credentials, TLS, DNS, refused connections and timeouts", () => {
    expect(describeKafkaError(Object.assign(new Error("SASL SCRAM SHA256 authentication failed"), { name: "KafkaJSSASLAuthenticationError" })).code).toBe(
      "wrong_credentials",
    );
    expect(describeKafkaError(new Error("Connection error: Client network socket disconnected before secure TLS connection was established")).code).toBe("tls");
    expect(describeKafkaError(new Error("Connection error: self-signed certificate in certificate chain")).message).toMatch(/CA certificate/);
    expect(describeKafkaError(new Error("Connection error: getaddrinfo ENOTFOUND x.invalid")).code).toBe("dns");
    expect(
      describeKafkaError({ name: "KafkaJSNumberOfRetriesExceeded", message: "retries", originalError: new Error("connect ECONNREFUSED 127.0.0.1:1") }).code,
    ).toBe("unreachable");
    expect(describeKafkaError(new Error("Kafka call timed out after 12000 ms")).code).toBe("timeout");
    const notLeader = Object.assign(new Error("This server is not the leader for that topic-partition"), {
      name: "KafkaJSProtocolError",
      type: "NOT_LEADER_FOR_PARTITION",
    });
    expect(describeKafkaError(notLeader)).toMatchObject({ code: "failover", message: expect.stringMatching(/try again/) });
    expect(describeKafkaError(Object.assign(new Error("Not authorized to access topics"), { type: "TOPIC_AUTHORIZATION_FAILED" })).code).toBe("not_authorized");
  });
});

describe("kafkaConnectionInputSchema", () => {
  it("splits bootstrap servers and ties errors to the fields", () => {
    expect(
      kafkaConnectionInputSchema.parse({ bootstrapServers: "a:9092, b.example.com:9093\n[::1]:9094", securityProtocol: "plaintext" }).bootstrapServers,
    ).toEqual(["a:9092", "b.example.com:9093", "[::1]:9094"]);
    const bad = kafkaConnectionInputSchema.safeParse({ bootstrapServers: "broker-without-port", securityProtocol: "sasl_ssl", caCertPem: "nope" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["bootstrapServers", "saslMechanism", "username", "caCertPem"]));
  });
});
