/**
 * A real Apache Kafka cluster for integration tests: three nodes in combined KRaft mode
 * (process.roles=broker,controller) on free loopback ports, each with its own log dir and
 * broker.rack zone-a/b/c, started from the broker classpath that test/kafka/pom.xml copies
 * from Maven Central. Tests start one cluster per file and reuse it.
 *
 * Measured on the 2-core CI machine (Kafka 3.9.1, OpenJDK 17, -Xmx384m, SerialGC):
 * formatting three storages in parallel ~3 s, three brokers ready (all registered, admin
 * answers) ~9 s more; about 330–380 MB resident per broker after start (~1.1 GB for three).
 *
 * Processes are spawned in their own process group and stopped by PID/group, never by name.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { DEFAULT_KAFKA_VERSION, ensureKafkaClasspath, freePort, kafkaUuid } from "./kafka-setup";

export { classpathDir, DEFAULT_KAFKA_VERSION, ensureKafkaClasspath, freePort, kafkaPrerequisites, type KafkaPrerequisites } from "./kafka-setup";

export type SaslUser = { mechanism: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512"; username: string; password: string };

export type KafkaClusterOptions = {
  brokers?: number;
  version?: string;
  /** Adds a SASL_PLAINTEXT listener on every broker with these users (PLAIN and/or SCRAM). */
  saslUsers?: SaslUser[];
  /** Extra server.properties lines for every node. */
  extraConfig?: Record<string, string>;
};

export type KafkaNode = {
  id: number;
  rack: string;
  port: number;
  controllerPort: number;
  saslPort: number | null;
  logDir: string;
  configFile: string;
  process: ChildProcess | null;
};

const RACKS = ["zone-a", "zone-b", "zone-c", "zone-d", "zone-e"];
const JVM_ARGS = ["-Xmx384m", "-Xms128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"];

/** A running test cluster; every helper acts on one node by its node id (1-based). */
export class KafkaTestCluster {
  readonly clusterId = kafkaUuid();
  readonly nodes: KafkaNode[] = [];
  readonly dir: string;
  readonly version: string;
  private classpath = "";

  constructor(private readonly options: KafkaClusterOptions = {}) {
    this.version = options.version ?? DEFAULT_KAFKA_VERSION;
    this.dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-kafka-"));
  }

