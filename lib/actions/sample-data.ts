"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction, type ActionState } from "@/lib/action";
import { removeSampleData } from "@/lib/demo/remove";

const remove = validatedAction("user:manage", z.object({}), async (_input, user) => {
  const removed = await removeSampleData(user);
  revalidatePath("/", "layout");
  const query = new URLSearchParams({
    removed: String(removed.clusters),
    campaigns: String(removed.campaigns),
    people: String(removed.people),
    kept: String(removed.keptPeople),
  });
  redirect(`/admin/sample-data?${query}`);
});

/**
 * Admin → Sample data → Remove: deletes the demo portfolio (audited). Takes no input. Answers
 * with a redirect whose query says what went, so the page (which then shows its empty state)
 * can confirm it: a message kept in the form's state would vanish with the form.
 */
export async function removeSampleDataAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return remove(prev, formData);
}
