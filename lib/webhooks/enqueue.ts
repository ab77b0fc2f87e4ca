/**
 * Queues webhook notifications inside the caller's transaction: the row commits (or rolls
 * back) with the change that caused it, and the worker (./mutations.ts) delivers it later,
 * so a slow or broken receiver never delays or fails the user's action. Nothing is queued
 * when DRILLBOOK_WEBHOOK_URL is not configured.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import {
  clusterRegressedMessage,
  reviewNeedsActionMessage,
  type ClusterRegressedInput,
  type ReviewNeedsActionInput,
  type SlackMessage,
  type WebhookEvent,
} from "./messages";

type Tx = Prisma.TransactionClient;

/** Whether a webhook URL is configured. */
export function webhooksEnabled(): boolean {
  return Boolean(env().DRILLBOOK_WEBHOOK_URL);
}

/** Writes a pending delivery; returns false (and writes nothing) when webhooks are off. */
export async function enqueueWebhook(tx: Tx, event: WebhookEvent, message: SlackMessage): Promise<boolean> {
  if (!webhooksEnabled()) return false;
  await tx.webhookDelivery.create({ data: { event, payload: message as unknown as Prisma.InputJsonValue } });
  return true;
}

/** Called by refreshClusterSignals when a cluster regresses. */
export function enqueueClusterRegressed(tx: Tx, input: Omit<ClusterRegressedInput, "appUrl">): Promise<boolean> {
  return enqueueWebhook(tx, "cluster.regressed", clusterRegressedMessage({ ...input, appUrl: env().BETTER_AUTH_URL }));
}

/**
 * For the review workflow: call in the same transaction as the change that needs a reviewer
 * or an author to act (review requested, changes requested, sign-off invalidated, …).
 */
export function enqueueReviewNeedsAction(tx: Tx, input: Omit<ReviewNeedsActionInput, "appUrl">): Promise<boolean> {
  return enqueueWebhook(tx, "review.needs_action", reviewNeedsActionMessage({ ...input, appUrl: env().BETTER_AUTH_URL }));
}
