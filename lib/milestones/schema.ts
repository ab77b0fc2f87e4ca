/** Input schema for taking a milestone. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { textField } from "@/lib/validation/fields";

export const takeMilestoneSchema = z.object({
  scorecardId: boundaryString({ error: "Scorecard is required" }).trim().min(1, "Scorecard is required").max(64),
  name: textField("Name", 120),
});
export type TakeMilestoneInput = z.output<typeof takeMilestoneSchema>;
