/** Input schemas for requesting and deciding exemptions. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { dayField } from "@/lib/validation/date-field";

const id = (label: string) =>
  boundaryString({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(64, `${label} is not valid`);

export const requestExemptionSchema = z.object({
  itemId: id("Item"),
  justification: boundaryString({ error: "Explain why this item can be waived" })
    .max(8000, "Justification must be at most 2,000 characters")
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "Explain why this item can be waived").max(2000, "Justification must be at most 2,000 characters")),
  approverId: boundaryString({ error: "Choose who decides" }).trim().min(1, "Choose who decides").max(64, "Choose who decides"),
  expiresOn: dayField("Expiry date"),
});
export type RequestExemptionInput = z.output<typeof requestExemptionSchema>;

export const decideExemptionSchema = z.object({
  exemptionId: id("Exemption"),
  decision: z.enum(["granted", "denied"], { error: "Choose grant or deny" }),
  comment: boundaryString()
    .max(8000, "Comment must be at most 2,000 characters")
    .optional()
    .transform((s) => s?.trim() ?? "")
    .pipe(z.string().max(2000, "Comment must be at most 2,000 characters")),
});
export type DecideExemptionInput = z.output<typeof decideExemptionSchema>;
