"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { revokeTokenAction } from "@/app/(dashboard)/admin/tokens/actions";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

/** Revokes after a confirmation dialog naming the token. */
export function RevokeTokenButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction, idleState);
  useEffect(() => {
    if (state.status === "ok") dialog.current?.close();
  }, [state]);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Revoke ${name}`}
        className="rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        Revoke
      </button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg p-6 text-left shadow-xl backdrop:bg-slate-900/40" aria-labelledby={titleId}>
        <h2 id={titleId} className="text-lg font-semibold">
          Revoke “{name}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          Requests with <code>{prefix}…</code> are refused from now on. Whatever uses it needs a new token. This cannot be undone.
        </p>
        {state.status === "error" ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {state.message}
          </p>
        ) : null}
        <form action={action} className="mt-6 flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Revoking…" : "Revoke token"}
          </Button>
        </form>
      </dialog>
    </>
  );
}
