/** Evidence endpoint: attach a link, note, drill or file to a scorecard item (scope "write:evidence"). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { EVIDENCE_KINDS } from "@/lib/domain/constants";
import { env } from "@/lib/env";
import { evidenceJsonInputSchema } from "@/lib/evidence/schema";
import { defineEndpoint } from "../registry";

const timestamp = z.string().meta({ format: "date-time" });

export const evidenceCreatedSchema = z.object({
  id: z.string(),
  scorecardId: z.string(),
  itemId: z.string(),
  itemKey: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  drillId: z.string().nullable(),
  capturedAt: timestamp,
  realisticTraffic: z.boolean(),
  file: z.object({ filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  scorecardVersion: z.number().int().meta({ description: "The scorecard's version after this change (earlier sign-offs no longer count)" }),
});

export const addEvidenceEndpoint = defineEndpoint({
  method: "POST",
  path: "/scorecards/{id}/items/{itemKey}/evidence",
  operationId: "addEvidence",
  summary: "Attach evidence to a scorecard item",
  description:
    "The item is named by its template key (for example `failure-drill`). Validated with the same rules as the evidence form: " +
    "a link needs `url` and `title`, a note `body` and `title`, a drill `drillId` (a drill of the scorecard's cluster), a file " +
    "`file: {name, contentBase64}` (size limit and type checks as for an upload). Evidence is dated by what it proves: drill evidence by the drill's start (a `capturedAt` day other than the " +
    "drill's is a 400), a metric export file holding series by its newest sample (a later day is a 400); otherwise `capturedAt` " +
    "(a day, YYYY-MM-DD, never later than today) or today when omitted. Adding " +
    "evidence is a content change: the scorecard's version goes up and earlier sign-offs stop counting.",
  tag: "Scorecards",
  permission: "scorecard:write",
  params: z.object({
    id: boundaryString().min(1).max(64),
    itemKey: boundaryString()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use the item's key, e.g. failure-drill"),
  }),
  body: evidenceJsonInputSchema,
  response: z.object({ data: evidenceCreatedSchema }),
  successStatus: 201,
  errors: [400, 404, 413, 415],
  // base64 is 4/3 of the bytes, plus the other fields
  maxBodyBytes: () => Math.ceil((env().DRILLBOOK_MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
});
