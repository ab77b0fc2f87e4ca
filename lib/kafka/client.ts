/**
 * kafkajs clients built from a stored connection, with bounded timeouts everywhere: a
 * connection test or snapshot never hangs a request. kafkajs was chosen over
 * @confluentinc/kafka-javascript because it is pure JavaScript (the latter needs librdkafka
 * ≥ 2.4 headers; Debian ships 2.0.2 and its prebuilt binary cannot be downloaded here); see
 * the README's Kafka section.
 */
import "server-only";
import kafkajs from "kafkajs";
import type { Admin, KafkaConfig, SASLOptions } from "kafkajs";
import type { SaslMechanism, SecurityProtocol } from "./schema";

const { Kafka, logLevel } = kafkajs;

export interface ResolvedConnection {
  bootstrapServers: string[];
  securityProtocol: SecurityProtocol | string;
  saslMechanism: SaslMechanism | string | null;
  username: string | null;
  /** decrypted; only in memory for the call */
  password: string | null;
  caCertPem: string | null;
}

export interface ClientLimits {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  retries: number;
}

export const TEST_LIMITS: ClientLimits = { connectionTimeoutMs: 3000, requestTimeoutMs: 5000, retries: 1 };
export const SNAPSHOT_LIMITS: ClientLimits = { connectionTimeoutMs: 3000, requestTimeoutMs: 10_000, retries: 2 };

/** kafkajs configuration for a connection (TLS with the given CA, SASL with the mechanism). */
export function kafkaConfig(conn: ResolvedConnection, limits: ClientLimits, clientId = "drillbook"): KafkaConfig {
  const tls = conn.securityProtocol === "ssl" || conn.securityProtocol === "sasl_ssl";
  const sasl = conn.securityProtocol === "sasl_ssl" || conn.securityProtocol === "sasl_plaintext";
  return {
    clientId,
    brokers: conn.bootstrapServers,
    ssl: tls ? (conn.caCertPem ? { ca: [conn.caCertPem], rejectUnauthorized: true } : { rejectUnauthorized: true }) : false,
    sasl: sasl ? ({ mechanism: conn.saslMechanism ?? "plain", username: conn.username ?? "", password: conn.password ?? "" } as SASLOptions) : undefined,
    connectionTimeout: limits.connectionTimeoutMs,
    authenticationTimeout: limits.connectionTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    retry: { retries: limits.retries, initialRetryTime: 200, maxRetryTime: 1000 },
    // kafkajs logs to the console by default, including broker addresses on every retry
    logLevel: logLevel.NOTHING,
  };
}

/** Rejects after `ms` with a timeout error, so a stuck broker cannot hold the request. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { name: "DrillbookTimeout" })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Runs `fn` with a connected admin client and always disconnects; the whole call is bounded. */
export async function withAdmin<T>(conn: ResolvedConnection, limits: ClientLimits, totalMs: number, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka(kafkaConfig(conn, limits)).admin();
  try {
    return await withDeadline(
      (async () => {
        await admin.connect();
        return fn(admin);
      })(),
      totalMs,
      "Kafka call",
    );
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export { Kafka };
