"use client";

import { useRef } from "react";
import { removeEvidenceAction } from "@/app/(dashboard)/scorecards/[id]/actions";
import { Button } from "@/components/ui/button";
import { useSafeAction } from "./use-safe-action";

/** Removes a piece of evidence after a confirmation naming it. */
export function RemoveEvidenceButton({ evidenceId, title }: { evidenceId: string; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useSafeAction(async (prev, formData) => {
    const result = await removeEvidenceAction(prev, formData);
    if (result.status === "ok") dialog.current?.close();
    return result;
  });
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="rounded px-1.5 py-0.5 text-xs font-medium text-slate-500 hover:bg-red-50 hover:text-red-700" aria-label={`Remove evidence ${title}`}>
        Remove
      </button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40" aria-labelledby={`remove-${evidenceId}`}>
        <h2 id={`remove-${evidenceId}`} className="text-lg font-semibold">
          Remove “{title}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">The evidence (and its file, if any) is deleted and the outcome is recomputed. Milestones already taken keep their copy of the list.</p>
        {state.status === "error" ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {state.message}
          </p>
        ) : null}
        <form action={action} className="mt-6 flex justify-end gap-2">
          <input type="hidden" name="evidenceId" value={evidenceId} />
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Removing…" : "Remove evidence"}
          </Button>
        </form>
      </dialog>
    </>
  );
}
