/**
 * The write transaction's bounded retry: a real deadlock between two writers (PostgreSQL
 * aborts one with 40P01) ends with both committed, and a failure that is not transient, or
 * a transient one that outlasts the attempts, reaches the caller after a bounded number of
 * tries.
 */
import { inject, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeCluster } from "@/test/support/portfolio-fixtures";
import { isTransientWriteError, writeTransaction } from "./transaction";

const serializationFailure = () => Object.assign(new Error("Transaction failed due to a write conflict or a deadlock"), { code: "P2034" });

describe("writeTransaction retries", () => {
  it("knows a deadlock, a serialization failure and a pool wait from everything else", () => {
    expect(isTransientWriteError(serializationFailure())).toBe(true);
    expect(isTransientWriteError({ code: "P2010", message: "Raw query failed. Code: `40P01`. Message: `deadlock detected`" })).toBe(true);
    expect(isTransientWriteError({ code: "P2010", meta: { code: "40001" }, message: "could not serialize access due to concurrent update" })).toBe(true);
    expect(isTransientWriteError({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
    expect(isTransientWriteError({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isTransientWriteError(new Error("boom"))).toBe(false);
    expect(isTransientWriteError(null)).toBe(false);
  });

  it("runs the work again after a transient failure, and gives up after five attempts", async () => {
    let calls = 0;
    await expect(
      writeTransaction(async () => {
        calls += 1;
        if (calls < 3) throw serializationFailure();
        return "stored";
      }),
    ).resolves.toBe("stored");
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      writeTransaction(async () => {
        calls += 1;
        throw serializationFailure();
      }),
    ).rejects.toMatchObject({ code: "P2034" });
    expect(calls).toBe(5);

    calls = 0;
    await expect(
      writeTransaction(async () => {
        calls += 1;
        throw new Error("not transient");
      }),
    ).rejects.toThrow("not transient");
    expect(calls).toBe(1);
  }, 30_000);

  // the embedded database has one connection: two transactions cannot interleave there
  it.skipIf(!inject("databaseUrl"))(
    "two writers locking two clusters in opposite orders both commit: the deadlock victim is retried (PostgreSQL)",
    async () => {
      const db = await getDb();
      const [a, b] = [await makeCluster(), await makeCluster()];
      let attempts = 0;
      let bothHoldFirst: () => void = () => {};
      let held = 0;
      const barrier = new Promise<void>((resolve) => (bothHoldFirst = resolve));
      const writer = (first: string, second: string, note: string) =>
        writeTransaction(async (tx) => {
          attempts += 1;
          await tx.$executeRaw`UPDATE cluster SET notes = ${note} WHERE id = ${first}`;
          if (++held === 2) bothHoldFirst();
          // wait until the other writer holds its first row too (a retry does not wait again)
          await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 2_000))]);
          await tx.$executeRaw`UPDATE cluster SET notes = ${note} WHERE id = ${second}`;
          return note;
        });
      const results = await Promise.allSettled([writer(a.id, b.id, "one"), writer(b.id, a.id, "two")]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      // one of them was aborted by PostgreSQL's deadlock detector and ran again
      expect(attempts).toBeGreaterThanOrEqual(3);
      const notes = await db.cluster.findMany({ where: { id: { in: [a.id, b.id] } }, select: { notes: true } });
      // the writer that committed last wrote both rows
      expect(new Set(notes.map((n) => n.notes)).size).toBe(1);
    },
    30_000,
  );
});
