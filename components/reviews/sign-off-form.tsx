"use client";

import { useState } from "react";
import { signOffAction } from "@/lib/actions/reviews";
import { DECISIONS, DECISION_LABELS, type Decision } from "@/lib/reviews/rules";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { TextArea } from "@/components/ui/textarea";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

const HINTS: Record<Decision, string> = {
  approved: "Counts as this role's sign-off for this version.",
  approved_with_conditions: "Counts until a condition's due day ends unmet; then it turns back to changes requested.",
  changes_requested: "Sends the scorecard back to its author.",
};

interface Props {
  slotId: string;
  roleLabel: string;
  version: number;
  shortHash: string;
  today: string;
  /** The signer owns the scorecard and self-approval is off: only "request changes" is possible. */
  ownerMayNotApprove: boolean;
  /** the role already has a decision on this version: the form starts closed behind "Change the decision" */
  decided: boolean;
}

/** The assigned approver's decision for one role, bound to the version they are looking at. */
export function SignOffForm({ slotId, roleLabel, version, shortHash, today, ownerMayNotApprove, decided }: Props) {
  // once a decision is recorded the form closes: the slot above shows the decision, once
  const [open, setOpen] = useState(!decided);
  const [recorded, setRecorded] = useState(false);
  const initial: Decision = ownerMayNotApprove ? "changes_requested" : "approved";
  const [decision, setDecision] = useState<Decision>(initial);
  const [conditionKeys, setConditionKeys] = useState([0]);
  // a new round after each recorded decision remounts the fields, so they start empty again
  const [round, setRound] = useState(0);
  const [state, action, pending] = useSafeAction(async (prev, formData) => {
    const result = await signOffAction(prev, formData);
    if (result.status === "ok") {
      setDecision(initial);
      setConditionKeys([0]);
      setRound((r) => r + 1);
      setRecorded(true);
      setOpen(false);
    }
    return result;
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const id = (name: string) => `${name}-${slotId}`;

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        {recorded ? (
          <p role="status" className="text-sm font-medium text-emerald-700">
            Your decision was recorded.
          </p>
        ) : null}
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          Change the decision
        </Button>
      </div>
    );
  }

  return (
    <form
      onSubmit={submitKeepingFields(action)}
      noValidate
      aria-label={`Sign off as ${roleLabel}`}
      className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-inset ring-slate-200"
    >
      <input type="hidden" name="slotId" value={slotId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm font-semibold text-slate-900">
        Your sign-off as {roleLabel}{" "}
        <span className="font-normal text-slate-600">
          on version {version} <span className="font-mono text-xs">#{shortHash}</span>
        </span>
      </p>
      {state.status === "error" ? <Alert title={state.message}>{errors.conditions?.join(". ")}</Alert> : null}
      {ownerMayNotApprove ? <p className="text-xs text-amber-800">You own this scorecard, so you may not approve it; you can still request changes.</p> : null}
      <div key={round} className="space-y-3">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Decision</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {DECISIONS.map((d) => {
              const disabled = ownerMayNotApprove && d !== "changes_requested";
              return (
                <label
                  key={d}
                  className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ${decision === d ? "bg-white font-medium text-slate-900 ring-brand-500" : "text-slate-700 ring-slate-300"} ${disabled ? "cursor-not-allowed opacity-50" : ""}`}
                >
                  <input
                    type="radio"
                    name="decision"
                    value={d}
                    checked={decision === d}
                    disabled={disabled}
                    onChange={() => setDecision(d)}
                    className="size-4"
                  />
                  {d === "approved" ? "Approve" : d === "approved_with_conditions" ? "Approve with conditions" : "Request changes"}
                </label>
              );
            })}
          </div>
          <p className="mt-1 text-xs text-slate-500">{HINTS[decision]}</p>
        </fieldset>
        {decision === "approved_with_conditions" ? (
          <div className="space-y-2">
            {conditionKeys.map((key, i) => (
              <div
                key={key}
                className="grid gap-2 rounded-md bg-white p-3 ring-1 ring-inset ring-slate-200 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_10rem_auto] sm:items-start"
              >
                <TextInput
                  name={`conditions.${i}.what`}
                  id={id(`what-${key}`)}
                  label={`Condition ${i + 1}`}
                  placeholder="What has to happen"
                  error={errors[`conditions.${i}.what`]}
                />
                <TextInput
                  name={`conditions.${i}.owner`}
                  id={id(`owner-${key}`)}
                  label="Owner"
                  placeholder="Person or team"
                  error={errors[`conditions.${i}.owner`]}
                />
                <TextInput
                  name={`conditions.${i}.dueDate`}
                  id={id(`due-${key}`)}
                  type="date"
                  label="Due"
                  min={today}
                  error={errors[`conditions.${i}.dueDate`]}
                />
                {conditionKeys.length > 1 ? (
                  <Button
                    type="button"
                    variant="ghost"
                    className="mt-6 px-2"
                    onClick={() => setConditionKeys((ks) => ks.filter((k) => k !== key))}
                    aria-label={`Remove condition ${i + 1}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            ))}
            <Button type="button" variant="ghost" className="-ml-3" onClick={() => setConditionKeys((ks) => [...ks, Math.max(...ks) + 1])}>
              Add a condition
            </Button>
          </div>
        ) : null}
        <TextArea
          name="comment"
          id={id("comment")}
          label={decision === "changes_requested" ? "What needs to change" : "Comment (optional)"}
          rows={3}
          error={errors.comment}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : `Sign as ${roleLabel}`}
      </Button>
      <p className="text-xs text-slate-500">
        {DECISION_LABELS[decision]} will be bound to version {version} and its content hash; any later change to the content makes it void.
      </p>
    </form>
  );
}
