/**
 * Turns an endpoint declaration (lib/api/registry.ts) and a function into a Next.js route
 * handler. Every request takes the same path: authenticate (401), count against the
 * caller's rate limit (429 with Retry-After), authorize scope and role (403), validate path
 * parameters, query and JSON body with the declared zod schemas (400 with issues; 415 for
 * a non-JSON body, 413 when too large), run the function, and answer with the declared
 * response schema — which also drops any field the schema does not name, so a row read
 * with too wide a select cannot leak through the API. A POST with an Idempotency-Key runs at
 * most once per key, and a retry gets its stored answer or a truthful 409 (./idempotency.ts).
 */
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import type { CurrentUser } from "@/lib/auth/session";
import { findUnsafeText } from "@/lib/validation/text";
import { authenticateApiRequest, authorizeApiCaller } from "./auth";
import { consumeRateLimit } from "./mutations";
import type { ApiEndpoint } from "./registry";
import { IdempotencyKeyTakenError, withRequestContext, currentRequestContext } from "@/lib/write/request-context";
import { awaitIdempotentAnswer, findIdempotentAnswer, idempotencyKeyOf, replayAnswer, requestFingerprint, storeIdempotentAnswer } from "./idempotency";
import { ApiRequestError, errorResponse, jsonResponse, toIssues } from "@/lib/http/respond";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What a handler may return for a response schema: its shape, with dates allowed where
 * strings go (they are serialized to ISO strings) and string enums widened to string, as
 * rows read from the database carry them. The declared schema checks the rest at run time.
 */
export type ResponseInput<T> = T extends string
  ? string | Date
  : T extends (infer U)[]
    ? ResponseInput<U>[]
    : T extends object
      ? { [K in keyof T]: ResponseInput<T[K]> }
      : T;

export interface ApiContext<P, Q, B> {
  user: CurrentUser;
  params: P;
  query: Q;
  body: B;
  request: Request;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY = 1024 * 1024;

function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiRequestError(`The ${what} is invalid.`, 400, toIssues(parsed.error));
  // every schema refines its strings (with the field's own message); this catches what no schema names
  const unsafe = findUnsafeText(value);
  if (unsafe) throw new ApiRequestError(`The ${what} is invalid.`, 400, [unsafe]);
  return parsed.data;
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

async function readJsonBody(request: Request, maxBytes: number): Promise<{ value: unknown; text: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiRequestError("Send a JSON body with the header Content-Type: application/json.", 415);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiRequestError(`The body is larger than ${maxBytes} bytes.`, 413);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new ApiRequestError(`The body is larger than ${maxBytes} bytes.`, 413);
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    throw new ApiRequestError("The request body is not valid JSON.", 400, [{ path: "", message: (error as Error).message }]);
  }
}

function maxBodyBytes(endpoint: ApiEndpoint): number {
  const limit = endpoint.maxBodyBytes;
  return typeof limit === "function" ? limit() : (limit ?? DEFAULT_MAX_BODY);
}

/** Converts dates to ISO strings so responses validate against JSON-shaped schemas. */
function jsonShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonShape);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonShape(v)]));
  }
  return value;
}

/** The route handler for `endpoint`. */
export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: ApiEndpoint<P, Q, B, R>,
  /** answers the JSON body; a GET may answer a Response of its own (a non-JSON format, e.g. JUnit XML) */
  fn: (ctx: ApiContext<Out<P>, Out<Q>, Out<B>>) => Promise<ResponseInput<z.input<R>> | Response>,
) {
  const where = `${endpoint.method} /api/v1${endpoint.path}`;
  return (request: Request, context: RouteContext): Promise<Response> => withRequestContext({}, () => handle(request, context));
  async function handle(request: Request, context: RouteContext): Promise<Response> {
    const requestContext = currentRequestContext()!;
    let rateHeaders: Record<string, string> = {};
    try {
      const caller = await authenticateApiRequest(request);
      const { limit, windowSeconds } = { limit: env().DRILLBOOK_API_RATE_LIMIT, windowSeconds: env().DRILLBOOK_API_RATE_WINDOW_SECONDS };
      const rate = await consumeRateLimit(caller.rateKey, limit, windowSeconds);
      rateHeaders = {
        "X-RateLimit-Limit": String(rate.limit),
        "X-RateLimit-Remaining": String(rate.remaining),
        "X-RateLimit-Reset": String(rate.resetSeconds),
      };
      if (!rate.allowed) {
        throw new ApiRequestError(`Rate limit exceeded: at most ${limit} requests per ${windowSeconds} s. Retry after ${rate.resetSeconds} s.`, 429, [], {
          "Retry-After": String(rate.resetSeconds),
        });
      }
      authorizeApiCaller(caller, endpoint.permission, request.method);
      const params = (endpoint.params ? parseWith(endpoint.params, await context.params, "path") : undefined) as Out<P>;
      const query = (endpoint.query ? parseWith(endpoint.query, queryObject(new URL(request.url)), "query") : undefined) as Out<Q>;
      const raw = endpoint.body ? await readJsonBody(request, maxBodyBytes(endpoint)) : { value: undefined, text: "" };
      const body = (endpoint.body ? parseWith(endpoint.body, raw.value, "request body") : undefined) as Out<B>;
      const key = request.method === "POST" ? idempotencyKeyOf(request) : undefined;
      const run = async () => endpoint.response.parse(jsonShape(await fn({ user: caller.user, params, query, body, request })));
      if (!key) {
        const result = await fn({ user: caller.user, params, query, body, request });
        if (result instanceof Response) {
          for (const [name, value] of Object.entries(rateHeaders)) result.headers.set(name, value);
          return result;
        }
        const payload = endpoint.response.parse(jsonShape(result));
        const status = endpoint.unmet?.when(payload) ? endpoint.unmet.status : (endpoint.successStatus ?? 200);
        return jsonResponse(payload, status, rateHeaders);
      }

      const principal = caller.rateKey;
      const requestHash = requestFingerprint(request.method, new URL(request.url).pathname, raw.text);
      const earlier = await findIdempotentAnswer(principal, key);
      if (earlier) return replayAnswer(earlier, requestHash, rateHeaders);
      try {
        requestContext.idempotency = { principal, key, requestHash, endpoint: where };
        const payload = await run();
        const status = endpoint.successStatus ?? 200;
        // the write is committed: a store that fails even after its retries leaves the claim
        // without an answer, which a retry is told about truthfully (./idempotency.ts)
        if (requestContext.claimed) {
          await storeIdempotentAnswer(principal, key, status, payload).catch((error) =>
            console.error(`[api] storing the answer for an Idempotency-Key failed in ${where}:`, error),
          );
        }
        return jsonResponse(payload, status, rateHeaders);
      } catch (error) {
        if (!(error instanceof IdempotencyKeyTakenError)) throw error;
        // a request with the same key committed first while this one ran: answer as it did
        const first = await awaitIdempotentAnswer(principal, key);
        if (first) return replayAnswer(first, requestHash, rateHeaders);
        throw error;
      }
    } catch (error) {
      return errorResponse(error, where, rateHeaders, requestContext.committedWrites);
    }
  }
}
