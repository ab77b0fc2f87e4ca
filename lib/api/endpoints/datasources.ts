/**
 * Prometheus endpoints: data sources (scope "admin:datasources"), a cluster's metrics source
 * (scope "write:clusters"), a drill with its measurement sources (scope "read") and the pull
 * (scope "write:drills"). Secrets are write-only: no response carries a token or password.
 */
import { z } from "zod";
import { MATRIX_ANSWERS, MATRIX_QUESTIONS, DRILL_SCENARIOS } from "@/lib/domain/constants";
import { MEASUREMENT_KEYS } from "@/lib/drills/rules";
import { dataSourceInputSchema, dataSourcePatchSchema, metricsSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { QUERY_KEYS } from "@/lib/prometheus/rules";
import { defineEndpoint } from "../registry";

const id = z.string().min(1).max(64);
const timestamp = z.string().meta({ format: "date-time" });
const idParams = z.object({ id });

export const dataSourceSchema = z.object({
  id,
  name: z.string(),
  baseUrl: z.string(),
  authKind: z.enum(["none", "bearer", "basic"]),
  username: z.string().nullable(),
  hasSecret: z.boolean().meta({ description: "Whether a token or password is stored (it is never returned)" }),
  headerNames: z.array(z.string()).meta({ description: "Names of the extra headers (their values are never returned)" }),
  tlsVerify: z.boolean(),
  caPem: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  clusters: z.array(z.string()).meta({ description: "Clusters reading their metrics from this data source" }),
});

export const listDataSourcesEndpoint = defineEndpoint({
  method: "GET",
  path: "/datasources",
  operationId: "listDataSources",
  summary: "List Prometheus data sources",
  tag: "Prometheus",
  permission: "datasource:manage",
  response: z.object({ data: z.array(dataSourceSchema) }),
});

export const createDataSourceEndpoint = defineEndpoint({
  method: "POST",
  path: "/datasources",
  operationId: "createDataSource",
  summary: "Add a Prometheus-compatible data source",
  description:
    "Prometheus, Thanos, Mimir and VictoriaMetrics speak the same HTTP API. `baseUrl` is http(s) only, without /api/v1. " +
    "`secret` is the bearer token or basic-auth password; it is encrypted at rest and never returned. `headers` is text with one `Name: value` per line.",
  tag: "Prometheus",
  permission: "datasource:manage",
  body: dataSourceInputSchema,
  response: z.object({ data: dataSourceSchema }),
  successStatus: 201,
  errors: [400, 409],
});

export const updateDataSourceEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/datasources/{id}",
  operationId: "updateDataSource",
  summary: "Change a data source (fields left out keep their values; a blank secret keeps the stored one)",
  tag: "Prometheus",
  permission: "datasource:manage",
  params: idParams,
  body: dataSourcePatchSchema,
  response: z.object({ data: dataSourceSchema }),
  errors: [400, 404, 409],
});

export const deleteDataSourceEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/datasources/{id}",
  operationId: "deleteDataSource",
  summary: "Delete a data source no cluster uses (409 names the clusters that still do)",
  tag: "Prometheus",
  permission: "datasource:manage",
  params: idParams,
  response: z.object({ data: z.object({ id }) }),
  errors: [404, 409],
});

export const metricsSourceSchema = z.object({
  dataSourceId: id,
  dataSourceName: z.string(),
  matchers: z.string(),
  lagThresholdRecords: z.number(),
  marginBeforeSec: z.number().int(),
  marginAfterSec: z.number().int(),
  queries: z.array(
    z.object({
      key: z.enum(QUERY_KEYS),
      label: z.string(),
      template: z.string(),
      overridden: z.boolean(),
      promql: z.string().nullable().meta({ description: "The final PromQL with the matchers in place" }),
    }),
  ),
});

export const putMetricsSourceEndpoint = defineEndpoint({
  method: "PUT",
  path: "/clusters/{id}/metrics-source",
  operationId: "setClusterMetricsSource",
  summary: "Link a cluster to a data source with its label matchers and query overrides",
  description:
    'Example: `{ "dataSourceId": "…", "matchers": "cluster=\\"payments-prod\\"" }`. `queries` overrides library entries by key; each must keep `{…}` where the matchers go.',
  tag: "Prometheus",
  permission: "cluster:write",
  params: idParams,
  body: metricsSourceInputSchema,
  response: z.object({ data: metricsSourceSchema }),
  errors: [400, 404],
});

