"use client";

import { archiveScorecardAction } from "@/lib/actions/scorecards";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

const TEXT = {
  archive: {
    verb: "Archive",
    description:
      "It leaves the lists and no longer counts towards the cluster's readiness: if it was this assessment's current scorecard, the previous scorecard of the same template takes over. Its answers, evidence, reviews and reports stay, and you can restore it. The audit log keeps a record.",
    pending: "Archiving…",
  },
  restore: {
    verb: "Restore",
    description:
      "It shows in the lists again and can become its assessment's current scorecard again, by the usual rule: the newest one sent to review counts. The audit log keeps a record.",
    pending: "Restoring…",
  },
} as const;

/** Archives a scorecard (or restores an archived one) after a confirmation that says what follows for the cluster. */
export function ArchiveScorecardButton({ id, title, archived }: { id: string; title: string; archived: boolean }) {
  const text = TEXT[archived ? "restore" : "archive"];
  return (
    <ConfirmDialog
      action={archiveScorecardAction}
      fields={{ id, archive: archived ? "0" : "1" }}
      trigger={text.verb}
      triggerStyle="secondary"
      triggerLabel={`${text.verb} scorecard ${title}`}
      title={`${text.verb} “${title}”?`}
      description={text.description}
      confirm={`${text.verb} scorecard`}
      pendingLabel={text.pending}
    />
  );
}
