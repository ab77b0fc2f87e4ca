"use client";

import { useActionState } from "react";
import { verifyAuditChainAction } from "@/lib/actions/audit";
import { idleState, type ActionState } from "@/lib/action-state";
import type { ChainVerification } from "@/lib/audit/verify";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** "Verify chain": recomputes every hash and shows the result (or the first broken link). */
export function VerifyChainButton() {
  const [state, action, pending] = useActionState<ActionState<ChainVerification>, FormData>(verifyAuditChainAction, idleState);
  return (
    <div className="space-y-3">
      <form action={action}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Verifying…" : "Verify chain"}
        </Button>
      </form>
      <div aria-live="polite">
        {state.status === "error" ? <Alert>{state.message}</Alert> : null}
        {state.status === "ok" && state.data.ok ? (
          <Alert tone="green" title="The chain is intact">
            {state.data.checked.toLocaleString("en-US")} events verified
            {state.data.headSeq ? (
              <>
                {" "}
                up to #{state.data.headSeq}; head hash <code className="break-all text-xs">{state.data.headHash}</code>
              </>
            ) : null}
            .
          </Alert>
        ) : null}
        {state.status === "ok" && state.data.broken ? (
          <Alert tone="red" title={`Broken at event #${state.data.broken.seq}`}>
            {state.data.broken.message} {state.data.checked.toLocaleString("en-US")} events checked.
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
