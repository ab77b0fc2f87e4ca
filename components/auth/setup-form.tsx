"use client";

import { useActionState } from "react";
import { setupAction } from "@/lib/actions/setup";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";

export function SetupForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(setupAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      <TextInput name="name" label="Your name" autoComplete="name" required defaultValue={values?.name} error={errors.name} autoFocus />
      <TextInput name="email" label="Email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors.email} />
      <TextInput name="password" label="Password" type="password" autoComplete="new-password" required hint="At least 12 characters." error={errors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create admin account"}
      </Button>
    </form>
  );
}
