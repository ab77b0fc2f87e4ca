/**
 * Builds the OpenAPI 3.1 document from the endpoint registry (pure: zod in, JSON out).
 * Schemas come from z.toJSONSchema (JSON Schema 2020-12, which OpenAPI 3.1 uses as is):
 * request schemas as the input they accept, responses as the output they produce.
 */
import { z } from "zod";
import { scopeFor } from "@/lib/tokens/scopes";
import type { ApiEndpoint } from "./registry";
import { apiErrorSchema } from "@/lib/http/respond";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // preprocess/transform steps (form-friendly coercion) have no JSON Schema form: they are
  // described by the schema they feed into, or left open
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

function parametersOf(schema: z.ZodType | undefined, where: "path" | "query"): Parameter[] {
  if (!schema) return [];
  const json = toSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON, or a body, query or path parameter that fails validation (see issues)",
  401: "Missing, unknown, revoked or expired token",
  403: "The token lacks the scope, or its creator's role does not allow this",
  404: "Not found",
  409: "Conflicts with the current state (for example, a name already taken)",
  413: "Body too large",
  422: "The Idempotency-Key was already used with another request",
  415: "Body is not JSON",
  502: "A remote system (such as the Prometheus data source) failed; the message names the cause and nothing was stored",
  429: "Rate limit exceeded; retry after the number of seconds in Retry-After",
  500: "Unexpected server error (no details are disclosed)",
};

/** Every POST accepts one (lib/api/idempotency.ts). */
const IDEMPOTENCY_KEY: Parameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique string of printable ASCII (a UUID, say), up to 255 characters. A retry with the same key and body within 24 h is not carried out again: it gets the first answer (header Idempotent-Replayed: true), or 409 while the first is still being answered or when its answer was lost after it was stored (code idempotent_answer_lost); the same key with another body gets 422.",
  schema: { type: "string", maxLength: 255 },
};

function operation(endpoint: ApiEndpoint) {
  const scope = scopeFor(endpoint.permission);
  const success = String(endpoint.successStatus ?? 200);
  const statuses = [
    ...new Set([
      ...(endpoint.errors ?? []),
      ...(endpoint.body || endpoint.query ? [400] : []),
      ...(endpoint.method === "POST" ? [409, 422] : []),
      401,
      403,
      429,
      500,
    ]),
  ].sort((a, b) => a - b);
  const responses: Record<string, unknown> = {
    [success]: {
      description: success === "201" ? "Created" : "OK",
      content: { "application/json": { schema: toSchema(endpoint.response, "output") } },
    },
  };
  if (endpoint.unmet) {
    responses[String(endpoint.unmet.status)] = {
      description: endpoint.unmet.description,
      content: { "application/json": { schema: toSchema(endpoint.response, "output") } },
    };
  }
  for (const status of statuses) {
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      ...(status === 429 ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } } : {}),
    };
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    // reads accept a signed-in browser session too; writes need a token
    security: endpoint.method === "GET" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [{ bearerAuth: [] }],
    "x-required-scope": scope,
    parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query"), ...(endpoint.method === "POST" ? [IDEMPOTENCY_KEY] : [])],
    ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(endpoint.body, "input") } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the given endpoints. */
export function buildOpenApiDocument(endpoints: ApiEndpoint[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  const errorSchema = toSchema(apiErrorSchema, "output");
  return {
    openapi: "3.1.0",
    info: {
      title: "Drillbook API",
      version: "1",
      description:
        "Automation access to Drillbook. Authenticate with an API token created by an admin (Admin → Tokens): " +
        "`Authorization: Bearer dbk_…`. Each token carries scopes (read, write:clusters, write:drills, write:evidence, admin:datasources) " +
        "and acts as the admin who created it, never beyond that person's current role. A signed-in browser session may " +
        "also read (GET). Requests are rate-limited per token; a 429 answer carries Retry-After.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "dbk_<43 characters>" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: { Error: errorSchema },
    },
  };
}
