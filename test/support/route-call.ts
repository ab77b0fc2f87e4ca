/** Test helper: calls a route handler of /api/v1 in process, as Next.js would, with a bearer token. */

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteCall {
  method: string;
  /** below /api/v1, e.g. "/drills" */
  path: string;
  token: string;
  /** sent as JSON when given */
  body?: unknown;
  params?: Record<string, string>;
  idempotencyKey?: string;
}

/** The handler's answer: status, the Idempotent-Replayed header and the JSON body. */
export async function callRoute(handler: RouteHandler, call: RouteCall) {
  const headers: Record<string, string> = { authorization: `Bearer ${call.token}` };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  if (call.idempotencyKey) headers["idempotency-key"] = call.idempotencyKey;
  const request = new Request(`http://127.0.0.1:3000/api/v1${call.path}`, {
    method: call.method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  return { status: response.status, replayed: response.headers.get("idempotent-replayed"), json: await response.json() };
}
