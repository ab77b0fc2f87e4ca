/** Scorecard endpoints: list with cached outcome, score and review state (scope "read"). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { OUTCOMES, SCORECARD_STATES } from "@/lib/domain/constants";
import { optionalIntField } from "@/lib/validation/fields";
import { defineEndpoint } from "../registry";

const timestamp = z.string().meta({ format: "date-time" });

export const scorecardSummarySchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  title: z.string(),
  subject: z.enum(["current", "candidate"]),
  candidatePlatform: z.string().nullable(),
  state: z.enum(SCORECARD_STATES),
  version: z.number().int().meta({ description: "Increases on every content change; sign-offs are bound to it" }),
  outcome: z.enum(OUTCOMES),
  score: z.number().meta({ description: "Percent of applicable items passed (partial counts half)" }),
  highRisks: z.number().int(),
  mediumRisks: z.number().int(),
  staleEvidenceCount: z.number().int(),
  template: z.object({ key: z.string(), version: z.number().int(), name: z.string() }),
  dueDate: timestamp.nullable(),
  updatedAt: timestamp,
});

export const listScorecardsQuerySchema = z.object({
  cluster: boundaryString().trim().min(1).max(100).optional().meta({ description: "Only the scorecards of this cluster (its id or its name)" }),
  state: z.enum(SCORECARD_STATES, { error: `Use one of: ${SCORECARD_STATES.join(", ")}` }).optional(),
  limit: optionalIntField("limit", 1, 500)
    .transform((v) => v ?? 100)
    .meta({ description: "At most this many (1–500, default 100)" }),
  offset: optionalIntField("offset", 0, 1_000_000).transform((v) => v ?? 0),
});

export const listScorecardsEndpoint = defineEndpoint({
  method: "GET",
  path: "/scorecards",
  operationId: "listScorecards",
  summary: "List scorecards with their outcome, score and review state",
  description: "Newest change first. Filter by cluster (id or name) and state; page with limit and offset.",
  tag: "Scorecards",
  permission: "scorecard:read",
  query: listScorecardsQuerySchema,
  response: z.object({ data: z.array(scorecardSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  errors: [404],
});
