"use client";

import { useState } from "react";
import { requestReviewAction } from "@/lib/actions/reviews";
import { REVIEW_ROLES, REVIEW_ROLE_LABELS } from "@/lib/domain/constants";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Checkbox } from "@/components/ui/checkbox";

interface Person {
  id: string;
  name: string;
}

export interface SlotConfig {
  role: string;
  required: boolean;
  signerIds: string[];
}

interface Row extends SlotConfig {
  key: number;
  /** one of the four default roles (a checkbox) or a custom one (a text box) */
  builtIn: boolean;
  included: boolean;
}

interface Props {
  scorecardId: string;
  signers: Person[];
  ownerId: string | null;
  selfApprovalAllowed: boolean;
  /** The current configuration when changing an open review; empty for a first request. */
  current: SlotConfig[];
  onDone?: () => void;
}

function initialRows(current: SlotConfig[]): Row[] {
  let key = 0;
  const byRole = new Map(current.map((s) => [s.role, s]));
  const rows: Row[] = REVIEW_ROLES.map((role) => {
    const found = byRole.get(role);
    return {
      key: key++,
      role,
      builtIn: true,
      included: current.length === 0 || Boolean(found),
      required: found?.required ?? true,
      signerIds: found?.signerIds ?? [],
    };
  });
  for (const s of current) if (!(REVIEW_ROLES as readonly string[]).includes(s.role)) rows.push({ key: key++, ...s, builtIn: false, included: true });
  return rows;
}

/**
 * Which roles must sign and who may sign for each. The four usual roles are ticked by default;
 * custom roles can be added. Field names are indexed (`slots.0.role`) so each error lands
 * beside its row.
 */
export function RequestReviewForm({ scorecardId, signers, ownerId, selfApprovalAllowed, current, onDone }: Props) {
  const [rows, setRows] = useState<Row[]>(() => initialRows(current));
  const [state, action, pending] = useSafeAction(async (prev, formData) => {
    const result = await requestReviewAction(prev, formData);
    if (result.status === "ok") onDone?.();
    return result;
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const changing = current.length > 0;
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const eligible = signers.filter((p) => selfApprovalAllowed || p.id !== ownerId);

  return (
    <form onSubmit={submitKeepingFields(action)} noValidate aria-label={changing ? "Change reviewers" : "Request a review"} className="space-y-4">
      <input type="hidden" name="scorecardId" value={scorecardId} />
      {state.status === "error" ? <Alert title={state.message}>{errors.slots?.join(". ")}</Alert> : null}
      {state.status === "ok" && changing ? <Alert tone="green">Reviewers saved.</Alert> : null}
      {eligible.length === 0 ? (
        <Alert tone="amber" title="Nobody can sign yet">
          Sign-offs come from approvers and admins{ownerId && !selfApprovalAllowed ? " other than the scorecard's owner" : ""}. Ask an admin to give someone the
          approver role.
        </Alert>
      ) : null}
      <div className="space-y-3">
        {rows.map((row, index) => {
          const roleError = errors[`slots.${index}.role`];
          const signerError = errors[`slots.${index}.signerIds`];
          const label = row.builtIn ? REVIEW_ROLE_LABELS[row.role] : row.role || "Custom role";
          const active = row.builtIn ? row.included : true;
          return (
            <fieldset key={row.key} className={`rounded-lg p-3 ring-1 ring-inset ${active ? "bg-white ring-slate-200" : "bg-slate-50 ring-slate-100"}`}>
              <legend className="sr-only">{label}</legend>
              <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
                {row.builtIn ? (
                  <label className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                    <Checkbox
                      name={`slots.${index}.role`}
                      value={row.role}
                      checked={row.included}
                      onChange={(e) => update(row.key, { included: e.target.checked })}
                    />
                    {label}
                  </label>
                ) : (
                  <div>
                    <label htmlFor={`role-${row.key}`} className="sr-only">
                      Custom role name
                    </label>
                    <Input
                      id={`role-${row.key}`}
                      name={`slots.${index}.role`}
                      value={row.role}
                      onChange={(e) => update(row.key, { role: e.target.value })}
                      placeholder="Role name, e.g. Data protection"
                      aria-invalid={Boolean(roleError)}
                      aria-describedby={roleError ? `role-${row.key}-error` : undefined}
                      inline
                      density="sm"
                      className="w-64"
                    />
                  </div>
                )}
                {active ? (
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <Checkbox name={`slots.${index}.required`} checked={row.required} onChange={(e) => update(row.key, { required: e.target.checked })} />
                    Required for approval
                  </label>
                ) : (
                  <span className="text-xs text-slate-500">Not part of this review</span>
                )}
                {!row.builtIn ? (
                  <Button
                    type="button"
                    variant="ghost"
                    className="ml-auto px-2 py-1 text-xs"
                    onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                    aria-label={`Remove ${label}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
              {roleError ? (
                <p id={`role-${row.key}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
                  {roleError.join(". ")}
                </p>
              ) : null}
              {active ? (
                <div
                  className="mt-2"
                  role="group"
                  aria-label={`Who may sign for ${label}`}
                  aria-describedby={signerError ? `signers-${row.key}-error` : undefined}
                >
                  <p className="text-xs font-medium text-slate-500">Who may sign</p>
                  <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                    {eligible.map((p) => (
                      <label key={p.id} className="flex items-center gap-1.5 text-sm text-slate-800">
                        <Checkbox
                          name={`slots.${index}.signerIds`}
                          value={p.id}
                          checked={row.signerIds.includes(p.id)}
                          onChange={(e) =>
                            update(row.key, { signerIds: e.target.checked ? [...row.signerIds, p.id] : row.signerIds.filter((id) => id !== p.id) })
                          }
                        />
                        {p.name}
                      </label>
                    ))}
                  </div>
                  {signerError ? (
                    <p id={`signers-${row.key}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
                      {signerError.join(". ")}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : changing ? "Save reviewers" : "Request review"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setRows((rs) => [...rs, { key: Math.max(...rs.map((r) => r.key)) + 1, role: "", builtIn: false, included: true, required: true, signerIds: [] }])
          }
        >
          Add a custom role
        </Button>
        {!changing ? <p className="text-xs text-slate-500">The scorecard moves to “In review” and the people you pick are notified.</p> : null}
      </div>
    </form>
  );
}
