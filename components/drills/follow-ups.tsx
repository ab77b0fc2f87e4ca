"use client";

import { useActionState } from "react";
import { addFollowUpAction, deleteFollowUpAction, setFollowUpDoneAction } from "@/lib/actions/drill";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { TextInput } from "@/components/ui/input";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDrillForm } from "./use-drill-form";

export type FollowUpRow = { id: string; action: string; owner: string; dueDate: string | null; done: boolean; overdue: boolean };

function DoneToggle({ item, disabled }: { item: FollowUpRow; disabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setFollowUpDoneAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={item.id} />
      {!item.done ? <input type="hidden" name="done" value="on" /> : null}
      <button
        type="submit"
        disabled={disabled || pending}
        aria-pressed={item.done}
        aria-label={`${item.done ? "Reopen" : "Mark done"}: ${item.action}`}
        className={`flex size-5 items-center justify-center rounded border text-xs ${item.done ? "border-emerald-700 bg-emerald-700 text-white" : "border-slate-300 bg-white"} disabled:cursor-not-allowed`}
      >
        {item.done ? "✓" : ""}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** Follow-up actions with owners and due dates; editors add, tick off and remove them. */
export function FollowUps({ drillId, items, canWrite }: { drillId: string; items: FollowUpRow[]; canWrite: boolean }) {
  const { state, formAction, pending, errors, value, formKey } = useDrillForm(addFollowUpAction);
  return (
    <div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">No follow-up actions yet. Every breached target or red answer deserves one, with an owner and a date.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.id} className="flex items-center gap-3 py-2.5">
              <DoneToggle item={f} disabled={!canWrite} />
              <div className="min-w-0 flex-1">
                <p className={`text-sm ${f.done ? "text-slate-500 line-through" : "text-slate-900"}`}>{f.action}</p>
                <p className="text-xs text-slate-500">
                  Owner: {f.owner}
                  {f.dueDate ? ` · due ${f.dueDate}` : " · no due date"}
                </p>
              </div>
              {f.overdue ? <Badge tone="red">Overdue</Badge> : f.done ? <Badge tone="green">Done</Badge> : null}
              {canWrite ? (
                <ConfirmDialog
                  triggerStyle="inline"
                  action={deleteFollowUpAction}
                  fields={{ id: f.id, drillId }}
                  trigger="Remove"
                  triggerLabel={`Remove follow-up: ${f.action}`}
                  title="Remove this follow-up?"
                  description={`“${f.action}” (owner ${f.owner}) will be removed from the drill.`}
                  confirm="Remove follow-up"
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form
          key={formKey}
          action={formAction}
          noValidate
          className="mt-4 grid gap-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-6"
          aria-label="Add follow-up"
        >
          <input type="hidden" name="drillId" value={drillId} />
          <TextInput
            name="action"
            label="Action"
            defaultValue={value("action")}
            error={errors.action}
            className="sm:col-span-3"
            placeholder="Lower delivery.timeout.ms on checkout producers"
          />
          <TextInput name="owner" label="Owner" defaultValue={value("owner")} error={errors.owner} className="sm:col-span-1" />
          <TextInput name="dueDate" label="Due date" type="date" defaultValue={value("dueDate")} error={errors.dueDate} className="sm:col-span-1" />
          <div className="flex items-end">
            <Button type="submit" variant="secondary" disabled={pending} className="w-full">
              {pending ? "Adding…" : "Add"}
            </Button>
          </div>
          {state.status === "ok" ? (
            <p role="status" className="text-sm text-emerald-700 sm:col-span-6">
              {state.message}
            </p>
          ) : null}
          {state.status === "error" && !Object.keys(errors).length ? (
            <p role="alert" className="text-sm text-red-600 sm:col-span-6">
              {state.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
