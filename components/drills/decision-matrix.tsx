"use client";

import { useState } from "react";
import { saveDecisionAnswersAction } from "@/lib/actions/drill";
import { MATRIX_ANSWER_LABELS, MATRIX_QUESTIONS, type MatrixAnswer, type MatrixQuestion } from "@/lib/domain/constants";
import { MATRIX_DECISION_LABELS, MATRIX_QUESTION_TEXT, type MatrixDecision, type Suggestion } from "@/lib/drills/rules";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConflictComparison } from "@/components/ui/conflict-comparison";
import { DateTime } from "@/components/ui/date-time";
import { Textarea } from "@/components/ui/textarea";
import { useTheirValues, type TheirValues } from "@/components/ui/use-their-values";
import { DecisionBadge } from "./badges";
import { useDrillForm } from "./use-drill-form";

export type StoredAnswer = { answer: MatrixAnswer; rationale: string; evidence: string; answeredBy: string | null; answeredAt: string | null };

interface Props {
  drillId: string;
  version: string;
  answers: Partial<Record<MatrixQuestion, StoredAnswer>>;
  suggestions: Partial<Record<MatrixQuestion, Suggestion>>;
  matrix: { decision: MatrixDecision; reasons: string[] };
  canWrite: boolean;
}

const CHOICES: { value: MatrixAnswer; label: string; on: string }[] = [
  { value: "green", label: "Green", on: "bg-emerald-700 text-white ring-emerald-700" },
  { value: "red", label: "Red", on: "bg-red-600 text-white ring-red-600" },
  { value: "does_not_apply", label: "Does not apply", on: "bg-slate-700 text-white ring-slate-700" },
  { value: "not_assessed", label: "Not assessed", on: "bg-slate-600 text-white ring-slate-600" },
];
const ANSWER_TONE = { green: "green", red: "red", does_not_apply: "slate", not_assessed: "slate" } as const;
const ANSWER_LABEL = MATRIX_ANSWER_LABELS;

/** The labels of each question's inputs besides its answer. */
const INPUT_LABELS = { rationale: "Rationale", evidence: "Evidence (link or reference)" } as const;
const legend = (q: MatrixQuestion) => `${MATRIX_QUESTIONS.indexOf(q) + 1}. ${MATRIX_QUESTION_TEXT[q].question}`;
/** Each posted field's row in a conflict comparison: the question as numbered above its answer, then the input's label. */
const MATRIX_FIELD_LABELS: Record<string, string> = Object.fromEntries(
  MATRIX_QUESTIONS.flatMap((q) => [
    [`answer_${q}`, legend(q)],
    [`rationale_${q}`, `${legend(q)} · ${INPUT_LABELS.rationale}`],
    [`evidence_${q}`, `${legend(q)} · ${INPUT_LABELS.evidence}`],
  ]),
);
const formatMatrixValue = (field: string, value: string) => (field.startsWith("answer_") ? (ANSWER_LABEL[value as MatrixAnswer] ?? value) : value);

