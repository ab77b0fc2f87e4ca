"use client";

import { archiveTeamAction } from "@/lib/actions/teams";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Archives a team after a confirmation, or restores an archived one. */
export function ArchiveTeamButton({ id, name, archived, clusterCount }: { id: string; name: string; archived: boolean; clusterCount: number }) {
  if (archived) {
    return (
      <ConfirmDialog
        action={archiveTeamAction}
        fields={{ teamId: id, archived: "false" }}
        trigger="Restore team"
        triggerStyle="secondary"
        title={`Restore “${name}”?`}
        description="New clusters can name it as their owner team again."
        confirm="Restore"
        pendingLabel="Restoring…"
      />
    );
  }
  return (
    <ConfirmDialog
      action={archiveTeamAction}
      fields={{ teamId: id, archived: "true" }}
      trigger="Archive team"
      triggerStyle="secondary"
      title={`Archive “${name}”?`}
      description={`Its ${clusterCount} cluster(s) stay owned by it, and its members stay. New clusters cannot choose it until it is restored.`}
      confirm="Archive"
      pendingLabel="Archiving…"
    />
  );
}
