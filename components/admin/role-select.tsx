"use client";

import { useActionState } from "react";
import { setRoleAction } from "@/lib/actions/users";
import { idleState, type ActionState } from "@/lib/action-state";
import { ROLE_LABELS, ROLES } from "@/lib/access/permissions";
import { Select } from "@/components/ui/select";
import { InlineStatus } from "@/components/ui/inline-status";

/** Changes a role as soon as another option is picked. */
export function RoleSelect({ userId, role, disabled, label }: { userId: string; role: string; disabled: boolean; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setRoleAction, idleState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <Select
        name="role"
        aria-label={label}
        defaultValue={role}
        disabled={disabled || pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        inline
        density="xs"
        className="disabled:bg-slate-50"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      <InlineStatus state={state} />
    </form>
  );
}
