/**
 * The published shape of a readiness report (`drillbook.readiness-report/v1`). The JSON
 * download and the API answer with exactly this; its JSON Schema is served at
 * /api/reports/schema.json (generated from this file with z.toJSONSchema). Plain data only
 * (no transforms), so the schema reads the same as input and as output.
 */
import { z } from "zod";
import {
  ARCHITECTURES,
  DRILL_SCENARIOS,
  ENVIRONMENTS,
  EVIDENCE_KINDS,
  ITEM_STATUSES,
  MATRIX_ANSWERS,
  MATRIX_QUESTIONS,
  METADATA_MODES,
  OUTCOMES,
  SCORECARD_STATES,
  TIMELINE_LAYERS,
} from "@/lib/domain/constants";

export const REPORT_FORMAT = "drillbook.readiness-report/v1";

const timestamp = z.iso.datetime().meta({ description: "ISO 8601 date-time (UTC)" });
const day = z.iso.date().meta({ description: "Calendar day, YYYY-MM-DD" });
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ description: "SHA-256, lowercase hex" });
const person = z.string().nullable().meta({ description: "Name of the person, null when unknown or removed" });

export const reportClusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.enum(ENVIRONMENTS),
  architecture: z.enum(ARCHITECTURES),
  distribution: z.string(),
  version: z.string(),
  metadataMode: z.enum(METADATA_MODES),
  brokerCount: z.number().int(),
  availabilityZones: z.number().int(),
  cloud: z.string(),
  region: z.string(),
  replicationFactor: z.number().int(),
  partitionCount: z.number().int(),
  retentionHours: z.number().int(),
  peakIngressMBps: z.number(),
  peakEgressMBps: z.number(),
  walType: z.string().nullable(),
  ownerTeam: z.string(),
  tags: z.array(z.string()),
  freshnessDays: z.number().int().meta({ description: "Evidence and drills older than this many days are stale" }),
});

export const reportReasonSchema = z.object({
  severity: z.enum(["blocker", "gap"]).meta({ description: "blocker keeps the scorecard at not ready; gap keeps it from production test" }),
  text: z.string(),
  itemKey: z.string().nullable(),
});

export const reportEvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable().meta({ description: "The text of a note (Markdown)" }),
  capturedAt: timestamp,
  capturedBy: person,
  realisticTraffic: z.boolean(),
  stale: z.boolean(),
  file: z
    .object({ filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256 })
    .nullable()
    .meta({ description: "The stored file's name, type, size in bytes and SHA-256 (the bytes are not part of the report)" }),
  drill: z.object({ id: z.string(), title: z.string() }).nullable(),
});

export const reportExemptionSchema = z.object({
  status: z.enum(["requested", "granted", "denied"]),
  justification: z.string(),
  requestedBy: person,
  approver: person,
  expiresAt: timestamp,
  decidedAt: timestamp.nullable(),
  decisionComment: z.string().nullable(),
  active: z.boolean().meta({ description: "Granted and not expired: the item counts as not applicable" }),
  expired: z.boolean().meta({ description: "Granted but past its expiry: the item is back in play" }),
});

export const reportItemSchema = z.object({
  number: z.number().int().meta({ description: "1-based position in the scorecard" }),
  key: z.string(),
  title: z.string(),
  blocking: z.boolean(),
  weight: z.number(),
  role: z.string().nullable().meta({ description: "failure_drill or rollback for the items the outcome rules single out" }),
  status: z.enum(ITEM_STATUSES).meta({ description: "The status people set" }),
  effectiveStatus: z.enum(ITEM_STATUSES).meta({ description: "The status the rules counted (waived → not_applicable, stale-only pass → partial, …)" }),
  exempted: z.boolean(),
  staleOnly: z.boolean(),
  justification: z.string(),
  notes: z.string().meta({ description: "Markdown" }),
  ownerRole: z.string().nullable(),
  updatedAt: timestamp,
  updatedBy: person,
  evidence: z.array(reportEvidenceSchema),
  exemptions: z.array(reportExemptionSchema),
});

export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  status: z.enum(["passed", "attention", "blocked", "not_started"]),
  passed: z.number().int(),
  applicable: z.number().int(),
  total: z.number().int(),
  items: z.array(reportItemSchema),
});

export const reportMeasurementSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  measured: z.number().nullable(),
  target: z.number().nullable(),
  result: z.enum(["met", "breached", "no_target", "not_measured"]),
});

export const reportSeriesSchema = z.object({
  metric: z.string(),
  sourceName: z.string(),
  unit: z.string().nullable(),
  threshold: z.number().nullable(),
  thresholdDirection: z.enum(["below", "above"]),
  settleSeconds: z.number().int(),
  pointCount: z.number().int().meta({ description: "Points stored for the series" }),
  recovery: z
    .object({
      status: z.enum(["recovered", "never_recovered", "never_breached", "insufficient_data"]),
      recoveredAt: timestamp.nullable(),
      recoverySec: z.number().nullable(),
      flaps: z.number().int(),
    })
    .nullable()
    .meta({ description: "null when the series has no threshold" }),
  peak: z.number().nullable(),
  points: z
    .object({ timesMs: z.array(z.number()), values: z.array(z.number()) })
    .meta({ description: "The plotted points (downsampled with LTTB), epoch milliseconds and values" }),
});

