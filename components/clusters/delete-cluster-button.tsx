"use client";

import { useActionState, useRef } from "react";
import { deleteClusterAction } from "@/app/(dashboard)/clusters/actions";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

/** Deletes after an explicit confirmation dialog naming the cluster. */
export function DeleteClusterButton({ id, name }: { id: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteClusterAction, idleState);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Delete
      </Button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40" aria-labelledby="delete-title">
        <h2 id="delete-title" className="text-lg font-semibold">Delete {name}?</h2>
        <p className="mt-2 text-sm text-slate-600">Its scorecards, drills and evidence are deleted with it. This cannot be undone.</p>
        {state.status === "error" ? <p role="alert" className="mt-2 text-sm text-red-600">{state.message}</p> : null}
        <form action={action} className="mt-6 flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Deleting…" : "Delete cluster"}
          </Button>
        </form>
      </dialog>
    </>
  );
}