/** The decision the matrix yields, with its reasons. */
function DecisionPanel({ matrix }: { matrix: Props["matrix"] }) {
  const border = {
    operating_model_holds: "border-emerald-500 bg-emerald-50",
    recovery_unit_too_large: "border-red-500 bg-red-50",
    incomplete: "border-slate-300 bg-slate-50",
  }[matrix.decision];
  return (
    <section aria-label="Decision" className={`rounded-md border-l-4 px-4 py-3 ${border}`} data-testid="matrix-decision">
      <div className="flex flex-wrap items-center gap-2">
        <DecisionBadge decision={matrix.decision} />
        <p className="text-sm font-semibold text-slate-900">{MATRIX_DECISION_LABELS[matrix.decision]}</p>
      </div>
      <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
        {matrix.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Five post-drill questions answered green / red / not assessed; suggestions are offered, a
 * person confirms. A refused save (someone else saved first) shows their answers beside the
 * ones given here, which stay in the form unless the person takes theirs.
 */
export function DecisionMatrix(props: Props) {
  const form = useDrillForm(saveDecisionAnswersAction);
  const theirs = useTheirValues(form.state);
  // taken answers go over the typed ones; the remount (new key) makes them the fields' defaults
  const value = (key: string, fallback = "") => theirs.values?.[key] ?? form.value(key, fallback);
  return <MatrixFields key={form.formKey + theirs.keySuffix} {...props} {...form} value={value} errors={theirs.errors} theirs={theirs} />;
}

function MatrixFields({
  drillId,
  version,
  answers,
  suggestions,
  matrix,
  canWrite,
  state,
  formAction,
  pending,
  errors,
  value,
  theirs,
}: Props & ReturnType<typeof useDrillForm> & { theirs: TheirValues }) {
  const initial = (q: MatrixQuestion, field: "answer" | "rationale" | "evidence") =>
    value(`${field}_${q}`, answers[q]?.[field] ?? (field === "answer" ? "not_assessed" : ""));
  const [chosen, setChosen] = useState(() => Object.fromEntries(MATRIX_QUESTIONS.map((q) => [q, initial(q, "answer")])) as Record<MatrixQuestion, string>);
  const [rationale, setRationale] = useState(
    () => Object.fromEntries(MATRIX_QUESTIONS.map((q) => [q, initial(q, "rationale")])) as Record<MatrixQuestion, string>,
  );

  function applySuggestion(q: MatrixQuestion, s: Suggestion) {
    setChosen((c) => ({ ...c, [q]: s.answer }));
    setRationale((r) => ({ ...r, [q]: r[q] || s.why }));
  }

  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Decision matrix">
      <DecisionPanel matrix={matrix} />
      {/* a conflict's message heads its comparison; any other refusal shows it here */}
      {state.status === "error" && !theirs.conflict ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {theirs.conflict ? (
        <ConflictComparison
          conflict={theirs.conflict}
          message={theirs.message}
          labels={MATRIX_FIELD_LABELS}
          formatValue={formatMatrixValue}
          onUseTheirs={theirs.take}
        />
      ) : null}
      {state.status === "ok" ? <Alert tone="green">{state.message}</Alert> : null}
      <input type="hidden" name="drillId" value={drillId} />
      <input type="hidden" name="version" value={value("version", version)} />
      <ol className="space-y-3">
        {MATRIX_QUESTIONS.map((q) => {
          const text = MATRIX_QUESTION_TEXT[q];
          const stored = answers[q];
          const suggestion = suggestions[q];
          const groupId = `matrix-${q}`;
          return (
            <li key={q} className="rounded-md p-4 ring-1 ring-slate-200" data-question={q}>
              <fieldset>
                <legend id={groupId} className="text-sm font-semibold text-slate-900">
                  {legend(q)}
                </legend>
                <p className="mt-1 text-xs text-slate-500">{text.help}</p>
                {canWrite ? (
                  <div className="mt-3 flex flex-wrap items-center gap-2" role="radiogroup" aria-labelledby={groupId}>
                    {CHOICES.map((c) => (
                      <label
                        key={c.value}
                        className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${chosen[q] === c.value ? c.on : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                      >
                        <input
                          type="radio"
                          name={`answer_${q}`}
                          value={c.value}
                          checked={chosen[q] === c.value}
                          onChange={() => setChosen((x) => ({ ...x, [q]: c.value }))}
                          className="sr-only"
                        />
                        {c.label}
                      </label>
                    ))}
                  </div>
                ) : (
                  <div className="mt-2">
                    <Badge tone={ANSWER_TONE[stored?.answer ?? "not_assessed"]}>{ANSWER_LABEL[stored?.answer ?? "not_assessed"]}</Badge>
                    {stored?.rationale ? <p className="mt-1 text-sm text-slate-700">{stored.rationale}</p> : null}
                  </div>
                )}
                {errors[`answer_${q}`] ? (
                  <p role="alert" className="mt-1 text-xs font-medium text-red-600">
                    {errors[`answer_${q}`].join(". ")}
                  </p>
                ) : null}
                {suggestion && canWrite ? (
                  <div className="mt-3 flex flex-wrap items-start gap-2 rounded bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid={`suggestion-${q}`}>
                    <span className="font-medium">Suggested: {ANSWER_LABEL[suggestion.answer]}.</span>
                    <span className="flex-1">{suggestion.why}</span>
                    {chosen[q] !== suggestion.answer ? (
                      <button
                        type="button"
                        onClick={() => applySuggestion(q, suggestion)}
                        className="rounded px-2 py-0.5 text-xs font-semibold text-brand-700 ring-1 ring-brand-200 hover:bg-white"
                      >
                        Apply suggestion
                      </button>
                    ) : null}
                  </div>
                ) : null}
                {canWrite ? (
                  <div className="mt-3 grid gap-3 sm:grid-cols-2">
                    <div>
                      <label htmlFor={`rationale_${q}`} className="block text-xs font-medium text-slate-700">
                        {INPUT_LABELS.rationale}
                      </label>
                      <Textarea
                        id={`rationale_${q}`}
                        name={`rationale_${q}`}
                        rows={3}
                        value={rationale[q]}
                        onChange={(e) => setRationale((r) => ({ ...r, [q]: e.target.value }))}
                        aria-invalid={Boolean(errors[`rationale_${q}`])}
                        aria-describedby={errors[`rationale_${q}`] ? `rationale_${q}-error` : undefined}
                        className="mt-1"
                      />
                      {errors[`rationale_${q}`] ? (
                        <p id={`rationale_${q}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
                          {errors[`rationale_${q}`].join(". ")}
                        </p>
                      ) : null}
                    </div>
                    <div>
                      <label htmlFor={`evidence_${q}`} className="block text-xs font-medium text-slate-700">
                        {INPUT_LABELS.evidence}
                      </label>
                      <Textarea id={`evidence_${q}`} name={`evidence_${q}`} rows={3} defaultValue={initial(q, "evidence")} className="mt-1" />
                    </div>
                  </div>
                ) : stored?.evidence ? (
                  <p className="mt-1 text-xs text-slate-500">Evidence: {stored.evidence}</p>
                ) : null}
                {stored?.answeredBy && stored.answeredAt ? (
                  <p className="mt-2 text-xs text-slate-500">
                    Last answered by {stored.answeredBy} on <DateTime value={stored.answeredAt} format="minutes" />
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {canWrite ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save answers"}
        </Button>
      ) : null}
    </form>
  );
}
