/**
 * What one API request carries into the writes it makes, without threading it through every
 * domain function: its Idempotency-Key (claimed inside the first write transaction, so the
 * claim commits with the write or not at all) and whether a write has committed (so an error
 * after that never claims "nothing was changed"). Node's AsyncLocalStorage follows the
 * request's async calls; outside an API request there is no context and nothing happens.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export interface IdempotencyClaim {
  principal: string;
  key: string;
  requestHash: string;
  endpoint: string;
}

export interface RequestContext {
  idempotency?: IdempotencyClaim;
  /** set by writeTransaction once the claim was stored */
  claimed: boolean;
  /** write transactions of this request that committed */
  committedWrites: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a request context (the API handler does this for every request). */
export function withRequestContext<T>(context: Omit<RequestContext, "claimed" | "committedWrites">, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...context, claimed: false, committedWrites: 0 }, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Thrown inside a write when another request already claimed the same Idempotency-Key. */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super("Idempotency-Key already claimed");
    this.name = "IdempotencyKeyTakenError";
  }
}
