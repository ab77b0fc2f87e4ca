import type { NextRequest } from "next/server";
import { authenticateApiRequest, authenticateToken, authorizeApiCaller } from "@/lib/api/auth";
import { DomainError } from "@/lib/errors";
import { readinessGate } from "@/lib/readiness/gate";
import { problemBadge, readinessBadge } from "@/lib/readiness/badge";

export const dynamic = "force-dynamic";

const MESSAGES: Record<number, string> = { 401: "token not valid", 403: "not allowed", 404: "not found" };

function svg(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // wiki and README pages fetch it through image proxies: let them revalidate, never share it
      "Cache-Control": "private, no-cache, max-age=0",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}

/**
 * GET /api/badges/clusters/{name}.svg?template=<key>&token=<API token> — the readiness badge.
 * The token goes in the query string because image tags cannot send headers; give it the
 * "read:badge" scope, which reads nothing else. A signed-in browser needs no token.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const file = (await params).name;
  if (!file.endsWith(".svg")) return svg(problemBadge("use <name>.svg"), 404);
  const name = file.slice(0, -4);
  const template = request.nextUrl.searchParams.get("template") ?? undefined;
  const token = request.nextUrl.searchParams.get("token");
  try {
    const caller = token ? await authenticateToken(token) : await authenticateApiRequest(request);
    authorizeApiCaller(caller, "badge:read", "GET");
    const answer = await readinessGate(caller.user, name, { template, require: "production_test" });
    return svg(readinessBadge(answer.outcome, answer.score, template ? (answer.template?.name ?? template) : null));
  } catch (error) {
    if (error instanceof DomainError && MESSAGES[error.status]) return svg(problemBadge(MESSAGES[error.status]), error.status);
    console.error("[badge] unexpected error:", error);
    return svg(problemBadge("unavailable"), 500);
  }
}
