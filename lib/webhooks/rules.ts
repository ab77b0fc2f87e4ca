/** Retry policy of webhook deliveries. Pure. */

/** After this many failed attempts a delivery is marked failed and left alone. */
export const MAX_ATTEMPTS = 8;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;

/**
 * Exponential backoff before attempt `attempts + 1`: base × 2^(attempts − 1), capped.
 * With the defaults: 30 s, 1 min, 2 min, 4 min, … up to 1 h.
 */
export function backoffDelayMs(attempts: number, baseMs = BASE_DELAY_MS, maxMs = MAX_DELAY_MS): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}

/** A short, secret-free description of a failed attempt (never the URL: Slack puts its secret in the path). */
export function describeFailure(failure: { status: number; body: string } | { error: unknown }): string {
  if ("status" in failure) {
    const body = failure.body.replace(/\s+/g, " ").trim().slice(0, 200);
    return body ? `HTTP ${failure.status}: ${body}` : `HTTP ${failure.status}`;
  }
  const error = failure.error as { name?: string; code?: string; cause?: { code?: string; message?: string } } | null;
  if (error?.name === "TimeoutError" || error?.name === "AbortError") return "Timed out";
  // undici's causes carry a code (ECONNREFUSED) or a short message ("bad port"), never the URL's path
  return error?.cause?.code ?? error?.code ?? error?.cause?.message?.slice(0, 100) ?? error?.name ?? "Request failed";
}
