/**
 * The scorecard page's data: which columns to read, and how rows become the plain,
 * serializable view the page and its client components render (dates as ISO strings).
 * The outcome is computed here from the same rows, so the page needs no second read.
 */
import { toRuleItem } from "@/lib/readiness/evaluate";
import { computeOutcome, isStale, type RuleDrill } from "@/lib/readiness/rules";
import { activeExemption, findQualifyingDrill } from "@/lib/readiness/staleness";
import type { ItemView, ScorecardPage, ScorecardRow, SectionView, StaleEvidenceView } from "./page-types";

export type { EvidenceView, ExemptionView, ItemView, ScorecardPage, ScorecardRow, SectionView, StaleEvidenceView } from "./page-types";

const userName = { select: { id: true, name: true } } as const;

export const scorecardPageSelect = {
  id: true,
  title: true,
  subject: true,
  candidatePlatform: true,
  state: true,
  version: true,
  dueDate: true,
  archivedAt: true,
  isCurrent: true,
  createdAt: true,
  updatedAt: true,
  clusterId: true,
  cluster: { select: { id: true, name: true, freshnessDays: true } },
  owner: userName,
  template: {
    select: {
      id: true,
      key: true,
      name: true,
      version: true,
      sections: { orderBy: { position: "asc" }, select: { key: true, title: true, description: true } },
    },
  },
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      version: true,
      status: true,
      justification: true,
      notes: true,
      ownerRole: true,
      updatedAt: true,
      updatedBy: userName,
      templateItem: {
        select: {
          key: true,
          title: true,
          evidenceToCollect: true,
          whyItMatters: true,
          blocking: true,
          weight: true,
          evidenceKinds: true,
          role: true,
          section: { select: { key: true, title: true } },
        },
      },
      evidence: {
        orderBy: { capturedAt: "desc" },
        select: {
          id: true,
          kind: true,
          title: true,
          url: true,
          body: true,
          capturedAt: true,
          realisticTraffic: true,
          drillId: true,
          createdAt: true,
          capturedBy: userName,
          // never the bytes: they are downloaded through their own route
          file: { select: { filename: true, mimeType: true, size: true, sha256: true } },
          drill: { select: { id: true, title: true, scenario: true, startedAt: true } },
        },
      },
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: userName } },
      exemptions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          status: true,
          justification: true,
          expiresAt: true,
          decidedAt: true,
          decisionComment: true,
          createdAt: true,
          requestedBy: userName,
          approver: userName,
        },
      },
    },
  },
} as const;

const iso = (d: Date) => d.toISOString();

/** Maps the selected rows and the cluster's drills to the page view, computing the outcome at `now`. */
export function buildScorecardView(row: ScorecardRow, drills: RuleDrill[], now: Date): ScorecardPage {
  const freshnessDays = row.cluster.freshnessDays;
  const outcome = computeOutcome({
    freshnessDays,
    now,
    drills,
    items: row.items.map(toRuleItem),
  });
  const itemOutcome = new Map(outcome.items.map((o) => [o.id, o]));
  const sectionSummary = new Map(outcome.sections.map((s) => [s.key, s]));
  const staleEvidence: StaleEvidenceView[] = [];

  const items: ItemView[] = row.items.map((i) => {
    const active = activeExemption(i.exemptions, now);
    const evidence = i.evidence.map((e) => {
      const stale = isStale(e.capturedAt, freshnessDays, now);
      if (stale && !itemOutcome.get(i.id)?.exempted) {
        staleEvidence.push({
          evidenceId: e.id,
          itemId: i.id,
          itemTitle: i.templateItem.title,
          sectionKey: i.templateItem.section.key,
          title: e.title,
          capturedAt: iso(e.capturedAt),
        });
      }
      return {
        id: e.id,
        kind: e.kind,
        title: e.title,
        url: e.url,
        body: e.body,
        capturedAt: iso(e.capturedAt),
        capturedBy: e.capturedBy?.name ?? null,
        realisticTraffic: e.realisticTraffic,
        stale,
        file: e.file,
        drill: e.drill ? { ...e.drill, startedAt: iso(e.drill.startedAt) } : null,
      };
    });
    return {
      id: i.id,
      version: i.version,
      status: i.status,
      justification: i.justification ?? "",
      notes: i.notes,
      ownerRole: i.ownerRole,
      updatedAt: iso(i.updatedAt),
      updatedBy: i.updatedBy?.name ?? null,
      key: i.templateItem.key,
      title: i.templateItem.title,
      evidenceToCollect: i.templateItem.evidenceToCollect,
      whyItMatters: i.templateItem.whyItMatters,
      blocking: i.templateItem.blocking,
      weight: i.templateItem.weight,
      evidenceKinds: i.templateItem.evidenceKinds,
      role: i.templateItem.role,
      sectionKey: i.templateItem.section.key,
      evidence,
      comments: i.comments.map((c) => ({ id: c.id, body: c.body, createdAt: iso(c.createdAt), author: c.author?.name ?? null })),
      exemptions: i.exemptions.map((x) => ({
        id: x.id,
        status: x.status,
        justification: x.justification,
        expiresAt: iso(x.expiresAt),
        expired: x.status === "granted" && x.expiresAt.getTime() <= now.getTime(),
        active: x === active,
        decidedAt: x.decidedAt ? iso(x.decidedAt) : null,
        decisionComment: x.decisionComment,
        createdAt: iso(x.createdAt),
        requestedBy: x.requestedBy,
        approver: x.approver,
      })),
      outcome: itemOutcome.get(i.id)!,
    };
  });

  const sections: SectionView[] = row.template.sections
    .map((s) => ({
      ...s,
      items: items.filter((i) => i.sectionKey === s.key),
      summary: sectionSummary.get(s.key) ?? { key: s.key, title: s.title, status: "not_started" as const, passed: 0, applicable: 0, total: 0 },
    }))
    .filter((s) => s.items.length > 0);

  const drill = findQualifyingDrill(drills, freshnessDays, now).drill;
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    candidatePlatform: row.candidatePlatform,
    state: row.state,
    version: row.version,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    archivedAt: row.archivedAt ? iso(row.archivedAt) : null,
    isCurrent: row.isCurrent,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    cluster: row.cluster,
    owner: row.owner,
    template: { id: row.template.id, key: row.template.key, name: row.template.name, version: row.template.version },
    sections,
    outcome,
    staleEvidence,
    assessed: row.items.filter((i) => i.status !== "not_started").length,
    total: row.items.length,
    qualifyingDrill: drill ? { id: drill.id, title: drill.title ?? null, startedAt: iso(drill.startedAt) } : null,
    computedAt: iso(now),
  };
}
