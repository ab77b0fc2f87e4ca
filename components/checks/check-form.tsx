"use client";

import { useActionState, useState } from "react";
import { createCheckAction } from "@/lib/actions/checks";
import { idleState, type ActionState, type FieldErrors } from "@/lib/action-state";
import { CHECK_OPERATORS, CHECK_SCHEDULES, SCHEDULE_LABELS, type CheckOperator } from "@/lib/checks/rules";
import type { ClusterChecks } from "@/lib/checks/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, RequiredNote } from "@/components/ui/field";
import { TextInput } from "@/components/ui/input";
import { Select, SelectInput } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

type Options = { queries: ClusterChecks["queries"]; targets: ClusterChecks["targets"] };

/** The action's answer, and how many checks this form has added (each new round starts with fresh fields). */
type Submitted = { state: ActionState; round: number };

const OPERATOR_WORDS: Record<CheckOperator, string> = {
  "==": "equal to",
  "!=": "not equal to",
  "<": "less than",
  "<=": "at most",
  ">": "greater than",
  ">=": "at least",
};
const OPERATOR_OPTIONS = CHECK_OPERATORS.map((op) => ({ value: op, label: `${op} (${OPERATOR_WORDS[op]})` }));
const SCHEDULE_OPTIONS = CHECK_SCHEDULES.map((s) => ({ value: s, label: SCHEDULE_LABELS[s] }));

async function submit(prev: Submitted, formData: FormData): Promise<Submitted> {
  try {
    const state = await createCheckAction(prev.state, formData);
    return { state, round: state.status === "ok" ? prev.round + 1 : prev.round };
  } catch (error) {
    // redirect() and notFound() travel as errors with a digest; let Next handle them
    if (typeof (error as { digest?: unknown })?.digest === "string") throw error;
    const state: ActionState = {
      status: "error",
      message: "Could not reach the server; nothing was saved. Check your connection and try again.",
      fieldErrors: {},
    };
    return { state, round: prev.round };
  }
}

/**
 * Adds a continuous check. A refused save never resets the fields (what was typed stays, each
 * error beside its field); after a save they start afresh for the next check.
 */
export function CheckForm({ clusterId, queries, targets }: Options & { clusterId: string }) {
  const [{ state, round }, dispatch, pending] = useActionState(submit, { state: idleState, round: 0 });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const formErrors = [...(errors._form ?? []), ...(errors.clusterId ?? [])];
  return (
    <form onSubmit={submitKeepingFields(dispatch)} noValidate className="space-y-4" aria-label="Add a check">
      {state.status === "error" ? (
        <Alert>
          {state.message}
          {formErrors.length ? ` ${formErrors.join(". ")}` : ""}
        </Alert>
      ) : null}
      {state.status === "ok" && state.message ? <Alert tone="green">{state.message}</Alert> : null}
      <RequiredNote />
      <input type="hidden" name="clusterId" value={clusterId} />
      <CheckFields key={round} errors={errors} queries={queries} targets={targets} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add check"}
      </Button>
    </form>
  );
}

/** The fields, uncontrolled but for the query choice (which shows the PromQL box for a custom check). */
function CheckFields({ errors, queries, targets }: Options & { errors: FieldErrors }) {
  const [source, setSource] = useState<string>(queries[0]?.key ?? "custom");
  const groups = new Map<string, ClusterChecks["targets"]>();
  for (const t of targets) groups.set(t.template, [...(groups.get(t.template) ?? []), t]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextInput name="name" id="check-name" label="Name" required maxLength={120} placeholder="No under-replicated partitions" error={errors.name} />
      <SelectInput
        name="source"
        id="check-source"
        label="Query"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={errors.source}
        options={[...queries.map((q) => ({ value: q.key, label: q.label })), { value: "custom", label: "Custom PromQL" }]}
      />
      {source === "custom" ? (
        <Field
          name="promql"
          id="check-promql"
          label="PromQL"
          required
          className="sm:col-span-2"
          error={errors.promql}
          hint={
            <>
              Write <code>{"{…}"}</code> where the cluster&apos;s label matchers go (the metrics source fills them in), e.g. <code>{"sum(up{…})"}</code>.
            </>
          }
        >
          {(a11y) => <Textarea name="promql" rows={3} required maxLength={4000} spellCheck={false} mono {...a11y} />}
        </Field>
      ) : null}
      <SelectInput name="operator" id="check-operator" label="Condition" defaultValue="==" error={errors.operator} options={OPERATOR_OPTIONS} />
      <TextInput
        name="threshold"
        id="check-threshold"
        label="Threshold"
        type="number"
        step="any"
        inputMode="decimal"
        required
        defaultValue="0"
        hint="Every sample of the window must meet the condition against this value."
        error={errors.threshold}
      />
      <TextInput
        name="lookbackHours"
        id="check-lookback"
        label="Lookback (hours)"
        type="number"
        min={1}
        max={24 * 31}
        step={1}
        inputMode="numeric"
        required
        defaultValue="24"
        error={errors.lookbackHours}
      />
      <SelectInput name="schedule" id="check-schedule" label="Schedule" defaultValue="daily" error={errors.schedule} options={SCHEDULE_OPTIONS} />
      <Field
        name="target"
        id="check-target"
        label="Evidence for"
        required
        className="sm:col-span-2"
        error={errors.target}
        hint={targets.length ? "The scorecard item whose evidence a passing run renews." : "No template item takes metric evidence yet."}
      >
        {(a11y) => (
          <Select name="target" required defaultValue={targets[0]?.value} {...a11y}>
            {[...groups].map(([template, items]) => (
              <optgroup key={template} label={template}>
                {items.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
