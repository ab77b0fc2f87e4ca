/**
 * Assembles a readiness report from what ./queries.ts loaded: the scorecard page view (items,
 * evidence, exemptions and the outcome computed at `now`), the cluster's facts, the drills
 * with their chart data, and the design-review rows. Pure: no Next, React or Prisma imports,
 * so the whole mapping is unit-tested and the benchmark can time it on its own.
 */
import { MATRIX_QUESTIONS, OUTCOME_LABELS, type MatrixAnswer, type MatrixQuestion } from "@/lib/domain/constants";
import { roleLabel } from "@/lib/domain/labels";
import type { DrillChart } from "@/lib/drills/chart-queries";
import {
  compareMeasurements,
  evaluateMatrix,
  MATRIX_DECISION_LABELS,
  MATRIX_QUESTION_TEXT,
  type DrillMeasurements,
  type DrillTargets,
} from "@/lib/drills/rules";
import { faultTime } from "@/lib/drills/series-rules";
import { contentDocumentHash, type Json } from "@/lib/readiness/content-hash";
import { isStale } from "@/lib/readiness/rules";
import type { ScorecardPage } from "@/lib/scorecards/page-types";
import { REPORT_FORMAT, type ReadinessReport, type ReportDrill, type ReportSignOff } from "./schema";

type ClusterFacts = ReadinessReport["cluster"];
type Answer = { question: string; answer: MatrixAnswer; rationale: string; evidence: string; answeredBy: { name: string } | null; answeredAt: Date | null };

/** A drill as ./queries.ts reads it (spelled out so this module needs no Prisma import). */
export interface ReportDrillRow extends DrillMeasurements, DrillTargets {
  id: string;
  title: string;
  scenario: ReportDrill["scenario"];
  startedAt: Date;
  endedAt: Date | null;
  trafficProfile: string;
  realisticTraffic: boolean;
  rollbackNamedBefore: boolean;
  rollbackPoint: string | null;
  rollbackOwner: string | null;
  owner: string;
  coordinator: string;
  observers: string[];
  hypothesis: string;
  observations: string;
  conclusion: string;
  timeline: { id: string; at: Date; layer: ReportDrill["timeline"][number]["layer"]; marker: string; label: string }[];
  answers: Answer[];
  followUps: { action: string; owner: string; dueDate: Date | null; done: boolean }[];
}

export interface ReportReviewRows {
  slots: { id: string; role: string; required: boolean; signers: { user: { name: string } }[] }[];
  approvals: {
    slotId: string;
    signer: { name: string } | null;
    decision: ReportSignOff["decision"];
    comment: string;
    scorecardVersion: number;
    contentHash: string;
    createdAt: Date;
    invalidatedAt: Date | null;
    invalidReason: string | null;
    conditions: { what: string; owner: string; dueDate: Date; metAt: Date | null }[];
  }[];
}

export interface ReportInput {
  page: ScorecardPage;
  cluster: Omit<ClusterFacts, "freshnessDays">;
  drills: { row: ReportDrillRow; chart: DrillChart | null }[];
  review: ReportReviewRows;
  generatedBy: string;
  now: Date;
  /** the scorecard's canonical content document (lib/readiness/content-hash.ts) */
  content: Json;
}

const iso = (d: Date) => d.toISOString();

