/** Campaign inputs, shared by the forms and the server actions. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { ARCHITECTURES, ENVIRONMENTS, OUTCOMES } from "@/lib/domain/constants";
import { OUTCOME_FILTERS } from "@/lib/portfolio/schema";
import { enumField, intField, textField } from "@/lib/validation/fields";

/** Most clusters one campaign can hold (the whole portfolio the product is sized for, and then some). */
export const MAX_CAMPAIGN_CLUSTERS = 10_000;

/** A calendar day from an <input type="date"> (YYYY-MM-DD), stored as midnight UTC. */
export const dayField = (label: string) =>
  boundaryString({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD)`)
    .transform((s, ctx) => {
      const date = new Date(`${s}T00:00:00.000Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== s) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date` });
        return z.NEVER;
      }
      return date;
    });

const description = boundaryString()
  .max(2000, "Description must be at most 2,000 characters")
  .optional()
  .transform((s) => s?.trim() ?? "");

/** Blank select values mean "any". */
const optionalEnum = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: `Choose a valid ${label}` }).optional());

const idList = z
  .union([boundaryString().max(64), z.array(boundaryString().max(64)).max(MAX_CAMPAIGN_CLUSTERS, `At most ${MAX_CAMPAIGN_CLUSTERS} clusters`)])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).filter(Boolean))]);

export const campaignDetailsSchema = z.object({
  name: textField("Name", 120),
  targetOutcome: enumField("Target outcome", OUTCOMES),
  /** blank: every assessment (the cluster's weakest current outcome); else one template's key */
  templateKey: boundaryString()
    .max(100, "Choose an assessment from the list")
    .optional()
    .transform((s) => (s && s.trim() !== "" ? s.trim() : null)),
  dueDate: dayField("Due date"),
  description,
});

export const campaignCreateSchema = campaignDetailsSchema
  .extend({
    selectionMode: z.enum(["filter", "pick"], { error: "Choose how to select clusters" }),
    q: boundaryString()
      .max(100, "Search must be at most 100 characters")
      .optional()
      .transform((s) => s?.trim() ?? ""),
    env: optionalEnum("environment", ENVIRONMENTS),
    arch: optionalEnum("architecture", ARCHITECTURES),
    outcome: optionalEnum("outcome", OUTCOME_FILTERS),
    team: boundaryString()
      .max(100, "Team must be at most 100 characters")
      .optional()
      .transform((s) => s?.trim() ?? ""),
    clusterIds: idList,
  })
  .refine((v) => v.selectionMode !== "pick" || (v.clusterIds?.length ?? 0) > 0, {
    path: ["clusterIds"],
    message: "Pick at least one cluster",
    // report it together with the other fields' errors, not only once they are fixed
    when: (payload) => (payload.value as { selectionMode?: unknown })?.selectionMode === "pick",
  });

export type CampaignCreateInput = z.output<typeof campaignCreateSchema>;

export const campaignUpdateSchema = campaignDetailsSchema.extend({
  id: boundaryString().min(1).max(64),
  revision: intField("Revision", 1, 1_000_000_000),
});
export type CampaignUpdateInput = z.output<typeof campaignUpdateSchema>;

export const campaignMembershipSchema = z.object({
  id: boundaryString().min(1).max(64),
  add: idList,
  remove: idList,
});
export type CampaignMembershipInput = z.output<typeof campaignMembershipSchema>;
