"use client";

import { deleteClusterAction } from "@/lib/actions/clusters";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes after an explicit confirmation dialog naming the cluster. */
export function DeleteClusterButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      action={deleteClusterAction}
      fields={{ id }}
      trigger="Delete"
      title={`Delete ${name}?`}
      description="Its scorecards, drills and evidence are deleted with it. This cannot be undone."
      confirm="Delete cluster"
      pendingLabel="Deleting…"
    />
  );
}
