"use client";

import { useEffect, useRef } from "react";
import { updateScorecardDetailsAction } from "@/lib/actions/scorecards";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { ScorecardDetailFields, type DetailValues } from "./detail-fields";

interface Props {
  id: string;
  initial: DetailValues;
  owners: { id: string; name: string }[];
  today: string;
  /** why the subject cannot change (set once the scorecard was sent to review) */
  subjectLocked?: string;
}

/**
 * "Edit details": the scorecard's title, subject, owner and due date in a modal <dialog>
 * (the browser's own focus trap and Escape). Not a content change, so sign-offs stay valid.
 */
export function EditDetailsDialog({ id, initial, owners, today, subjectLocked }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useSafeAction(updateScorecardDetailsAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  // a failed save re-mounts the fields with what the person typed
  const formKey = state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message : "initial";
  useEffect(() => {
    if (state.status === "ok") dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>
        Edit details
      </Button>
      <Dialog ref={dialog} title="Scorecard details" size="md">
        <p className="mt-1 text-sm text-slate-600">These are not part of the signed content: changing them keeps the version and every sign-off.</p>
        <form key={formKey} action={action} noValidate className="mt-4 space-y-4">
          <input type="hidden" name="id" value={id} />
          {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ") || errors.id?.join(". ")}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <ScorecardDetailFields values={values} errors={errors} owners={owners} today={today} subjectLocked={subjectLocked} />
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save details"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
