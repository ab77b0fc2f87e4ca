/**
 * Input schemas for drills, shared by the forms, the server actions and (later) the JSON API.
 * Times are UTC: forms send `2024-05-14T10:02:00` (read as UTC), the API sends ISO-8601.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { FIRST_DAY, LAST_DAY } from "@/lib/validation/date-field";
import { DRILL_SCENARIOS, MATRIX_ANSWERS, MATRIX_QUESTIONS, TIMELINE_LAYERS, type MatrixAnswer, type MatrixQuestion } from "@/lib/domain/constants";
import { enumField, intField, listField, optionalIntField, optionalNumberField, optionalTextField, textField } from "@/lib/validation/fields";
import { parseTimestamp } from "./metric-import";
import { MEASUREMENT_KEYS } from "./rules";

/** PostgreSQL `integer` columns hold at most this. */
const INT_MAX = 2_147_483_647;
const id = boundaryString().trim().min(1, "Missing identifier").max(64);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_MS = Date.parse(`${FIRST_DAY}T00:00:00.000Z`);
const LAST_MS = Date.parse(`${LAST_DAY}T23:59:59.999Z`);

function dateCore(label: string, pattern: RegExp, example: string) {
  return boundaryString({ error: `${label} is required` }).transform((raw, ctx) => {
    const s = raw.trim();
    const ms = pattern.test(s) ? parseTimestamp(s) : null;
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `${label} must look like ${example}` });
      return z.NEVER;
    }
    // the same bounds as every calendar-day field (lib/validation/date-field.ts)
    if (ms < FIRST_MS || ms > LAST_MS) {
      ctx.addIssue({ code: "custom", message: `${label} must be between ${FIRST_DAY} and ${LAST_DAY}` });
      return z.NEVER;
    }
    return new Date(ms);
  });
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A required date and time, read as UTC when it carries no offset. */
export function dateTimeField(label: string) {
  return z.preprocess(blankToUndefined, dateCore(label, DATE_TIME, "2024-05-14T10:02:00 (UTC)"));
}

/** An optional date and time (blank → null). */
export function optionalDateTimeField(label: string) {
  return z.preprocess(blankToUndefined, dateCore(label, DATE_TIME, "2024-05-14T10:02:00 (UTC)").optional()).transform((v) => v ?? null);
}

/** An optional calendar day (blank → null), stored as midnight UTC. */
export function optionalDateField(label: string) {
  return z.preprocess(blankToUndefined, dateCore(label, DATE_ONLY, "2024-05-14").optional()).transform((v) => v ?? null);
}

