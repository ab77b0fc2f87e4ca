"use client";

import { useActionState } from "react";
import { ssoSignInAction } from "@/lib/actions/auth";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** "Sign in with <provider>": starts the OpenID Connect flow. */
export function SsoButton({ providerName, next }: { providerName: string; next: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(ssoSignInAction, idleState);
  return (
    <form action={action} className="space-y-3">
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
        {pending ? "Redirecting…" : `Sign in with ${providerName}`}
      </Button>
    </form>
  );
}