export const reportDrillSchema = z.object({
  id: z.string(),
  title: z.string(),
  scenario: z.enum(DRILL_SCENARIOS),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  trafficProfile: z.string(),
  realisticTraffic: z.boolean(),
  stale: z.boolean().meta({ description: "Started before the cluster's freshness window" }),
  usedByItems: z.array(z.string()).meta({ description: "Keys of the items that cite this drill as evidence" }),
  qualifying: z.boolean().meta({ description: "The drill that satisfies the production-test rule" }),
  rollback: z.object({ namedBefore: z.boolean(), point: z.string().nullable(), owner: z.string().nullable() }),
  roles: z.object({ owner: z.string(), coordinator: z.string(), observers: z.array(z.string()) }),
  hypothesis: z.string(),
  observations: z.string(),
  conclusion: z.string(),
  measurements: z.array(reportMeasurementSchema),
  disagreements: z
    .array(
      z.object({
        key: z.string(),
        metric: z.string(),
        typedSec: z.number(),
        computedSec: z.number(),
        stepSec: z.number(),
        reference: z.string(),
      }),
    )
    .meta({ description: "Typed recovery times that a chart of this drill contradicts by more than one sampling step" }),
  faultAt: timestamp,
  timeline: z.array(z.object({ at: timestamp, layer: z.enum(TIMELINE_LAYERS), marker: z.string(), label: z.string() })),
  series: z.array(reportSeriesSchema),
  matrix: z.object({
    decision: z.enum(["operating_model_holds", "recovery_unit_too_large", "incomplete"]),
    decisionLabel: z.string(),
    reasons: z.array(z.string()),
    answers: z.array(
      z.object({
        question: z.enum(MATRIX_QUESTIONS),
        text: z.string(),
        answer: z.enum(MATRIX_ANSWERS),
        rationale: z.string(),
        evidence: z.string(),
        answeredBy: person,
        answeredAt: timestamp.nullable(),
      }),
    ),
  }),
  followUps: z.array(z.object({ action: z.string(), owner: z.string(), dueDate: day.nullable(), done: z.boolean() })),
});

export const reportConditionSchema = z.object({
  what: z.string(),
  owner: z.string(),
  dueDate: timestamp,
  metAt: timestamp.nullable(),
  state: z.enum(["met", "open", "lapsed"]),
});

export const reportSignOffSchema = z.object({
  role: z.string(),
  roleLabel: z.string(),
  signer: person,
  decision: z.enum(["approved", "approved_with_conditions", "changes_requested"]),
  comment: z.string(),
  signedAt: timestamp,
  scorecardVersion: z.number().int(),
  contentHash: z.string(),
  state: z.enum(["current", "outdated", "invalidated"]).meta({
    description:
      "current: given on the scorecard's current version; outdated: on an earlier version; invalidated: withdrawn by a later change or a lapsed condition",
  }),
  invalidatedAt: timestamp.nullable(),
  invalidReason: z.string().nullable(),
  conditions: z.array(reportConditionSchema),
});

export const readinessReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    generatedAt: timestamp,
    generatedBy: z.string(),
    scorecard: z.object({
      id: z.string(),
      title: z.string(),
      subject: z.enum(["current", "candidate"]),
      candidatePlatform: z.string().nullable(),
      state: z.enum(SCORECARD_STATES),
      version: z.number().int().meta({ description: "Increases on every content change; sign-offs are bound to it" }),
      contentHash: sha256.meta({
        description: "SHA-256 of `content` in canonical JSON (RFC 8785): the hash sign-offs and milestones of this version carry",
      }),
      owner: person,
      dueDate: day.nullable(),
      createdAt: timestamp,
      updatedAt: timestamp,
      template: z.object({ key: z.string(), name: z.string(), version: z.number().int() }),
    }),
    cluster: reportClusterSchema,
    outcome: z.object({
      outcome: z.enum(OUTCOMES),
      label: z.string(),
      nextOutcome: z.enum(OUTCOMES).nullable(),
      score: z.number().min(0).max(100),
      highRisks: z.number().int(),
      mediumRisks: z.number().int(),
      staleEvidenceCount: z.number().int(),
      itemsAssessed: z.number().int(),
      itemsTotal: z.number().int(),
      reasons: z.array(reportReasonSchema),
      qualifyingDrill: z.object({ id: z.string(), title: z.string() }).nullable(),
    }),
    sections: z.array(reportSectionSchema),
    drills: z.array(reportDrillSchema),
    content: z.json().meta({
      description:
        "The canonical content document of this version (items with status, justification, notes, owner, evidence with dates and file SHA-256, granted exemptions): `jq -jcS .content report.json | sha256sum` recomputes scorecard.contentHash",
    }),
    review: z.object({
      slots: z.array(z.object({ role: z.string(), roleLabel: z.string(), required: z.boolean(), signers: z.array(z.string()) })),
      signOffs: z.array(reportSignOffSchema),
      approvedOnCurrentVersion: z.boolean().meta({ description: "Every required role approved the current version" }),
    }),
  })
  .meta({
    title: "Drillbook readiness report",
    description:
      "A scorecard's readiness: cluster facts, outcome and reasons, items with evidence, drills with measurements, charts and decision matrices, and sign-offs.",
  });

export type ReadinessReport = z.infer<typeof readinessReportSchema>;
export type ReportItem = z.infer<typeof reportItemSchema>;
export type ReportDrill = z.infer<typeof reportDrillSchema>;
export type ReportSeries = z.infer<typeof reportSeriesSchema>;
export type ReportSignOff = z.infer<typeof reportSignOffSchema>;
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;

export const REPORT_FORMATS = ["pdf", "md", "json", "junit"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const reportFormatSchema = z.enum(REPORT_FORMATS, { error: "format must be pdf, md, json or junit" });

/** The JSON Schema (draft 2020-12) of the report, as published at /api/reports/schema.json. */
export function readinessReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(readinessReportSchema, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
}
