"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, type ActionState } from "@/lib/action";
import { signInWithPassword, signOut, startSsoSignIn } from "@/lib/auth/accounts";
import { signInSchema } from "@/lib/auth/schema";
import { boundaryString } from "@/lib/validation/text";

/** Only same-site paths: "/clusters" yes, "//evil.example" or "https://…" no. */
function safeNext(value: unknown): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

const next = { next: boundaryString().max(2000).optional() };

const signIn = publicAction(signInSchema.extend(next), async (input) => {
  await signInWithPassword(input.email, input.password);
  redirect(safeNext(input.next));
});

/** Sign-in needs no permission (it is how you get one): the public path of lib/action.ts. */
export async function signInAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return signIn(prev, formData);
}

const sso = publicAction(z.object(next), async (input) => {
  redirect(await startSsoSignIn(safeNext(input.next)));
});

/** Sends the browser to the identity provider (single sign-on). */
export async function ssoSignInAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return sso(prev, formData);
}

/** Takes no input and answers nothing but a redirect: the session ends whatever was sent. */
export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/sign-in");
}
