/**
 * Input schemas for Prometheus data sources and a cluster's metrics source, shared by the
 * admin forms, the server actions and the JSON API.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { checkboxField } from "@/lib/drills/schema";
import { enumField, intField, numberField, optionalTextField, textField } from "@/lib/validation/fields";
import { hasPlaceholder, parseMatchers, QUERY_KEYS } from "@/lib/prometheus/rules";

export const AUTH_KINDS = ["none", "bearer", "basic"] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** Headers Drillbook sets itself, or that would change where or how the request goes. */
const RESERVED_HEADERS = new Set(["host", "content-length", "content-type", "accept", "authorization", "connection", "transfer-encoding"]);

/**
 * A base URL an admin chose: http or https only (no file:, gopher: and the like), no
 * credentials inside it and no query or fragment. Where it points is the admin's decision;
 * only admins may add or change data sources (see README, "Prometheus").
 */
export const baseUrlField = boundaryString({ error: "Base URL is required" })
  .trim()
  .min(1, "Base URL is required")
  .max(2000, "Base URL must be at most 2,000 characters")
  .transform((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL such as http://prometheus:9090" });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "Only http:// and https:// URLs are allowed" });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Put credentials in the authentication fields, not in the URL" });
      return z.NEVER;
    }
    if (url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: "Leave out the query string and fragment" });
      return z.NEVER;
    }
    if (/\/api\/v1\/?$/.test(url.pathname)) {
      ctx.addIssue({ code: "custom", message: "Give the base URL without /api/v1 (Drillbook adds it)" });
      return z.NEVER;
    }
    return url.toString().replace(/\/$/, "");
  });

/** "Name: value" per line → a record; blank → null (keep what is stored when editing). */
export const headersField = boundaryString()
  .max(8000, "Extra headers must be at most 8,000 characters")
  .optional()
  .transform((raw, ctx) => {
    const text = (raw ?? "").trim();
    if (!text) return null;
    const out: Record<string, string> = {};
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      if (!line.trim()) continue;
      const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line.trim());
      if (!m) {
        ctx.addIssue({ code: "custom", message: `Line ${i + 1}: write each header as Name: value` });
        return z.NEVER;
      }
      if (RESERVED_HEADERS.has(m[1].toLowerCase())) {
        ctx.addIssue({ code: "custom", message: `Line ${i + 1}: ${m[1]} is set by Drillbook (use the authentication fields for credentials)` });
        return z.NEVER;
      }
      out[m[1]] = m[2];
    }
    return out;
  });

const caField = optionalTextField("Custom CA", 50_000).refine(
  (s) => s === null || s.includes("-----BEGIN CERTIFICATE-----"),
  "Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE-----)",
);

/** The fields without defaults, so a PATCH can leave any of them out. */
const dataSourceFields = {
  name: textField("Name", 100),
  baseUrl: baseUrlField,
  authKind: enumField("Authentication", AUTH_KINDS),
  username: optionalTextField("User name", 200),
  /** Token or password; blank when editing keeps the stored one. */
  secret: optionalTextField("Token or password", 4000),
  headers: headersField,
  clearHeaders: checkboxField,
  /** Off by default: verification is on unless an admin ticks this. */
  tlsSkipVerify: checkboxField,
  caPem: caField,
  timeoutSeconds: intField("Timeout", 1, 120),
};

export const dataSourceInputSchema = z
  .object({ ...dataSourceFields, authKind: dataSourceFields.authKind.default("none"), timeoutSeconds: dataSourceFields.timeoutSeconds.default(15) })
  .superRefine((d, ctx) => {
    if (d.authKind === "basic" && !d.username) ctx.addIssue({ code: "custom", path: ["username"], message: "Basic authentication needs a user name" });
  });
/** The API's PATCH: any subset of the fields; what is left out keeps its stored value. */
export const dataSourcePatchSchema = z.object(dataSourceFields).partial();
export type DataSourceInput = z.output<typeof dataSourceInputSchema>;

/** Editing: the same fields, plus which data source. */
export const dataSourceUpdateSchema = z.object({ id: boundaryString().trim().min(1).max(64) });

/** A cluster's metrics source: which data source, the matchers, per-cluster query overrides. */
export const metricsSourceInputSchema = z.object({
  dataSourceId: boundaryString({ error: "Choose a data source" }).trim().min(1, "Choose a data source").max(64),
  matchers: boundaryString({ error: "Matchers are required" })
    .max(2000, "Matchers must be at most 2,000 characters")
    .transform((raw, ctx) => {
      const parsed = parseMatchers(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `Matchers: ${parsed.error}` });
        return z.NEVER;
      }
      return raw.trim();
    }),
  queries: z
    .partialRecord(z.enum(QUERY_KEYS), boundaryString().max(4000, "A query must be at most 4,000 characters"))
    .optional()
    .transform(
      (q) =>
        Object.fromEntries(
          Object.entries(q ?? {})
            .map(([k, v]) => [k, (v ?? "").trim()])
            .filter(([, v]) => v !== ""),
        ) as Partial<Record<(typeof QUERY_KEYS)[number], string>>,
    )
    .superRefine((q, ctx) => {
      for (const [k, v] of Object.entries(q)) {
        if (v && !hasPlaceholder(v))
          ctx.addIssue({ code: "custom", path: [k], message: "Keep {…} where the cluster's matchers go, or the query reads every cluster" });
      }
    }),
  lagThresholdRecords: numberField("Lag threshold", 0, 1e15).default(1000),
  marginBeforeSec: intField("Margin before the fault", 0, 86_400).default(300),
  marginAfterSec: intField("Margin after the end", 0, 86_400).default(300),
});
export type MetricsSourceInput = z.output<typeof metricsSourceInputSchema>;

/** Confirming or changing a proposed matrix answer. */
export const proposalDecisionSchema = z.object({
  drillId: boundaryString().trim().min(1).max(64),
  question: enumField("Question", ["hidden_client_impact", "bounded_storage_work"] as const),
  answer: enumField("Answer", ["green", "red", "not_assessed"] as const),
  rationale: boundaryString()
    .max(10_000)
    .optional()
    .transform((s) => (s ?? "").trim()),
});
export type ProposalDecisionInput = z.output<typeof proposalDecisionSchema>;
