"use client";

import { useActionState, useRef } from "react";
import { deleteCampaignAction } from "@/app/(dashboard)/campaigns/actions";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

/** Deletes a campaign after a confirmation dialog; its clusters are not touched. */
export function DeleteCampaignButton({ id, name }: { id: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteCampaignAction, idleState);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Delete
      </Button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40" aria-labelledby="delete-campaign-title">
        <h2 id="delete-campaign-title" className="text-lg font-semibold">Delete {name}?</h2>
        <p className="mt-2 text-sm text-slate-600">The campaign and its progress history go away. Its clusters, scorecards and drills stay as they are.</p>
        {state.status === "error" ? <p role="alert" className="mt-2 text-sm text-red-600">{state.message}</p> : null}
        <form action={action} className="mt-6 flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete campaign"}
          </Button>
        </form>
      </dialog>
    </>
  );
}
