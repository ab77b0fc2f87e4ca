/**
 * The template JSON import/export format ("drillbook.template/v1"). One schema serves the
 * import form, the API and the built-in templates, so all three agree on what a valid
 * template is. Pure: no Next, React or Prisma imports.
 */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { recordRefSchema } from "@/lib/validation/fields";
import { EVIDENCE_KINDS } from "@/lib/domain/constants";

export const TEMPLATE_FORMAT = "drillbook.template/v1" as const;

/** Items the readiness rules look up by role: the fresh-drill rule and the rollback rule. */
export const TEMPLATE_ITEM_ROLES = ["failure_drill", "rollback"] as const;
export type TemplateItemRole = (typeof TEMPLATE_ITEM_ROLES)[number];

export const TEMPLATE_LIMITS = {
  keyLength: 64,
  nameLength: 120,
  descriptionLength: 2000,
  titleLength: 160,
  itemTextLength: 2000,
  ownerRoleLength: 40,
  maxWeight: 10,
  sections: 30,
  items: 200,
  /** Upper bound on the raw JSON text, checked before parsing. */
  jsonChars: 1_000_000,
} as const;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OWNER_ROLE_PATTERN = /^[a-z][a-z0-9_]*$/;

function requiredMessage(label: string, expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is required` : `${label} must be ${expected}`);
}

function text(label: string, max: number, { allowEmpty = false } = {}) {
  const base = boundaryString({ error: requiredMessage(label, "text") }).trim();
  const bounded = allowEmpty ? base : base.min(1, `${label} must not be empty`);
  return bounded.max(max, `${label} must be at most ${max} characters`);
}

function slug(label: string) {
  return boundaryString({ error: requiredMessage(label, "text") })
    .max(TEMPLATE_LIMITS.keyLength, `${label} must be at most ${TEMPLATE_LIMITS.keyLength} characters`)
    .regex(SLUG_PATTERN, `${label} must use lowercase letters, digits and single hyphens, e.g. "failure-drill"`);
}

const evidenceKindSchema = z.enum(EVIDENCE_KINDS, {
  error: (issue) =>
    issue.input === undefined
      ? "Evidence kind is required"
      : `Unknown evidence kind ${JSON.stringify(issue.input)}; expected one of ${EVIDENCE_KINDS.join(", ")}`,
});

export const templateItemSchema = z.strictObject({
  key: slug("Item key"),
  title: text("Title", TEMPLATE_LIMITS.titleLength),
  evidenceToCollect: text("Evidence to collect", TEMPLATE_LIMITS.itemTextLength),
  whyItMatters: text("Why it matters", TEMPLATE_LIMITS.itemTextLength),
  blocking: z.boolean({ error: requiredMessage("Blocking", "true or false") }),
  weight: z
    .number({ error: requiredMessage("Weight", "a number") })
    .gt(0, "Weight must be greater than 0")
    .max(TEMPLATE_LIMITS.maxWeight, `Weight must be at most ${TEMPLATE_LIMITS.maxWeight}`),
  evidenceKinds: z
    .array(evidenceKindSchema, { error: requiredMessage("Evidence kinds", "a list") })
    .min(1, "List at least one evidence kind")
    .superRefine(
      (kinds: unknown, ctx) => {
        if (!Array.isArray(kinds)) return;
        kinds.forEach((kind, index) => {
          if (typeof kind === "string" && kinds.indexOf(kind) !== index) {
            ctx.addIssue({ code: "custom", message: `Evidence kind "${kind}" is listed twice`, path: [index] });
          }
        });
      },
      // also report duplicates next to an unknown kind in the same list
      { when: () => true },
    ),
  defaultOwnerRole: boundaryString({ error: requiredMessage("Owner role", "text") })
    .max(TEMPLATE_LIMITS.ownerRoleLength, `Owner role must be at most ${TEMPLATE_LIMITS.ownerRoleLength} characters`)
    .regex(OWNER_ROLE_PATTERN, 'Owner role must be a lowercase identifier such as "sre" or "application_owner"')
    .optional(),
  role: z
    .enum(TEMPLATE_ITEM_ROLES, {
      error: (issue) => `Unknown role ${JSON.stringify(issue.input)}; expected ${TEMPLATE_ITEM_ROLES.join(" or ")}`,
    })
    .nullable()
    .optional(),
});

export const templateSectionSchema = z.strictObject({
  key: slug("Section key"),
  title: text("Title", TEMPLATE_LIMITS.titleLength),
  description: text("Description", TEMPLATE_LIMITS.descriptionLength, { allowEmpty: true }),
  items: z
    .array(templateItemSchema, { error: requiredMessage("Items", "a list") })
    // the item limit counts the whole template, so it is checked in checkTemplateWide
    .min(1, "A section needs at least one item"),
});

export const templateDocumentSchema = z
  .strictObject(
    {
      format: z.literal(TEMPLATE_FORMAT, {
        error: (issue) =>
          issue.input === undefined
            ? `Format is required ("${TEMPLATE_FORMAT}")`
            : `Unsupported format ${JSON.stringify(issue.input)}; expected "${TEMPLATE_FORMAT}"`,
      }),
      key: slug("Template key"),
      name: text("Name", TEMPLATE_LIMITS.nameLength),
      description: text("Description", TEMPLATE_LIMITS.descriptionLength, { allowEmpty: true }),
      sections: z
        .array(templateSectionSchema, { error: requiredMessage("Sections", "a list") })
        .min(1, "A template needs at least one section")
        .max(TEMPLATE_LIMITS.sections, `A template holds at most ${TEMPLATE_LIMITS.sections} sections`),
    },
    { error: "A template must be a JSON object" },
  )
  // Runs even when other fields failed, so one import attempt reports every problem.
  .superRefine((doc, ctx) => checkTemplateWide(doc, ctx), { when: () => true });

export type TemplateDocument = z.output<typeof templateDocumentSchema>;
export type TemplateSectionDocument = TemplateDocument["sections"][number];
export type TemplateItemDocument = TemplateSectionDocument["items"][number];

type IssueSink = { addIssue(issue: { code: "custom"; message: string; path: PropertyKey[] }): void };

/**
 * Rules that span sections: unique section keys, item keys unique across the template, the
 * total item limit, and at most one item per role. Reads the raw value defensively because
 * it also runs on documents that failed elsewhere.
 */
function checkTemplateWide(doc: unknown, ctx: IssueSink) {
  const sections = isRecord(doc) && Array.isArray(doc.sections) ? doc.sections : [];
  const sectionKeys = new Map<string, number>();
  const itemKeys = new Map<string, string>();
  const roles = new Map<string, string>();
  let itemCount = 0;

  sections.forEach((section, s) => {
    if (!isRecord(section)) return;
    if (typeof section.key === "string") {
      const first = sectionKeys.get(section.key);
      if (first === undefined) sectionKeys.set(section.key, s);
      else addIssue(ctx, ["sections", s, "key"], `Section key "${section.key}" is already used by sections[${first}]`);
    }
    const items = Array.isArray(section.items) ? section.items : [];
    items.forEach((item, i) => {
      itemCount += 1;
      if (!isRecord(item)) return;
      const here = formatIssuePath(["sections", s, "items", i]);
      if (typeof item.key === "string") {
        const first = itemKeys.get(item.key);
        if (first === undefined) itemKeys.set(item.key, here);
        else addIssue(ctx, ["sections", s, "items", i, "key"], `Item key "${item.key}" is already used by ${first}`);
      }
      if (typeof item.role === "string" && (TEMPLATE_ITEM_ROLES as readonly string[]).includes(item.role)) {
        const first = roles.get(item.role);
        const message = `Only one item may have role "${item.role}"; ${first} already has it`;
        if (first === undefined) roles.set(item.role, here);
        else addIssue(ctx, ["sections", s, "items", i, "role"], message);
      }
    });
  });

  if (itemCount > TEMPLATE_LIMITS.items) {
    addIssue(ctx, ["sections"], `A template holds at most ${TEMPLATE_LIMITS.items} items (found ${itemCount})`);
  }
}

function addIssue(ctx: IssueSink, path: PropertyKey[], message: string) {
  ctx.addIssue({ code: "custom", message, path });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type TemplateImportError = { path: string; message: string };
export type TemplateParseResult = { ok: true; template: TemplateDocument } | { ok: false; errors: TemplateImportError[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a zod issue path the way a reader looks for it: `sections[2].items[0].weight`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    if (typeof segment === "string" && IDENTIFIER.test(segment)) return out ? `${out}.${segment}` : segment;
    return `${out}[${JSON.stringify(String(segment))}]`;
  }, "");
}

/** Turns zod issues into `{ path, message }` rows; an unknown field gets its own row. */
export function toTemplateImportErrors(issues: readonly z.core.$ZodIssue[]): TemplateImportError[] {
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: `Unknown field "${key}"` }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}

/** Validates an already-decoded value (for example a JSON request body) as a template. */
export function validateTemplateDocument(value: unknown): TemplateParseResult {
  const result = templateDocumentSchema.safeParse(value);
  return result.success ? { ok: true, template: result.data } : { ok: false, errors: toTemplateImportErrors(result.error.issues) };
}

/**
 * Parses the text of an imported template file. Invalid JSON yields one error at the root
 * path ("") with line and column when the runtime reports a position; otherwise every
 * schema problem is listed with its dotted path.
 */
export function parseTemplateJson(text: string): TemplateParseResult {
  if (text.length > TEMPLATE_LIMITS.jsonChars) {
    return fail(`The file is too large (at most ${TEMPLATE_LIMITS.jsonChars.toLocaleString("en-US")} characters)`);
  }
  if (text.trim() === "") return fail("The file is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(describeJsonError(text, error));
  }
  return validateTemplateDocument(value);
}

function fail(message: string): TemplateParseResult {
  return { ok: false, errors: [{ path: "", message }] };
}

function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const reason = raw.replace(/\s*(?:in JSON )?at position \d+.*$/s, "").trim() || "Malformed JSON";
  if (!position) return `Invalid JSON: ${reason}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `Invalid JSON at line ${line}, column ${column}: ${reason}`;
}

/** Cloning asks for the new template's name and key. */
export const cloneTemplateSchema = z.object({
  sourceId: boundaryString({ error: "Choose a template to clone" }).min(1, "Choose a template to clone").max(64),
  name: text("Name", TEMPLATE_LIMITS.nameLength),
  key: slug("Key"),
});
export type CloneTemplateInput = z.output<typeof cloneTemplateSchema>;

/** Deleting a template names one of its versions by id (the form's hidden field). */
export const templateRefSchema = recordRefSchema("template");
/** Archiving (archive = "1") or restoring (archive = "0") every version of a template. */
export const archiveTemplateSchema = templateRefSchema.extend({ archive: z.enum(["1", "0"], { error: "Say whether to archive or restore" }) });

/** What the template editor sends: the template it edits, the fingerprint it started from, and the document (checked by updateTemplate). */
export const saveTemplateInputSchema = z.object({
  id: boundaryString({ error: "Missing template" }).min(1, "Missing template").max(64),
  fingerprint: boundaryString({ error: "Missing fingerprint" }).max(200),
  document: z.unknown(),
});
