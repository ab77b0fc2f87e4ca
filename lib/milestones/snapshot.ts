/**
 * Milestones: the immutable snapshot of a scorecard (items, evidence list, outcome, score)
 * and the side-by-side comparison of two snapshots. Pure: no Next, React or Prisma.
 */
import type { EvidenceKind, ItemStatus, Outcome } from "@/lib/domain/constants";
import type { SectionStatus } from "@/lib/readiness/rules";
import type { ScorecardPage } from "@/lib/scorecards/page-view";

export interface SnapshotEvidence {
  kind: EvidenceKind;
  title: string;
  url: string | null;
  filename: string | null;
  sha256: string | null;
  drillTitle: string | null;
  capturedAt: string;
  realisticTraffic: boolean;
  stale: boolean;
}

export interface SnapshotItem {
  key: string;
  title: string;
  sectionKey: string;
  blocking: boolean;
  weight: number;
  status: ItemStatus;
  effectiveStatus: ItemStatus;
  exempted: boolean;
  justification: string;
  notes: string;
  ownerRole: string | null;
  evidence: SnapshotEvidence[];
}

export interface MilestoneSnapshot {
  format: 1;
  scorecard: { title: string; version: number; cluster: string; templateKey: string; templateName: string; templateVersion: number };
  outcome: Outcome;
  score: number;
  highRisks: number;
  mediumRisks: number;
  staleEvidenceCount: number;
  nextOutcome: Outcome | null;
  reasons: string[];
  sections: { key: string; title: string; status: SectionStatus; passed: number; applicable: number; total: number }[];
  items: SnapshotItem[];
}

/** The snapshot of a scorecard as the page computed it. */
export function buildSnapshot(page: ScorecardPage): MilestoneSnapshot {
  return {
    format: 1,
    scorecard: {
      title: page.title,
      version: page.version,
      cluster: page.cluster.name,
      templateKey: page.template.key,
      templateName: page.template.name,
      templateVersion: page.template.version,
    },
    outcome: page.outcome.outcome,
    score: page.outcome.score,
    highRisks: page.outcome.highRisks,
    mediumRisks: page.outcome.mediumRisks,
    staleEvidenceCount: page.outcome.staleEvidenceCount,
    nextOutcome: page.outcome.nextOutcome,
    reasons: page.outcome.reasons.map((r) => r.text),
    sections: page.outcome.sections.map(({ key, title, status, passed, applicable, total }) => ({ key, title, status, passed, applicable, total })),
    items: page.sections.flatMap((section) =>
      section.items.map((item) => ({
        key: item.key,
        title: item.title,
        sectionKey: section.key,
        blocking: item.blocking,
        weight: item.weight,
        status: item.status,
        effectiveStatus: item.outcome.effectiveStatus,
        exempted: item.outcome.exempted,
        justification: item.justification,
        notes: item.notes,
        ownerRole: item.ownerRole,
        evidence: item.evidence.map((e) => ({
          kind: e.kind,
          title: e.title,
          url: e.url,
          filename: e.file?.filename ?? null,
          sha256: e.file?.sha256 ?? null,
          drillTitle: e.drill?.title ?? null,
          capturedAt: e.capturedAt,
          realisticTraffic: e.realisticTraffic,
          stale: e.stale,
        })),
      })),
    ),
  };
}

export interface ComparedItem {
  key: string;
  title: string;
  sectionTitle: string;
  a: SnapshotItem | null;
  b: SnapshotItem | null;
  /** Plain-words list of what differs ("status", "evidence", …); empty when identical. */
  changes: string[];
}

function evidenceKey(e: SnapshotEvidence) {
  return JSON.stringify([e.kind, e.title, e.url, e.sha256, e.drillTitle, e.capturedAt, e.realisticTraffic]);
}

function changesBetween(a: SnapshotItem | null, b: SnapshotItem | null): string[] {
  if (!a) return ["added"];
  if (!b) return ["removed"];
  const changes: string[] = [];
  if (a.status !== b.status) changes.push("status");
  else if (a.effectiveStatus !== b.effectiveStatus) changes.push("counted status");
  if (a.justification !== b.justification) changes.push("justification");
  if (a.notes !== b.notes) changes.push("notes");
  if (a.ownerRole !== b.ownerRole) changes.push("owner");
  if (a.evidence.map(evidenceKey).sort().join() !== b.evidence.map(evidenceKey).sort().join()) changes.push("evidence");
  return changes;
}

/** Lines up the items of two snapshots by key (order of the newer one, then removed items). */
export function compareSnapshots(a: MilestoneSnapshot, b: MilestoneSnapshot): ComparedItem[] {
  const titles = new Map([...a.sections, ...b.sections].map((s) => [s.key, s.title]));
  const inA = new Map(a.items.map((i) => [i.key, i]));
  const inB = new Map(b.items.map((i) => [i.key, i]));
  const keys = [...b.items.map((i) => i.key), ...a.items.map((i) => i.key).filter((k) => !inB.has(k))];
  return keys.map((key) => {
    const left = inA.get(key) ?? null;
    const right = inB.get(key) ?? null;
    const item = (right ?? left)!;
    return { key, title: item.title, sectionTitle: titles.get(item.sectionKey) ?? item.sectionKey, a: left, b: right, changes: changesBetween(left, right) };
  });
}