  /** Bootstrap servers of the PLAINTEXT listeners. */
  get bootstrap(): string[] {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`);
  }

  /** Bootstrap servers of the SASL_PLAINTEXT listeners (when saslUsers was given). */
  get saslBootstrap(): string[] {
    return this.nodes.filter((n) => n.saslPort).map((n) => `127.0.0.1:${n.saslPort}`);
  }

  node(id: number): KafkaNode {
    const n = this.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  /** Formats storage and starts every node; resolves when each broker port accepts connections. */
  async start(): Promise<void> {
    this.classpath = path.join(ensureKafkaClasspath(this.version), "*");
    const count = this.options.brokers ?? 3;
    const sasl = this.options.saslUsers ?? [];
    for (let i = 0; i < count; i++) {
      const id = i + 1;
      this.nodes.push({
        id,
        rack: RACKS[i],
        port: await freePort(),
        controllerPort: await freePort(),
        saslPort: sasl.length ? await freePort() : null,
        logDir: path.join(this.dir, `node-${id}`, "data"),
        configFile: path.join(this.dir, `node-${id}`, "server.properties"),
        process: null,
      });
    }
    for (const n of this.nodes) {
      mkdirSync(path.dirname(n.configFile), { recursive: true });
      writeFileSync(n.configFile, this.config(n));
    }
    // one JVM per format; in parallel they take about as long as one on two cores
    await Promise.all(this.nodes.map((n) => this.format(n)));
    for (const n of this.nodes) this.spawnNode(n);
    await Promise.all(this.nodes.map((n) => this.waitForPort(n.port, 90_000, n)));
    await this.waitForBrokers(this.nodes.length);
  }

  /** Waits until the cluster's metadata lists `count` brokers (registered and unfenced). */
  async waitForBrokers(count: number, timeoutMs = 60_000): Promise<void> {
    const kafka = new Kafka({
      clientId: "drillbook-test-ready",
      brokers: this.bootstrap,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1000,
    });
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      const admin = kafka.admin();
      try {
        await admin.connect();
        const d = await admin.describeCluster();
        if (d.brokers.length === count && d.controller !== null && d.controller >= 0) return;
        last = `${d.brokers.length} brokers`;
      } catch (error) {
        last = (error as Error).message;
      } finally {
        await admin.disconnect().catch(() => {});
      }
      await sleep(300);
    }
    throw new Error(`cluster did not list ${count} brokers within ${timeoutMs} ms (${last})`);
  }

  private config(n: KafkaNode): string {
    const voters = this.nodes.map((x) => `${x.id}@127.0.0.1:${x.controllerPort}`).join(",");
    const sasl = this.options.saslUsers ?? [];
    const mechanisms = [...new Set(sasl.map((u) => u.mechanism))];
    const listeners = [`PLAINTEXT://127.0.0.1:${n.port}`, `CONTROLLER://127.0.0.1:${n.controllerPort}`];
    const advertised = [`PLAINTEXT://127.0.0.1:${n.port}`];
    const protocolMap = ["CONTROLLER:PLAINTEXT", "PLAINTEXT:PLAINTEXT"];
    const lines: Record<string, string> = {
      "process.roles": "broker,controller",
      "node.id": String(n.id),
      "controller.quorum.voters": voters,
      "controller.listener.names": "CONTROLLER",
      "inter.broker.listener.name": "PLAINTEXT",
      "log.dirs": n.logDir,
      "broker.rack": n.rack,
      "num.partitions": "1",
      "offsets.topic.replication.factor": String(Math.min(3, this.nodes.length)),
      "offsets.topic.num.partitions": "3",
      "transaction.state.log.replication.factor": String(Math.min(3, this.nodes.length)),
      "transaction.state.log.min.isr": String(Math.min(2, this.nodes.length)),
      "group.initial.rebalance.delay.ms": "0",
      "auto.create.topics.enable": "false",
      // faster fencing than the 9 s default so kill tests stay short; still realistic
      "broker.session.timeout.ms": "6000",
      "broker.heartbeat.interval.ms": "1000",
      "replica.lag.time.max.ms": "10000",
      "leader.imbalance.check.interval.seconds": "3600",
      "log.segment.bytes": "16777216",
      "num.network.threads": "2",
      "num.io.threads": "2",
      "background.threads": "2",
    };
    if (sasl.length) {
      listeners.push(`SASL_PLAINTEXT://127.0.0.1:${n.saslPort}`);
      advertised.push(`SASL_PLAINTEXT://127.0.0.1:${n.saslPort}`);
      protocolMap.push("SASL_PLAINTEXT:SASL_PLAINTEXT");
      lines["sasl.enabled.mechanisms"] = mechanisms.join(",");
      for (const m of mechanisms) {
        const prefix = `listener.name.sasl_plaintext.${m.toLowerCase()}.sasl.jaas.config`;
        if (m === "PLAIN") {
          const users = sasl.filter((u) => u.mechanism === "PLAIN").map((u) => `user_${u.username}="${u.password}"`);
          lines[prefix] = `org.apache.kafka.common.security.plain.PlainLoginModule required ${users.join(" ")};`;
        } else {
          lines[prefix] = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        }
      }
    }
    lines.listeners = listeners.join(",");
    lines["advertised.listeners"] = advertised.join(",");
    lines["listener.security.protocol.map"] = protocolMap.join(",");
    Object.assign(lines, this.options.extraConfig ?? {});
    return (
      Object.entries(lines)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n") + "\n"
    );
  }

