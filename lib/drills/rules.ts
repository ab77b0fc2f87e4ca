/**
 * Drill rules: measurements against recovery targets, and the post-drill decision matrix
 * (five questions answered green / red / not assessed, yielding a decision). Pure: no Next,
 * React or Prisma imports; field names match the Drill model so a row can be passed as is.
 */
import { MATRIX_QUESTIONS, type MatrixAnswer, type MatrixQuestion } from "@/lib/domain/constants";
import { matrixDecisionOf, type MatrixDecision } from "@/lib/domain/matrix";

export const MEASUREMENT_KEYS = [
  "leadershipSettledSec",
  "producersStableSec",
  "peakConsumerLag",
  "lagRecoveredSec",
  "producerErrorCount",
  "underReplicatedPartitions",
  "recoveryTrafficMBps",
  "replicasInSyncSec",
] as const;
export type MeasurementKey = (typeof MEASUREMENT_KEYS)[number];

export const TARGET_KEYS = [
  "targetLeadershipSettledSec",
  "targetProducersStableSec",
  "targetPeakLagRecords",
  "targetLagRecoveredSec",
  "targetProducerErrors",
  "targetUnderReplicated",
  "targetReplicasInSyncSec",
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export type MeasurementMeta = { label: string; unit: string; targetKey: TargetKey | null };

/** Label, unit and the drill target each measurement is compared with (null: informational only). */
export const MEASUREMENTS: Record<MeasurementKey, MeasurementMeta> = {
  leadershipSettledSec: { label: "Time to leadership settled", unit: "s", targetKey: "targetLeadershipSettledSec" },
  producersStableSec: { label: "Time to stable producer acks", unit: "s", targetKey: "targetProducersStableSec" },
  peakConsumerLag: { label: "Peak consumer lag", unit: "records", targetKey: "targetPeakLagRecords" },
  lagRecoveredSec: { label: "Time to consumer lag recovered", unit: "s", targetKey: "targetLagRecoveredSec" },
  producerErrorCount: { label: "Producer errors", unit: "errors", targetKey: "targetProducerErrors" },
  underReplicatedPartitions: { label: "Under-replicated partitions", unit: "partitions", targetKey: "targetUnderReplicated" },
  recoveryTrafficMBps: { label: "Recovery traffic", unit: "MB/s", targetKey: null },
  replicasInSyncSec: { label: "Time to replicas in sync", unit: "s", targetKey: "targetReplicasInSyncSec" },
};

export type Comparison = "met" | "breached" | "no_target" | "not_measured";

/**
 * Compares a measurement with its target; every target is an upper bound, so it is met when
 * measured <= target. A missing (or non-finite) measurement wins over a missing target.
 */
export function compareMeasurement(measured: number | null, target: number | null): Comparison {
  if (measured === null || !Number.isFinite(measured)) return "not_measured";
  if (target === null || !Number.isFinite(target)) return "no_target";
  return measured <= target ? "met" : "breached";
}

export type DrillMeasurements = { [K in MeasurementKey]?: number | null };
export type DrillTargets = { [K in TargetKey]?: number | null };

/** Every measurement of a drill with its target and comparison, in display order. */
export function compareMeasurements(drill: DrillMeasurements & DrillTargets) {
  return MEASUREMENT_KEYS.map((key) => {
    const { targetKey } = MEASUREMENTS[key];
    const measured = drill[key] ?? null;
    const target = targetKey ? (drill[targetKey] ?? null) : null;
    return { key, ...MEASUREMENTS[key], measured, target, result: compareMeasurement(measured, target) };
  });
}

/** The five post-drill questions in our words, with what a green and a red answer look like. */
export const MATRIX_QUESTION_TEXT: Record<MatrixQuestion, { question: string; help: string }> = {
  hidden_client_impact: {
    question: "Did applications keep working normally while leaders moved?",
    help:
      "Green: producing and consuming applications were back to their usual latency and lag before the SLO ran out. " +
      "Red: the cluster looked settled, yet clients went on retrying or falling behind.",
  },
  bounded_storage_work: {
    question: "Was the storage work behind the recovery limited and predictable?",
    help:
      "Green: replica catch-up, cache warm-up and write-ahead-log activity could be seen and matched the plan. " +
      "Red: copying data, re-replicating or reading from remote storage took up most of the recovery time.",
  },
  capacity_helps_quickly: {
    question: "Did capacity added mid-drill take on real work quickly?",
    help: "Green: newly added brokers served a useful share of traffic straight away. " + "Red: the new capacity sat unused until data had been moved onto it.",
  },
  governance_intact: {
    question: "Did recovery stay within the approved security and compliance boundaries?",
    help:
      "Green: access rights, encryption, network boundaries and audit trails held throughout. " +
      "Red: someone needed exceptional access, or data took a path nobody can account for.",
  },
  rollback_known: {
    question: "Was the rollback decision settled before the drill began?",
    help:
      "Green: the point to roll back to, and the person who makes that call, were named up front. " +
      "Red: whether to roll back was left to judgement in the moment.",
  },
};

/** Plain-words finding for a red answer, used as a decision reason. */
const RED_FINDING: Record<MatrixQuestion, string> = {
  hidden_client_impact: "Clients were still affected after leadership had moved.",
  bounded_storage_work: "Storage and replication work dominated the recovery.",
  capacity_helps_quickly: "Added capacity could not help until data had been relocated.",
  governance_intact: "Recovery stepped outside approved security or compliance boundaries.",
  rollback_known: "Nobody had decided the rollback point and owner before the drill.",
};

export type { MatrixDecision };

export const MATRIX_DECISION_LABELS: Record<MatrixDecision, string> = {
  operating_model_holds: "The current operating model holds; improving automation may suffice",
  recovery_unit_too_large: "The recovery unit is too large; the architecture, not tuning, is the bottleneck",
  incomplete: "Not decided yet",
};

/**
 * The decision from the five answers (rule in lib/domain/matrix.ts), with reasons in
 * MATRIX_QUESTIONS order: the red findings; or what the decision rests on; or what is still open.
 */
export function evaluateMatrix(answers: Partial<Record<MatrixQuestion, MatrixAnswer>>): {
  decision: MatrixDecision;
  reasons: string[];
} {
  const answerOf = (q: MatrixQuestion) => answers[q] ?? "not_assessed";
  const decision = matrixDecisionOf(MATRIX_QUESTIONS.map(answerOf));
  if (decision === "recovery_unit_too_large") return { decision, reasons: MATRIX_QUESTIONS.filter((q) => answerOf(q) === "red").map((q) => RED_FINDING[q]) };
  const skipped = MATRIX_QUESTIONS.filter((q) => answerOf(q) === "does_not_apply");
  const skippedText = skipped.map((q) => `Does not apply to this drill: ${MATRIX_QUESTION_TEXT[q].question}`);
  if (decision === "operating_model_holds") {
    const summary =
      skipped.length === 0
        ? "All five questions are green: recovery was clean, bounded and decided in advance."
        : `Every question that applies to this drill is green (${MATRIX_QUESTIONS.length - skipped.length} of ${MATRIX_QUESTIONS.length}).`;
    return { decision, reasons: [summary, ...skippedText] };
  }
  const open = MATRIX_QUESTIONS.filter((q) => answerOf(q) === "not_assessed");
  const reasons = open.map((q) => `Not assessed yet: ${MATRIX_QUESTION_TEXT[q].question}`);
  if (open.length === 0) reasons.push("No question is answered green: a drill where nothing applies decides nothing.");
  return { decision, reasons };
}

/**
 * The matrix's concurrency stamp: its latest answer time ("" when nothing was answered yet).
 * A save carries the stamp it was loaded with; a different stored stamp means someone else saved.
 */
export function matrixVersion(answers: { answeredAt: Date | null }[]): string {
  const times = answers.map((a) => a.answeredAt?.getTime() ?? 0).filter((t) => t > 0);
  return times.length ? new Date(Math.max(...times)).toISOString() : "";
}

export type SuggestionInput = DrillMeasurements & DrillTargets & { rollbackNamedBefore: boolean };
export type Suggestion = { answer: MatrixAnswer; why: string };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
function describeComparison(key: MeasurementKey, measured: number, target: number): string {
  const { label, unit } = MEASUREMENTS[key];
  return `${label.toLowerCase()} ${fmt(measured)} ${unit} against a target of ${fmt(target)} ${unit}`;
}

/** Client-facing measurements: any breach means applications felt the event. */
const CLIENT_KEYS = ["producersStableSec", "lagRecoveredSec", "peakConsumerLag", "producerErrorCount"] as const;
/** Green needs both recovery times measured and met (and no client-facing breach). */
const CLIENT_GREEN_KEYS = ["producersStableSec", "lagRecoveredSec"] as const;

/**
 * Pre-fills matrix answers the drill's numbers can justify; the person answering confirms or
 * overrides them. Only three questions are ever suggested:
 * - hidden_client_impact: red when any client-facing measurement breached its target (stable
 *   producer acks, lag recovered, peak lag, producer errors); green when producers stabilised
 *   and lag recovered within their targets and nothing client-facing breached; else nothing.
 * - rollback_known: green when the rollback point and owner were named before the test, else red.
 * - bounded_storage_work: red when under-replicated partitions exceeded their target. Never
 *   green: a partition count cannot show that catch-up stayed visible and expected.
 * Capacity and governance are never suggested; no measurement speaks to them.
 */
export function suggestAnswers(drill: SuggestionInput): Partial<Record<MatrixQuestion, Suggestion>> {
  const out: Partial<Record<MatrixQuestion, Suggestion>> = {};
  const row = (key: MeasurementKey) => {
    const measured = drill[key] ?? null;
    const targetKey = MEASUREMENTS[key].targetKey;
    const target = targetKey ? (drill[targetKey] ?? null) : null;
    return { key, measured, target, result: compareMeasurement(measured, target) };
  };

  const breached = CLIENT_KEYS.map(row).filter((r) => r.result === "breached");
  const greenRows = CLIENT_GREEN_KEYS.map(row);
  if (breached.length > 0) {
    const list = breached.map((r) => describeComparison(r.key, r.measured!, r.target!)).join("; ");
    out.hidden_client_impact = { answer: "red", why: `Clients felt the event: ${list}.` };
  } else if (greenRows.every((r) => r.result === "met")) {
    const list = greenRows.map((r) => describeComparison(r.key, r.measured!, r.target!)).join("; ");
    out.hidden_client_impact = { answer: "green", why: `Clients recovered within target: ${list}.` };
  }

  const urp = row("underReplicatedPartitions");
  if (urp.result === "breached") {
    out.bounded_storage_work = {
      answer: "red",
      why: `Replication fell behind more than planned: ${describeComparison(urp.key, urp.measured!, urp.target!)}.`,
    };
  }

  out.rollback_known = drill.rollbackNamedBefore
    ? { answer: "green", why: "The rollback point and its owner were named before the drill." }
    : { answer: "red", why: "The rollback point and its owner were not named before the drill." };
  return out;
}
