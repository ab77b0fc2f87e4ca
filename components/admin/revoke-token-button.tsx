"use client";

import { revokeTokenAction } from "@/lib/actions/tokens";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Revokes after a confirmation dialog naming the token. */
export function RevokeTokenButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  return (
    <ConfirmDialog
      action={revokeTokenAction}
      fields={{ id }}
      trigger="Revoke"
      triggerLabel={`Revoke ${name}`}
      triggerStyle="inline"
      title={`Revoke “${name}”?`}
      description={
        <>
          Requests with <code>{prefix}…</code> are refused from now on. Whatever uses it needs a new token. This cannot be undone.
        </>
      }
      confirm="Revoke token"
      pendingLabel="Revoking…"
    />
  );
}
