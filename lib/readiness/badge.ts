/**
 * The readiness badge: an SVG for wiki and README pages. Drawn by badge-maker (the library
 * shields.io renders its badges with), which measures the text and escapes it.
 */
import { makeBadge } from "badge-maker";
import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";

const COLORS: Record<Outcome, string> = { production_test: "#15803d", limited_workload: "#d97706", not_ready: "#b91c1c" };

/** The badge of an outcome (null: no scorecard yet), labelled with the template when one was asked for. */
export function readinessBadge(outcome: Outcome | null, score: number | null, template: string | null): string {
  const label = template ? `readiness · ${template}` : "readiness";
  if (outcome === null) return makeBadge({ label, message: "no scorecard", color: "#64748b" });
  const message = score === null ? OUTCOME_LABELS[outcome] : `${OUTCOME_LABELS[outcome]} · ${Math.round(score)} %`;
  return makeBadge({ label, message, color: COLORS[outcome] });
}

/** A badge that says why there is no readiness to show (unknown cluster, token refused). */
export function problemBadge(message: string): string {
  return makeBadge({ label: "readiness", message, color: "#64748b" });
}
