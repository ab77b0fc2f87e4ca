/** Maps the scorecard page view and its review to the API's scorecard document. Pure. */
import type { ScorecardPage } from "@/lib/scorecards/page-view";
import type { ReviewView } from "@/lib/reviews/queries";

/** The body of GET /api/v1/scorecards/{id}. */
export function toScorecardDetail(page: ScorecardPage, review: ReviewView) {
  const items = page.sections.flatMap((s) => s.items);
  const keyOf = new Map(items.map((i) => [i.id, i.key]));
  return {
    id: page.id,
    title: page.title,
    subject: page.subject as "current" | "candidate",
    candidatePlatform: page.candidatePlatform,
    state: review.state,
    version: page.version,
    contentHash: review.contentHash,
    dueDate: page.dueDate,
    owner: page.owner,
    cluster: { id: page.cluster.id, name: page.cluster.name },
    template: { key: page.template.key, name: page.template.name, version: page.template.version },
    outcome: {
      outcome: page.outcome.outcome,
      score: page.outcome.score,
      highRisks: page.outcome.highRisks,
      mediumRisks: page.outcome.mediumRisks,
      staleEvidenceCount: page.outcome.staleEvidenceCount,
      nextOutcome: page.outcome.nextOutcome,
      reasons: page.outcome.reasons.map((r) => ({ severity: r.severity, text: r.text, itemKey: r.itemId ? (keyOf.get(r.itemId) ?? null) : null })),
      sections: page.outcome.sections,
    },
    items: items.map((i) => ({
      key: i.key,
      title: i.title,
      section: i.sectionKey,
      blocking: i.blocking,
      weight: i.weight,
      status: i.status,
      effectiveStatus: i.outcome.effectiveStatus,
      exempted: i.outcome.exempted,
      justification: i.justification,
      notes: i.notes,
      ownerRole: i.ownerRole,
      evidence: i.evidence.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        url: e.url,
        capturedAt: e.capturedAt,
        realisticTraffic: e.realisticTraffic,
        stale: e.stale,
        drillId: e.drill?.id ?? null,
        file: e.file,
      })),
    })),
    review: {
      requiredCount: review.requiredCount,
      approvedCount: review.approvedCount,
      slots: review.slots.map((s) => ({
        role: s.role,
        label: s.label,
        required: s.required,
        status: s.status,
        signers: s.signers,
        decision: s.current
          ? {
              decision: s.current.decision,
              signer: s.current.signer,
              comment: s.current.comment,
              scorecardVersion: s.current.scorecardVersion,
              contentHash: s.current.contentHash,
              createdAt: s.current.createdAt,
              conditions: s.current.conditions.map(({ what, owner, dueDay, metAt, lapsed }) => ({ what, owner, dueDay, metAt, lapsed })),
            }
          : null,
      })),
    },
    computedAt: page.computedAt,
  };
}
