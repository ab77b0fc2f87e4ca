/**
 * What the real-cluster Kafka tests need before a broker starts: java and mvn on PATH (or the
 * jars already cached), Kafka's broker classpath fetched from Maven Central by
 * test/kafka/pom.xml, free loopback ports and Kafka-format ids.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const DEFAULT_KAFKA_VERSION = process.env.DRILLBOOK_TEST_KAFKA_VERSION || "3.9.1";
const POM_DIR = path.resolve(import.meta.dirname, "../kafka");

export type KafkaPrerequisites = { ok: true } | { ok: false; reason: string };

function commandWorks(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 20_000 });
  return r.status === 0;
}

/**
 * Whether this machine can run the real-cluster tests (java and mvn on PATH). Under CI=true a
 * missing tool throws instead: CI must never report the Kafka tests as skipped.
 */
export function kafkaPrerequisites(): KafkaPrerequisites {
  const missing: string[] = [];
  if (!commandWorks("java", ["-version"])) missing.push("java (OpenJDK 17+)");
  if (!commandWorks("mvn", ["-v"]) && !classpathReady(DEFAULT_KAFKA_VERSION)) missing.push("mvn (Maven 3.8+)");
  if (missing.length === 0) return { ok: true };
  const reason = `real Kafka cluster tests need ${missing.join(" and ")} on PATH`;
  if (process.env.CI) throw new Error(`CI: ${reason}`);
  return { ok: false, reason };
}

/** Cache folder of the broker jars for one Kafka version (git-ignored). */
export function classpathDir(version = DEFAULT_KAFKA_VERSION): string {
  return path.join(POM_DIR, ".cache", version);
}

function classpathReady(version: string): boolean {
  const dir = classpathDir(version);
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`kafka_2.13-${version}`));
}

/** Copies Kafka and its dependencies from Maven Central into the cache, once. */
export function ensureKafkaClasspath(version = DEFAULT_KAFKA_VERSION): string {
  const dir = classpathDir(version);
  if (classpathReady(version)) return dir;
  const r = spawnSync("mvn", ["-q", "-B", "dependency:copy-dependencies", `-Dkafka.version=${version}`, `-DoutputDirectory=${dir}`, "-DincludeScope=runtime"], {
    cwd: POM_DIR,
    encoding: "utf8",
    timeout: 600_000,
  });
  if (r.status !== 0 || !classpathReady(version)) {
    throw new Error(`mvn could not fetch Kafka ${version}: ${(r.stdout + r.stderr).slice(-2000)}`);
  }
  return dir;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race remains until the broker binds). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Kafka's Uuid text form: 16 random bytes, base64url without padding, not starting with '-'. */
export function kafkaUuid(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}
