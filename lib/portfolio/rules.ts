/**
 * Pure rules of the portfolio page: literal search patterns, readable filter summaries and
 * page counts. The readiness signals' rules live in lib/readiness/signal-rules.ts.
 * No Next, React or Prisma imports.
 */
import { ARCHITECTURE_SHORT_LABELS, ENVIRONMENT_LABELS, OUTCOME_LABELS } from "@/lib/domain/constants";
import type { PortfolioFilter } from "./schema";

/** Escapes LIKE wildcards so a search for "a_b" or "50%" matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A readable summary of a filter, e.g. for a campaign chosen by filter. */
export function describeFilter(filter: PortfolioFilter, templateName = filter.template): string {
  const parts: string[] = [];
  if (filter.q) parts.push(`matching “${filter.q}”`);
  if (filter.env) parts.push(`in ${ENVIRONMENT_LABELS[filter.env]}`);
  if (filter.arch) parts.push(`on ${ARCHITECTURE_SHORT_LABELS[filter.arch]} storage`);
  if (filter.outcome) parts.push(filter.outcome === "none" ? "without a scorecard" : `at “${OUTCOME_LABELS[filter.outcome]}”`);
  if (filter.team) parts.push(`owned by ${filter.team}`);
  if (filter.template) parts.push(`assessed against “${templateName}”`);
  if (filter.regressed) parts.push("flagged as regressed");
  return parts.length ? `Clusters ${parts.join(", ")}` : "Every cluster";
}

/** Number of pages for `total` rows (at least 1, so "page 1 of 1" reads right when empty). */
export function pageCountOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
