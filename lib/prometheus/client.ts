/**
 * The HTTP client for a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics):
 * undici's fetch with a timeout, TLS verification on unless the admin turned it off, an
 * optional custom CA, a response-size cap, and one clear message per way it can fail.
 * Credentials arrive decrypted from the caller and are never put into a message or a log.
 */
import "server-only";
import { Agent, fetch, type Dispatcher } from "undici";

/** Largest answer read from Prometheus; 11,000 points × 50 series fits well under it. */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export type Connection = {
  baseUrl: string;
  auth: { kind: "none" } | { kind: "bearer"; token: string } | { kind: "basic"; username: string; password: string };
  headers: Record<string, string>;
  tlsVerify: boolean;
  caPem: string | null;
  timeoutSeconds: number;
};

export type FailureKind =
  "down" | "dns" | "tls" | "unauthorized" | "forbidden" | "bad_data" | "http" | "timeout" | "too_large" | "empty" | "not_finite" | "bad_answer";

/** A failure talking to Prometheus; `message` names the cause in plain words (never a credential). */
export class PrometheusError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "PrometheusError";
  }
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i;

/** Maps a network-level failure of fetch to a kind and message. */
function networkFailure(error: unknown, url: URL, timeoutSeconds: number): PrometheusError {
  const e = error as { name?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === "TimeoutError" || e?.cause?.name === "TimeoutError") {
    return new PrometheusError("timeout", `no answer from ${url.host} within ${timeoutSeconds} s (timeout)`);
  }
  const code = e?.cause?.code ?? "";
  if (code === "ECONNREFUSED") return new PrometheusError("down", `${url.host} refused the connection: is Prometheus running there? (ECONNREFUSED)`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new PrometheusError("dns", `the host name ${url.hostname} does not resolve (DNS ${code})`);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return new PrometheusError("down", `${url.host} closed the connection (${code})`);
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return new PrometheusError("timeout", `connecting to ${url.host} timed out (${code})`);
  if (TLS_CODES.test(code) || TLS_CODES.test(e?.cause?.message ?? "")) {
    return new PrometheusError("tls", `TLS with ${url.host} failed: ${e?.cause?.message ?? code} — check the URL's scheme, the certificate or the custom CA`);
  }
  const why = code || e?.cause?.message || "";
  return new PrometheusError("down", `cannot reach ${url.host}${why ? ` (${why})` : ""}`);
}

/** Agents are kept per CA and verification setting: a new one per request would reopen TLS every time. */
const agents = new Map<string, Dispatcher>();
function agentFor(conn: Connection): Dispatcher {
  const key = `${conn.tlsVerify}:${conn.caPem ?? ""}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { rejectUnauthorized: conn.tlsVerify, ...(conn.caPem ? { ca: conn.caPem } : {}) } });
    agents.set(key, agent);
  }
  return agent;
}

/** Reads at most `limit` bytes of a body; more is a `too_large` failure. */
async function readCapped(body: AsyncIterable<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit)
      throw new PrometheusError("too_large", `the answer is larger than ${Math.round(limit / 1024 / 1024)} MB; narrow the query (fewer series) or the window`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Calls `path` of the API (GET without a form, POST with one) and returns `data` of a
 * `status: "success"` answer. Throws a PrometheusError for every other outcome.
 */
export async function callApi(conn: Connection, path: string, form?: Record<string, string>, maxBytes = MAX_RESPONSE_BYTES): Promise<unknown> {
  const url = new URL(path.replace(/^\//, ""), conn.baseUrl.endsWith("/") ? conn.baseUrl : `${conn.baseUrl}/`);
  const headers: Record<string, string> = { ...conn.headers, accept: "application/json" };
  if (conn.auth.kind === "bearer") headers.authorization = `Bearer ${conn.auth.token}`;
  if (conn.auth.kind === "basic") headers.authorization = `Basic ${Buffer.from(`${conn.auth.username}:${conn.auth.password}`).toString("base64")}`;
  if (form) headers["content-type"] = "application/x-www-form-urlencoded";
  const signal = AbortSignal.timeout(conn.timeoutSeconds * 1000);
  let text: string;
  let status: number;
  try {
    const res = await fetch(url, {
      method: form ? "POST" : "GET",
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      signal,
      dispatcher: agentFor(conn),
      redirect: "error",
    });
    status = res.status;
    text = await readCapped(res.body, maxBytes);
  } catch (error) {
    if (error instanceof PrometheusError) throw error;
    throw networkFailure(error, url, conn.timeoutSeconds);
  }
  if (status === 401) throw new PrometheusError("unauthorized", `${url.host} answered 401: the credentials were refused`);
  if (status === 403) throw new PrometheusError("forbidden", `${url.host} answered 403: these credentials may not read this API`);
  let body: { status?: string; data?: unknown; errorType?: string; error?: string };
  try {
    body = JSON.parse(text);
  } catch {
    throw new PrometheusError(
      "bad_answer",
      `${url.host} answered HTTP ${status} with something other than Prometheus JSON — is the URL the Prometheus API's base (without /api/v1)?`,
    );
  }
  if (body.status === "error") {
    const kind = body.errorType === "bad_data" ? "bad_data" : body.errorType === "timeout" ? "timeout" : "http";
    throw new PrometheusError(kind, `Prometheus refused the query (${body.errorType ?? `HTTP ${status}`}): ${String(body.error ?? "").slice(0, 300)}`);
  }
  if (status < 200 || status > 299 || body.status !== "success") throw new PrometheusError("http", `${url.host} answered HTTP ${status}`);
  return body.data;
}

