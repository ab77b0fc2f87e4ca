/**
 * The one content hash of a scorecard version — sign-offs, milestones, reports (every format)
 * and the API all carry it: SHA-256 of a canonical JSON form of what people
 * wrote and attached to a scorecard — each item's status, justification, notes and owner
 * role, its evidence list (with the stored file's SHA-256) and its granted exemptions.
 * Comments, exemption requests and anything computed (staleness, outcome) are left out, so
 * a discussion never changes the hash while any edit does. So is the evidence continuous
 * checks keep fresh (kind metric_check, renewed by Drillbook every run): a sign-off holds
 * while a check keeps proving the same thing; a failing check is a regression, not an edit.
 * Pure: no Next, React or Prisma.
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

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

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The canonical text of a JSON value: RFC 8785 (JSON Canonicalization Scheme) — object keys
 * sorted, no whitespace, ECMAScript string escaping and number form — by the RFC authors'
 * reference implementation. For this document (strings, integers, booleans, null, ASCII keys)
 * it is also what `jq -jcS` prints, so anyone can recompute a hash with jq and sha256sum.
 */
export function canonicalJson(value: Json): string {
  return canonicalize(value) as string;
}

/** Sorts canonical entries so the order rows come back in never matters. */
function sortedEntries(entries: Json[]): Json[] {
  return entries
    .map((e) => [canonicalJson(e), e] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, e]) => e);
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
        item.evidence
          .filter((e) => e.kind !== "metric_check")
          .map((e) => ({
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
        item.exemptions.filter((x) => x.status === "granted").map((x) => ({ justification: x.justification, expiresAt: x.expiresAt.toISOString() })),
      ),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { format: "drillbook.scorecard-content/v1", items };
}

/** SHA-256 (hex) of a canonical content document: what a third party recomputes to check a report. */
export function contentDocumentHash(document: Json): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}

/** SHA-256 (hex) of the scorecard's canonical content: the one hash of reviews, sign-offs, milestones, reports and the API. */
export function scorecardContentHash(row: ContentRow): string {
  return contentDocumentHash(scorecardContent(row));
}

/** What the content hash reads, as a Prisma select (the same fields as scorecardPageSelect, without comments). */
export const contentSelect = {
  items: {
    select: {
      status: true,
      justification: true,
      notes: true,
      ownerRole: true,
      templateItem: { select: { key: true } },
      evidence: {
        select: {
          kind: true,
          title: true,
          url: true,
          body: true,
          capturedAt: true,
          realisticTraffic: true,
          drillId: true,
          file: { select: { filename: true, size: true, sha256: true } },
        },
      },
      exemptions: { select: { status: true, justification: true, expiresAt: true } },
    },
  },
} as const;

/** The first characters people compare on screen ("#3fa9c2d01e"). */
export function shortHash(hash: string): string {
  return hash.slice(0, 10);
}
