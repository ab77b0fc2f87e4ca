"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  action: Action;
  fields: Record<string, string>;
  /** Visible text of the trigger; `triggerLabel` names it for screen readers when it is short. */
  trigger: string;
  triggerLabel?: string;
  title: string;
  description: string;
  confirm: string;
  small?: boolean;
}

/** A destructive action behind an explicit confirmation dialog. */
export function ConfirmActionButton({ action, fields, trigger, triggerLabel, title, description, confirm, small }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  useEffect(() => {
    if (state.status === "ok") dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button
        type="button"
        variant={small ? "ghost" : "danger"}
        aria-label={triggerLabel}
        className={small ? "px-2! py-1! text-xs text-red-700 hover:bg-red-50" : ""}
        onClick={() => dialog.current?.showModal()}
      >
        {trigger}
      </Button>
      <dialog ref={dialog} className="m-auto max-w-md rounded-lg p-6 text-left shadow-xl backdrop:bg-slate-900/40" aria-labelledby={titleId}>
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-2 whitespace-normal text-sm text-slate-600">{description}</p>
        {state.status === "error" ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {state.message}
          </p>
        ) : null}
        <form action={formAction} className="mt-6 flex justify-end gap-2">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Working…" : confirm}
          </Button>
        </form>
      </dialog>
    </>
  );
}