const measurementRow = z.object({
  key: z.enum(MEASUREMENT_KEYS),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  result: z.enum(["met", "breached", "no_target", "not_measured"]),
  source: z
    .enum(["prometheus", "override", "manual", "none"])
    .meta({ description: "prometheus: the value the last pull computed; override: a person changed it (computed shows the pull's value)" }),
  computed: z.number().nullable(),
  detail: z.string().nullable(),
});
const proposal = z.object({ question: z.enum(["hidden_client_impact", "bounded_storage_work"]), answer: z.enum(MATRIX_ANSWERS), rationale: z.string() });

export const drillEvidenceSchema = z.object({
  id,
  clusterId: id,
  clusterName: z.string(),
  title: z.string(),
  scenario: z.enum(DRILL_SCENARIOS),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  version: z.number().int(),
  dataSource: z.string().nullable(),
  measurements: z.array(measurementRow),
  informational: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), detail: z.string() })),
  lastPulledAt: timestamp.nullable(),
  series: z.array(
    z.object({
      importId: id,
      format: z.string(),
      sourceName: z.string(),
      pulled: z.boolean(),
      queryKey: z.string().nullable(),
      query: z.string().nullable(),
      windowStart: timestamp.nullable(),
      windowEnd: timestamp.nullable(),
      stepSeconds: z.number().nullable(),
      pointCount: z.number().int(),
      series: z.array(z.object({ id, metric: z.string(), unit: z.string().nullable(), threshold: z.number().nullable() })),
    }),
  ),
  matrix: z.object({
    decision: z.enum(["operating_model_holds", "recovery_unit_too_large", "incomplete"]),
    answers: z.array(
      z.object({
        question: z.enum(MATRIX_QUESTIONS),
        text: z.string(),
        answer: z.enum(MATRIX_ANSWERS),
        rationale: z.string(),
        evidence: z.string(),
        answeredAt: timestamp.nullable(),
      }),
    ),
  }),
  proposals: z.array(
    proposal.extend({ text: z.string(), status: z.enum(["pending", "confirmed", "changed"]), proposedAt: timestamp, decidedAt: timestamp.nullable() }),
  ),
});

export const getDrillEndpoint = defineEndpoint({
  method: "GET",
  path: "/drills/{id}",
  operationId: "getDrill",
  summary: "A drill: measurements with their source, metric series, decision matrix and proposals",
  tag: "Drills",
  permission: "drill:read",
  params: idParams,
  response: z.object({ data: drillEvidenceSchema }),
  errors: [404],
});

const queryOutcome = z.object({
  key: z.enum(QUERY_KEYS),
  label: z.string(),
  promql: z.string(),
  status: z.enum(["ok", "skipped", "failed"]),
  seriesCount: z.number().int(),
  pointCount: z.number().int(),
  ms: z.number(),
  kind: z.string().optional(),
  message: z.string().optional(),
});

export const pullResultSchema = z.object({
  drillId: id,
  dataSource: z.string(),
  window: z.object({ start: timestamp, end: timestamp, stepSeconds: z.number(), faultAt: timestamp, faultSource: z.string() }),
  queries: z.array(queryOutcome),
  measurements: z.array(z.object({ key: z.string(), value: z.number(), detail: z.string(), applied: z.boolean(), overriddenBy: z.number().nullable() })),
  proposals: z.array(proposal),
  notes: z.array(z.string()),
  timings: z.object({ totalMs: z.number(), prometheusMs: z.number() }),
});

export const pullMetricsEndpoint = defineEndpoint({
  method: "POST",
  path: "/drills/{id}/metrics/pull",
  operationId: "pullDrillMetrics",
  summary: "Pull the drill's metrics from the cluster's Prometheus, compute measurements and propose matrix answers 1 and 2",
  description:
    "Runs every query of the cluster's library over the drill window and stores the series, the computed measurements and the proposals in one " +
    "transaction. All or nothing: when any required query fails (server down, DNS, TLS, 401/403, bad_data, timeout, too large, empty result, NaN) " +
    "the answer is 502 naming each failed query in `issues` and nothing is stored. Proposals wait for a person to confirm them.",
  tag: "Drills",
  permission: "drill:write",
  params: idParams,
  response: z.object({ data: pullResultSchema }),
  errors: [404, 409, 502],
});
