"use server";

import { redirect } from "next/navigation";
import { errorState, formDataToObject, refuseUnsafeInput, toFieldErrors, type ActionState } from "@/lib/action";
import { signInWithPassword, signOut, startSsoSignIn } from "@/lib/auth/accounts";
import { signInSchema } from "@/lib/auth/schema";

/** Sign-in needs no permission (it is how you get one), so it does not use validatedAction. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = refuseUnsafeInput(formData, { form: true });
  if (refused) return refused;
  const raw = formDataToObject(formData);
  const values = { email: String(raw.email ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: toFieldErrors(parsed.error), values };
  try {
    await signInWithPassword(parsed.data.email, parsed.data.password);
  } catch (error) {
    return errorState(error, values);
  }
  redirect(safeNext(raw.next));
}

/** Only same-site paths: "/clusters" yes, "//evil.example" or "https://…" no. */
function safeNext(value: unknown): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** Sends the browser to the identity provider (single sign-on). */
export async function ssoSignInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = refuseUnsafeInput(formData, { form: true });
  if (refused) return refused;
  let url: string;
  try {
    url = await startSsoSignIn(safeNext(formData.get("next")));
  } catch (error) {
    return errorState(error);
  }
  redirect(url);
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/sign-in");
}
