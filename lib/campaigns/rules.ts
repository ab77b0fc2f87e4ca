/** Campaign progress and due-date status. Pure. */
import { OUTCOMES, type Outcome } from "@/lib/domain/constants";
import { outcomeRank } from "@/lib/readiness/signal-rules";
import { parseTemplateOutcomes } from "@/lib/readiness/current-rules";

/**
 * The outcome a campaign counts for a cluster: its readiness (the weakest current outcome of
 * every assessment) when the campaign is for all assessments, else the outcome of the current
 * scorecard of the campaign's template (none when the cluster is not assessed against it).
 */
export function campaignOutcomeOf(cluster: { outcome: Outcome | null; templateOutcomes: unknown }, templateKey: string | null): Outcome | null {
  if (!templateKey) return cluster.outcome;
  return parseTemplateOutcomes(cluster.templateOutcomes)?.find((t) => t.templateKey === templateKey)?.outcome ?? null;
}

/** Whether a cluster's current outcome meets the campaign's target. */
export function meetsTarget(outcome: Outcome | null, target: Outcome): boolean {
  return outcomeRank(outcome) >= outcomeRank(target);
}

export interface CampaignProgress {
  total: number;
  atTarget: number;
  /** 0..100, whole number, rounded down so 99.6 % never reads as done. */
  percent: number;
  byOutcome: Record<Outcome | "none", number>;
}

/** Progress from the outcome counts of the campaign's clusters. */
export function campaignProgress(counts: { outcome: Outcome | null; count: number }[], target: Outcome): CampaignProgress {
  const byOutcome = Object.fromEntries([...OUTCOMES, "none"].map((o) => [o, 0])) as Record<Outcome | "none", number>;
  let total = 0;
  let atTarget = 0;
  for (const { outcome, count } of counts) {
    byOutcome[outcome ?? "none"] += count;
    total += count;
    if (meetsTarget(outcome, target)) atTarget += count;
  }
  const percent = total === 0 ? 0 : Math.floor((atTarget / total) * 100);
  return { total, atTarget, percent, byOutcome };
}

export type DueStatus = "done" | "overdue" | "due_soon" | "on_track";

/** done when every cluster meets the target; overdue after the due day; due soon within 14 days. */
export function dueStatus(dueDate: Date, progress: Pick<CampaignProgress, "total" | "atTarget">, now: Date): DueStatus {
  if (progress.total > 0 && progress.atTarget === progress.total) return "done";
  const today = now.toISOString().slice(0, 10);
  const due = dueDate.toISOString().slice(0, 10);
  if (today > due) return "overdue";
  const days = (dueDate.getTime() - now.getTime()) / 86_400_000;
  return days <= 14 ? "due_soon" : "on_track";
}

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  done: "Done",
  overdue: "Overdue",
  due_soon: "Due soon",
  on_track: "On track",
};
