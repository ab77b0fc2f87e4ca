/**
 * The readiness gate a deploy or cutover pipeline calls: does a cluster (by id or name) meet
 * a required outcome, for one assessment (template key) or for its readiness as a whole (the
 * weakest current outcome)? The outcome is computed now by the same rules as the scorecard
 * page, the report and the portfolio (evaluateScorecard → computeOutcome), so evidence that
 * turned stale since the last write already counts.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from "@/lib/domain/constants";
import { clusterReadiness, parseTemplateOutcomes, type TemplateOutcome } from "./current-rules";
import { evaluateScorecard } from "./evaluate";

export interface GateQuery {
  /** template key; absent: the cluster's readiness (its weakest current outcome) */
  template?: string;
  require: Outcome;
}

export interface GateAnswer {
  pass: boolean;
  required: Outcome;
  outcome: Outcome | null;
  score: number | null;
  reasons: { severity: "blocker" | "gap" | "missing"; text: string }[];
  cluster: { id: string; name: string };
  template: { key: string; name: string } | null;
  scorecard: { id: string; title: string; state: string } | null;
  version: number | null;
  contentHash: string | null;
  evaluatedAt: Date;
}

const rank = (o: Outcome) => OUTCOMES.indexOf(o);

/** Whether `outcome` meets `required` (production test meets limited workload, and so on). */
export function meetsRequirement(outcome: Outcome | null, required: Outcome): boolean {
  return outcome !== null && rank(outcome) >= rank(required);
}

export async function readinessGate(user: CurrentUser, clusterRef: string, query: GateQuery, now = new Date()): Promise<GateAnswer> {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
  const db = await getDb();
  const cluster = await db.cluster.findFirst({
    where: { OR: [{ id: clusterRef }, { name: clusterRef }] },
    select: { id: true, name: true, templateOutcomes: true },
  });
  if (!cluster) throw new NotFoundError(`No cluster has the id or name “${clusterRef}”.`);
  const current = parseTemplateOutcomes(cluster.templateOutcomes) ?? [];
  let chosen: TemplateOutcome | null;
  let template: GateAnswer["template"] = null;
  if (query.template) {
    const known = await db.template.findFirst({ where: { key: query.template }, orderBy: { version: "desc" }, select: { key: true, name: true } });
    if (!known) throw new NotFoundError(`No template has the key “${query.template}”.`);
    template = known;
    chosen = current.find((t) => t.templateKey === query.template) ?? null;
  } else {
    chosen = clusterReadiness(current);
    if (chosen) template = { key: chosen.templateKey, name: chosen.templateName };
  }
  const base = { required: query.require, cluster: { id: cluster.id, name: cluster.name }, template, evaluatedAt: now };
  if (!chosen) {
    const what = template ? `no scorecard of “${template.name}”` : "no scorecard";
    return {
      ...base,
      pass: false,
      outcome: null,
      score: null,
      reasons: [{ severity: "missing", text: `Cluster “${cluster.name}” has ${what} yet; start one and assess it.` }],
      scorecard: null,
      version: null,
      contentHash: null,
    };
  }
  const [result, scorecard] = await Promise.all([
    evaluateScorecard(db, chosen.scorecardId, now),
    db.scorecard.findUniqueOrThrow({ where: { id: chosen.scorecardId }, select: { id: true, title: true, state: true, version: true, contentHash: true } }),
  ]);
  const pass = meetsRequirement(result.outcome, query.require);
  const shortOf = pass
    ? []
    : [{ severity: "gap" as const, text: `“${OUTCOME_LABELS[result.outcome]}” does not meet the required “${OUTCOME_LABELS[query.require]}”.` }];
  return {
    ...base,
    pass,
    outcome: result.outcome,
    score: result.score,
    reasons: [...shortOf, ...(pass ? [] : result.reasons.map((r) => ({ severity: r.severity, text: r.text })))],
    scorecard: { id: scorecard.id, title: scorecard.title, state: scorecard.state },
    version: scorecard.version,
    contentHash: scorecard.contentHash,
  };
}
