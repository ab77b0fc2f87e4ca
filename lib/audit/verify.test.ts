import { describe, expect, it } from "vitest";
import { GENESIS_HASH, hashEvent, type StoredEvent } from "./chain";
import { verifyChain, type AuditBatchReader } from "./verify";

function chain(n: number, seqs?: number[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: "u1",
      actorLabel: "a@example.com",
      action: "update",
      entityType: "cluster",
      entityId: `c${i}`,
      clusterId: `c${i}`,
      scorecardId: null,
      before: { brokerCount: i },
      after: { brokerCount: i + 1 },
    };
    const hash = hashEvent(prev, content);
    events.push({ ...content, seq: BigInt(seqs?.[i] ?? i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

/** A reader over an in-memory list that also counts how many batches were read. */
function reader(events: StoredEvent[]) {
  const calls: number[] = [];
  const read: AuditBatchReader = async (afterSeq, limit) => {
    calls.push(limit);
    return events.filter((e) => afterSeq === null || e.seq > afterSeq).slice(0, limit);
  };
  return { read, calls };
}

describe("verifyChain", () => {
  it("accepts an empty log", async () => {
    expect(await verifyChain(reader([]).read)).toEqual({ ok: true, checked: 0, headSeq: null, headHash: GENESIS_HASH, broken: null });
  });

  it("accepts an intact chain read in several batches and reports its head", async () => {
    const events = chain(7);
    const { read, calls } = reader(events);
    const result = await verifyChain(read, { batchSize: 3 });
    expect(result).toMatchObject({ ok: true, checked: 7, headSeq: "7", headHash: events[6].hash, broken: null });
    expect(calls).toHaveLength(3);
  });

  it("accepts gaps in seq when the chain links (rolled-back transactions use up numbers)", async () => {
    expect((await verifyChain(reader(chain(4, [1, 2, 5, 9])).read, { batchSize: 2 })).ok).toBe(true);
  });

  it("reports an altered row at that row", async () => {
    const events = chain(6);
    events[2] = { ...events[2], after: { brokerCount: 99 } };
    const result = await verifyChain(reader(events).read, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ seq: "3", previousSeq: "2", kind: "altered" });
    expect(result.checked).toBe(3);
    expect(result.headSeq).toBe("2");
  });

  it("reports an altered row whose hash was recomputed at the next row", async () => {
    const events = chain(4);
    const forged = { ...events[1], actorLabel: "someone-else@example.com" };
    events[1] = { ...forged, hash: hashEvent(forged.prevHash, forged) };
    const result = await verifyChain(reader(events).read);
    expect(result.broken).toMatchObject({ seq: "3", previousSeq: "2", kind: "missing-or-reordered" });
  });

  it("reports a deleted row at the row after it, also across a batch boundary", async () => {
    for (const deleted of [1, 3, 4]) {
      const events = chain(6).filter((_, i) => i !== deleted);
      const result = await verifyChain(reader(events).read, { batchSize: 2 });
      expect(result.ok).toBe(false);
      expect(result.broken?.seq).toBe(String(deleted + 2));
      expect(result.broken?.kind).toBe("missing-or-reordered");
      expect(result.broken?.message).toMatch(/deleted/);
    }
  });

  it("reports a deleted first row at the new first row", async () => {
    const result = await verifyChain(reader(chain(3).slice(1)).read);
    expect(result.broken).toMatchObject({ seq: "2", previousSeq: null });
    expect(result.broken?.message).toContain("the start of the log");
  });

  it("reports swapped rows", async () => {
    const events = chain(4);
    [events[1], events[2]] = [
      { ...events[2], seq: 2n },
      { ...events[1], seq: 3n },
    ];
    expect((await verifyChain(reader(events).read)).broken?.seq).toBe("2");
  });
});
