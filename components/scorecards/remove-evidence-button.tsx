"use client";

import { removeEvidenceAction } from "@/lib/actions/evidence";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Removes a piece of evidence after a confirmation naming it. */
export function RemoveEvidenceButton({ evidenceId, title }: { evidenceId: string; title: string }) {
  return (
    <ConfirmDialog
      action={removeEvidenceAction}
      fields={{ evidenceId }}
      trigger="Remove"
      triggerLabel={`Remove evidence ${title}`}
      triggerStyle="inline"
      title={`Remove “${title}”?`}
      description="The evidence (and its file, if any) is deleted and the outcome is recomputed. Milestones already taken keep their copy of the list."
      confirm="Remove evidence"
      pendingLabel="Removing…"
    />
  );
}
