import { deleteCheckAction } from "@/lib/actions/checks";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes a check after a confirmation naming it. */
export function DeleteCheckButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      action={deleteCheckAction}
      fields={{ id }}
      trigger="Delete"
      title={`Delete “${name}”?`}
      description="Its run history is deleted with it and it stops running. The evidence it kept on the scorecard item stays, dated, and turns stale in time; a failure it raised no longer flags the cluster. This cannot be undone."
      confirm="Delete check"
      pendingLabel="Deleting…"
    />
  );
}
