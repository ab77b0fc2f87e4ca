"use client";

import { useActionState, useState } from "react";
import { decideProposalAction } from "@/lib/actions/prometheus-pull";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Textarea } from "@/components/ui/textarea";
import { MATRIX_ANSWER_LABELS, type MatrixAnswer } from "@/lib/domain/constants";

// the two proposed questions always apply to a broker-failure drill: no "does not apply" here
const CHOICES = ["green", "red", "not_assessed"] as const satisfies readonly MatrixAnswer[];

/** Confirm the proposed answer, or pick another one with your reason. */
export function ProposalDecision({
  drillId,
  question,
  proposed,
  decided,
}: {
  drillId: string;
  question: string;
  proposed: MatrixAnswer;
  decided: MatrixAnswer | null;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(decideProposalAction, idleState);
  const [answer, setAnswer] = useState<string>(decided ?? proposed);
  const changing = answer !== proposed && answer !== decided;
  // what the form shows is already the drill's answer: nothing to confirm or save
  const stored = decided !== null && answer === decided;
  return (
    <form onSubmit={submitKeepingFields(action)} className="mt-3 space-y-2">
      <input type="hidden" name="drillId" value={drillId} />
      <input type="hidden" name="question" value={question} />
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">Answer</legend>
        {CHOICES.map((a) => (
          <label key={a} className="flex items-center gap-1.5">
            <input type="radio" name="answer" value={a} checked={answer === a} onChange={() => setAnswer(a)} />
            {MATRIX_ANSWER_LABELS[a]}
            {a === proposed ? " (proposed)" : ""}
          </label>
        ))}
      </fieldset>
      {changing ? (
        <div>
          <label htmlFor={`why-${question}`} className="text-xs font-medium text-slate-700">
            Why you answer differently
          </label>
          <Textarea id={`why-${question}`} name="rationale" rows={2} />
        </div>
      ) : null}
      {stored ? null : (
        <Button type="submit" variant={changing ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Saving…" : changing ? "Save my answer" : "Confirm proposal"}
        </Button>
      )}
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {state.status === "ok" ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
