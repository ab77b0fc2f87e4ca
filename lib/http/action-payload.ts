/**
 * A shape check of server-action request bodies, run by proxy.ts before Next decodes them:
 * Next answers a body it cannot decode (invalid JSON, broken multipart, a reference to a
 * part that is not there) with a 500, so such bodies get a 400 here. It follows React's
 * reply encoding (what `encodeReply` sends): a JSON root, in the text body or in form field
 * "0", whose strings that start with "$" are either inline values (`$$` an escaped dollar,
 * `$undefined`, `$NaN`, `$D<date>`, `$n<bigint>` …) or references `$<tag><hex id>` to other
 * form fields, which must exist. It does not decode the values; the action's own schema
 * still validates every argument.
 */

export type PayloadVerdict = { ok: true } | { ok: false; status: 400 | 415; message: string };

const INLINE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D.|n-?\d+$|S[\w.-]*$)/;
const REFERENCE = /^\$([A-Za-z@]?)([0-9a-f]+)$/;

function bad(message: string): PayloadVerdict {
  return { ok: false, status: 400, message };
}

function checkReferences(value: unknown, hasPart: (id: string, tag: string) => boolean, depth = 0): string | null {
  if (depth > 256) return "The request is nested too deeply.";
  if (typeof value === "string") {
    if (!value.startsWith("$") || INLINE.test(value)) return null;
    const ref = REFERENCE.exec(value);
    if (!ref) return "The request holds a value this server cannot read.";
    return hasPart(ref[2], ref[1]) ? null : "The request refers to a part it does not contain.";
  }
  if (value && typeof value === "object") {
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      const problem = checkReferences(item, hasPart, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Checks a text (JSON) action body: a reply with no parts, so it may not refer to any. */
export function checkTextPayload(text: string): PayloadVerdict {
  const parsed = parseJson(text);
  if (!parsed.ok) return bad("The request body is not valid JSON.");
  const problem = checkReferences(parsed.value, () => false);
  return problem ? bad(problem) : { ok: true };
}

/** Checks a multipart action body already parsed into fields. */
export function checkFormPayload(form: FormData): PayloadVerdict {
  const names = new Set<string>();
  for (const [name] of form.entries()) names.add(name);
  // a plain form submitted to an action (progressive enhancement) has no reply root
  if (!names.has("0")) return { ok: true };
  // ids are hex in references and decimal in field names; a FormData argument ($K) lives in
  // fields named "<id>_<key>" and has none when it is empty, so it is not looked up
  const hasPart = (id: string, tag: string) => tag === "K" || names.has(String(parseInt(id, 16)));
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || !/^\d+$/.test(name)) continue;
    const parsed = parseJson(value);
    if (!parsed.ok) continue; // plain string parts (e.g. a Blob's text) are not JSON
    const problem = checkReferences(parsed.value, hasPart);
    if (problem) return bad(problem);
  }
  const root = parseJson(String(form.get("0")));
  return root.ok ? { ok: true } : bad("The request body is not valid.");
}

/** The content types Next accepts for an action call. */
export function actionContentType(contentType: string | null): "text" | "multipart" | "urlencoded" | null {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return /boundary=/.test(type) ? "multipart" : null;
  if (type.startsWith("application/x-www-form-urlencoded")) return "urlencoded";
  if (type.startsWith("text/plain") || type === "") return "text";
  return null;
}
