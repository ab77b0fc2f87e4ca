"use server";

/**
 * First run: the setup page creates the first (admin) account, then the installation gets its
 * demo portfolio. Its own folder because it joins two domains (accounts and sample data) that
 * must not import each other.
 */
import { redirect } from "next/navigation";
import { errorState, formDataToObject, refuseUnsafeInput, toFieldErrors, type ActionState } from "@/lib/action";
import { createFirstAdmin } from "@/lib/auth/accounts";
import { accountSchema } from "@/lib/auth/schema";
import { addDemoOnFirstRun } from "@/lib/demo/first-run";

export async function setupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = refuseUnsafeInput(formData, { form: true });
  if (refused) return refused;
  const raw = formDataToObject(formData);
  const values = { name: String(raw.name ?? ""), email: String(raw.email ?? "") };
  const parsed = accountSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: toFieldErrors(parsed.error), values };
  try {
    await createFirstAdmin(parsed.data);
  } catch (error) {
    return errorState(error, values);
  }
  await addDemoOnFirstRun();
  // the portfolio, where "What to do first" shows the way
  redirect("/");
}
