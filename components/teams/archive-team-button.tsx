"use client";

import { archiveTeamAction } from "@/lib/actions/teams";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Archives a team after a confirmation, or restores an archived one: one dialog, its words by state. */
export function ArchiveTeamButton({ id, name, archived, clusterCount }: { id: string; name: string; archived: boolean; clusterCount: number }) {
  const words = archived
    ? { verb: "Restore", pending: "Restoring…", description: "New clusters can name it as their owner team again." }
    : {
        verb: "Archive",
        pending: "Archiving…",
        description: `Its ${clusterCount} cluster(s) stay owned by it, and its members stay. New clusters cannot choose it until it is restored.`,
      };
  return (
    <ConfirmDialog
      action={archiveTeamAction}
      fields={{ teamId: id, archived: String(!archived) }}
      trigger={`${words.verb} team`}
      triggerStyle="secondary"
      title={`${words.verb} “${name}”?`}
      description={words.description}
      confirm={words.verb}
      pendingLabel={words.pending}
    />
  );
}
