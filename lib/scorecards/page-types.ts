/** The plain, serializable shapes of the scorecard page (dates as ISO strings), and the rows they come from. */
import type { EvidenceKind, ItemStatus, ScorecardState } from "@/lib/domain/constants";
import type { ItemOutcome, OutcomeResult, SectionSummary } from "@/lib/readiness/rules";

export interface Named {
  id: string;
  name: string;
}

/** What scorecardPageSelect returns (spelled out so this module needs no Prisma import). */
export interface ScorecardRow {
  id: string;
  title: string;
  subject: string;
  candidatePlatform: string | null;
  state: ScorecardState;
  version: number;
  dueDate: Date | null;
  archivedAt: Date | null;
  isCurrent: boolean;
  createdAt: Date;
  updatedAt: Date;
  clusterId: string;
  cluster: { id: string; name: string; freshnessDays: number };
  owner: Named | null;
  template: { id: string; key: string; name: string; version: number; sections: { key: string; title: string; description: string }[] };
  items: {
    id: string;
    version: number;
    status: ItemStatus;
    justification: string | null;
    notes: string;
    ownerRole: string | null;
    updatedAt: Date;
    updatedBy: Named | null;
    templateItem: {
      key: string;
      title: string;
      evidenceToCollect: string;
      whyItMatters: string;
      blocking: boolean;
      weight: number;
      evidenceKinds: EvidenceKind[];
      role: string | null;
      section: { key: string; title: string };
    };
    evidence: {
      id: string;
      kind: EvidenceKind;
      title: string;
      url: string | null;
      body: string | null;
      capturedAt: Date;
      realisticTraffic: boolean;
      drillId: string | null;
      createdAt: Date;
      capturedBy: Named | null;
      file: { filename: string; mimeType: string; size: number; sha256: string } | null;
      drill: { id: string; title: string; scenario: string; startedAt: Date } | null;
    }[];
    comments: { id: string; body: string; createdAt: Date; author: Named | null }[];
    exemptions: {
      id: string;
      status: "requested" | "granted" | "denied";
      justification: string;
      expiresAt: Date;
      decidedAt: Date | null;
      decisionComment: string | null;
      createdAt: Date;
      requestedBy: Named | null;
      approver: Named | null;
    }[];
  }[];
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  body: string | null;
  capturedAt: string;
  capturedBy: string | null;
  realisticTraffic: boolean;
  stale: boolean;
  file: { filename: string; mimeType: string; size: number; sha256: string } | null;
  drill: { id: string; title: string; scenario: string; startedAt: string } | null;
}

export interface ExemptionView {
  id: string;
  status: "requested" | "granted" | "denied";
  justification: string;
  expiresAt: string;
  /** Granted and past its expiry: the item is back in play. */
  expired: boolean;
  /** Granted and not expired: the item counts as not applicable. */
  active: boolean;
  decidedAt: string | null;
  decisionComment: string | null;
  createdAt: string;
  requestedBy: Named | null;
  approver: Named | null;
}

export interface ItemView {
  id: string;
  version: number;
  status: ItemStatus;
  justification: string;
  notes: string;
  ownerRole: string | null;
  updatedAt: string;
  updatedBy: string | null;
  key: string;
  title: string;
  evidenceToCollect: string;
  whyItMatters: string;
  blocking: boolean;
  weight: number;
  evidenceKinds: EvidenceKind[];
  role: string | null;
  sectionKey: string;
  evidence: EvidenceView[];
  comments: { id: string; body: string; createdAt: string; author: string | null }[];
  exemptions: ExemptionView[];
  outcome: ItemOutcome;
}

export interface SectionView {
  key: string;
  title: string;
  description: string;
  items: ItemView[];
  summary: SectionSummary;
}

export interface StaleEvidenceView {
  evidenceId: string;
  itemId: string;
  itemTitle: string;
  sectionKey: string;
  title: string;
  capturedAt: string;
}

export interface ScorecardPage {
  id: string;
  title: string;
  subject: string;
  candidatePlatform: string | null;
  state: ScorecardState;
  version: number;
  dueDate: string | null;
  /** when it was archived (then it is never its template's current scorecard) */
  archivedAt: string | null;
  /** the cluster's current scorecard of its template: the one that counts for readiness */
  isCurrent: boolean;
  createdAt: string;
  updatedAt: string;
  cluster: { id: string; name: string; freshnessDays: number };
  owner: Named | null;
  template: { id: string; key: string; name: string; version: number };
  sections: SectionView[];
  outcome: OutcomeResult;
  staleEvidence: StaleEvidenceView[];
  /** Items whose status is no longer "not started". */
  assessed: number;
  total: number;
  /** The drill that satisfies the production-test rule, if any. */
  qualifyingDrill: { id: string; title: string | null; startedAt: string } | null;
  computedAt: string;
}
