/** Drill endpoints: record a drill with its measurements and metric series (scope "write:drills"). */
import { z } from "zod";
import { DRILL_SCENARIOS } from "@/lib/domain/constants";
import { drillWithSeriesInputSchema } from "@/lib/drills/api-schema";
import { defineEndpoint } from "../registry";

const timestamp = z.string().meta({ format: "date-time" });
const measurement = (description: string) => z.number().nullable().meta({ description });

export const drillCreatedSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  scenario: z.enum(DRILL_SCENARIOS),
  title: z.string(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  realisticTraffic: z.boolean(),
  trafficProfile: z.string(),
  measurements: z.object({
    leadershipSettledSec: measurement("Time until leadership settled, seconds"),
    producersStableSec: measurement("Time until producer acknowledgements were stable, seconds"),
    peakConsumerLag: measurement("Peak consumer lag, records"),
    lagRecoveredSec: measurement("Time until consumer lag recovered, seconds"),
    producerErrorCount: measurement("Producer errors"),
    underReplicatedPartitions: measurement("Peak under-replicated partitions"),
    recoveryTrafficMBps: measurement("Recovery traffic, MB/s"),
  }),
  imports: z.array(
    z.object({
      id: z.string(),
      format: z.enum(["points", "csv", "prometheus"]),
      sourceName: z.string(),
      pointCount: z.number().int(),
      series: z.array(z.object({ id: z.string(), metric: z.string(), unit: z.string().nullable(), threshold: z.number().nullable() })),
    }),
  ),
  version: z.number().int(),
  createdAt: timestamp,
});

export const createDrillEndpoint = defineEndpoint({
  method: "POST",
  path: "/drills",
  operationId: "createDrill",
  summary: "Record a drill with its measurements and metric series",
  description:
    "For chaos tools and CI pipelines. The drill fields are validated with the same rules as the Record drill form " +
    "(times in ISO-8601, UTC when no offset is given). `series` is optional: each entry is either " +
    '`{"format":"points","metric":"consumer_lag","points":[["2026-05-14T10:02:00Z",1200],…]}` or a CSV (`timestamp,metric,value`) ' +
    "or Prometheus range-query export sent as `text`, parsed by the same importers as an upload. The drill and every series " +
    "are stored in one transaction: a fault anywhere (400, with the path of the series) stores nothing.",
  tag: "Drills",
  permission: "drill:write",
  body: drillWithSeriesInputSchema,
  response: z.object({ data: drillCreatedSchema }),
  successStatus: 201,
  errors: [400, 404, 413, 415],
  maxBodyBytes: 12 * 1024 * 1024,
});
