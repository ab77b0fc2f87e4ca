/**
 * npm run bench:kafka — snapshot time for 2,000 partitions on a real 3-broker cluster
 * (100 topics × 20 partitions, RF 3), plus one consumer group. Prints the timings and the
 * brokers' memory; starts and stops its own cluster (needs java and mvn, see README "Kafka").
 */
import { canonicalJson } from "../../lib/audit/chain";
import { collectSnapshot } from "../../lib/kafka/collect";
import { analyzeSnapshot } from "../../lib/kafka/rules";
import { startKafkaCluster } from "../../test/support/kafka-cluster";

const TOPICS = Number(process.env.BENCH_TOPICS ?? 100);
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 20);

const t0 = Date.now();
const kc = await startKafkaCluster();
console.log(`cluster ready in ${Date.now() - t0} ms`);
try {
  const t1 = Date.now();
  for (let i = 0; i < TOPICS; i += 20) {
    await kc.createTopics(
      Array.from({ length: Math.min(20, TOPICS - i) }, (_, j) => ({
        topic: `bench-${String(i + j).padStart(3, "0")}`,
        numPartitions: PARTITIONS,
        replicationFactor: 3,
      })),
    );
  }
  console.log(`created ${TOPICS} topics × ${PARTITIONS} partitions in ${Date.now() - t1} ms`);
  await new Promise((r) => setTimeout(r, 3000));
  const conn = { bootstrapServers: kc.bootstrap, securityProtocol: "plaintext", saslMechanism: null, username: null, password: null, caCertPem: null };
  const runs: number[] = [];
  let partitions = 0;
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const t = Date.now();
    const raw = await collectSnapshot(conn);
    const analysis = analyzeSnapshot(raw);
    bytes = canonicalJson({ ...raw, analysis }).length;
    runs.push(Date.now() - t);
    partitions = analysis.partitionCount;
  }
  console.log(`snapshot of ${partitions} partitions: ${runs.map((r) => `${r} ms`).join(", ")} (canonical JSON ${(bytes / 1024).toFixed(0)} KiB)`);
  console.log("broker RSS MB", kc.residentMemoryMb());
} finally {
  await kc.stop();
}
