/**
 * The security headers of every answer, and the Content Security Policy. Scripts run only
 * with the per-request nonce that proxy.ts puts in the policy (Next.js reads it from the
 * request's Content-Security-Policy header and stamps it on its own inline and bootstrap
 * scripts); 'strict-dynamic' lets those scripts load the app's chunks. No 'unsafe-inline'
 * for scripts. Styles keep 'unsafe-inline': React and the charts set style attributes.
 */

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The policy for one answer; `dev` adds 'unsafe-eval', which the dev server's refresh needs. */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every answer carries besides the policy (next.config.js sets the same ones for static files). */
export const SECURITY_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
