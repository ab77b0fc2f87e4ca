/** Readiness report endpoint (scope "read"): the same JSON as the report download. */
import { z } from "zod";
import { readinessReportSchema } from "@/lib/reports/schema";
import { defineEndpoint } from "../registry";

export const getScorecardReportEndpoint = defineEndpoint({
  method: "GET",
  path: "/scorecards/{id}/report",
  operationId: "getScorecardReport",
  summary: "Readiness report of a scorecard",
  description:
    "Cluster facts, outcome and reasons, every item with status, notes and evidence (files with their SHA-256), exemptions, the drills with measurements against targets, plotted metric points and decision matrices, and sign-offs bound to scorecard version and content hash. `data` validates against /api/reports/schema.json. PDF and Markdown: /api/scorecards/{id}/report?format=pdf|md with a browser session.",
  tag: "Reports",
  permission: "report:read",
  params: z.object({ id: z.string().min(1).max(64).meta({ description: "The scorecard's id" }) }),
  response: z.object({ data: readinessReportSchema }),
  errors: [404],
});
