/**
 * Writes one template version (template, sections, items) inside the caller's transaction.
 * Shared by the built-in installer, import, clone and edit.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TemplateDocument } from "./schema";

type Tx = Prisma.TransactionClient;

export interface TemplateVersionOptions {
  version: number;
  builtIn: boolean;
  createdById?: string | null;
  clonedFromId?: string | null;
}

/** Inserts `doc` as a new template row (key from the document) and returns its id. */
export async function insertTemplateVersion(tx: Tx, doc: TemplateDocument, options: TemplateVersionOptions): Promise<string> {
  const template = await tx.template.create({
    data: {
      key: doc.key,
      version: options.version,
      name: doc.name,
      description: doc.description,
      builtIn: options.builtIn,
      createdById: options.createdById ?? null,
      clonedFromId: options.clonedFromId ?? null,
    },
    select: { id: true },
  });
  await insertTemplateContent(tx, template.id, doc);
  return template.id;
}

/** Inserts the sections and items of `doc` under an existing template row. */
export async function insertTemplateContent(tx: Tx, templateId: string, doc: TemplateDocument): Promise<void> {
  const sections = await tx.templateSection.createManyAndReturn({
    data: doc.sections.map((section, position) => ({
      templateId,
      key: section.key,
      title: section.title,
      description: section.description,
      position,
    })),
    select: { id: true, key: true },
  });
  const sectionId = new Map(sections.map((s) => [s.key, s.id]));
  let position = 0;
  const items: Prisma.TemplateItemCreateManyInput[] = [];
  for (const section of doc.sections) {
    for (const item of section.items) {
      items.push({
        templateId,
        sectionId: sectionId.get(section.key)!,
        key: item.key,
        title: item.title,
        evidenceToCollect: item.evidenceToCollect,
        whyItMatters: item.whyItMatters,
        blocking: item.blocking,
        weight: item.weight,
        evidenceKinds: item.evidenceKinds,
        defaultOwnerRole: item.defaultOwnerRole ?? null,
        role: item.role ?? null,
        // one running order across sections, so scorecard items sort the same way
        position: position++,
      });
    }
  }
  await tx.templateItem.createMany({ data: items });
}

/** Selection that templateToDocument reads. */
export const storedTemplateSelect = {
  key: true,
  name: true,
  description: true,
  sections: {
    select: {
      key: true,
      title: true,
      description: true,
      position: true,
      items: {
        select: {
          key: true,
          title: true,
          evidenceToCollect: true,
          whyItMatters: true,
          blocking: true,
          weight: true,
          evidenceKinds: true,
          defaultOwnerRole: true,
          role: true,
          position: true,
        },
      },
    },
  },
} as const;
