/**
 * Checks every request passes before any route, page or server action sees it (run by
 * proxy.ts; the origin rule is checked again where sessions are read, lib/auth/session.ts,
 * because a proxy is not a security boundary). Pure: plain Headers and strings in, a
 * verdict out, so it is unit-tested without a server.
 */
import { unsafeTextReason } from "@/lib/validation/text";

export const SESSION_COOKIE = "better-auth.session_token";

/** Largest server-action body (keep in step with experimental.serverActions.bodySizeLimit in next.config.js). */
export const SERVER_ACTION_MAX_BYTES = 12 * 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 411 | 413;
  message: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the request carries Drillbook's session cookie (plain or __Secure- prefixed). */
export function hasSessionCookie(headers: Headers): boolean {
  return (headers.get("cookie") ?? "").split(";").some((part) =>
    part
      .trim()
      .replace(/^__Secure-/, "")
      .startsWith(`${SESSION_COOKIE}=`),
  );
}

/** The host the browser addressed, as Next's own server-action check reads it. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * "same" when the Origin header names this host (or, without an Origin, the browser says
 * Sec-Fetch-Site: same-origin), "cross" when it names another one or cannot be read, and
 * "unknown" when the request says nothing about where it came from (curl, scripts).
 */
export function requestOrigin(headers: Headers): "same" | "cross" | "unknown" {
  const origin = headers.get("origin");
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    if (site === "same-origin") return "same";
    return site === null || site === "none" ? "unknown" : "cross";
  }
  try {
    const host = requestHost(headers);
    return host !== null && new URL(origin).host === host ? "same" : "cross";
  } catch {
    return "cross"; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}

/**
 * CSRF rule: a state-changing request made with the session cookie must come from this
 * origin, and no state-changing request may name another origin. API calls with a bearer
 * token are not authenticated by the cookie and are exempt (the API refuses cookie writes).
 */
export function originRefusal(method: string, pathname: string, headers: Headers): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(headers.get("authorization") ?? "")) return null;
  const origin = requestOrigin(headers);
  if (origin === "cross") return { status: 403, message: "This request came from another site; Drillbook only accepts changes made on its own pages." };
  if (origin === "unknown" && hasSessionCookie(headers)) {
    return { status: 403, message: "A change made with a session cookie must say where it came from (Origin header)." };
  }
  return null;
}

/**
 * Server actions: Next answers an oversized body with a 500, so the size is checked from
 * Content-Length first (411 when it is missing, as the size could not be checked).
 */
export function serverActionBodyRefusal(method: string, headers: Headers, maxBytes = SERVER_ACTION_MAX_BYTES): Refusal | null {
  if (method.toUpperCase() !== "POST" || !headers.has("next-action")) return null;
  const declared = headers.get("content-length");
  if (declared === null) return { status: 411, message: "Send the request with a Content-Length header." };
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return { status: 400, message: "The Content-Length header is not a number." };
  if (length > maxBytes) return { status: 413, message: `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` };
  return null;
}

/**
 * The path and query must decode to text we can store: bad percent-encoding (`/clusters/%zz`),
 * an encoded NUL or invalid UTF-8 would otherwise fail deep inside routing or in PostgreSQL.
 */
export function urlRefusal(rawPathname: string, search: string): Refusal | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400, message: "The address is not valid: it has a broken %-escape." };
  }
  if (unsafeTextReason(path)) return { status: 400, message: "The address is not valid: it holds a character Drillbook cannot read." };
  const query = search.startsWith("?") ? search.slice(1) : search;
  for (const part of query ? query.split("&") : []) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return { status: 400, message: "The query string is not valid: it has a broken %-escape." };
    }
    if (unsafeTextReason(decoded)) return { status: 400, message: "The query string holds a character Drillbook cannot read." };
  }
  return null;
}
