/**
 * Installs the built-in templates on every start. Idempotent: a built-in whose content is
 * already the latest stored version of its key is left alone; a changed built-in (a new
 * release of Drillbook) becomes the next version, so scorecards started from the old one
 * keep pointing at it.
 */
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/errors";
import { BUILTIN_TEMPLATES } from "./builtin";
import { templateFingerprint, templateToDocument } from "./convert";
import type { TemplateDocument } from "./schema";
import { insertTemplateVersion, storedTemplateSelect } from "./write";

export interface InstallReport {
  installed: { key: string; version: number }[];
  unchanged: string[];
}

/** Installs or upgrades every built-in template; safe to run concurrently from several servers. */
export async function installBuiltinTemplates(prisma: PrismaClient, templates: TemplateDocument[] = BUILTIN_TEMPLATES): Promise<InstallReport> {
  const report: InstallReport = { installed: [], unchanged: [] };
  for (const doc of templates) {
    const latest = await prisma.template.findFirst({
      where: { key: doc.key },
      orderBy: { version: "desc" },
      select: { version: true, ...storedTemplateSelect },
    });
    if (latest && templateFingerprint(templateToDocument(latest)) === templateFingerprint(doc)) {
      report.unchanged.push(doc.key);
      continue;
    }
    const version = (latest?.version ?? 0) + 1;
    try {
      await prisma.$transaction(async (tx) => {
        const id = await insertTemplateVersion(tx, doc, { version, builtIn: true });
        await recordAudit(tx, {
          actor: { system: "drillbook" },
          action: version === 1 ? "install" : "upgrade",
          entityType: "template",
          entityId: id,
          after: { key: doc.key, name: doc.name, version, items: doc.sections.reduce((n, s) => n + s.items.length, 0) },
        });
      });
      report.installed.push({ key: doc.key, version });
    } catch (error) {
      // another server installed the same version a moment earlier
      if (!isUniqueViolation(error)) throw error;
      report.unchanged.push(doc.key);
    }
  }
  return report;
}
