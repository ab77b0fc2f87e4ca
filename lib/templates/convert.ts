/**
 * Conversions between stored template rows and the JSON document format, and a
 * fingerprint of a document's content. Pure: no Next, React or Prisma imports.
 */
import { createHash } from "node:crypto";
import type { EvidenceKind } from "@/lib/domain/constants";
import { TEMPLATE_FORMAT, type TemplateDocument, type TemplateItemRole } from "./schema";

/** A stored template in the shape the conversion reads (sections and items in any order). */
export interface StoredTemplate {
  key: string;
  name: string;
  description: string;
  sections: {
    key: string;
    title: string;
    description: string;
    position: number;
    items: {
      key: string;
      title: string;
      evidenceToCollect: string;
      whyItMatters: string;
      blocking: boolean;
      weight: number;
      evidenceKinds: EvidenceKind[];
      defaultOwnerRole: string | null;
      role: string | null;
      position: number;
    }[];
  }[];
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The export document of a stored template; optional fields are omitted when empty. */
export function templateToDocument(stored: StoredTemplate): TemplateDocument {
  return {
    format: TEMPLATE_FORMAT,
    key: stored.key,
    name: stored.name,
    description: stored.description,
    sections: [...stored.sections].sort(byPosition).map((section) => ({
      key: section.key,
      title: section.title,
      description: section.description,
      items: [...section.items].sort(byPosition).map((item) => ({
        key: item.key,
        title: item.title,
        evidenceToCollect: item.evidenceToCollect,
        whyItMatters: item.whyItMatters,
        blocking: item.blocking,
        weight: item.weight,
        evidenceKinds: [...item.evidenceKinds],
        ...(item.defaultOwnerRole ? { defaultOwnerRole: item.defaultOwnerRole } : {}),
        ...(item.role ? { role: item.role as TemplateItemRole } : {}),
      })),
    })),
  };
}

/** The same document with absent optional fields spelled out, so equal content compares equal. */
function canonical(doc: TemplateDocument) {
  return {
    key: doc.key,
    name: doc.name,
    description: doc.description,
    sections: doc.sections.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description,
      items: s.items.map((i) => ({
        key: i.key,
        title: i.title,
        evidenceToCollect: i.evidenceToCollect,
        whyItMatters: i.whyItMatters,
        blocking: i.blocking,
        weight: i.weight,
        evidenceKinds: i.evidenceKinds,
        defaultOwnerRole: i.defaultOwnerRole ?? null,
        role: i.role ?? null,
      })),
    })),
  };
}

/**
 * SHA-256 of a document's content (the key, name, sections and items; not the format tag).
 * Used to tell whether a built-in template changed since it was installed, and to detect
 * that someone else saved a template while it was being edited.
 */
export function templateFingerprint(doc: TemplateDocument): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(doc)))
    .digest("hex");
}
