/** Cluster endpoints: list and read (scope "read"), register (scope "write:clusters"). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { ARCHITECTURES, ENVIRONMENTS, METADATA_MODES, OUTCOMES } from "@/lib/domain/constants";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { defineEndpoint } from "../registry";

const id = boundaryString().min(1).max(64);
const timestamp = z.string().meta({ format: "date-time" });

const outcome = z.enum(OUTCOMES).nullable().meta({ description: "Computed readiness outcome of the cluster's scorecards; null until it has one" });

export const clusterSummarySchema = z.object({
  id,
  name: z.string(),
  environment: z.enum(ENVIRONMENTS),
  architecture: z.enum(ARCHITECTURES),
  distribution: z.string(),
  version: z.string(),
  brokerCount: z.number().int(),
  availabilityZones: z.number().int(),
  cloud: z.string(),
  region: z.string(),
  ownerTeam: z.string(),
  tags: z.array(z.string()),
  outcome,
  score: z.number().nullable().meta({ description: "Readiness score in percent (0–100); null until the cluster has a scorecard" }),
  updatedAt: timestamp,
});

export const clusterDetailSchema = clusterSummarySchema.extend({
  metadataMode: z.enum(METADATA_MODES),
  replicationFactor: z.number().int(),
  partitionCount: z.number().int(),
  retentionHours: z.number().int(),
  peakIngressMBps: z.number(),
  peakEgressMBps: z.number(),
  walType: z.string().nullable(),
  notes: z.string(),
  freshnessDays: z.number().int().meta({ description: "Evidence older than this many days is stale" }),
  revision: z.number().int(),
  createdAt: timestamp,
});

export const listClustersEndpoint = defineEndpoint({
  method: "GET",
  path: "/clusters",
  operationId: "listClusters",
  summary: "List clusters with their readiness outcome and score",
  tag: "Clusters",
  permission: "cluster:read",
  response: z.object({ data: z.array(clusterSummarySchema) }),
});

export const getClusterEndpoint = defineEndpoint({
  method: "GET",
  path: "/clusters/{id}",
  operationId: "getCluster",
  summary: "Read one cluster with all its facts",
  tag: "Clusters",
  permission: "cluster:read",
  params: z.object({ id }),
  response: z.object({ data: clusterDetailSchema }),
  errors: [404],
});

export const createClusterEndpoint = defineEndpoint({
  method: "POST",
  path: "/clusters",
  operationId: "createCluster",
  summary: "Register a cluster",
  description: "For inventory and infrastructure pipelines. Validated with the same rules as the New cluster form; " + "names are unique (409 when taken).",
  tag: "Clusters",
  permission: "cluster:write",
  body: clusterInputSchema,
  response: z.object({ data: clusterDetailSchema }),
  successStatus: 201,
  errors: [400, 409, 413, 415],
  maxBodyBytes: 64 * 1024,
});
