/**
 * Input schemas of the design review, shared by the forms and the server actions. Forms send
 * repeated rows as indexed fields (`slots.0.role`, `conditions.1.dueDate`); JSON callers may
 * send arrays. Error paths keep the row index, so each message lands beside its field.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { REVIEW_ROLE_LABELS } from "@/lib/domain/constants";
import { dayField } from "@/lib/validation/date-field";
import { intField } from "@/lib/validation/fields";
import { DECISIONS } from "./rules";

export const REVIEW_LIMITS = { slots: 12, signersPerSlot: 20, role: 60, comment: 2000, conditions: 10, what: 500, owner: 100 } as const;

const id = (label: string) =>
  boundaryString({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(64, `${label} is not valid`);

const checkbox = z
  .union([z.boolean(), boundaryString()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

const idList = z
  .union([boundaryString().max(64), z.array(boundaryString().max(64))])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))]);

const text = (max: number) =>
  boundaryString()
    .max(max * 4)
    .optional()
    .transform((s) => s?.trim() ?? "");

/** `{ "slots.0.role": "sre", "slots.0.signerIds": [...] }` → `{ slots: [{ role, signerIds }] }`; other keys pass through. */
export function collectRows(raw: unknown, prefix: string): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray((raw as Record<string, unknown>)[prefix])) return raw;
  const out: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,2})\\.(\\w+)$`);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const m = pattern.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const index = Number(m[1]);
    rows[index] ??= {};
    rows[index][m[2]] = value;
  }
  out[prefix] = Array.from({ length: rows.length }, (_, i) => rows[i] ?? {});
  return out;
}

const slotRow = z.object({ role: text(REVIEW_LIMITS.role), required: checkbox, signerIds: idList });

/**
 * Requesting a review (or changing who reviews): the roles that must sign, whether each is
 * required, and who may sign for each. A row without a role is left out (an unticked
 * default role), unless people were chosen for it.
 */
export const requestReviewSchema = z.preprocess(
  (raw) => collectRows(raw, "slots"),
  z
    .object({
      scorecardId: id("Scorecard"),
      slots: z.array(slotRow, { error: "Choose at least one role" }).max(REVIEW_LIMITS.slots * 2, "Too many roles"),
    })
    .superRefine((input, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const seen = new Map<string, number>();
      let included = 0;
      let required = 0;
      input.slots.forEach((row, i) => {
        if (!row.role) {
          if (row.signerIds.length) issue(["slots", i, "role"], "Name the role these people sign for");
          return;
        }
        included += 1;
        if (row.required) required += 1;
        if (row.role.length > REVIEW_LIMITS.role) issue(["slots", i, "role"], `A role name must be at most ${REVIEW_LIMITS.role} characters`);
        const label = (REVIEW_ROLE_LABELS[row.role] ?? row.role).toLowerCase();
        if (seen.has(label)) issue(["slots", i, "role"], `“${row.role}” is already in the list`);
        seen.set(label, i);
        if (row.signerIds.length === 0) issue(["slots", i, "signerIds"], "Choose at least one person who may sign for this role");
        if (row.signerIds.length > REVIEW_LIMITS.signersPerSlot) issue(["slots", i, "signerIds"], `At most ${REVIEW_LIMITS.signersPerSlot} people per role`);
      });
      if (included === 0) issue(["slots"], "Choose at least one role that must sign off");
      else if (required === 0) issue(["slots"], "Make at least one role required");
      if (included > REVIEW_LIMITS.slots) issue(["slots"], `At most ${REVIEW_LIMITS.slots} roles`);
    })
    .transform((input) => ({
      scorecardId: input.scorecardId,
      slots: input.slots.filter((row) => row.role).map((row) => ({ role: row.role, required: row.required, signerIds: row.signerIds })),
    })),
);
export type RequestReviewInput = z.output<typeof requestReviewSchema>;

const conditionRow = z.object({ what: text(REVIEW_LIMITS.what), owner: text(REVIEW_LIMITS.owner), dueDate: text(20) });
const dueDay = dayField("Due date");

/**
 * A sign-off: the slot, the scorecard version the signer reviewed, the decision and its
 * comment, and — for an approval with conditions — each condition's what, owner and due
 * day. Blank condition rows are ignored; whether a due day lies ahead is checked against
 * the clock in the mutation.
 */
export const signOffSchema = z.preprocess(
  (raw) => collectRows(raw, "conditions"),
  z
    .object({
      slotId: id("Sign-off role"),
      version: intField("Version", 1, 2_147_483_647),
      decision: z.enum(DECISIONS, { error: "Choose approve, approve with conditions, or request changes" }),
      comment: text(REVIEW_LIMITS.comment),
      conditions: z
        .array(conditionRow)
        .max(REVIEW_LIMITS.conditions * 2)
        .optional()
        .transform((rows) => rows ?? []),
    })
    .superRefine((input, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      if (input.comment.length > REVIEW_LIMITS.comment)
        issue(["comment"], `The comment must be at most ${REVIEW_LIMITS.comment.toLocaleString("en-US")} characters`);
      if (input.decision === "changes_requested" && !input.comment) issue(["comment"], "Say what needs to change");
      if (input.decision !== "approved_with_conditions") return;
      const filled = input.conditions.map((c, i) => [c, i] as const).filter(([c]) => c.what || c.owner || c.dueDate);
      if (filled.length === 0) issue(["conditions"], "Add at least one condition, or choose plain approval");
      if (filled.length > REVIEW_LIMITS.conditions) issue(["conditions"], `At most ${REVIEW_LIMITS.conditions} conditions`);
      for (const [c, i] of filled) {
        if (!c.what) issue(["conditions", i, "what"], "Say what has to happen");
        else if (c.what.length > REVIEW_LIMITS.what) issue(["conditions", i, "what"], `At most ${REVIEW_LIMITS.what} characters`);
        if (!c.owner) issue(["conditions", i, "owner"], "Name who owns it");
        else if (c.owner.length > REVIEW_LIMITS.owner) issue(["conditions", i, "owner"], `At most ${REVIEW_LIMITS.owner} characters`);
        const due = dueDay.safeParse(c.dueDate);
        if (!due.success) issue(["conditions", i, "dueDate"], due.error.issues[0].message);
      }
    })
    .transform((input) => ({
      slotId: input.slotId,
      version: input.version,
      decision: input.decision,
      comment: input.comment,
      conditions:
        input.decision === "approved_with_conditions"
          ? input.conditions
              .map((c, index) => ({ index, what: c.what, owner: c.owner, dueDate: c.dueDate }))
              .filter((c) => c.what || c.owner || c.dueDate)
              .map((c) => ({ index: c.index, what: c.what, owner: c.owner, dueDay: dueDay.parse(c.dueDate) }))
          : [],
    })),
);
export type SignOffInput = z.output<typeof signOffSchema>;

export const conditionMetSchema = z.object({ conditionId: id("Condition") });
export type ConditionMetInput = z.output<typeof conditionMetSchema>;
