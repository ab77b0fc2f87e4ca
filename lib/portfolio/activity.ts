/**
 * Turns audit events into the sentences of the portfolio's activity feed
 * ("Alice updated cluster orders-prod"). Pure: the query gathers actor and cluster names.
 */

export interface ActivityEvent {
  seq: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  clusterId: string | null;
  /** The actor's display name when the actor is a user; null for the system. */
  actorName: string | null;
  /** actorLabel as stored: the user's email, or the system component's name. */
  actorLabel: string;
  clusterName: string | null;
  before: unknown;
  after: unknown;
}

export interface ActivityItem {
  id: string;
  at: string;
  text: string;
  href: string | null;
  /** Regressions are highlighted in the feed. */
  tone: "regression" | "recovery" | "normal";
}

const VERBS: Record<string, string> = {
  create: "created",
  update: "updated",
  delete: "deleted",
  regress: "flagged a regression on",
  recover: "cleared the regression flag on",
  approve: "approved",
  sign: "recorded",
  invalidate: "invalidated",
  lapse: "recorded a lapsed condition on",
  condition_met: "marked met",
  request_review: "requested",
  update_review: "changed the reviewers of",
  review_state: "moved the review state of",
  request_changes: "requested changes on",
  submit: "submitted",
  import: "imported",
  import_metrics: "imported metrics into",
  fill_measurement: "filled a measurement of",
  answer_matrix: "answered the decision matrix of",
  comment: "commented on",
  request: "requested",
  review_requested: "requested a review of",
  revoke: "revoked",
  new_version: "saved a new version of",
  grant: "granted",
  deny: "denied",
};

const ENTITY_LABELS: Record<string, string> = {
  cluster: "cluster",
  campaign: "campaign",
  scorecard: "scorecard",
  scorecard_item: "scorecard item",
  evidence: "evidence",
  exemption: "exemption",
  drill: "drill",
  approval: "sign-off",
  approval_condition: "approval condition",
  review: "design review of",
  template: "template",
  milestone: "milestone",
  user: "user",
  api_token: "API token",
  comment: "comment",
};

function nameFrom(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  for (const key of ["name", "title"]) {
    if (typeof v[key] === "string" && v[key]) return v[key] as string;
  }
  return null;
}

function humanize(token: string): string {
  return token.replace(/[_:.-]+/g, " ").trim();
}

/** One sentence per audit event; entity names come from the event's after/before values. */
export function describeActivity(event: ActivityEvent): ActivityItem {
  const actor = event.actorName ?? (event.actorLabel.includes("@") ? event.actorLabel : capitalize(event.actorLabel));
  const verb = VERBS[event.action] ?? humanize(event.action);
  const entity = ENTITY_LABELS[event.entityType] ?? humanize(event.entityType);
  const isCluster = event.entityType === "cluster";
  const name = isCluster ? (event.clusterName ?? nameFrom(event.after) ?? nameFrom(event.before)) : (nameFrom(event.after) ?? nameFrom(event.before));
  let text = `${actor} ${verb} ${entity}${name ? ` ${name}` : ""}`;
  if (!isCluster && event.clusterName) text += ` on cluster ${event.clusterName}`;
  if (event.action === "regress") {
    const reason = (event.after as { reason?: unknown } | null)?.reason;
    if (typeof reason === "string" && reason) text += `: ${reason}`;
  }
  const exists = event.action !== "delete";
  const href =
    event.entityType === "campaign" && exists
      ? `/campaigns/${event.entityId}`
      : event.clusterId && event.clusterName && !(isCluster && !exists)
        ? `/clusters/${event.clusterId}`
        : null;
  const tone = event.action === "regress" ? "regression" : event.action === "recover" ? "recovery" : "normal";
  return { id: event.seq, at: event.at.toISOString(), text, href, tone };
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** "3 min ago", "2 h ago", "5 d ago", or the date for anything older than a month. */
export function timeAgo(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 30 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return at.toISOString().slice(0, 10);
}
