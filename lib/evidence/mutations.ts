/**
 * Adding and removing evidence. A file is checked for size, type (by its bytes) and
 * stored with its SHA-256 in the same transaction as the evidence row, the scorecard's
 * version bump, the signal refresh and the audit event: nothing is half-written.
 */
import "server-only";
import { createHash } from "node:crypto";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { afterContentChange } from "@/lib/readiness/pipeline";
import { lockClusterOf } from "@/lib/write/locks";
import { detectFileType, formatFileSize, safeFilename } from "./file-type";
import { EVIDENCE_KIND_LABELS, type EvidenceInput } from "./schema";
import { writeTransaction, type Tx } from "@/lib/write/transaction";
import { evidenceCapturedAt } from "./dating-rules";
import { exportDataEnd } from "./export-window";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("Please correct the highlighted fields.", { [field]: [message] });
}

/** Size and type check of an upload; returns what will be stored. */
export function checkUpload(file: UploadedFile, maxBytes = env().DRILLBOOK_MAX_UPLOAD_BYTES) {
  if (file.bytes.length > maxBytes) {
    const size = formatFileSize(file.bytes.length);
    const limit = formatFileSize(maxBytes);
    const message = size === limit ? `The file is larger than the ${limit} limit` : `The file is ${size}; the limit is ${limit}`;
    // 413 for the API; forms show the field message either way
    throw new DomainError("Please correct the highlighted fields.", { file: [message] }, 413);
  }
  const filename = safeFilename(file.name);
  const type = detectFileType(filename, file.bytes);
  if (!type.ok) throw invalid("file", type.message);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return { filename, mimeType: type.mime, size: file.bytes.length, sha256 };
}

/**
 * Attaches evidence to an item. The kind must be one the template item accepts; a drill
 * must belong to the scorecard's cluster. It is dated by what it proves (./dating-rules.ts):
 * a drill by its start, a metric export by the end of its data, anything else by the given
 * day (today when blank), never later than now.
 */
export async function addEvidence<V = undefined>(
  user: CurrentUser,
  input: EvidenceInput,
  file?: UploadedFile | null,
  now = new Date(),
  readBack?: (tx: Tx, id: string) => Promise<V>,
): Promise<{ id: string; view: V }> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  const upload = file && (input.kind === "file" || input.kind === "metric_export") ? file : null;
  if (input.kind === "file" && !upload) throw invalid("file", "Choose a file to upload");
  const stored = upload ? checkUpload(upload) : null;
  return writeTransaction(async (tx) => {
    await lockClusterOf(tx, { itemId: input.itemId }, "This item no longer exists.");
    const item = await tx.scorecardItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, templateItem: { select: { title: true, evidenceKinds: true } }, scorecard: { select: { id: true, clusterId: true } } },
    });
    if (!item) throw new NotFoundError("This item no longer exists.");
    if (!item.templateItem.evidenceKinds.includes(input.kind)) {
      const accepted = item.templateItem.evidenceKinds.map((k) => EVIDENCE_KIND_LABELS[k].toLowerCase()).join(", ");
      throw invalid("kind", `“${item.templateItem.title}” accepts ${accepted} evidence only`);
    }
    let title = input.title;
    let drillStartedAt: Date | null = null;
    if (input.kind === "drill") {
      const drill = await tx.drill.findUnique({ where: { id: input.drillId! }, select: { clusterId: true, title: true, startedAt: true } });
      if (!drill || drill.clusterId !== item.scorecard.clusterId) throw invalid("drillId", "Choose one of this cluster's drills");
      title ??= drill.title;
      drillStartedAt = drill.startedAt;
    }
    const dataEndsAt = input.kind === "metric_export" && upload ? exportDataEnd({ name: upload.name, bytes: upload.bytes }) : null;
    const dating = evidenceCapturedAt({ kind: input.kind, capturedOn: input.capturedAt, drillStartedAt, dataEndsAt }, now);
    if (!dating.ok) throw invalid(dating.field, dating.message);
    const capturedAt = dating.capturedAt;
    title ??= stored?.filename ?? null;
    if (!title) throw invalid("title", "Give the evidence a title");

    const fileRow = stored ? await tx.evidenceFile.create({ data: { ...stored, data: upload!.bytes }, select: { id: true } }) : null;
    const evidence = await tx.evidence.create({
      data: {
        scorecardItemId: item.id,
        kind: input.kind,
        title,
        url: input.kind === "link" || input.kind === "metric_export" ? input.url : null,
        body: input.kind === "note" ? input.body : null,
        drillId: input.kind === "drill" ? input.drillId : null,
        fileId: fileRow?.id ?? null,
        capturedAt,
        capturedById: user.id,
        realisticTraffic: input.realisticTraffic,
      },
      select: { id: true },
    });
    await afterContentChange(tx, item.scorecard.id, item.scorecard.clusterId, user);
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "evidence",
      entityId: evidence.id,
      clusterId: item.scorecard.clusterId,
      scorecardId: item.scorecard.id,
      after: {
        itemId: item.id,
        kind: input.kind,
        title,
        url: input.url,
        drillId: input.drillId,
        capturedAt,
        realisticTraffic: input.realisticTraffic,
        file: stored,
      },
    });
    return { id: evidence.id, view: (await readBack?.(tx, evidence.id)) as V };
  });
}

/** Removes a piece of evidence (and its stored file). The UI asks for confirmation first. */
export async function removeEvidence(user: CurrentUser, evidenceId: string): Promise<void> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  await writeTransaction(async (tx) => {
    await lockClusterOf(tx, { evidenceId }, "This evidence was already removed.");
    const evidence = await tx.evidence.findUnique({
      where: { id: evidenceId },
      select: {
        id: true,
        kind: true,
        title: true,
        url: true,
        fileId: true,
        drillId: true,
        capturedAt: true,
        scorecardItemId: true,
        file: { select: { filename: true, sha256: true, size: true } },
        scorecardItem: { select: { scorecard: { select: { id: true, clusterId: true } } } },
      },
    });
    if (!evidence) throw new NotFoundError("This evidence was already removed.");
    const { id: scorecardId, clusterId } = evidence.scorecardItem.scorecard;
    await tx.evidence.delete({ where: { id: evidenceId } });
    if (evidence.fileId) await tx.evidenceFile.delete({ where: { id: evidence.fileId } });
    await afterContentChange(tx, scorecardId, clusterId, user);
    const { scorecardItem: _item, ...before } = evidence;
    void _item;
    await recordAudit(tx, { actor: user, action: "delete", entityType: "evidence", entityId: evidenceId, clusterId, scorecardId, before });
  });
}
