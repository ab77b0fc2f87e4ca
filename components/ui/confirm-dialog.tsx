"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { useSafeAction } from "./use-safe-action";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  action: Action;
  /** hidden form fields sent with the confirmation (ids) */
  fields?: Record<string, string>;
  /** Visible text of the trigger; `triggerLabel` names it for screen readers when it is short. */
  trigger: string;
  triggerLabel?: string;
  /** "button": a red button; "inline": small red text for rows and lists; "secondary": a plain button for what can be undone (archive) */
  triggerStyle?: "button" | "inline" | "secondary";
  title: ReactNode;
  description: ReactNode;
  confirm: string;
  pendingLabel?: string;
}

/**
 * A destructive action behind an explicit confirmation: the trigger opens a modal <dialog>
 * (the browser's own focus trap, Escape and backdrop), which says what goes and submits the
 * server action. A refusal shows in the dialog; success closes it.
 */
export function ConfirmDialog({ action, fields = {}, trigger, triggerLabel, triggerStyle = "button", title, description, confirm, pendingLabel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useSafeAction(action);
  useEffect(() => {
    if (state.status === "ok") dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button
        type="button"
        variant={triggerStyle === "inline" ? "ghost" : triggerStyle === "secondary" ? "secondary" : "danger"}
        aria-label={triggerLabel}
        className={triggerStyle === "inline" ? "px-2! py-1! text-xs text-red-700 hover:bg-red-50" : ""}
        onClick={() => dialog.current?.showModal()}
      >
        {trigger}
      </Button>
      <Dialog ref={dialog} title={title}>
        <div className="mt-2 whitespace-normal text-sm text-slate-600">{description}</div>
        {state.status === "error" ? (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {state.message}
          </p>
        ) : null}
        <form action={formAction} className="mt-6 flex flex-wrap justify-end gap-2">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant={triggerStyle === "secondary" ? "primary" : "danger"} disabled={pending}>
            {pending ? (pendingLabel ?? "Working…") : confirm}
          </Button>
        </form>
      </Dialog>
    </>
  );
}