  private format(n: KafkaNode): Promise<void> {
    const scram = (this.options.saslUsers ?? [])
      .filter((u) => u.mechanism !== "PLAIN")
      .flatMap((u) => ["--add-scram", `${u.mechanism}=[name=${u.username},password=${u.password}]`]);
    const args = [...JVM_ARGS, "-cp", this.classpath, "kafka.tools.StorageTool", "format", "-t", this.clusterId, "-c", n.configFile, ...scram];
    return new Promise((resolve, reject) => {
      const child = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`StorageTool format failed for node ${n.id}: ${out.slice(-2000)}`))));
    });
  }

  private spawnNode(n: KafkaNode): void {
    const log = createWriteStream(path.join(this.dir, `node-${n.id}`, "broker.log"), { flags: "a" });
    const child = spawn("java", [...JVM_ARGS, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", this.classpath, "kafka.Kafka", n.configFile], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    n.process = child;
    liveGroups.add(child.pid!);
    child.on("exit", () => liveGroups.delete(child.pid!));
  }

  /**
   * Creates topics and waits until every partition has a leader. kafkajs' own
   * `waitForLeaders` fails now and then right after creation ("This server does not host this
   * topic-partition" while metadata propagates), so this polls instead.
   */
  async createTopics(
    topics: { topic: string; numPartitions: number; replicationFactor: number; configEntries?: { name: string; value: string }[] }[],
  ): Promise<void> {
    const admin = new Kafka({ clientId: "drillbook-test-topics", brokers: this.bootstrap, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: false, topics });
      const names = topics.map((t) => t.topic);
      for (let i = 0; i < 150; i++) {
        const md = await admin.fetchTopicMetadata({ topics: names }).catch(() => null);
        if (md && md.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
        await sleep(200);
      }
      throw new Error(`topics ${names.join(", ")} got no leaders within 30 s`);
    } finally {
      await admin.disconnect();
    }
  }

  private async waitForPort(port: number, timeoutMs: number, n?: KafkaNode): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (n && n.process && n.process.exitCode !== null) {
        throw new Error(`broker ${n.id} exited with ${n.process.exitCode}: ${this.logTail(n.id)}`);
      }
      const ok = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: "127.0.0.1", port });
        s.once("connect", () => (s.destroy(), resolve(true)));
        s.once("error", () => resolve(false));
      });
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`port ${port} did not open within ${timeoutMs} ms${n ? `: ${this.logTail(n.id)}` : ""}`);
  }

  /** Last lines of a node's log, for failure messages. */
  logTail(id: number, chars = 3000): string {
    const file = path.join(this.dir, `node-${id}`, "broker.log");
    return existsSync(file) ? readFileSync(file, "utf8").slice(-chars) : "(no log)";
  }

  /** PID of a node's JVM, or null when it is not running. */
  pid(id: number): number | null {
    const p = this.node(id).process;
    return p && p.exitCode === null && p.signalCode === null ? p.pid! : null;
  }

  /** SIGKILL: the broker dies without a controlled shutdown, as in a crash. */
  async kill(id: number): Promise<void> {
    const n = this.node(id);
    const p = n.process;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once("exit", r));
    process.kill(-p.pid!, "SIGKILL");
    await exited;
    n.process = null;
  }

  /** SIGSTOP: the broker freezes (sessions time out) but keeps its sockets, like a GC stall. */
  pause(id: number): void {
    const pid = this.pid(id);
    if (pid) process.kill(-pid, "SIGSTOP");
  }

  /** SIGCONT after pause. */
  resume(id: number): void {
    const pid = this.pid(id);
    if (pid) process.kill(-pid, "SIGCONT");
  }

  /** Starts a killed node again on the same ports and log dir; resolves when its port accepts. */
  async restart(id: number): Promise<void> {
    const n = this.node(id);
    if (this.pid(id)) await this.kill(id);
    this.spawnNode(n);
    await this.waitForPort(n.port, 90_000, n);
    await this.waitForBrokers(this.nodes.filter((x) => this.pid(x.id)).length);
  }

  /** Resident memory of each running node in MB (from /proc), for the measurements in the README. */
  residentMemoryMb(): Record<number, number> {
    const out: Record<number, number> = {};
    for (const n of this.nodes) {
      const pid = this.pid(n.id);
      if (!pid) continue;
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        out[n.id] = Math.round(kb / 1024);
      } catch {
        // not Linux, or the process just exited
      }
    }
    return out;
  }

  /** Stops every node (SIGTERM to each process group, SIGKILL after 10 s) and removes the data. */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (n) => {
        const p = n.process;
        if (!p || p.exitCode !== null || p.signalCode !== null) return;
        const exited = new Promise((r) => p.once("exit", r));
        try {
          process.kill(-p.pid!, "SIGCONT");
          process.kill(-p.pid!, "SIGTERM");
        } catch {
          return;
        }
        const t = setTimeout(() => {
          try {
            process.kill(-p.pid!, "SIGKILL");
          } catch {
            // already gone
          }
        }, 10_000);
        await exited;
        clearTimeout(t);
        n.process = null;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// If the test process ends without stop() (a crash, Ctrl-C, a SIGTERM from a runner), don't
// leave brokers behind: kill their process groups, by PID only.
const liveGroups = new Set<number>();
function killLiveGroups() {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  liveGroups.clear();
}
process.once("exit", killLiveGroups);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    killLiveGroups();
    process.kill(process.pid, signal);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Starts a cluster and returns it (stop it in afterAll). */
export async function startKafkaCluster(options: KafkaClusterOptions = {}): Promise<KafkaTestCluster> {
  const cluster = new KafkaTestCluster(options);
  try {
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => {});
    throw error;
  }
  return cluster;
}
