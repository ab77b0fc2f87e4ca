"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signInAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <TextInput name="email" label="Email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors.email} autoFocus />
      <TextInput name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
