"use client";

import { useActionState } from "react";
import { createUserAction } from "@/lib/actions/users";
import { idleState, type ActionState } from "@/lib/action-state";
import { ROLE_LABELS, ROLES } from "@/lib/access/permissions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form key={state.status === "ok" ? "done" : "form"} action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="green">{state.message}</Alert> : null}
      <TextInput name="name" label="Name" required defaultValue={values?.name} error={errors.name} />
      <TextInput name="email" label="Email" type="email" required defaultValue={values?.email} error={errors.email} />
      <SelectInput
        name="role"
        label="Role"
        defaultValue={values?.role ?? "viewer"}
        error={errors.role}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
      <TextInput
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters; share it privately."
        error={errors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
