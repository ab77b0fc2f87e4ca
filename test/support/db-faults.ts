/**
 * A database client that fails on purpose, for tests of what an answer says when PostgreSQL
 * goes away at the worst moment. A test file replaces getDb with it:
 *
 *   const faults = vi.hoisted(() => ({ goneAfterCommit: false, gone: false, failStores: 0 }));
 *   vi.mock("@/lib/db/client", async (importOriginal) => {
 *     const real = await importOriginal<typeof import("@/lib/db/client")>();
 *     const { faultyDb } = await import("@/test/support/db-faults");
 *     return { ...real, getDb: async () => faultyDb(await real.getDb(), faults) };
 *   });
 *
 * With every fault off it passes everything through unchanged.
 */
import type { Db } from "@/lib/db/client";

export interface DbFaults {
  /** set: the next transaction that commits makes the database "gone" right after its commit */
  goneAfterCommit: boolean;
  /** set: every use of the client throws, as with a database that restarts */
  gone: boolean;
  /** this many calls of idempotencyKey.updateMany (storing an answer) throw first */
  failStores: number;
}

/** What Prisma throws when the server cannot be reached. */
export const databaseGone = () => Object.assign(new Error("Can't reach database server (simulated restart)"), { code: "P1001" });

function bound(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target);
  return typeof value === "function" ? value.bind(target) : value;
}

/** `db` with the faults `faults` asks for at the moment of each call. */
export function faultyDb(db: Db, faults: DbFaults): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (faults.gone) throw databaseGone();
      if (prop === "$transaction") {
        const transaction = bound(target, prop) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          const result = await transaction(...args);
          if (faults.goneAfterCommit) {
            faults.goneAfterCommit = false;
            faults.gone = true;
          }
          return result;
        };
      }
      if (prop === "idempotencyKey") {
        return new Proxy(target.idempotencyKey, {
          get(delegate, name) {
            if (faults.gone) throw databaseGone();
            if (name === "updateMany" && faults.failStores > 0) {
              return async () => {
                faults.failStores -= 1;
                throw databaseGone();
              };
            }
            return bound(delegate, name);
          },
        });
      }
      return bound(target, prop);
    },
  });
}
