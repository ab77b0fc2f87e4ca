/**
 * The API's endpoint registry: each endpoint is declared once, with the zod schemas of its
 * path parameters, query, body and response, and the permission it needs. Route handlers
 * run on these declarations (lib/api/handler.ts) and the OpenAPI document is generated from
 * them (lib/api/openapi.ts), so the document cannot drift from what the code validates.
 *
 * A new endpoint: declare it with defineEndpoint in a module under lib/api/endpoints/,
 * import that module in lib/api/endpoints/index.ts, and serve it with apiRoute from a route
 * file under app/api/v1/. A test fails when a route is missing from the registry.
 */
import type { z } from "zod";
import type { Permission } from "@/lib/access/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiEndpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI-style path below /api/v1, e.g. "/clusters/{id}" */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless the endpoint creates something */
  successStatus?: 200 | 201;
  /**
   * An answer that is well-formed but says "no" (the readiness gate's 412): the same body as
   * the success, with this status when `when(body)` is true, so `curl --fail` stops a pipeline.
   */
  unmet?: { status: 412; description: string; when: (body: z.output<R>) => boolean };
  /** error statuses the endpoint can answer besides 401, 403, 429 and 500 */
  errors?: (400 | 404 | 409 | 413 | 415 | 502)[];
  /** largest accepted JSON body, in bytes (default 1 MiB); a function when it follows a setting */
  maxBodyBytes?: number | (() => number);
}

const registry = new Map<string, ApiEndpoint>();

/** Declares (and registers) an endpoint. */
export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: ApiEndpoint<P, Q, B, R>,
): ApiEndpoint<P, Q, B, R> {
  const key = `${endpoint.method} ${endpoint.path}`;
  const existing = registry.get(key);
  if (existing && existing !== (endpoint as unknown as ApiEndpoint)) {
    if (existing.operationId !== endpoint.operationId) throw new Error(`API endpoint declared twice: ${key}`);
  }
  registry.set(key, endpoint as unknown as ApiEndpoint);
  return endpoint;
}

/** Every registered endpoint, in path order. */
export function registeredEndpoints(): ApiEndpoint[] {
  return [...registry.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
