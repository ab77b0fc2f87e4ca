"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, type ActionState } from "@/lib/action";
import { requirePermission } from "@/lib/auth/session";
import { removeSampleData } from "@/lib/demo/remove";

/**
 * Admin → Sample data → Remove: deletes the demo portfolio (audited). Takes no input. Answers
 * with a redirect whose query says what went, so the page (which then shows its empty state)
 * can confirm it: a message kept in the form's state would vanish with the form.
 */
export async function removeSampleDataAction(): Promise<ActionState<never>> {
  let removed: Awaited<ReturnType<typeof removeSampleData>>;
  try {
    const user = await requirePermission("user:manage");
    removed = await removeSampleData(user);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/", "layout");
  const query = new URLSearchParams({
    removed: String(removed.clusters),
    campaigns: String(removed.campaigns),
    people: String(removed.people),
    kept: String(removed.keptPeople),
  });
  redirect(`/admin/sample-data?${query}`);
}
