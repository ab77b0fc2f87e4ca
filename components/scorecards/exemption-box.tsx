"use client";

import { useState } from "react";
import { decideExemptionAction, requestExemptionAction } from "@/lib/actions/exemptions";
import type { ExemptionView } from "@/lib/scorecards/page-view";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { formatLongDay } from "@/lib/format/dates";
import { useSafeAction } from "@/components/ui/use-safe-action";

interface Props {
  itemId: string;
  itemTitle: string;
  exemptions: ExemptionView[];
  approvers: { id: string; name: string }[];
  me: { id: string; role: string };
  canWrite: boolean;
  canDecide: boolean;
  today: string;
}

/** An item's exemptions: their state in plain words, the request form, and the approver's decision. */
export function ExemptionBox({ itemId, itemTitle, exemptions, approvers, me, canWrite, canDecide, today }: Props) {
  const open = exemptions.find((x) => x.status === "requested" || x.active);
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {exemptions.length === 0 && !asking ? (
        <p className="text-sm text-slate-500">No exemption. An approved exemption counts the item as not applicable until it expires.</p>
      ) : null}
      <ul className="space-y-2">
        {exemptions.map((x) => (
          <li key={x.id}>
            <ExemptionRow
              exemption={x}
              mayDecide={canDecide && x.status === "requested" && x.requestedBy?.id !== me.id && (x.approver?.id === me.id || me.role === "admin")}
            />
          </li>
        ))}
      </ul>
      {canWrite && !open ? (
        asking ? (
          <RequestForm
            itemId={itemId}
            itemTitle={itemTitle}
            approvers={approvers.filter((a) => a.id !== me.id)}
            today={today}
            onClose={() => setAsking(false)}
          />
        ) : (
          <Button type="button" variant="ghost" className="-ml-3" onClick={() => setAsking(true)} aria-label={`Request an exemption for ${itemTitle}`}>
            Request an exemption
          </Button>
        )
      ) : null}
    </div>
  );
}

function ExemptionRow({ exemption: x, mayDecide }: { exemption: ExemptionView; mayDecide: boolean }) {
  let tone = "bg-slate-50 ring-slate-200 text-slate-800";
  let headline = "";
  if (x.status === "requested") {
    tone = "bg-brand-50 ring-brand-100 text-brand-900";
    headline = `Requested by ${x.requestedBy?.name ?? "someone"}; waiting for ${x.approver?.name ?? "an approver"} (would expire ${formatLongDay(x.expiresAt)})`;
  } else if (x.active) {
    tone = "bg-emerald-50 ring-emerald-200 text-emerald-900";
    headline = `Waived until ${formatLongDay(x.expiresAt)}, approved by ${x.approver?.name ?? "an approver"}: counts as not applicable`;
  } else if (x.expired) {
    tone = "bg-amber-50 ring-amber-300 text-amber-950";
    headline = `Exemption expired on ${formatLongDay(x.expiresAt)}: the item is back in play`;
  } else {
    headline = `Exemption denied by ${x.approver?.name ?? "an approver"}${x.decidedAt ? ` on ${formatLongDay(x.decidedAt)}` : ""}`;
  }
  return (
    <div className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${tone}`} data-testid="exemption">
      <p className="font-medium">{headline}</p>
      <p className="mt-0.5 whitespace-pre-wrap text-xs opacity-90">Justification: {x.justification}</p>
      {x.decisionComment ? <p className="mt-0.5 whitespace-pre-wrap text-xs opacity-90">Decision note: {x.decisionComment}</p> : null}
      {mayDecide ? <DecideForm exemptionId={x.id} /> : null}
    </div>
  );
}

function DecideForm({ exemptionId }: { exemptionId: string }) {
  const [state, action, pending] = useSafeAction(decideExemptionAction);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="exemptionId" value={exemptionId} />
      {state.status === "error" ? <Alert title={state.message} /> : null}
      <TextInput
        name="comment"
        id={`comment-${exemptionId}`}
        label="Decision note (optional)"
        error={state.status === "error" ? state.fieldErrors.comment : undefined}
      />
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="granted" disabled={pending}>
          Grant
        </Button>
        <Button type="submit" name="decision" value="denied" variant="secondary" disabled={pending}>
          Deny
        </Button>
      </div>
    </form>
  );
}

function RequestForm({
  itemId,
  itemTitle,
  approvers,
  today,
  onClose,
}: {
  itemId: string;
  itemTitle: string;
  approvers: { id: string; name: string }[];
  today: string;
  onClose: () => void;
}) {
  const [state, action, pending] = useSafeAction(async (prev, formData) => {
    const result = await requestExemptionAction(prev, formData);
    if (result.status === "ok") onClose();
    return result;
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const id = (name: string) => `${name}-exemption-${itemId}`;
  return (
    <form
      action={action}
      noValidate
      aria-label={`Request an exemption for ${itemTitle}`}
      className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-inset ring-slate-200"
    >
      <input type="hidden" name="itemId" value={itemId} />
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      <TextArea
        name="justification"
        id={id("justification")}
        label="Why can this item be waived?"
        defaultValue={values.justification}
        error={errors.justification}
        rows={3}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectInput
          name="approverId"
          id={id("approverId")}
          label="Approver"
          defaultValue={values.approverId ?? ""}
          error={errors.approverId}
          options={[
            { value: "", label: approvers.length ? "Choose an approver…" : "No approver available" },
            ...approvers.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextInput
          name="expiresOn"
          id={id("expiresOn")}
          type="date"
          label="Expires on"
          min={today}
          defaultValue={values.expiresOn}
          error={errors.expiresOn}
          hint="The item is back in play after this day."
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Request exemption"}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