export type RangeSeries = { labels: Record<string, string>; timesMs: number[]; values: number[] };

/**
 * Runs a range query. An empty result and NaN or ±Inf samples are failures (a measurement
 * cannot be computed from them); their message names the series and time.
 */
export async function queryRange(
  conn: Connection,
  query: string,
  startMs: number,
  endMs: number,
  stepSec: number,
  maxBytes = MAX_RESPONSE_BYTES,
): Promise<RangeSeries[]> {
  const form = { query, start: (startMs / 1000).toString(), end: (endMs / 1000).toString(), step: stepSec.toString() };
  const data = (await callApi(conn, "api/v1/query_range", form, maxBytes)) as {
    resultType?: string;
    result?: { metric?: Record<string, string>; values?: [number, string][] }[];
  };
  if (data?.resultType !== "matrix" || !Array.isArray(data.result))
    throw new PrometheusError("bad_answer", `expected a matrix result, got ${data?.resultType ?? "nothing"}`);
  if (data.result.length === 0) throw new PrometheusError("empty", "no series matched in the window: check the cluster's matchers and the metric name");
  return data.result.map((r) => {
    const labels = r.metric ?? {};
    const timesMs: number[] = [];
    const values: number[] = [];
    for (const [t, v] of r.values ?? []) {
      const value = Number(v);
      if (!Number.isFinite(value)) {
        throw new PrometheusError(
          "not_finite",
          `sample ${v} at ${new Date(t * 1000).toISOString()} in {${Object.entries(labels)
            .map(([k, x]) => `${k}="${x}"`)
            .join(",")}}: a measurement cannot be computed from NaN or infinity`,
        );
      }
      timesMs.push(Math.round(t * 1000));
      values.push(value);
    }
    return { labels, timesMs, values };
  });
}

/** "Test connection": the build info when the server offers it, else the answer to `1+1`. */
export async function testConnection(conn: Connection): Promise<{ version: string; via: string }> {
  try {
    const info = (await callApi(conn, "api/v1/status/buildinfo")) as { version?: string };
    return { version: info?.version ?? "unknown", via: "/api/v1/status/buildinfo" };
  } catch (error) {
    // Thanos and some proxies do not serve buildinfo; an instant query proves the API works
    if (!(error instanceof PrometheusError) || !["http", "bad_answer"].includes(error.kind)) throw error;
    const result = (await callApi(conn, "api/v1/query", { query: "1+1" })) as { result?: unknown };
    return { version: "unknown (no buildinfo)", via: `1+1 = ${JSON.stringify(result?.result)}` };
  }
}
