/** When a template may be deleted (pure: the template page and the delete mutation both ask). */

/** Why a template cannot be deleted, or null when nothing refers to it. */
export function deleteRefusal(t: { builtIn: boolean; scorecards: number; campaigns: number }): string | null {
  if (t.builtIn) return "Built-in templates are installed again at every start, so they cannot be deleted; archive it to hide it.";
  const uses = [
    t.scorecards ? `${t.scorecards} scorecard${t.scorecards === 1 ? "" : "s"}` : null,
    t.campaigns ? `${t.campaigns} campaign${t.campaigns === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  return uses.length ? `Used by ${uses.join(" and ")}: a template that anything refers to stays for history; archive it instead.` : null;
}
