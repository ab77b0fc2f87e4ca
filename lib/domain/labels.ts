/**
 * Labels for values that are not a closed enum: review roles and item owner roles (the four
 * built-in ones plus any custom role a team names, stored as identifiers like `capacity_planning`).
 * Every renderer (pages, the report page and PDF, Markdown) goes through here, so nobody ever
 * reads `application_owner`.
 */
import { REVIEW_ROLE_LABELS } from "./constants";

/** "application_owner" → "Application owner"; a built-in role keeps its own spelling ("SRE", "FinOps"). */
export function roleLabel(role: string): string {
  const known = REVIEW_ROLE_LABELS[role];
  if (known) return known;
  const words = role.replace(/[_-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : role;
}

/** An item's owner role, or "Unassigned". */
export function ownerRoleLabel(role: string | null | undefined): string {
  return role ? roleLabel(role) : "Unassigned";
}

/** Timeline markers as words. */
export const TIMELINE_MARKER_LABELS: Record<string, string> = { fault: "Fault", recovered: "Recovered", other: "Other" };
