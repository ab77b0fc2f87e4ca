/** The shapes the readiness rules read, mapped from rows by ./evaluate.ts (toRuleItem). */
import type { EvidenceKind, ItemStatus, MatrixAnswer } from "@/lib/domain/constants";

export interface RuleEvidence {
  kind: EvidenceKind;
  capturedAt: Date;
  realisticTraffic: boolean;
  drillId?: string | null;
}

export interface RuleExemption {
  status: "requested" | "granted" | "denied";
  expiresAt: Date;
}

export interface RuleItem {
  id: string;
  key: string;
  title: string;
  sectionKey: string;
  sectionTitle: string;
  blocking: boolean;
  /** Relative weight in the score; negative or non-finite values count as 0. */
  weight: number;
  /** "failure_drill" | "rollback" | null */
  role?: string | null;
  status: ItemStatus;
  justification?: string | null;
  evidence: RuleEvidence[];
  exemptions: RuleExemption[];
}

export interface RuleDrill {
  id: string;
  /** Used to name the drill in reasons; falls back to its start day. */
  title?: string | null;
  startedAt: Date;
  realisticTraffic: boolean;
  /** The answers of its decision matrix (five questions). */
  answers: MatrixAnswer[];
}
