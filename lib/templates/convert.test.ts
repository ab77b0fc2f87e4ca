import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES } from "./builtin";
import { templateFingerprint, templateToDocument, type StoredTemplate } from "./convert";

/** The rows a database would hold for a document, shuffled to prove ordering comes from `position`. */
function stored(doc: (typeof BUILTIN_TEMPLATES)[number]): StoredTemplate {
  let position = 0;
  const sections = doc.sections.map((s, sp) => ({
    key: s.key,
    title: s.title,
    description: s.description,
    position: sp,
    items: s.items
      .map((i) => ({ ...i, evidenceKinds: [...i.evidenceKinds], defaultOwnerRole: i.defaultOwnerRole ?? null, role: i.role ?? null, position: position++ }))
      .reverse(),
  }));
  return { key: doc.key, name: doc.name, description: doc.description, sections: sections.reverse() };
}

describe("templateToDocument", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("rebuilds %s exactly from stored rows", (_key, doc) => {
    expect(templateToDocument(stored(doc))).toEqual(doc);
  });
});

describe("templateFingerprint", () => {
  const doc = BUILTIN_TEMPLATES[0];

  it("is stable and treats an absent optional field like an empty one", () => {
    expect(templateFingerprint(doc)).toBe(templateFingerprint(structuredClone(doc)));
    const withNulls = structuredClone(doc);
    withNulls.sections[0].items[1].role = null;
    expect(templateFingerprint(withNulls)).toBe(templateFingerprint(doc));
  });

  it("changes with any content change", () => {
    const changed = structuredClone(doc);
    changed.sections[1].items[0].weight = 5;
    expect(templateFingerprint(changed)).not.toBe(templateFingerprint(doc));
  });
});
