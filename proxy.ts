/**
 * Runs before every request (Next.js 16 proxy): refuses what no route should see and sets
 * the security headers, including the per-request CSP nonce.
 * - an address with broken %-escapes or an encoded NUL → 400 (JSON under /api, a page
 *   otherwise), with the security headers, instead of Next's bare-text answer;
 * - a state-changing request from another origin, or made with the session cookie and no
 *   Origin → 403 (lib/http/request-guard.ts has the rule; server actions check it again);
 * - a server-action body over the limit → 413, one Next cannot decode → 400 (Next itself
 *   would answer both with a 500);
 * - auth and API answers (everything under /api) are never cached (Cache-Control: no-store).
 * Authorization is not decided here: every page, action and route checks it itself.
 */
import { NextResponse, type NextRequest } from "next/server";
import { actionContentType, checkFormPayload, checkTextPayload } from "@/lib/http/action-payload";
import { originRefusal, serverActionBodyRefusal, urlRefusal, type Refusal } from "@/lib/http/request-guard";
import { contentSecurityPolicy, createNonce, SECURITY_HEADERS } from "@/lib/http/security-headers";
import { escapeHtml } from "@/lib/reports/html-template";

const dev = process.env.NODE_ENV !== "production";

function withSecurityHeaders(response: Response, csp: string, noStore: boolean): Response {
  response.headers.set("Content-Security-Policy", csp);
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(key, value);
  if (noStore) response.headers.set("Cache-Control", "no-store");
  return response;
}

function refusalResponse(refusal: Refusal, asJson: boolean): Response {
  if (asJson) return Response.json({ error: refusal.message }, { status: refusal.status });
  const title = refusal.status === 403 ? "Not allowed" : refusal.status === 413 ? "Too large" : "Bad request";
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Drillbook</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<p style="color: #64748b">${refusal.status}</p><h1>${title}</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Back to Drillbook</a></p></body></html>`;
  return new Response(page, { status: refusal.status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** The raw path as sent: nextUrl may already hold a normalised form. */
function rawPath(request: NextRequest): { pathname: string; search: string } {
  const url = request.url;
  const afterHost = url.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const queryAt = afterHost.indexOf("?");
  return queryAt === -1 ? { pathname: afterHost, search: "" } : { pathname: afterHost.slice(0, queryAt), search: afterHost.slice(queryAt) };
}

/** Next answers a server-action body it cannot decode with a 500; refuse those first. */
async function actionPayloadRefusal(request: NextRequest): Promise<Refusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = actionContentType(request.headers.get("content-type"));
  if (type === null) return { status: 400, message: "A server action is called with a text or multipart/form-data body." };
  if (type === "urlencoded") return null;
  let verdict;
  if (type === "text") verdict = checkTextPayload(await request.clone().text());
  else {
    try {
      verdict = checkFormPayload(await request.clone().formData());
    } catch {
      return { status: 400, message: "The request body is not valid multipart/form-data." };
    }
  }
  return verdict.ok ? null : { status: 400, message: verdict.message };
}

export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, dev);
  const { pathname, search } = rawPath(request);
  const isApi = pathname.startsWith("/api/");
  // auth and API answers are private to the caller (the two public schema documents too, for simplicity)
  const noStore = isApi;
  const isAction = request.headers.has("next-action");

  const refusal =
    urlRefusal(pathname, search) ??
    originRefusal(request.method, pathname, request.headers) ??
    serverActionBodyRefusal(request.method, request.headers) ??
    (await actionPayloadRefusal(request));
  if (refusal) return withSecurityHeaders(refusalResponse(refusal, isApi || isAction), csp, true);

  // Next reads the nonce from the request's policy and puts it on the scripts it renders
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withSecurityHeaders(response, csp, noStore);
}

export const config = {
  // everything but the build's static files (their headers come from next.config.js)
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
