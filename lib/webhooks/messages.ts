/**
 * Slack-compatible webhook messages ({ text, blocks }): `text` is the notification and
 * fallback, `blocks` the formatted body. Any receiver that accepts JSON can read them. Pure.
 */
import { OUTCOME_LABELS, REVIEW_ROLE_LABELS, type Outcome } from "@/lib/domain/constants";

export interface SlackMessage {
  text: string;
  blocks?: Record<string, unknown>[];
}

export type WebhookEvent = "cluster.regressed" | "review.needs_action";

/** Slack mrkdwn treats & < > as control characters; escape them in user-provided text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function link(appUrl: string | undefined, path: string, label: string): string {
  return appUrl ? `<${appUrl.replace(/\/$/, "")}${path}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

function section(text: string): Record<string, unknown> {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export interface ClusterRegressedInput {
  clusterId: string;
  clusterName: string;
  reason: string;
  outcome: Outcome | null;
  appUrl?: string;
}

/** "orders-prod regressed: Outcome dropped …" */
export function clusterRegressedMessage(input: ClusterRegressedInput): SlackMessage {
  const outcome = input.outcome ? OUTCOME_LABELS[input.outcome] : "No scorecard";
  return {
    text: `Drillbook: cluster ${input.clusterName} regressed: ${input.reason}`,
    blocks: [
      section(`:warning: *${link(input.appUrl, `/clusters/${input.clusterId}`, input.clusterName)}* regressed`),
      section(`${escapeMrkdwn(input.reason)}\nCurrent outcome: *${escapeMrkdwn(outcome)}*`),
    ],
  };
}

export type ReviewAction = "review_requested" | "changes_requested" | "signoff_invalidated" | "condition_lapsed";

const REVIEW_ACTION_TEXT: Record<ReviewAction, string> = {
  review_requested: "needs your sign-off",
  changes_requested: "has changes requested",
  signoff_invalidated: "lost a sign-off and needs it again",
  condition_lapsed: "has an approval condition past its due date",
};

export interface ReviewNeedsActionInput {
  action: ReviewAction;
  scorecardId: string;
  scorecardTitle: string;
  clusterName: string;
  /** Review roles whose action is needed (sre, security, …). */
  roles?: string[];
  /** Who triggered it, and any comment, shown as a quote. */
  actorName?: string;
  comment?: string;
  appUrl?: string;
}

/** "Scorecard X on cluster Y needs your sign-off (SRE, Security)" */
export function reviewNeedsActionMessage(input: ReviewNeedsActionInput): SlackMessage {
  const roles = (input.roles ?? []).map((r) => REVIEW_ROLE_LABELS[r] ?? r);
  const who = roles.length ? ` (${roles.join(", ")})` : "";
  const what = REVIEW_ACTION_TEXT[input.action];
  const lines = [
    `*${link(input.appUrl, `/scorecards/${input.scorecardId}`, input.scorecardTitle)}* on ${escapeMrkdwn(input.clusterName)} ${what}${escapeMrkdwn(who)}`,
  ];
  if (input.actorName) lines.push(`By ${escapeMrkdwn(input.actorName)}`);
  if (input.comment) lines.push(`> ${escapeMrkdwn(input.comment).replace(/\n/g, "\n> ")}`);
  return {
    text: `Drillbook: scorecard ${input.scorecardTitle} on ${input.clusterName} ${what}${who}`,
    blocks: [section(lines.join("\n"))],
  };
}
