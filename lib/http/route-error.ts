/**
 * JSON error answers for route handlers: a DomainError keeps its status and message;
 * anything else is logged and answered with a generic 500 (no internals leak).
 */
import { DomainError } from "@/lib/errors";

export function routeError(error: unknown): Response {
  if (error instanceof DomainError) {
    return Response.json({ error: error.message, issues: error.fieldErrors }, { status: error.status });
  }
  console.error("[route] unexpected error", error);
  return Response.json({ error: "Something went wrong on our side." }, { status: 500 });
}

/** `attachment; filename="…"; filename*=UTF-8''…` with a plain-ASCII fallback name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
