/** Input of a continuous check, shared by the cluster page's form, its server action and tests. */
import { z } from "zod";
import { enumField, idField, intField, numberField, textField } from "@/lib/validation/fields";
import { boundaryString } from "@/lib/validation/text";
import { hasPlaceholder, QUERY_KEYS } from "@/lib/prometheus/rules";
import { CHECK_OPERATORS, CHECK_SCHEDULES } from "./rules";

export const checkInputSchema = z
  .object({
    clusterId: idField("cluster"),
    name: textField("Name", 120),
    /** a query-library key, or "custom" with the PromQL in `promql` */
    source: z.enum([...QUERY_KEYS, "custom"], { error: "Choose a query from the library or “Custom PromQL”" }),
    promql: boundaryString().trim().max(4000, "The query must be at most 4,000 characters").optional().default(""),
    operator: enumField("Condition", CHECK_OPERATORS),
    threshold: numberField("Threshold", -1e15, 1e15),
    lookbackHours: intField("Lookback (hours)", 1, 24 * 31),
    schedule: enumField("Schedule", CHECK_SCHEDULES),
    /** "<templateKey>/<itemKey>" of the item the check is evidence for */
    target: boundaryString({ error: "Choose the scorecard item this check is evidence for" })
      .trim()
      .regex(/^[\w.-]{1,100}\/[\w.-]{1,100}$/, "Choose the scorecard item this check is evidence for"),
  })
  .superRefine((v, ctx) => {
    if (v.source !== "custom") return;
    if (!v.promql) ctx.addIssue({ code: "custom", path: ["promql"], message: "Enter the PromQL of a custom check" });
    else if (!hasPlaceholder(v.promql))
      ctx.addIssue({ code: "custom", path: ["promql"], message: "Put {…} where the cluster's label matchers go, e.g. up{…}" });
  });
export type CheckInput = z.infer<typeof checkInputSchema>;

export const checkRefSchema = z.object({ id: idField("check") });
