/** Input schemas for scorecards and their items, shared by forms, server actions and tests. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { ITEM_STATUSES } from "@/lib/domain/constants";
import { intField, optionalTextField, recordRefSchema, textField } from "@/lib/validation/fields";
import { optionalDayField } from "@/lib/validation/date-field";

export const SCORECARD_LIMITS = {
  title: 160,
  candidatePlatform: 120,
  justification: 2000,
  notes: 20_000,
  comment: 4000,
  milestoneName: 120,
} as const;

const id = (label: string) =>
  boundaryString({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(64, `${label} is not valid`);

export const SUBJECTS = ["current", "candidate"] as const;
export const SUBJECT_LABELS: Record<(typeof SUBJECTS)[number], string> = {
  current: "Current platform",
  candidate: "Candidate platform",
};

/** The scorecard's own facts, set when it is started and editable later (scorecardDetailsSchema). */
const detailFields = {
  title: textField("Title", SCORECARD_LIMITS.title),
  subject: z.enum(SUBJECTS, { error: "Choose whether this evaluates the current or a candidate platform" }),
  candidatePlatform: optionalTextField("Candidate platform", SCORECARD_LIMITS.candidatePlatform),
  ownerId: id("Owner"),
  dueDate: optionalDayField("Due date"),
};

function candidateNeedsName(input: { subject: string; candidatePlatform?: string | null }, ctx: z.RefinementCtx) {
  if (input.subject === "candidate" && !input.candidatePlatform) {
    ctx.addIssue({ code: "custom", path: ["candidatePlatform"], message: "Name the candidate platform being evaluated" });
  }
}

export const createScorecardSchema = z.object({ clusterId: id("Cluster"), templateId: id("Template"), ...detailFields }).superRefine(candidateNeedsName);
export type CreateScorecardInput = z.output<typeof createScorecardSchema>;

/** Editing a scorecard's title, subject, owner and due date after it was started. */
export const scorecardDetailsSchema = z.object({ id: id("Scorecard"), ...detailFields }).superRefine(candidateNeedsName);
export type ScorecardDetailsInput = z.output<typeof scorecardDetailsSchema>;

const OWNER_ROLE = /^[a-z][a-z0-9_]*$/;

/**
 * One autosave of an item. `version` is the item version the editor started from; the save
 * is refused when someone else saved in between. Not applicable needs a justification.
 */
export const itemSaveSchema = z
  .object({
    itemId: id("Item"),
    version: intField("Version", 1, 1_000_000_000),
    status: z.enum(ITEM_STATUSES, {
      error: (issue) =>
        issue.input === undefined ? "Status is required" : `Unknown status ${JSON.stringify(issue.input)}; expected one of ${ITEM_STATUSES.join(", ")}`,
    }),
    justification: boundaryString()
      .max(SCORECARD_LIMITS.justification * 4, `Justification must be at most ${SCORECARD_LIMITS.justification} characters`)
      .optional()
      .transform((s) => s?.trim() ?? "")
      .refine((s) => s.length <= SCORECARD_LIMITS.justification, `Justification must be at most ${SCORECARD_LIMITS.justification} characters`),
    notes: boundaryString()
      .max(SCORECARD_LIMITS.notes, `Notes must be at most ${SCORECARD_LIMITS.notes.toLocaleString("en-US")} characters`)
      .optional()
      .transform((s) => s ?? ""),
    ownerRole: boundaryString()
      .max(40, "Owner role must be at most 40 characters")
      .optional()
      .transform((s) => (s && s.trim() ? s.trim() : null))
      .refine((s) => s === null || OWNER_ROLE.test(s), "Owner role must be a lowercase identifier such as sre"),
  })
  .superRefine((input, ctx) => {
    if (input.status === "not_applicable" && !input.justification) {
      ctx.addIssue({ code: "custom", path: ["justification"], message: "Explain why this item does not apply before marking it not applicable" });
    }
  });
export type ItemSaveInput = z.output<typeof itemSaveSchema>;

/** The editable values of an item, as the autosave sends and the conflict view compares them. */
export interface ItemValues {
  status: (typeof ITEM_STATUSES)[number];
  justification: string;
  notes: string;
  ownerRole: string | null;
}

export const commentSchema = z.object({
  itemId: id("Item"),
  body: textField("Comment", SCORECARD_LIMITS.comment),
});
export type CommentInput = z.output<typeof commentSchema>;

/** Deleting a scorecard names it by id (the form's hidden field). */
export const deleteScorecardSchema = recordRefSchema("scorecard");

/** Archiving (archive = "1") or restoring (archive = "0") a scorecard. */
export const archiveScorecardSchema = deleteScorecardSchema.extend({ archive: z.enum(["1", "0"], { error: "Say whether to archive or restore" }) });
