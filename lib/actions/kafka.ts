"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { acceptKafkaFacts, attachKafkaSnapshot, saveKafkaConnection, takeKafkaSnapshot, testKafkaConnection } from "@/lib/kafka/mutations";
import { acceptFactsInputSchema, attachSnapshotInputSchema, clusterIdInput, kafkaConnectionInputSchema } from "@/lib/kafka/schema";
import { idField } from "@/lib/validation/fields";

const connectionForm = kafkaConnectionInputSchema.and(clusterIdInput);

const save = validatedAction("cluster:write", connectionForm, async (input, user) => {
  const { clusterId, ...rest } = input;
  await saveKafkaConnection(user, clusterId, rest);
  revalidatePath(`/clusters/${clusterId}`);
  return { clusterId };
});
/** Saves the cluster's Kafka connection (the password field may stay empty to keep the stored one). */
export async function saveKafkaConnectionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return save(prev, formData);
}

const test = validatedAction("cluster:write", clusterIdInput, async ({ clusterId }, user) => {
  const r = await testKafkaConnection(user, clusterId);
  revalidatePath(`/clusters/${clusterId}`);
  return r;
});
/** "Test connection": the answer (or the precise failure) is the action's data. */
export async function testKafkaConnectionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return test(prev, formData);
}

const snapshot = validatedAction("cluster:write", clusterIdInput, async ({ clusterId }, user) => {
  const { id } = await takeKafkaSnapshot(user, clusterId);
  revalidatePath(`/clusters/${clusterId}`);
  return { id, url: `/clusters/${clusterId}/kafka/snapshots/${id}` };
});
/** Takes a snapshot; on success the form links to the new snapshot's page. */
export async function takeKafkaSnapshotAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return snapshot(prev, formData);
}

const attach = validatedAction("scorecard:write", attachSnapshotInputSchema.and(z.object({ clusterId: idField("cluster") })), async (input, user) => {
  const r = await attachKafkaSnapshot(user, input);
  revalidatePath(`/clusters/${input.clusterId}/kafka/snapshots/${input.snapshotId}`);
  return r;
});
/** Attaches the snapshot as evidence to the chosen scorecard item. */
export async function attachKafkaSnapshotAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return attach(prev, formData);
}

const facts = validatedAction("cluster:write", acceptFactsInputSchema.and(z.object({ clusterId: idField("cluster") })), async (input, user) => {
  const r = await acceptKafkaFacts(user, input);
  revalidatePath(`/clusters/${input.clusterId}`);
  revalidatePath(`/clusters/${input.clusterId}/kafka/snapshots/${input.snapshotId}`);
  return r;
});
/** Applies the proposed cluster facts the person ticked. */
export async function acceptKafkaFactsAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return facts(prev, formData);
}
