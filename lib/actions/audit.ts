"use server";

import { errorState } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { verifyAuditLog } from "@/lib/audit/queries";
import type { ChainVerification } from "@/lib/audit/verify";

/** Walks the whole hash chain and reports the first broken link (the form carries no input). */
export async function verifyAuditChainAction(): Promise<ActionState<ChainVerification>> {
  try {
    const user = await requirePermission("audit:read");
    return { status: "ok", data: await verifyAuditLog(user) };
  } catch (error) {
    return errorState(error);
  }
}
