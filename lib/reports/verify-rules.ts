/**
 * Where two canonical content documents (lib/readiness/content-hash.ts) first differ, in plain
 * words: which item, which field, what each side says. Used to explain a report that does not
 * match what Drillbook holds. Pure: no Next, React or Prisma imports.
 */
import type { Json } from "@/lib/readiness/content-hash";

type Doc = { format?: Json; items?: Json };
type Entry = Record<string, Json>;

const asItems = (doc: Json): Entry[] => (Array.isArray((doc as Doc)?.items) ? ((doc as Doc).items as Json[]).filter(isEntry) : []);
const isEntry = (v: Json): v is Entry => v !== null && typeof v === "object" && !Array.isArray(v);
const show = (v: Json | undefined) =>
  v === undefined ? "nothing" : typeof v === "string" ? `“${v.length > 80 ? `${v.slice(0, 77)}…` : v}”` : JSON.stringify(v);
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** What differs inside one evidence or exemption list, or null. */
function listDifference(what: { one: string; many: string }, mine: Json | undefined, theirs: Json | undefined): string | null {
  const a = Array.isArray(mine) ? mine : [];
  const b = Array.isArray(theirs) ? theirs : [];
  if (a.length !== b.length) return `the report lists ${a.length} ${what.many}, Drillbook ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (same(a[i], b[i])) continue;
    const x = isEntry(a[i]) ? (a[i] as Entry) : {};
    const y = isEntry(b[i]) ? (b[i] as Entry) : {};
    const label = typeof y.title === "string" ? ` “${y.title}”` : ` ${i + 1}`;
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (!same(x[key], y[key])) return `${what.one}${label}: ${key} is ${show(x[key])} in the report, ${show(y[key])} in Drillbook`;
    }
  }
  return null;
}

/** The first difference between the report's content and Drillbook's, or null when they are equal. */
export function firstDifference(report: Json, stored: Json): string | null {
  if (!same((report as Doc)?.format, (stored as Doc)?.format))
    return `the content format is ${show((report as Doc)?.format)}, Drillbook's ${show((stored as Doc)?.format)}`;
  const mine = new Map(asItems(report).map((i) => [String(i.key), i]));
  const theirs = new Map(asItems(stored).map((i) => [String(i.key), i]));
  for (const key of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const a = mine.get(key);
    const b = theirs.get(key);
    if (!a) return `item ${key} is missing from the report`;
    if (!b) return `item ${key} is in the report but not in the scorecard`;
    for (const field of ["status", "justification", "notes", "ownerRole"]) {
      if (!same(a[field], b[field])) return `item ${key}: ${field} is ${show(a[field])} in the report, ${show(b[field])} in Drillbook`;
    }
    const evidence = listDifference({ one: "piece of evidence", many: "pieces of evidence" }, a.evidence, b.evidence);
    if (evidence) return `item ${key}: ${evidence}`;
    const exemptions = listDifference({ one: "granted exemption", many: "granted exemptions" }, a.exemptions, b.exemptions);
    if (exemptions) return `item ${key}: ${exemptions}`;
    if (!same(a, b)) return `item ${key} differs`;
  }
  return same(report, stored) ? null : "the documents differ outside their items";
}
