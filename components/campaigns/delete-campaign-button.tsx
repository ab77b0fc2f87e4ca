"use client";

import { deleteCampaignAction } from "@/lib/actions/campaigns";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes a campaign after a confirmation dialog; its clusters are not touched. */
export function DeleteCampaignButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      action={deleteCampaignAction}
      fields={{ id }}
      trigger="Delete"
      title={`Delete ${name}?`}
      description="The campaign and its progress history go away. Its clusters, scorecards and drills stay as they are."
      confirm="Delete campaign"
      pendingLabel="Deleting…"
    />
  );
}
