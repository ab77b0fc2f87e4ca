"use client";

import { setTeamMemberRoleAction } from "@/lib/actions/teams";
import { TEAM_ROLE_LABELS, TEAM_ROLES } from "@/lib/teams/rules";
import { Select } from "@/components/ui/select";
import { InlineStatus } from "@/components/ui/inline-status";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Changes a member's team role as soon as another option is picked. */
export function MemberRoleSelect({ teamId, userId, role, label }: { teamId: string; userId: string; role: string; label: string }) {
  const [state, action, pending] = useSafeAction(setTeamMemberRoleAction);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <Select name="role" aria-label={label} defaultValue={role} disabled={pending} onChange={(e) => e.currentTarget.form?.requestSubmit()} inline density="xs">
        {TEAM_ROLES.map((r) => (
          <option key={r} value={r}>
            {TEAM_ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      <InlineStatus state={state} />
    </form>
  );
}
