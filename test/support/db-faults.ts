/**
 * A database client that fails on purpose, for tests of what an answer says when PostgreSQL
 * goes away at the worst moment. A test file replaces getDb with it (vi.mock is hoisted per
 * file, so the call stays in the file; what it does lives here):
 *
 *   vi.mock("@/lib/db/client", async (importOriginal) => (await import("@/test/support/db-faults")).faultyClientModule(await importOriginal()));
 *   afterEach(resetFaults);
 *
 * and sets fields of `faults` to inject them.
 * With every fault off it passes everything through unchanged.
 */
import type * as client from "@/lib/db/client";

type Db = client.Db;

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

/** The faults the client injects now; a test sets them, resetFaults clears them. */
export const faults: DbFaults = { goneAfterCommit: false, gone: false, failStores: 0 };

export function resetFaults(): void {
  Object.assign(faults, { goneAfterCommit: false, gone: false, failStores: 0 });
}

/** The client module with getDb answering the faulty client over the real one. */
export function faultyClientModule(real: typeof client): typeof client {
  return { ...real, getDb: async () => faultyDb(await real.getDb(), faults) };
}
