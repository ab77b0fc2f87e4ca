/** Input schemas for the Kafka connection form/API and the snapshot actions. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";

export const SECURITY_PROTOCOLS = ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export const SASL_MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export const SECURITY_PROTOCOL_LABELS: Record<SecurityProtocol, string> = {
  plaintext: "PLAINTEXT (no encryption, no authentication)",
  ssl: "SSL (TLS)",
  sasl_plaintext: "SASL_PLAINTEXT (authentication without TLS; private networks only)",
  sasl_ssl: "SASL_SSL (TLS and authentication)",
};

export const SASL_MECHANISM_LABELS: Record<SaslMechanism, string> = {
  plain: "PLAIN",
  "scram-sha-256": "SCRAM-SHA-256",
  "scram-sha-512": "SCRAM-SHA-512",
};

const HOST_PORT = /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/;

/** Splits "a:9092, b:9092\nc:9092" into a checked list. */
export const bootstrapField = boundaryString({ error: "Enter at least one bootstrap server as host:port" })
  .max(4000, "Too many bootstrap servers")
  .transform((s) =>
    s
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    if (list.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one bootstrap server as host:port" });
    if (list.length > 30) ctx.addIssue({ code: "custom", message: "At most 30 bootstrap servers" });
    for (const s of list) {
      const m = HOST_PORT.exec(s);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) {
        ctx.addIssue({ code: "custom", message: `“${s.slice(0, 80)}” is not host:port (for example broker-1.example.com:9092)` });
        return;
      }
    }
  });

const optional = (max: number, label: string) =>
  boundaryString()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((s) => (s && s.trim() !== "" ? s.trim() : null));

/**
 * The connection form. The password may be left empty when one is stored: the stored one is
 * kept (it is never shown again). `clearPassword` removes it.
 */
export const kafkaConnectionInputSchema = z
  .object({
    bootstrapServers: bootstrapField,
    securityProtocol: z.enum(SECURITY_PROTOCOLS, { error: "Choose the listener's security protocol" }),
    saslMechanism: z
      .union([z.enum(SASL_MECHANISMS), z.literal("")])
      .optional()
      .transform((v) => (v ? v : null)),
    username: optional(255, "Username"),
    // no trim: a password may begin or end with spaces
    password: boundaryString()
      .max(1024, "Password must be at most 1,024 characters")
      .optional()
      .transform((s) => (s ? s : null)),
    caCertPem: optional(50_000, "CA certificate"),
  })
  .superRefine((v, ctx) => {
    const sasl = v.securityProtocol === "sasl_plaintext" || v.securityProtocol === "sasl_ssl";
    if (sasl && !v.saslMechanism) ctx.addIssue({ code: "custom", path: ["saslMechanism"], message: "Choose the SASL mechanism" });
    if (sasl && !v.username) ctx.addIssue({ code: "custom", path: ["username"], message: "Enter the SASL username" });
    if (v.caCertPem && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(v.caCertPem)) {
      ctx.addIssue({ code: "custom", path: ["caCertPem"], message: "Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE----- …)" });
    }
    const tls = v.securityProtocol === "ssl" || v.securityProtocol === "sasl_ssl";
    if (!tls && v.caCertPem) ctx.addIssue({ code: "custom", path: ["caCertPem"], message: "A CA certificate only applies to SSL or SASL_SSL" });
  });
export type KafkaConnectionInput = z.output<typeof kafkaConnectionInputSchema>;

export const clusterIdInput = z.object({ clusterId: boundaryString().trim().min(1, "Cluster is required").max(64) });

export const attachSnapshotInputSchema = z.object({
  snapshotId: boundaryString().trim().min(1).max(64),
  itemId: boundaryString({ error: "Choose the scorecard item" }).trim().min(1, "Choose the scorecard item").max(64),
});

export const FACT_FIELDS = ["brokerCount", "availabilityZones", "replicationFactor", "partitionCount"] as const;
export const acceptFactsInputSchema = z.object({
  snapshotId: boundaryString().trim().min(1).max(64),
  fields: z
    .union([z.enum(FACT_FIELDS), z.array(z.enum(FACT_FIELDS))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
