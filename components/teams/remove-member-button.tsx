"use client";

import { removeTeamMemberAction } from "@/lib/actions/teams";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Removes a person from a team after a confirmation naming both. */
export function RemoveMemberButton({ teamId, teamName, userId, name }: { teamId: string; teamName: string; userId: string; name: string }) {
  return (
    <ConfirmDialog
      action={removeTeamMemberAction}
      fields={{ teamId, userId }}
      trigger="Remove"
      triggerLabel={`Remove ${name} from ${teamName}`}
      triggerStyle="inline"
      title={`Remove ${name} from “${teamName}”?`}
      description="Their account and role stay; they can be added again later."
      confirm="Remove"
      pendingLabel="Removing…"
    />
  );
}
