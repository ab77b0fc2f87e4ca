"use client";

import { addTeamMemberAction } from "@/lib/actions/teams";
import { TEAM_ROLE_LABELS, TEAM_ROLES } from "@/lib/teams/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectInput } from "@/components/ui/select";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Adds one of the people not yet in the team, with a team role. */
export function AddMemberForm({ teamId, people }: { teamId: string; people: { id: string; name: string; email: string }[] }) {
  const [state, action, pending] = useSafeAction(addTeamMemberAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  if (people.length === 0) return <p className="text-sm text-slate-600">Everyone with an account is in this team already.</p>;
  return (
    <form key={state.status === "ok" ? "done" : "form"} action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? <Alert tone="green">{state.message}</Alert> : null}
      <input type="hidden" name="teamId" value={teamId} />
      <SelectInput name="userId" label="Person" error={errors.userId} options={people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))} />
      <SelectInput
        name="role"
        label="Team role"
        defaultValue="member"
        error={errors.role}
        options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add to team"}
      </Button>
    </form>
  );
}
