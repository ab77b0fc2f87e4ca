"use client";

import Link from "next/link";
import { useActionState } from "react";
import { takeKafkaSnapshotAction } from "@/lib/actions/kafka";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** One click: reads the cluster and stores a snapshot; links to it, or says why it failed. */
export function TakeSnapshotButton({ clusterId }: { clusterId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(takeKafkaSnapshotAction, idleState);
  const done = state.status === "ok" ? (state.data as { url: string }) : null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="clusterId" value={clusterId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Reading the cluster…" : "Take snapshot"}
      </Button>
      {done ? (
        <Alert tone="green" title="Snapshot taken">
          <Link className="underline" href={done.url}>
            Open the snapshot
          </Link>
        </Alert>
      ) : null}
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
    </form>
  );
}
