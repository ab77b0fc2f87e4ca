/** Input schema for adding evidence to a scorecard item (the file bytes are checked apart). */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/domain/constants";
import { optionalDayField } from "@/lib/validation/date-field";
import { idField } from "@/lib/validation/fields";

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  link: "Link",
  note: "Note",
  file: "File",
  drill: "Drill",
  metric_export: "Metric export",
  kafka_snapshot: "Kafka snapshot",
  metric_check: "Continuous check",
};

export const EVIDENCE_LIMITS = { title: 200, url: 2000, body: 20_000 } as const;

/** Whether a string is an absolute http(s) address with a host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const optionalText = (label: string, max: number) =>
  boundaryString()
    .max(max * 4, `${label} must be at most ${max.toLocaleString("en-US")} characters`)
    .optional()
    .transform((s) => (s && s.trim() !== "" ? s.trim() : null))
    .refine((s) => s === null || s.length <= max, `${label} must be at most ${max.toLocaleString("en-US")} characters`);

const checkbox = z
  .union([z.boolean(), boundaryString()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** The evidence fields other than the item and the upload, shared by the form and the JSON API. */
const evidenceFields = {
  kind: z.enum(EVIDENCE_KINDS, {
    error: (issue) => (issue.input === undefined ? "Choose what kind of evidence this is" : `Unknown evidence kind ${JSON.stringify(issue.input)}`),
  }),
  title: optionalText("Title", EVIDENCE_LIMITS.title),
  url: optionalText("Link", EVIDENCE_LIMITS.url),
  body: optionalText("Note", EVIDENCE_LIMITS.body),
  drillId: optionalText("Drill", 64),
  /** blank: dated by what it proves (lib/evidence/dating-rules.ts) */
  capturedAt: optionalDayField("Captured on"),
  realisticTraffic: checkbox,
};

type EvidenceFields = z.output<z.ZodObject<typeof evidenceFields>> & { hasFile: boolean };

/** What each kind needs: a link its address, a note its text, a file its bytes, a drill its drill. */
function checkEvidence(input: EvidenceFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (input.url && !isWebAddress(input.url)) issue("url", "Enter a web address starting with http:// or https://");
  switch (input.kind) {
    case "link":
      if (!input.url) issue("url", "Enter the address of the evidence");
      if (!input.title) issue("title", "Give the link a title");
      break;
    case "note":
      if (!input.body) issue("body", "Write the note");
      if (!input.title) issue("title", "Give the note a title");
      break;
    case "file":
      if (!input.hasFile) issue("file", "Choose a file to upload");
      break;
    case "drill":
      if (!input.drillId) issue("drillId", "Choose one of this cluster's drills");
      break;
    case "metric_export":
      if (!input.url && !input.hasFile) issue("file", "Upload the exported metrics or link to them");
      break;
    case "kafka_snapshot":
      issue("kind", "Attach a Kafka snapshot from the snapshot's page (or POST /clusters/{id}/kafka/snapshots/{snapshotId}/attach)");
      break;
    case "metric_check":
      issue("kind", "Continuous-check evidence is kept by the check itself: add a check on the cluster page");
      break;
  }
}

/**
 * What the evidence form sends. `hasFile` is set by the server action from the upload, so
 * the schema can say which kinds need a file; the bytes themselves are checked in
 * addEvidence (size, type, checksum).
 */
export const evidenceInputSchema = z
  .object({
    itemId: boundaryString({ error: "Item is required" }).trim().min(1, "Item is required").max(64),
    ...evidenceFields,
    hasFile: checkbox,
  })
  .superRefine(checkEvidence);

export type EvidenceInput = z.output<typeof evidenceInputSchema>;

/**
 * Whether `s` is canonical base64 (padded, standard alphabet). Checked by length and by
 * decoding and re-encoding: a regular expression over a multi-megabyte file overflowed the
 * stack, and Buffer's decoder skips bad characters, so only the round trip proves them absent.
 */
export function isCanonicalBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  return Buffer.from(s, "base64").toString("base64") === s;
}

/** Base64 text is at most this long; the endpoint's body limit is the tighter bound. */
const MAX_BASE64_CHARS = 100 * 1024 * 1024;

/** A file sent inside JSON: its name (the type is decided from it and the bytes) and its bytes in base64. */
export const evidenceFileJsonSchema = z.object({
  name: boundaryString({ error: "Give the file's name" }).trim().min(1, "Give the file's name").max(255, "The file name must be at most 255 characters"),
  contentBase64: boundaryString({ error: "Send the file's bytes as base64" }, { max: MAX_BASE64_CHARS, label: "The content" })
    .min(1, "The file is empty")
    .transform((s) => s.replace(/\s+/g, ""))
    .refine(isCanonicalBase64, "The content is not valid base64"),
});

/**
 * Evidence sent to the JSON API for an item named in the path: the form's fields, with an
 * optional file in base64 (same size and type checks as an upload).
 */
export const evidenceJsonInputSchema = z
  .object({ ...evidenceFields, file: evidenceFileJsonSchema.optional() })
  .superRefine((input, ctx) => checkEvidence({ ...input, hasFile: Boolean(input.file) }, ctx));
export type EvidenceJsonInput = z.output<typeof evidenceJsonInputSchema>;

/** Removing one piece of evidence names it by id (the confirmation's hidden field). */
export const removeEvidenceSchema = z.object({ evidenceId: idField("evidence") });
