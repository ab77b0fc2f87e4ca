/**
 * JSON error answers for the portfolio's route handlers: DomainErrors (401, 403, 404, …)
 * with their message, zod issues as 400, anything else logged and answered generically.
 */
import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";

export function jsonError(error: unknown): Response {
  if (error instanceof DomainError) {
    return Response.json({ error: error.message }, { status: error.status, headers: { "cache-control": "no-store" } });
  }
  console.error("[api] unexpected error", error);
  return Response.json({ error: "Something went wrong on our side." }, { status: 500, headers: { "cache-control": "no-store" } });
}

export function badRequest(error: z.ZodError, message = "Invalid query parameters."): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return Response.json({ error: message, issues }, { status: 400, headers: { "cache-control": "no-store" } });
}
