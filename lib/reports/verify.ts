/**
 * Checks a readiness report (its JSON form) against Drillbook: does its embedded content hash to
 * the hash it prints, is that hash the scorecard's content now or as some sign-off or milestone
 * recorded it, and who signed it. Answers in words; names the first difference otherwise.
 * Shared by `npm run report:verify` and POST /api/v1/reports/verify.
 */
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/access/permissions";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { contentDocumentHash, contentSelect, scorecardContent, type ContentRow, type Json } from "@/lib/readiness/content-hash";
import { roleLabel } from "@/lib/readiness/sign-off-rules";
import { boundaryString } from "@/lib/validation/text";
import { firstDifference } from "./verify-rules";

/** The parts of a report the check reads; the rest of the document is ignored. */
export const reportToVerifySchema = z.object({
  scorecard: z.object({
    id: boundaryString({ error: "The report names no scorecard (scorecard.id)" }).min(1).max(64),
    version: z.number({ error: "The report has no scorecard.version" }).int(),
    contentHash: boundaryString({ error: "The report has no scorecard.contentHash" }).regex(/^[0-9a-f]{64}$/, "scorecard.contentHash must be a SHA-256 in hex"),
  }),
  content: z.json({ error: "The report has no content document (reports exported before content hashes were published lack it)" }),
});
export type ReportToVerify = z.infer<typeof reportToVerifySchema>;

export interface ReportVerification {
  /** the content is what Drillbook holds for this scorecard, now or as signed or milestoned */
  matches: boolean;
  /** the embedded content hashes to the hash the report prints */
  intact: boolean;
  scorecardId: string;
  reportVersion: number;
  currentVersion: number | null;
  contentHash: string;
  signedBy: { name: string | null; role: string; decision: string; signedAt: string; version: number; stillValid: boolean }[];
  milestones: { name: string; takenAt: string; version: number }[];
  difference: string | null;
  message: string;
}

/** The check itself, without authorization (the CLI runs it with database access). */
export async function verifyReportContent(report: ReportToVerify): Promise<ReportVerification> {
  const db = await getDb();
  const hash = contentDocumentHash(report.content as Json);
  const intact = hash === report.scorecard.contentHash;
  const base = { scorecardId: report.scorecard.id, reportVersion: report.scorecard.version, contentHash: hash, signedBy: [], milestones: [] };
  const row = await db.scorecard.findUnique({ where: { id: report.scorecard.id }, select: { version: true, title: true, ...contentSelect } });
  if (!row) {
    return { ...base, matches: false, intact, currentVersion: null, difference: null, message: "No scorecard with this id exists in this Drillbook." };
  }
  const current = scorecardContent(row as ContentRow);
  const [approvals, milestones] = await Promise.all([
    db.approval.findMany({
      where: { scorecardId: report.scorecard.id, contentHash: hash },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        decision: true,
        createdAt: true,
        scorecardVersion: true,
        invalidatedAt: true,
        signer: { select: { name: true } },
        slot: { select: { role: true } },
      },
    }),
    db.milestone.findMany({
      where: { scorecardId: report.scorecard.id, contentHash: hash },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { name: true, createdAt: true, scorecardVersion: true },
    }),
  ]);
  const signedBy = approvals.map((a) => ({
    name: a.signer?.name ?? null,
    role: roleLabel(a.slot.role),
    decision: a.decision,
    signedAt: a.createdAt.toISOString(),
    version: a.scorecardVersion,
    stillValid: a.invalidatedAt === null,
  }));
  const taken = milestones.map((m) => ({ name: m.name, takenAt: m.createdAt.toISOString(), version: m.scorecardVersion }));
  const result = { ...base, intact, currentVersion: row.version, signedBy, milestones: taken };
  const signers = signedBy.length
    ? ` Signed by ${signedBy.map((s) => `${s.name ?? "a removed user"} (${s.role}, ${s.decision.replace(/_/g, " ")})`).join(", ")}.`
    : " Nobody signed this content.";
  if (!intact) {
    return {
      ...result,
      matches: false,
      difference: firstDifference(report.content as Json, current),
      message: `The report was changed after it was exported: its content hashes to ${hash}, not to the ${report.scorecard.contentHash} it prints.`,
    };
  }
  if (hash === contentDocumentHash(current)) {
    return { ...result, matches: true, difference: null, message: `Matches version ${row.version} of “${row.title}”, its current content.${signers}` };
  }
  if (signedBy.length || taken.length) {
    const version = signedBy[0]?.version ?? taken[0].version;
    return {
      ...result,
      matches: true,
      difference: firstDifference(report.content as Json, current),
      message: `Matches version ${version} of “${row.title}” as it was signed or recorded; the scorecard has changed since (now version ${row.version}).${signers}`,
    };
  }
  const difference = firstDifference(report.content as Json, current);
  return {
    ...result,
    matches: false,
    difference,
    message: `Does not match anything Drillbook holds for “${row.title}”: ${difference ?? "the content differs"}.`,
  };
}

/** The check for a signed-in user or an API token: needs the right to read reports. */
export async function verifyReport(user: CurrentUser, report: ReportToVerify): Promise<ReportVerification> {
  if (!can(user.role, "report:read")) throw new ForbiddenError();
  return verifyReportContent(report);
}