/** A checkbox: "on" (browser), "true" or true means checked; absent means unchecked. */
export const checkboxField = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const longText = (label: string, max = 10_000) =>
  boundaryString()
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters`)
    .optional()
    .transform((s) => (s ?? "").trim());

const seconds = (label: string) => optionalNumberField(label, 0, 10_000_000);
const count = (label: string) => optionalIntField(label, 0, INT_MAX);

/** The six recovery-target numbers, shared by cluster recovery targets and a drill's SLO targets. */
const targetShape = {
  leadershipSettledSec: seconds("Leadership settled target"),
  producersStableSec: seconds("Producers stable target"),
  lagRecoveredSec: seconds("Lag recovered target"),
  peakLagRecords: optionalNumberField("Peak lag target", 0, 1e15),
  producerErrors: count("Producer errors target"),
  underReplicatedPartitions: count("Under-replicated partitions target"),
  replicasInSyncSec: seconds("Replicas in sync target"),
};

export const recoveryTargetInputSchema = z
  .object({ clusterId: id, scenario: enumField("Scenario", DRILL_SCENARIOS), ...targetShape })
  .refine((t) => Object.keys(targetShape).some((k) => t[k as keyof typeof targetShape] !== null), {
    message: "Set at least one target",
    path: ["_form"],
  });
export type RecoveryTargetInput = z.output<typeof recoveryTargetInputSchema>;

export const drillInputSchema = z
  .object({
    clusterId: id,
    scenario: enumField("Scenario", DRILL_SCENARIOS),
    title: textField("Title", 200),
    startedAt: dateTimeField("Start"),
    endedAt: optionalDateTimeField("End"),
    trafficProfile: longText("Traffic profile", 1000),
    realisticTraffic: checkboxField,
    producerDeliveryTimeoutMs: optionalIntField("Producer delivery timeout", 1, 86_400_000),
    targetLeadershipSettledSec: seconds("Leadership settled target"),
    targetProducersStableSec: seconds("Producers stable target"),
    targetLagRecoveredSec: seconds("Lag recovered target"),
    targetPeakLagRecords: optionalNumberField("Peak lag target", 0, 1e15),
    targetProducerErrors: count("Producer errors target"),
    targetUnderReplicated: count("Under-replicated partitions target"),
    targetReplicasInSyncSec: seconds("Replicas in sync target"),
    rollbackNamedBefore: checkboxField,
    rollbackPoint: optionalTextField("Rollback point", 500),
    rollbackOwner: optionalTextField("Rollback owner", 100),
    owner: longText("Owner", 100),
    coordinator: longText("Coordinator", 100),
    observers: listField("Observers", 20, 100),
    hypothesis: longText("Hypothesis"),
    observations: longText("Observations"),
    conclusion: longText("Conclusion"),
    leadershipSettledSec: seconds("Time to leadership settled"),
    producersStableSec: seconds("Time to stable producer acks"),
    peakConsumerLag: optionalNumberField("Peak consumer lag", 0, 1e15),
    lagRecoveredSec: seconds("Time to lag recovered"),
    producerErrorCount: count("Producer errors"),
    underReplicatedPartitions: count("Under-replicated partitions"),
    recoveryTrafficMBps: optionalNumberField("Recovery traffic", 0, 10_000_000),
    replicasInSyncSec: seconds("Time to replicas in sync"),
  })
  .superRefine((d, ctx) => {
    if (d.endedAt && d.endedAt < d.startedAt) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "End must be after the start" });
    }
    // a drill is recorded once it has run; an hour of slack covers clock skew
    if (d.startedAt.getTime() > Date.now() + 3_600_000) {
      ctx.addIssue({ code: "custom", path: ["startedAt"], message: "Record a drill after it has started; this start is in the future" });
    }
    if (d.rollbackNamedBefore && !d.rollbackPoint) {
      ctx.addIssue({ code: "custom", path: ["rollbackPoint"], message: "Name the rollback point that was agreed before the test" });
    }
    if (d.rollbackNamedBefore && !d.rollbackOwner) {
      ctx.addIssue({ code: "custom", path: ["rollbackOwner"], message: "Name who owned the rollback decision" });
    }
  });
export type DrillInput = z.output<typeof drillInputSchema>;

/** Editing also carries the version the form was loaded at (optimistic concurrency). */
export const drillUpdateSchema = z.object({ id, version: intField("Version", 1, INT_MAX) });

export const TIMELINE_MARKERS = ["fault", "recovered", "other"] as const;
export type TimelineMarker = (typeof TIMELINE_MARKERS)[number];

export const timelineEventInputSchema = z.object({
  drillId: id,
  at: dateTimeField("Time"),
  layer: enumField("Layer", TIMELINE_LAYERS),
  marker: enumField("Marker", TIMELINE_MARKERS),
  label: textField("What happened", 200),
  detail: longText("Detail", 2000),
});
export type TimelineEventInput = z.output<typeof timelineEventInputSchema>;

export const followUpInputSchema = z.object({
  drillId: id,
  action: textField("Action", 500),
  owner: textField("Owner", 100),
  dueDate: optionalDateField("Due date"),
});
export type FollowUpInput = z.output<typeof followUpInputSchema>;

export const followUpDoneSchema = z.object({ id, done: checkboxField });
export const idSchema = z.object({ id });

/**
 * Per question: `answer_<q>`, `rationale_<q>` and `evidence_<q>`. `version` is the matrix's
 * stamp when the form was loaded (its latest answer time, "" when unanswered) so a save over
 * someone else's newer answers is refused instead of silently undoing them.
 */
export const decisionAnswersSchema = z
  .object({
    drillId: id,
    version: boundaryString()
      .max(40)
      .optional()
      .transform((s) => s ?? ""),
    ...Object.fromEntries(
      MATRIX_QUESTIONS.flatMap((q) => [
        [`answer_${q}`, z.enum(MATRIX_ANSWERS, { error: "Choose green, red, does not apply or not assessed" }).default("not_assessed")],
        [`rationale_${q}`, longText("Rationale", 2000)],
        [`evidence_${q}`, longText("Evidence", 2000)],
      ]),
    ),
  })
  .superRefine((raw, ctx) => {
    const input = raw as Record<string, string>;
    for (const q of MATRIX_QUESTIONS) {
      const answer = input[`answer_${q}`];
      if (answer === "does_not_apply" && !input[`rationale_${q}`]) {
        ctx.addIssue({ code: "custom", path: [`rationale_${q}`], message: "Say why this question does not apply to this drill" });
      } else if (answer !== "not_assessed" && !input[`rationale_${q}`]) {
        ctx.addIssue({ code: "custom", path: [`rationale_${q}`], message: "Say why: a green or red answer needs a rationale" });
      }
    }
  })
  .transform((raw) => {
    const input = raw as Record<string, string>;
    return {
      drillId: input.drillId,
      version: input.version,
      answers: MATRIX_QUESTIONS.map((question) => ({
        question,
        answer: input[`answer_${question}`] as MatrixAnswer,
        rationale: input[`rationale_${question}`],
        evidence: input[`evidence_${question}`],
      })),
    };
  });
export type DecisionAnswersInput = z.output<typeof decisionAnswersSchema>;
export type DecisionAnswerInput = DecisionAnswersInput["answers"][number] & { question: MatrixQuestion };

/** Units a series may carry; anything else is refused so charts and measurements agree. */
export const METRIC_UNITS = ["records", "s", "ms", "errors", "partitions", "count", "bytes", "MB/s", "req/s", "%"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
const unitField = z
  .preprocess(blankToUndefined, z.enum(METRIC_UNITS, { error: `Unknown unit; use one of ${METRIC_UNITS.join(", ")}` }).optional())
  .transform((v) => v ?? null);

export const THRESHOLD_DIRECTIONS = ["below", "above"] as const;

export const seriesSettingsShape = {
  unit: unitField,
  threshold: optionalNumberField("Threshold", -1e15, 1e15),
  thresholdDirection: enumField("Direction", THRESHOLD_DIRECTIONS).default("below"),
  settleSeconds: z.preprocess(blankToUndefined, intField("Settle window", 0, 86_400).optional()).transform((v) => v ?? 60),
};

export const METRIC_FORMATS = ["csv", "prometheus"] as const;
export type MetricFormat = (typeof METRIC_FORMATS)[number];

/** The fields of a metric import other than its drill (the JSON API sends them with a new drill). */
export const metricImportShape = {
  format: enumField("Format", METRIC_FORMATS),
  sourceName: textField("Source name", 200),
  queryText: optionalTextField("Query", 5000),
  windowStart: optionalDateTimeField("Window start"),
  windowEnd: optionalDateTimeField("Window end"),
  stepSeconds: optionalNumberField("Step", 0.001, 86_400),
  ...seriesSettingsShape,
};
type MetricImportFields = z.output<z.ZodObject<typeof metricImportShape>>;

export function checkMetricImport(d: MetricImportFields, ctx: z.RefinementCtx) {
  if (d.format === "prometheus" && !d.queryText) {
    ctx.addIssue({ code: "custom", path: ["queryText"], message: "Paste the PromQL query so the import can be re-run" });
  }
  if (d.format === "csv" && (d.queryText || d.windowStart || d.windowEnd || d.stepSeconds !== null)) {
    ctx.addIssue({ code: "custom", path: ["format"], message: "Query, window and step only apply to Prometheus exports" });
  }
  if ((d.windowStart === null) !== (d.windowEnd === null)) {
    ctx.addIssue({ code: "custom", path: [d.windowStart ? "windowEnd" : "windowStart"], message: "Give both ends of the window, or neither" });
  }
  if (d.windowStart && d.windowEnd && d.windowEnd <= d.windowStart) {
    ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "Window end must be after its start" });
  }
}

export const metricImportInputSchema = z.object({ drillId: id, ...metricImportShape }).superRefine(checkMetricImport);
export type MetricImportInput = z.output<typeof metricImportInputSchema>;

export const seriesSettingsSchema = z.object({ id, ...seriesSettingsShape });
export type SeriesSettingsInput = z.output<typeof seriesSettingsSchema>;

export const FILL_SOURCES = ["recovery", "peak"] as const;
export const fillMeasurementSchema = z.object({
  seriesId: id,
  measurement: enumField("Measurement", MEASUREMENT_KEYS),
  source: enumField("Source", FILL_SOURCES),
});
export type FillMeasurementInput = z.output<typeof fillMeasurementSchema>;
