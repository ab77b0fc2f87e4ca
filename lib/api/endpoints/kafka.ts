/** Kafka endpoints: test the cluster's Kafka connection, take a snapshot as evidence. */
import { z } from "zod";
import { defineEndpoint } from "../registry";

const id = z.string().min(1).max(64);

export const kafkaSnapshotSummarySchema = z.object({
  id,
  takenAt: z.string().meta({ format: "date-time" }),
  sha256: z.string().meta({ description: "SHA-256 of the snapshot's canonical JSON" }),
  brokerCount: z.number().int(),
  topicCount: z.number().int(),
  partitionCount: z.number().int(),
  underReplicated: z.number().int(),
  underMinIsr: z.number().int(),
  offlinePartitions: z.number().int(),
  leadersPerBroker: z.record(z.string(), z.number().int()),
  leaderSkew: z.number().nullable(),
  zones: z.array(z.string()),
  url: z.string().meta({ description: "Path of the snapshot's page in Drillbook" }),
});

export const takeKafkaSnapshotEndpoint = defineEndpoint({
  method: "POST",
  path: "/clusters/{id}/kafka/snapshot",
  operationId: "takeKafkaSnapshot",
  summary: "Read the cluster through its Kafka connection and store a snapshot",
  description:
    "Reads brokers and racks, the controller id, every topic's partitions (leader, replicas, ISR, offline replicas), " +
    "min.insync.replicas per topic and consumer-group lag, and stores them as canonical JSON with its SHA-256. Read-only " +
    "towards Kafka. 409 when the cluster has no connection or Kafka could not be read (nothing is stored then).",
  tag: "Kafka",
  permission: "cluster:write",
  params: z.object({ id }),
  response: z.object({ data: kafkaSnapshotSummarySchema }),
  successStatus: 201,
  errors: [404, 409],
});

export const testKafkaConnectionEndpoint = defineEndpoint({
  method: "POST",
  path: "/clusters/{id}/kafka/test",
  operationId: "testKafkaConnection",
  summary: "Test the cluster's Kafka connection",
  description: "Answers the cluster id, controller id and broker count, or `ok: false` with a reason code and message (bounded to ~12 s).",
  tag: "Kafka",
  permission: "cluster:write",
  params: z.object({ id }),
  response: z.object({
    data: z.union([
      z.object({
        ok: z.literal(true),
        clusterId: z.string(),
        controller: z.number().int().nullable(),
        brokerCount: z.number().int(),
        brokers: z.array(z.object({ id: z.number().int(), host: z.string(), port: z.number().int() })),
      }),
      z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  }),
  errors: [404, 409],
});
