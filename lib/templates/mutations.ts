/**
 * Writes to templates: import, clone and edit. Every write validates the whole document
 * with the import schema, runs in one transaction and records an audit event. A version
 * that a scorecard uses is never changed: editing it creates the next version.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { templateFingerprint, templateToDocument } from "./convert";
import { parseTemplateJson, validateTemplateDocument, type CloneTemplateInput, type TemplateDocument, type TemplateImportError } from "./schema";
import { insertTemplateContent, insertTemplateVersion, storedTemplateSelect } from "./write";
import { writeTransaction } from "@/lib/write/transaction";
import { groupFieldErrors } from "@/lib/action-state";

/** The document was refused; `errors` lists every problem with the path of the bad field. */
export class TemplateValidationError extends DomainError {
  constructor(readonly errors: TemplateImportError[]) {
    const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    const fieldErrors = groupFieldErrors(errors.map((e) => ({ path: e.path || "_form", message: e.message })));
    super(`The template has ${count}; nothing was saved.`, fieldErrors, 400);
    this.name = "TemplateValidationError";
  }
}

export function assertWrite(user: CurrentUser) {
  if (!can(user.role, "template:write")) throw new ForbiddenError();
}

async function assertKeyFree(tx: Prisma.TransactionClient, key: string, path = "key") {
  const taken = await tx.template.findFirst({ where: { key }, select: { name: true } });
  if (taken) {
    throw new TemplateValidationError([{ path, message: `The key "${key}" is already used by the template “${taken.name}”; choose another key` }]);
  }
}

function summary(doc: TemplateDocument) {
  return { key: doc.key, name: doc.name, sections: doc.sections.length, items: doc.sections.reduce((n, s) => n + s.items.length, 0) };
}

async function createFromDocument(user: CurrentUser, doc: TemplateDocument, action: string, clonedFromId?: string): Promise<{ id: string }> {
  try {
    return await writeTransaction(async (tx) => {
      await assertKeyFree(tx, doc.key);
      const id = await insertTemplateVersion(tx, doc, { version: 1, builtIn: false, createdById: user.id, clonedFromId });
      await recordAudit(tx, { actor: user, action, entityType: "template", entityId: id, after: summary(doc) });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TemplateValidationError([{ path: "key", message: `The key "${doc.key}" was just taken; choose another key` }]);
    throw error;
  }
}

/**
 * Imports a template from the text of a JSON file. Malformed JSON or any schema problem
 * throws a TemplateValidationError listing every problem with its path; nothing is written.
 */
export async function importTemplate(user: CurrentUser, json: string): Promise<{ id: string }> {
  assertWrite(user);
  const parsed = parseTemplateJson(json);
  if (!parsed.ok) throw new TemplateValidationError(parsed.errors);
  return createFromDocument(user, parsed.template, "import");
}

/** Copies a template version under a new key and name, as version 1 of an editable template. */
export async function cloneTemplate(user: CurrentUser, input: CloneTemplateInput): Promise<{ id: string }> {
  assertWrite(user);
  const db = await getDb();
  const source = await db.template.findUnique({ where: { id: input.sourceId }, select: { id: true, ...storedTemplateSelect } });
  if (!source) throw new NotFoundError("The template to clone no longer exists.");
  const checked = validateTemplateDocument({ ...templateToDocument(source), key: input.key, name: input.name });
  if (!checked.ok) throw new TemplateValidationError(checked.errors);
  return createFromDocument(user, checked.template, "clone", source.id);
}

export interface TemplateSaveResult {
  id: string;
  version: number;
  /** "new_version" when the edited version is used by scorecards, so it stayed as it was. */
  mode: "in_place" | "new_version" | "unchanged";
}

/**
 * Saves an edited template. `fingerprint` is the content the editor started from: when the
 * stored content differs (someone else saved meanwhile) a ConflictError is thrown. Built-in
 * templates are read-only (clone them). The key cannot change. If any scorecard uses this
 * version, the edit becomes the next version; otherwise the version is rewritten.
 */
export async function updateTemplate(user: CurrentUser, id: string, fingerprint: string, document: unknown): Promise<TemplateSaveResult> {
  assertWrite(user);
  const checked = validateTemplateDocument(document);
  if (!checked.ok) throw new TemplateValidationError(checked.errors);
  const doc = checked.template;
  try {
    return await writeTransaction(async (tx) => {
      // Lock the version: a scorecard being started from it waits, so "unused" stays true.
      await tx.$queryRaw`SELECT id FROM "template" WHERE id = ${id} FOR UPDATE`;
      const current = await tx.template.findUnique({
        where: { id },
        select: { id: true, version: true, builtIn: true, _count: { select: { scorecards: true } }, ...storedTemplateSelect },
      });
      if (!current) throw new NotFoundError("This template no longer exists.");
      if (current.builtIn) throw new DomainError("Built-in templates cannot be edited. Clone it and edit the copy.", {}, 403);
      if (doc.key !== current.key) {
        throw new TemplateValidationError([{ path: "key", message: `The key cannot change (it is "${current.key}"); clone the template to use another key` }]);
      }
      const latest = await tx.template.findFirst({ where: { key: current.key }, orderBy: { version: "desc" }, select: { version: true } });
      const currentDoc = templateToDocument(current);
      if (latest && latest.version !== current.version) {
        throw new ConflictError(
          `Version ${latest.version} of this template was saved after you opened version ${current.version}. Open the latest version and edit that.`,
          { version: latest.version },
        );
      }
      if (templateFingerprint(currentDoc) !== fingerprint) {
        throw new ConflictError("Someone else saved this template after you opened it. Reload to see their changes, then edit again.", {
          version: current.version,
        });
      }
      if (templateFingerprint(doc) === fingerprint) return { id, version: current.version, mode: "unchanged" as const };

      if (current._count.scorecards > 0) {
        const nextId = await insertTemplateVersion(tx, doc, { version: current.version + 1, builtIn: false, createdById: user.id, clonedFromId: id });
        await recordAudit(tx, {
          actor: user,
          action: "new_version",
          entityType: "template",
          entityId: nextId,
          before: summary(currentDoc),
          after: summary(doc),
        });
        return { id: nextId, version: current.version + 1, mode: "new_version" as const };
      }
      await tx.templateSection.deleteMany({ where: { templateId: id } });
      await tx.template.update({ where: { id }, data: { name: doc.name, description: doc.description } });
      await insertTemplateContent(tx, id, doc);
      await recordAudit(tx, { actor: user, action: "update", entityType: "template", entityId: id, before: currentDoc, after: doc });
      return { id, version: current.version, mode: "in_place" as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Someone else saved a new version of this template at the same moment. Reload and edit again.", {});
    throw error;
  }
}
