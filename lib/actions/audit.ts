"use server";

import { z } from "zod";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { verifyAuditLog } from "@/lib/audit/queries";
import type { ChainVerification } from "@/lib/audit/verify";

const verify = validatedAction("audit:read", z.object({}), (_input, user) => verifyAuditLog(user));

/** Walks the whole hash chain and reports the first broken link (the form carries no input). */
export async function verifyAuditChainAction(prev: ActionState, formData: FormData): Promise<ActionState<ChainVerification>> {
  return verify(prev, formData);
}
