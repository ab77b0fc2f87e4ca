/** Helpers of the template editor: blank rows, immutable moves, and error paths → field ids. */
import type { TemplateDocument, TemplateItemDocument, TemplateSectionDocument } from "@/lib/templates/schema";

/** "sections[1].items[0].weight" → "tpl-sections-1-items-0-weight" (also for the key "" → "tpl-root"). */
export function fieldId(path: string): string {
  if (!path) return "tpl-root";
  return `tpl-${path
    .replace(/\[(\d+)\]/g, "-$1")
    .replace(/\[("[^"]*")\]/g, "-$1")
    .replace(/\./g, "-")}`;
}

export function blankItem(n: number): TemplateItemDocument {
  return { key: `item-${n}`, title: "", evidenceToCollect: "", whyItMatters: "", blocking: false, weight: 1, evidenceKinds: ["link"], defaultOwnerRole: "sre" };
}

export function blankSection(n: number, itemNumber: number): TemplateSectionDocument {
  return { key: `section-${n}`, title: "", description: "", items: [blankItem(itemNumber)] };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row);
  return next;
}

export function itemCount(doc: TemplateDocument): number {
  return doc.sections.reduce((n, s) => n + s.items.length, 0);
}
