/**
 * What the drill page and GET /api/v1/drills/{id} show of a pull: each measurement with its
 * source (typed by hand, from Prometheus, or a person's override beside the computed value),
 * the pulled series, the matrix answers and the pending proposals.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { MATRIX_QUESTIONS, type MatrixQuestion } from "@/lib/domain/constants";
import { COMPUTED_LABELS } from "@/lib/prometheus/compute";
import { assertDrillRead } from "@/lib/drills/access";
import { compareMeasurements, evaluateMatrix, MATRIX_QUESTION_TEXT, MEASUREMENTS, type MeasurementKey } from "@/lib/drills/rules";

export type MeasurementSource = "prometheus" | "override" | "manual" | "none";

/** How a drill field relates to what the last pull computed. */
export function measurementSource(value: number | null, computed: number | null): MeasurementSource {
  if (computed === null) return value === null ? "none" : "manual";
  return value === computed ? "prometheus" : "override";
}

/** The drill with measurement sources, series, matrix and proposals, or null when it does not exist. */
export async function getDrillEvidence(user: CurrentUser, drillId: string) {
  assertDrillRead(user);
  const db = await getDb();
  const drill = await db.drill.findUnique({
    where: { id: drillId },
    include: {
      cluster: { select: { name: true, metricsSource: { select: { dataSource: { select: { name: true } } } } } },
      computed: true,
      proposals: true,
      answers: { select: { question: true, answer: true, rationale: true, evidence: true, answeredAt: true } },
      imports: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          format: true,
          sourceName: true,
          queryKey: true,
          queryText: true,
          windowStart: true,
          windowEnd: true,
          stepSeconds: true,
          pointCount: true,
          createdAt: true,
          series: { select: { id: true, metric: true, unit: true, threshold: true } },
        },
      },
    },
  });
  if (!drill) return null;
  const computedOf = (k: string) => drill.computed.find((c) => c.measurement === k) ?? null;
  const measurements = compareMeasurements(drill).map((m) => {
    const c = computedOf(m.key);
    return {
      key: m.key,
      label: m.label,
      unit: m.unit,
      value: m.measured,
      target: m.target,
      result: m.result,
      source: measurementSource(m.measured, c?.value ?? null),
      computed: c?.value ?? null,
      detail: c?.detail ?? null,
    };
  });
  const extra = (["underMinIsrPeak", "underMinIsrSec"] as const).flatMap((k) => {
    const c = computedOf(k);
    return c ? [{ key: k, label: COMPUTED_LABELS[k], value: c.value, detail: c.detail }] : [];
  });
  const answers = MATRIX_QUESTIONS.map((q) => {
    const a = drill.answers.find((x) => x.question === q);
    return {
      question: q,
      text: MATRIX_QUESTION_TEXT[q].question,
      answer: a?.answer ?? "not_assessed",
      rationale: a?.rationale ?? "",
      evidence: a?.evidence ?? "",
      answeredAt: a?.answeredAt?.toISOString() ?? null,
    };
  });
  return {
    id: drill.id,
    clusterId: drill.clusterId,
    clusterName: drill.cluster.name,
    title: drill.title,
    scenario: drill.scenario,
    startedAt: drill.startedAt.toISOString(),
    endedAt: drill.endedAt?.toISOString() ?? null,
    version: drill.version,
    dataSource: drill.cluster.metricsSource?.dataSource.name ?? null,
    measurements,
    informational: extra,
    lastPulledAt: drill.computed[0]?.computedAt.toISOString() ?? null,
    series: drill.imports.map((i) => ({
      importId: i.id,
      format: i.format,
      sourceName: i.sourceName,
      pulled: i.queryKey !== null,
      queryKey: i.queryKey,
      query: i.queryText,
      windowStart: i.windowStart?.toISOString() ?? null,
      windowEnd: i.windowEnd?.toISOString() ?? null,
      stepSeconds: i.stepSeconds,
      pointCount: i.pointCount,
      series: i.series,
    })),
    matrix: { answers, decision: evaluateMatrix(Object.fromEntries(answers.map((a) => [a.question, a.answer]))).decision },
    // in the matrix's own order (question 1 first), not the keys' alphabetical one
    proposals: [...drill.proposals]
      .sort((a, b) => MATRIX_QUESTIONS.indexOf(a.question as MatrixQuestion) - MATRIX_QUESTIONS.indexOf(b.question as MatrixQuestion))
      .map((p) => ({
        question: p.question as "hidden_client_impact" | "bounded_storage_work",
        text: MATRIX_QUESTION_TEXT[p.question as keyof typeof MATRIX_QUESTION_TEXT].question,
        answer: p.answer,
        rationale: p.rationale,
        status: p.status as "pending" | "confirmed" | "changed",
        proposedAt: p.proposedAt.toISOString(),
        decidedAt: p.decidedAt?.toISOString() ?? null,
      })),
  };
}
export type DrillEvidence = NonNullable<Awaited<ReturnType<typeof getDrillEvidence>>>;

/** Label of a measurement key (drill field or informational). */
export function measurementLabel(key: string): string {
  return MEASUREMENTS[key as MeasurementKey]?.label ?? COMPUTED_LABELS[key as keyof typeof COMPUTED_LABELS] ?? key;
}
