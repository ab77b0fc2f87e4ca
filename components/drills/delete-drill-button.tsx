import { deleteDrillAction } from "@/lib/actions/drills";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes a drill after a confirmation naming it. */
export function DeleteDrillButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmDialog
      action={deleteDrillAction}
      fields={{ id }}
      trigger="Delete"
      title={`Delete “${title}”?`}
      description="Its timeline, imported metrics, decision matrix and follow-ups are deleted with it, and the cluster's readiness is recomputed. This cannot be undone."
      confirm="Delete drill"
    />
  );
}
