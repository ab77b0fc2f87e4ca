"use client";

import { archiveTemplateAction, deleteTemplateAction } from "@/lib/actions/templates";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Props {
  id: string;
  name: string;
  archived: boolean;
  /** null when nothing refers to the template and it may be deleted */
  deleteRefusal: string | null;
}

/** Archive / restore, and delete when nothing refers to the template, each behind a confirmation. */
export function RetireTemplateButtons({ id, name, archived, deleteRefusal }: Props) {
  return (
    <>
      <ConfirmDialog
        action={archiveTemplateAction}
        fields={{ id, archive: archived ? "0" : "1" }}
        trigger={archived ? "Restore" : "Archive"}
        triggerStyle="secondary"
        triggerLabel={`${archived ? "Restore" : "Archive"} template ${name}`}
        title={archived ? `Restore “${name}”?` : `Archive “${name}”?`}
        description={
          archived
            ? "Every version is offered again for new scorecards and campaigns. The audit log keeps a record."
            : "Every version leaves the template list and can no longer start a scorecard or a campaign. Scorecards already started from it keep working, and reports keep naming it. You can restore it. The audit log keeps a record."
        }
        confirm={archived ? "Restore template" : "Archive template"}
        pendingLabel={archived ? "Restoring…" : "Archiving…"}
      />
      {deleteRefusal === null ? (
        <ConfirmDialog
          action={deleteTemplateAction}
          fields={{ id }}
          trigger="Delete"
          triggerLabel={`Delete template ${name}`}
          title={`Delete “${name}”?`}
          description="Nothing refers to this template: every version, with its sections and items, is deleted for good. The audit log keeps a record."
          confirm="Delete template"
          pendingLabel="Deleting…"
        />
      ) : null}
    </>
  );
}
