"use server";

/**
 * First run: the setup page creates the first (admin) account, then the installation gets its
 * demo portfolio. Its own folder because it joins two domains (accounts and sample data) that
 * must not import each other.
 */
import { redirect } from "next/navigation";
import { publicAction, type ActionState } from "@/lib/action";
import { createFirstAdmin } from "@/lib/auth/accounts";
import { accountSchema } from "@/lib/auth/schema";
import { addDemoOnFirstRun } from "@/lib/demo/first-run";

// public: there is nobody to authorize yet; createFirstAdmin refuses once an account exists
const setup = publicAction(accountSchema, async (input) => {
  await createFirstAdmin(input);
  await addDemoOnFirstRun();
  // the portfolio, where "What to do first" shows the way
  redirect("/");
});

export async function setupAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return setup(prev, formData);
}
