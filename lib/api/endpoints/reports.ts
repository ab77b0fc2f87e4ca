/** Readiness report endpoint (scope "read"): the same JSON as the report download. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { readinessReportSchema } from "@/lib/reports/schema";
import { reportToVerifySchema } from "@/lib/reports/verify";
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
  params: z.object({ id: boundaryString().min(1).max(64).meta({ description: "The scorecard's id" }) }),
  query: z.object({
    format: z.enum(["json", "junit"]).default("json").meta({
      description:
        "json: this answer. junit: the scorecard as JUnit XML (application/xml): one testcase per item, failed and partial items as failures with the reasons, not-applicable items as skipped, drills' measurements against targets — so CI systems show readiness like test results",
    }),
  }),
  response: z.object({ data: readinessReportSchema }),
  errors: [404],
});

const timestamp = z.string().meta({ format: "date-time" });

export const verifyReportEndpoint = defineEndpoint({
  method: "POST",
  path: "/reports/verify",
  operationId: "verifyReport",
  summary: "Check a readiness report against Drillbook",
  description:
    "Send a JSON report (the download, or `data` of GET /scorecards/{id}/report) as the body. Drillbook recomputes the SHA-256 of its `content` " +
    "(canonical JSON, RFC 8785), checks that it is the hash the report prints, and looks for it in the scorecard: its current content, sign-offs " +
    "and milestones. The answer says which version it matches and who signed it, or names the first difference. Reads nothing but the report.",
  tag: "Reports",
  permission: "report:read",
  body: reportToVerifySchema,
  response: z.object({
    data: z.object({
      matches: z.boolean(),
      intact: z.boolean().meta({ description: "The report's content hashes to the hash it prints" }),
      scorecardId: z.string(),
      reportVersion: z.number().int(),
      currentVersion: z.number().int().nullable(),
      contentHash: z.string().meta({ description: "SHA-256 of the report's content, recomputed" }),
      signedBy: z.array(
        z.object({
          name: z.string().nullable(),
          role: z.string(),
          decision: z.string(),
          signedAt: timestamp,
          version: z.number().int(),
          stillValid: z.boolean(),
        }),
      ),
      milestones: z.array(z.object({ name: z.string(), takenAt: timestamp, version: z.number().int() })),
      difference: z.string().nullable(),
      message: z.string(),
    }),
  }),
  errors: [400, 413],
  maxBodyBytes: 32 * 1024 * 1024,
});
