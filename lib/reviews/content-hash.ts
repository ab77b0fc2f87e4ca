/**
 * The content hash a sign-off is bound to: SHA-256 of a canonical JSON form of what people
 * wrote and attached to a scorecard — each item's status, justification, notes and owner
 * role, its evidence list (with the stored file's SHA-256) and its granted exemptions.
 * Comments, exemption requests and anything computed (staleness, outcome) are left out, so
 * a discussion never changes the hash while any edit does. Pure: no Next, React or Prisma.
 */
import { createHash } from "node:crypto";

/** The rows the hash reads (scorecardPageSelect's rows fit this shape, and so does contentSelect). */
export interface ContentRow {
  items: {
    status: string;
    justification: string | null;
    notes: string;
    ownerRole: string | null;
    templateItem: { key: string };
    evidence: {
      kind: string;
      title: string;
      url: string | null;
      body: string | null;
      capturedAt: Date;
      realisticTraffic: boolean;
      drillId: string | null;
      file: { filename: string; size: number; sha256: string } | null;
    }[];
    exemptions: { status: string; justification: string; expiresAt: Date }[];
  }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level, so equal content always serializes the same. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Sorts canonical entries so the order rows come back in never matters. */
function sortedEntries(entries: Json[]): Json[] {
  return entries.map((e) => [canonicalJson(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** The canonical content document (exported for tests and for anyone re-computing a hash). */
export function scorecardContent(row: ContentRow): Json {
  const items = row.items
    .map((item) => ({
      key: item.templateItem.key,
      status: item.status,
      justification: item.justification ?? "",
      notes: item.notes,
      ownerRole: item.ownerRole,
      evidence: sortedEntries(
        item.evidence.map((e) => ({
          kind: e.kind,
          title: e.title,
          url: e.url,
          body: e.body,
          capturedAt: e.capturedAt.toISOString(),
          realisticTraffic: e.realisticTraffic,
          drillId: e.drillId,
          file: e.file ? { filename: e.file.filename, size: e.file.size, sha256: e.file.sha256 } : null,
        })),
      ),
      exemptions: sortedEntries(
        item.exemptions
          .filter((x) => x.status === "granted")
          .map((x) => ({ justification: x.justification, expiresAt: x.expiresAt.toISOString() })),
      ),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { format: "drillbook.scorecard-content/v1", items };
}

/** SHA-256 (hex) of the scorecard's canonical content. */
export function scorecardContentHash(row: ContentRow): string {
  return createHash("sha256").update(canonicalJson(scorecardContent(row))).digest("hex");
}

/** The first characters people compare on screen ("#3fa9c2d01e"). */
export function shortHash(hash: string): string {
  return hash.slice(0, 10);
}