function buildDrill(row: ReportDrillRow, chart: DrillChart | null, input: ReportInput, usedBy: Map<string, string[]>): ReportDrill {
  const answers = new Map(row.answers.map((a) => [a.question, a]));
  const matrix = evaluateMatrix(Object.fromEntries(row.answers.map((a) => [a.question, a.answer])) as Partial<Record<MatrixQuestion, MatrixAnswer>>);
  return {
    id: row.id,
    title: row.title,
    scenario: row.scenario,
    startedAt: iso(row.startedAt),
    endedAt: row.endedAt ? iso(row.endedAt) : null,
    trafficProfile: row.trafficProfile,
    realisticTraffic: row.realisticTraffic,
    stale: isStale(row.startedAt, input.page.cluster.freshnessDays, input.now),
    usedByItems: usedBy.get(row.id) ?? [],
    qualifying: input.page.qualifyingDrill?.id === row.id,
    rollback: { namedBefore: row.rollbackNamedBefore, point: row.rollbackPoint, owner: row.rollbackOwner },
    roles: { owner: row.owner, coordinator: row.coordinator, observers: row.observers },
    hypothesis: row.hypothesis,
    observations: row.observations,
    conclusion: row.conclusion,
    measurements: compareMeasurements(row).map(({ key, label, unit, measured, target, result }) => ({ key, label, unit, measured, target, result })),
    disagreements: chart?.disagreements ?? [],
    faultAt: iso(new Date(chart?.faultAtMs ?? faultTime(row.startedAt, row.timeline).atMs)),
    timeline: row.timeline.map((e) => ({ at: iso(e.at), layer: e.layer, marker: e.marker, label: e.label })),
    series: (chart?.series ?? []).map((s) => ({
      metric: s.metric,
      sourceName: s.sourceName,
      unit: s.unit,
      threshold: s.threshold,
      thresholdDirection: s.thresholdDirection,
      settleSeconds: s.settleSeconds,
      pointCount: s.pointCount,
      recovery: s.recovery
        ? {
            status: s.recovery.status,
            recoveredAt: s.recovery.recoveredAtMs === null ? null : iso(new Date(s.recovery.recoveredAtMs)),
            recoverySec: s.recovery.recoverySec,
            flaps: s.recovery.flaps,
          }
        : null,
      peak: s.peak,
      points: s.shown,
    })),
    matrix: {
      decision: matrix.decision,
      decisionLabel: MATRIX_DECISION_LABELS[matrix.decision],
      reasons: matrix.reasons,
      answers: MATRIX_QUESTIONS.map((q) => {
        const a = answers.get(q);
        return {
          question: q,
          text: MATRIX_QUESTION_TEXT[q].question,
          answer: a?.answer ?? "not_assessed",
          rationale: a?.rationale ?? "",
          evidence: a?.evidence ?? "",
          answeredBy: a?.answeredBy?.name ?? null,
          answeredAt: a?.answeredAt ? iso(a.answeredAt) : null,
        };
      }),
    },
    followUps: row.followUps.map((f) => ({ action: f.action, owner: f.owner, dueDate: f.dueDate ? iso(f.dueDate).slice(0, 10) : null, done: f.done })),
  };
}

function conditionState(c: { dueDate: Date; metAt: Date | null }, now: Date): "met" | "open" | "lapsed" {
  if (c.metAt) return "met";
  return c.dueDate.getTime() < now.getTime() ? "lapsed" : "open";
}

function buildReview(review: ReportReviewRows, version: number, now: Date): ReadinessReport["review"] {
  const slotById = new Map(review.slots.map((s) => [s.id, s]));
  const signOffs: ReportSignOff[] = review.approvals.map((a) => {
    const role = slotById.get(a.slotId)?.role ?? "unknown";
    return {
      role,
      roleLabel: roleLabel(role),
      signer: a.signer?.name ?? null,
      decision: a.decision,
      comment: a.comment,
      signedAt: iso(a.createdAt),
      scorecardVersion: a.scorecardVersion,
      contentHash: a.contentHash,
      state: a.invalidatedAt ? "invalidated" : a.scorecardVersion === version ? "current" : "outdated",
      invalidatedAt: a.invalidatedAt ? iso(a.invalidatedAt) : null,
      invalidReason: a.invalidReason,
      conditions: a.conditions.map((c) => ({
        what: c.what,
        owner: c.owner,
        dueDate: iso(c.dueDate),
        metAt: c.metAt ? iso(c.metAt) : null,
        state: conditionState(c, now),
      })),
    };
  });
  const approvedRoles = new Set(
    signOffs.filter((s) => s.state === "current" && s.decision !== "changes_requested" && s.conditions.every((c) => c.state !== "lapsed")).map((s) => s.role),
  );
  const required = review.slots.filter((s) => s.required);
  return {
    slots: review.slots.map((s) => ({ role: s.role, roleLabel: roleLabel(s.role), required: s.required, signers: s.signers.map((x) => x.user.name) })),
    signOffs,
    approvedOnCurrentVersion: required.length > 0 && required.every((s) => approvedRoles.has(s.role)),
  };
}

