"use client";

import { removeSampleDataAction } from "@/lib/actions/sample-data";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Removes the demo portfolio after a confirmation dialog that says what goes. */
export function RemoveSampleDataButton({ clusters }: { clusters: number }) {
  return (
    <ConfirmDialog
      action={removeSampleDataAction}
      trigger="Remove sample data"
      title="Remove the sample data?"
      description={`The ${clusters} sample clusters go, with their scorecards, drills, evidence and reviews, and so do the sample campaign and the sample people. Your own clusters are not touched. This cannot be undone (the audit log keeps a record).`}
      confirm="Remove sample data"
      pendingLabel="Removing…"
    />
  );
}
