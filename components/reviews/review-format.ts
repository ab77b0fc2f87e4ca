/** Colours and words of the review UI (slot states, decisions, scorecard review states). */
import type { ScorecardState } from "@/lib/domain/constants";
import type { Decision, SlotStatus } from "@/lib/reviews/rules";
import type { DecisionStanding } from "@/lib/reviews/views";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

export const SLOT_TONES: Record<SlotStatus, Tone> = {
  awaiting: "slate",
  approved: "green",
  approved_with_conditions: "green",
  changes_requested: "red",
  condition_lapsed: "red",
  reapproval_needed: "amber",
};

export const DECISION_TONES: Record<Decision, Tone> = {
  approved: "green",
  approved_with_conditions: "green",
  changes_requested: "red",
};

export const STANDING_LABELS: Record<DecisionStanding, string> = {
  current: "Counts",
  lapsed: "Condition lapsed",
  replaced: "Replaced",
  invalidated: "Invalidated",
  outdated: "Made on other content",
};

export const STATE_LABELS: Record<ScorecardState, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
};

export const STATE_TONES: Record<ScorecardState, Tone> = { draft: "slate", in_review: "blue", approved: "green", changes_requested: "amber" };