/** The readiness report of one scorecard, as of `input.now`. */
export function buildReadinessReport(input: ReportInput): ReadinessReport {
  const { page } = input;
  const keyOfItem = new Map(page.sections.flatMap((s) => s.items.map((i) => [i.id, i.key] as const)));
  const usedBy = new Map<string, string[]>();
  for (const item of page.sections.flatMap((s) => s.items)) {
    for (const e of item.evidence) {
      if (!e.drill) continue;
      const keys = usedBy.get(e.drill.id) ?? [];
      if (!keys.includes(item.key)) keys.push(item.key);
      usedBy.set(e.drill.id, keys);
    }
  }
  let number = 0;
  const sections = page.sections.map((s) => ({
    key: s.key,
    title: s.title,
    status: s.summary.status,
    passed: s.summary.passed,
    applicable: s.summary.applicable,
    total: s.summary.total,
    items: s.items.map((i) => ({
      number: ++number,
      key: i.key,
      title: i.title,
      blocking: i.blocking,
      weight: i.weight,
      role: i.role,
      status: i.status,
      effectiveStatus: i.outcome.effectiveStatus,
      exempted: i.outcome.exempted,
      staleOnly: i.outcome.staleOnly,
      justification: i.justification,
      notes: i.notes,
      ownerRole: i.ownerRole,
      updatedAt: i.updatedAt,
      updatedBy: i.updatedBy,
      evidence: i.evidence.map((e) => ({
        kind: e.kind,
        title: e.title,
        url: e.url,
        body: e.body,
        capturedAt: e.capturedAt,
        capturedBy: e.capturedBy,
        realisticTraffic: e.realisticTraffic,
        stale: e.stale,
        file: e.file,
        drill: e.drill ? { id: e.drill.id, title: e.drill.title } : null,
      })),
      exemptions: i.exemptions.map((x) => ({
        status: x.status,
        justification: x.justification,
        requestedBy: x.requestedBy?.name ?? null,
        approver: x.approver?.name ?? null,
        expiresAt: x.expiresAt,
        decidedAt: x.decidedAt,
        decisionComment: x.decisionComment,
        active: x.active,
        expired: x.expired,
      })),
    })),
  }));

  return {
    format: REPORT_FORMAT,
    generatedAt: iso(input.now),
    generatedBy: input.generatedBy,
    scorecard: {
      id: page.id,
      title: page.title,
      subject: page.subject === "candidate" ? "candidate" : "current",
      candidatePlatform: page.candidatePlatform,
      state: page.state,
      version: page.version,
      contentHash: contentDocumentHash(input.content),
      owner: page.owner?.name ?? null,
      dueDate: page.dueDate,
      createdAt: page.createdAt,
      updatedAt: page.updatedAt,
      template: { key: page.template.key, name: page.template.name, version: page.template.version },
    },
    cluster: { ...input.cluster, freshnessDays: page.cluster.freshnessDays },
    outcome: {
      outcome: page.outcome.outcome,
      label: OUTCOME_LABELS[page.outcome.outcome],
      nextOutcome: page.outcome.nextOutcome,
      score: page.outcome.score,
      highRisks: page.outcome.highRisks,
      mediumRisks: page.outcome.mediumRisks,
      staleEvidenceCount: page.outcome.staleEvidenceCount,
      itemsAssessed: page.assessed,
      itemsTotal: page.total,
      reasons: page.outcome.reasons.map((r) => ({ severity: r.severity, text: r.text, itemKey: r.itemId ? (keyOfItem.get(r.itemId) ?? null) : null })),
      qualifyingDrill: page.qualifyingDrill ? { id: page.qualifyingDrill.id, title: page.qualifyingDrill.title ?? "" } : null,
    },
    sections,
    drills: input.drills.map(({ row, chart }) => buildDrill(row, chart, input, usedBy)),
    content: input.content,
    review: buildReview(input.review, page.version, input.now),
  };
}
