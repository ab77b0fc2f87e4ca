/**
 * JSON answers of every route handler (the API, downloads, the portfolio's JSON): the one
 * error shape of the HTTP transport, as lib/action.ts is the one of server actions.
 * Errors always have the shape { error, issues? }; only expected
 * (domain) errors say what went wrong, anything else is logged here and answered with a
 * generic 500 that carries no stack trace or internal message.
 */
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { fieldIssuesFirst } from "@/lib/validation/text";

export const apiIssueSchema = z.object({
  path: z.string().meta({ description: "Dotted path of the offending field; empty for the whole body" }),
  message: z.string(),
});
export const apiErrorSchema = z.object({ error: z.string(), issues: z.array(apiIssueSchema).optional() }).meta({ description: "Every 4xx and 5xx answer" });

export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** A request the API refuses before any domain code runs (400, 413, 415, 429). */
export class ApiRequestError extends DomainError {
  constructor(
    message: string,
    status: number,
    readonly issues: ApiIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message, {}, status);
    this.name = "ApiRequestError";
  }
}

/** zod issues as the API's { path, message } list. */
export function toIssues(error: z.ZodError): ApiIssue[] {
  return fieldIssuesFirst(error.issues).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

const BASE_HEADERS = { "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * The answer for any thrown error. `where` names the endpoint in the server log;
 * `committedWrites` counts the request's writes that were already stored, so an answer never
 * says "nothing was changed" about a change that was.
 */
export function errorResponse(error: unknown, where: string, headers: Record<string, string> = {}, committedWrites = 0): Response {
  if (error instanceof ApiRequestError) {
    const body = error.issues.length ? { error: error.message, issues: error.issues } : { error: error.message };
    return jsonResponse(body, error.status, { ...headers, ...error.headers });
  }
  if (error instanceof DomainError) {
    const issues = Object.entries(error.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
    const extra: Record<string, string> = error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="drillbook"' } : {};
    // only the message and field errors leave the server (a ConflictError's `current` row does not)
    return jsonResponse(issues.length ? { error: error.message, issues } : { error: error.message }, error.status, { ...headers, ...extra });
  }
  console.error(`[api] unexpected error in ${where}:`, error);
  if (committedWrites > 0) {
    const message =
      "Your change was stored, but the answer could not be completed. Look the result up before sending the request again (or resend it with the same Idempotency-Key).";
    return jsonResponse({ error: message }, 500, headers);
  }
  return jsonResponse({ error: "Something went wrong on our side. Nothing was changed; please try again." }, 500, headers);
}

/** A query string the route refuses: 400 with the zod issues as { path, message }. */
export function badQueryResponse(error: z.ZodError, where: string, message = "Invalid query parameters."): Response {
  return errorResponse(new ApiRequestError(message, 400, toIssues(error)), where);
}
