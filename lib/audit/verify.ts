/**
 * Walks the audit hash chain in sequence order, one batch at a time, and reports the first
 * broken link. Independent of the database: the caller passes a reader that returns the
 * events after a given seq (lib/audit/queries.ts reads them from PostgreSQL), so the walk
 * is unit-tested and memory stays flat however long the log is.
 *
 * What it detects: a row whose content no longer matches its hash (altered), and a row
 * whose previous-hash does not match the row before it (a row in between was deleted, or
 * rows were reordered or inserted). Gaps in seq alone are not tampering: a transaction that
 * rolls back still consumes a sequence number, so only the chain decides. What a chain
 * cannot show on its own is the removal of the newest rows; compare the reported head
 * hash and count with a value you kept elsewhere (the script prints both) to catch that.
 */
import { findBrokenLink, GENESIS_HASH, type StoredEvent } from "./chain";

/** Returns up to `limit` events with seq greater than `afterSeq` (all when null), in seq order. */
export type AuditBatchReader = (afterSeq: bigint | null, limit: number) => Promise<StoredEvent[]>;

export interface ChainBreak {
  /** seq of the first event whose link is broken */
  seq: string;
  /** seq of the last event that verified, or null when the break is at the first event */
  previousSeq: string | null;
  kind: "altered" | "missing-or-reordered";
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  /** events checked (up to and including the broken one) */
  checked: number;
  /** seq and hash of the newest event checked: keep them to detect later truncation */
  headSeq: string | null;
  headHash: string;
  broken: ChainBreak | null;
}

/** Verifies the whole chain; stops at the first broken link. */
export async function verifyChain(read: AuditBatchReader, options: { batchSize?: number } = {}): Promise<ChainVerification> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  let afterSeq: bigint | null = null;
  let prevHash = GENESIS_HASH;
  let checked = 0;

  for (;;) {
    const batch = await read(afterSeq, batchSize);
    if (batch.length === 0) break;
    const broken = findBrokenLink(batch, prevHash);
    if (broken) {
      const index = batch.findIndex((e) => e.seq === broken.seq);
      // the last event that verified: the one before the break
      const previousSeq = index > 0 ? batch[index - 1].seq : afterSeq;
      const previousHash = index > 0 ? batch[index - 1].hash : prevHash;
      return {
        ok: false,
        checked: checked + index + 1,
        headSeq: previousSeq === null ? null : previousSeq.toString(),
        headHash: previousHash,
        broken: describeBreak(batch[index], previousSeq, previousHash),
      };
    }
    checked += batch.length;
    const last = batch[batch.length - 1];
    afterSeq = last.seq;
    prevHash = last.hash;
    if (batch.length < batchSize) break;
  }
  return { ok: true, checked, headSeq: afterSeq === null ? null : afterSeq.toString(), headHash: prevHash, broken: null };
}

function describeBreak(event: StoredEvent, previousSeq: bigint | null, expectedPrevHash: string): ChainBreak {
  const seq = event.seq.toString();
  const prev = previousSeq === null ? null : previousSeq.toString();
  if (event.prevHash !== expectedPrevHash) {
    const where = prev === null ? "the start of the log" : `event #${prev}`;
    return {
      seq,
      previousSeq: prev,
      kind: "missing-or-reordered",
      message: `Event #${seq} does not follow ${where}: its previous-hash does not match, so an event between them was deleted, or events were inserted or reordered.`,
    };
  }
  return {
    seq,
    previousSeq: prev,
    kind: "altered",
    message: `Event #${seq} was altered after it was recorded: its content no longer matches its hash.`,
  };
}
