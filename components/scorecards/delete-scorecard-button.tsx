"use client";

import { deleteScorecardAction } from "@/lib/actions/scorecards";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes a draft scorecard after a confirmation that says what follows for the cluster. */
export function DeleteScorecardButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmDialog
      action={deleteScorecardAction}
      fields={{ id }}
      trigger="Delete"
      triggerLabel={`Delete scorecard ${title}`}
      title={`Delete “${title}”?`}
      description="The draft, its answers, evidence and comments are deleted. If it was this assessment's current scorecard, the cluster's readiness falls back to the previous scorecard of the same template. The audit log keeps a record."
      confirm="Delete scorecard"
      pendingLabel="Deleting…"
    />
  );
}
