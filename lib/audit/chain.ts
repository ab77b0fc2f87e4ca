/**
 * Hash chain of audit events (pure). Each event's hash covers its content and the previous
 * event's hash, so altering or deleting a stored row breaks every later link.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  clusterId: string | null;
  scorecardId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/**
 * The hash of one event given the previous event's hash. Only the content fields are
 * hashed (picked explicitly): a stored row also carries seq, prevHash and hash, which must
 * not feed into its own hash, or no stored row would ever verify.
 */
export function hashEvent(prevHash: string, content: ChainedContent): string {
  const hashed: ChainedContent = {
    at: content.at,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    clusterId: content.clusterId,
    scorecardId: content.scorecardId,
    before: content.before,
    after: content.after,
  };
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson({ ...hashed, at: content.at.toISOString() }))
    .digest("hex");
}

/** Converts values to what jsonb will give back (dates → ISO strings, bigints → strings). */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}

export interface StoredEvent extends ChainedContent {
  seq: bigint;
  prevHash: string;
  hash: string;
}

/** The first event whose link is broken, or null when the chain is intact. */
export function findBrokenLink(events: StoredEvent[], startHash = GENESIS_HASH): { seq: bigint; reason: string } | null {
  let prev = startHash;
  for (const e of events) {
    if (e.prevHash !== prev) return { seq: e.seq, reason: "its previous-hash does not match the event before it (a row was removed or reordered)" };
    if (hashEvent(e.prevHash, e) !== e.hash) return { seq: e.seq, reason: "its content does not match its hash (the row was altered)" };
    prev = e.hash;
  }
  return null;
}
