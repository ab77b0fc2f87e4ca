import { describe, expect, it } from "vitest";
import { formatIssuePath, parseTemplateJson, TEMPLATE_FORMAT, TEMPLATE_LIMITS, validateTemplateDocument, type TemplateDocument } from "./schema";

type Item = TemplateDocument["sections"][number]["items"][number];

function item(key: string, overrides: Partial<Item> = {}): Item {
  return {
    key,
    title: `Item ${key}`,
    evidenceToCollect: "A drill record with measurements.",
    whyItMatters: "Shows the recovery path works.",
    blocking: false,
    weight: 1,
    evidenceKinds: ["drill"],
    ...overrides,
  };
}

function validDoc(): TemplateDocument {
  return {
    format: TEMPLATE_FORMAT,
    key: "sample-template",
    name: "Sample template",
    description: "",
    sections: [
      {
        key: "first",
        title: "First",
        description: "",
        items: [item("drill", { blocking: true, role: "failure_drill" }), item("notes", { defaultOwnerRole: "sre" })],
      },
      { key: "second", title: "Second", description: "Two", items: [item("rollback", { role: "rollback" })] },
    ],
  };
}

// The tests deliberately break the document's shape, so it is edited untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseDoc = any;

/** Serialises a document, letting the test break it first. */
function parseWith(mutate: (doc: LooseDoc) => void) {
  const doc: LooseDoc = structuredClone(validDoc());
  mutate(doc);
  return parseTemplateJson(JSON.stringify(doc, null, 2));
}

function errorsOf(result: ReturnType<typeof parseTemplateJson>) {
  if (result.ok) throw new Error("expected the template to be rejected");
  return result.errors;
}

