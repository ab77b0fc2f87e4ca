/** GET /scorecards/{id}: one scorecard with its items, evidence list, outcome, reasons and sign-offs (scope "read"). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { EVIDENCE_KINDS, ITEM_STATUSES, OUTCOMES, SCORECARD_STATES } from "@/lib/domain/constants";
import { DECISIONS } from "@/lib/reviews/rules";
import { defineEndpoint } from "../registry";

const timestamp = z.string().meta({ format: "date-time" });
const day = z.string().meta({ format: "date" });
const named = z.object({ id: z.string(), name: z.string() });

const evidenceSchema = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  capturedAt: timestamp,
  realisticTraffic: z.boolean(),
  stale: z.boolean().meta({ description: "Older than the cluster's freshness window" }),
  drillId: z.string().nullable(),
  file: z.object({ filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
});

const itemSchema = z.object({
  key: z.string(),
  title: z.string(),
  section: z.string(),
  blocking: z.boolean(),
  weight: z.number(),
  status: z.enum(ITEM_STATUSES),
  effectiveStatus: z
    .enum(ITEM_STATUSES)
    .meta({ description: "The status the outcome rules used (exempted → not_applicable, pass with only stale evidence → partial)" }),
  exempted: z.boolean(),
  justification: z.string(),
  notes: z.string().meta({ description: "Markdown" }),
  ownerRole: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});

const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  signer: named.nullable(),
  comment: z.string(),
  scorecardVersion: z.number().int(),
  contentHash: z.string(),
  createdAt: timestamp,
  conditions: z.array(z.object({ what: z.string(), owner: z.string(), dueDay: day, metAt: timestamp.nullable(), lapsed: z.boolean() })),
});

export const scorecardDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  subject: z.enum(["current", "candidate"]),
  candidatePlatform: z.string().nullable(),
  state: z.enum(SCORECARD_STATES).meta({ description: "Review state as of now (a condition that lapsed already counts)" }),
  version: z.number().int().meta({ description: "Increases on every content change; sign-offs are bound to it" }),
  contentHash: z.string().meta({ description: "SHA-256 of the current content (items, statuses, evidence list); sign-offs carry the hash they approved" }),
  dueDate: day.nullable(),
  owner: named.nullable(),
  cluster: named,
  template: z.object({ key: z.string(), name: z.string(), version: z.number().int() }),
  outcome: z.object({
    outcome: z.enum(OUTCOMES),
    score: z.number(),
    highRisks: z.number().int(),
    mediumRisks: z.number().int(),
    staleEvidenceCount: z.number().int(),
    nextOutcome: z.enum(OUTCOMES).nullable(),
    reasons: z
      .array(z.object({ severity: z.enum(["blocker", "gap"]), text: z.string(), itemKey: z.string().nullable() }))
      .meta({ description: "What keeps the scorecard from the next outcome, in plain words" }),
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        status: z.enum(["passed", "attention", "blocked", "not_started"]),
        passed: z.number().int(),
        applicable: z.number().int(),
        total: z.number().int(),
      }),
    ),
  }),
  items: z.array(itemSchema),
  review: z.object({
    requiredCount: z.number().int(),
    approvedCount: z.number().int(),
    slots: z.array(
      z.object({
        role: z.string(),
        label: z.string(),
        required: z.boolean(),
        status: z.enum(["awaiting", "approved", "approved_with_conditions", "changes_requested", "condition_lapsed", "reapproval_needed"]),
        signers: z.array(named),
        decision: decisionSchema.nullable().meta({ description: "The decision that counts for the current content, if any" }),
      }),
    ),
  }),
  computedAt: timestamp,
});

export const getScorecardEndpoint = defineEndpoint({
  method: "GET",
  path: "/scorecards/{id}",
  operationId: "getScorecard",
  summary: "Read one scorecard with its items, outcome, reasons and sign-offs",
  description: "The outcome is computed at the time of the request, so evidence that went stale or an exemption that expired counts without any write.",
  tag: "Scorecards",
  permission: "scorecard:read",
  params: z.object({ id: boundaryString().min(1).max(64) }),
  response: z.object({ data: scorecardDetailSchema }),
  errors: [404],
});
