/**
 * What better-auth's HTTP answers may carry out of the server. Every one is private to the
 * person asking, so none may be cached; and the session a browser reads from
 * /api/auth/get-session never includes the session token, which is the httpOnly cookie's
 * value (a script that read it could carry the session elsewhere).
 */
import "server-only";

/** Strips the token from a get-session answer and marks any auth answer Cache-Control: no-store. */
export async function privateAuthAnswer(request: Request, response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  const path = new URL(request.url).pathname;
  const isJson = (headers.get("content-type") ?? "").includes("application/json");
  if (path.endsWith("/get-session") && isJson && response.ok) {
    const body = (await response.json()) as { session?: Record<string, unknown> } | null;
    if (body?.session) delete body.session.token;
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: response.status, headers });
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