describe("parseTemplateJson", () => {
  it("accepts a valid template and returns it", () => {
    const result = parseTemplateJson(JSON.stringify(validDoc()));
    expect(result).toEqual({ ok: true, template: validDoc() });
  });

  it("accepts a null role and trims text fields", () => {
    const result = parseWith((doc) => {
      doc.sections[0].items[1].role = null;
      doc.name = "  Padded name  ";
    });
    expect(result.ok && result.template.name).toBe("Padded name");
    expect(result.ok && result.template.sections[0].items[1].role).toBeNull();
  });

  it("reports a duplicate section key at the second occurrence", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[1].key = "first")));
    expect(errors).toEqual([{ path: "sections[1].key", message: 'Section key "first" is already used by sections[0]' }]);
  });

  it("reports an item key reused in another section with both places", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[1].items[0].key = "notes")));
    expect(errors).toEqual([{ path: "sections[1].items[0].key", message: 'Item key "notes" is already used by sections[0].items[1]' }]);
  });

  it("still reports duplicate keys when another field is invalid", () => {
    const errors = errorsOf(
      parseWith((doc) => {
        doc.sections[1].items[0].key = "drill";
        doc.sections[0].items[0].weight = 0;
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(["sections[0].items[0].weight", "sections[1].items[0].key"]);
  });

  it("rejects weight 0 and weight above 10 with the exact path", () => {
    expect(errorsOf(parseWith((doc) => (doc.sections[0].items[1].weight = 0)))).toEqual([
      { path: "sections[0].items[1].weight", message: "Weight must be greater than 0" },
    ]);
    expect(errorsOf(parseWith((doc) => (doc.sections[1].items[0].weight = 10.5)))).toEqual([
      { path: "sections[1].items[0].weight", message: "Weight must be at most 10" },
    ]);
    expect(parseWith((doc) => (doc.sections[1].items[0].weight = 10)).ok).toBe(true);
  });

  it("reports a missing item title", () => {
    const errors = errorsOf(parseWith((doc) => delete doc.sections[1].items[0].title));
    expect(errors).toEqual([{ path: "sections[1].items[0].title", message: "Title is required" }]);
  });

  it("reports a blank title as empty", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[0].title = "   ")));
    expect(errors).toEqual([{ path: "sections[0].title", message: "Title must not be empty" }]);
  });

  it("reports an unknown evidence kind at its index", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[0].items[1].evidenceKinds = ["link", "video"])));
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe("sections[0].items[1].evidenceKinds[1]");
    expect(errors[0].message).toContain('Unknown evidence kind "video"');
  });

  it("rejects empty and repeated evidence kinds", () => {
    expect(errorsOf(parseWith((doc) => (doc.sections[0].items[0].evidenceKinds = [])))).toEqual([
      { path: "sections[0].items[0].evidenceKinds", message: "List at least one evidence kind" },
    ]);
    expect(errorsOf(parseWith((doc) => (doc.sections[0].items[0].evidenceKinds = ["drill", "note", "drill"])))).toEqual([
      { path: "sections[0].items[0].evidenceKinds[2]", message: 'Evidence kind "drill" is listed twice' },
    ]);
  });

  it("reports invalid JSON with line and column when the parser gives a position", () => {
    const errors = errorsOf(parseTemplateJson('{\n  "format": "drillbook.template/v1",\n  "key": "x",\n}'));
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe("");
    expect(errors[0].message).toMatch(/^Invalid JSON at line 4, column 1: /);
  });

  it("reports invalid JSON without a position as one root error", () => {
    const errors = errorsOf(parseTemplateJson('{ "key": }'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: "", message: expect.stringMatching(/^Invalid JSON/) });
  });

  it("reports empty input and non-object JSON at the root", () => {
    expect(errorsOf(parseTemplateJson("  \n"))).toEqual([{ path: "", message: "The file is empty" }]);
    expect(errorsOf(parseTemplateJson("[]"))).toEqual([{ path: "", message: "A template must be a JSON object" }]);
  });

  it("rejects a wrong or missing format tag", () => {
    expect(errorsOf(parseWith((doc) => (doc.format = "drillbook.template/v2")))).toEqual([
      { path: "format", message: 'Unsupported format "drillbook.template/v2"; expected "drillbook.template/v1"' },
    ]);
    expect(errorsOf(parseWith((doc) => delete doc.format))).toEqual([{ path: "format", message: 'Format is required ("drillbook.template/v1")' }]);
  });

  it("rejects keys that are not slugs", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[0].items[0].key = "Failure Drill")));
    expect(errors.map((e) => e.path)).toEqual(["sections[0].items[0].key"]);
  });

  it("reports each unknown field at its own path", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[0].items[0].blockng = true)));
    expect(errors).toEqual([{ path: "sections[0].items[0].blockng", message: 'Unknown field "blockng"' }]);
  });

  it("requires at least one section and one item per section", () => {
    expect(errorsOf(parseWith((doc) => (doc.sections = [])))).toEqual([{ path: "sections", message: "A template needs at least one section" }]);
    expect(errorsOf(parseWith((doc) => (doc.sections[1].items = [])))).toEqual([{ path: "sections[1].items", message: "A section needs at least one item" }]);
  });

  it("allows only one item per role", () => {
    const errors = errorsOf(parseWith((doc) => (doc.sections[1].items[0].role = "failure_drill")));
    expect(errors).toEqual([
      {
        path: "sections[1].items[0].role",
        message: 'Only one item may have role "failure_drill"; sections[0].items[0] already has it',
      },
    ]);
  });

  it("rejects an unknown role and a malformed owner role", () => {
    const errors = errorsOf(
      parseWith((doc) => {
        doc.sections[0].items[1].role = "drill";
        doc.sections[0].items[1].defaultOwnerRole = "Platform team";
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(["sections[0].items[1].defaultOwnerRole", "sections[0].items[1].role"]);
  });

  it("enforces the section and item limits", () => {
    const tooManySections = parseWith((doc) => {
      doc.sections = Array.from({ length: TEMPLATE_LIMITS.sections + 1 }, (_, s) => ({
        key: `s${s}`,
        title: `S${s}`,
        description: "",
        items: [item(`i${s}`)],
      }));
    });
    expect(errorsOf(tooManySections).map((e) => e.path)).toEqual(["sections"]);

    const tooManyItems = parseWith((doc) => {
      doc.sections = [0, 1].map((s) => ({
        key: `s${s}`,
        title: `S${s}`,
        description: "",
        items: Array.from({ length: TEMPLATE_LIMITS.items / 2 + (s === 1 ? 1 : 0) }, (_, i) => item(`s${s}-i${i}`)),
      }));
    });
    expect(errorsOf(tooManyItems)).toEqual([{ path: "sections", message: `A template holds at most ${TEMPLATE_LIMITS.items} items (found 201)` }]);
  });

  it("rejects text over the size limit before parsing", () => {
    const errors = errorsOf(parseTemplateJson(" ".repeat(TEMPLATE_LIMITS.jsonChars + 1)));
    expect(errors[0].message).toMatch(/too large/);
  });
});

describe("validateTemplateDocument", () => {
  it("validates an already decoded value", () => {
    expect(validateTemplateDocument(validDoc()).ok).toBe(true);
    expect(validateTemplateDocument(undefined)).toEqual({
      ok: false,
      errors: [{ path: "", message: "A template must be a JSON object" }],
    });
  });
});

describe("formatIssuePath", () => {
  it("writes indexes in brackets and names after dots", () => {
    expect(formatIssuePath(["sections", 2, "items", 0, "weight"])).toBe("sections[2].items[0].weight");
    expect(formatIssuePath([])).toBe("");
    expect(formatIssuePath([0, "key"])).toBe("[0].key");
    expect(formatIssuePath(["odd key", 1])).toBe('["odd key"][1]');
  });
});
