"use client";

import { createTeamAction, renameTeamAction } from "@/lib/actions/teams";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/input";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Creates a team, or (with `team`) renames it; names ignore case and spacing when compared. */
export function TeamNameForm({ team }: { team?: { id: string; name: string } }) {
  const [state, action, pending] = useSafeAction(team ? renameTeamAction : createTeamAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const typed = state.status === "error" ? state.values?.name : undefined;
  return (
    <form key={state.status === "ok" && !team ? "done" : "form"} action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? <Alert tone="green">{state.message}</Alert> : null}
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <TextInput
        name="name"
        label={team ? "New name" : "Team name"}
        required
        defaultValue={typed ?? team?.name}
        hint={team ? "Its clusters show the new name as their owner team." : "“Payments” and “ payments ” are one team."}
        error={errors.name}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : team ? "Rename" : "Create team"}
      </Button>
    </form>
  );
}
