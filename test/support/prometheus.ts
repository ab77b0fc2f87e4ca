/**
 * Test support: a real Prometheus server over backfilled history. Writes an OpenMetrics file,
 * turns it into TSDB blocks with `promtool tsdb create-blocks-from openmetrics`, starts
 * `prometheus` on a free loopback port in its own process group, waits until ready, and
 * stops the group afterwards. Debian: `apt-get install -y prometheus`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const INSTALL_HINT = "apt-get install -y prometheus";

function installed(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/** Whether prometheus and promtool are on the PATH. */
export const prometheusInstalled = installed("prometheus") && installed("promtool");

/**
 * Skip the real-Prometheus tests on a laptop without Prometheus (saying how to install it);
 * in CI (CI=true) they run and fail loudly instead.
 */
export const skipWithoutPrometheus = !prometheusInstalled && process.env.CI !== "true";
/** Title suffix for describe blocks, so a skipped run says what is missing. */
export const prometheusNote = prometheusInstalled ? "(real Prometheus)" : `(skipped: Prometheus is not installed — ${INSTALL_HINT})`;

export type Sample = { name: string; labels: Record<string, string>; value: number; t: number };
export type Family = { name: string; type: "gauge" | "counter" | "unknown"; samples: Sample[] };

const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/** OpenMetrics text: families grouped, each series' samples in time order, `# EOF` at the end. */
export function toOpenMetrics(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# TYPE ${f.name} ${f.type}`);
    const sorted = [...f.samples].sort((a, b) => {
      const ka = JSON.stringify(a.labels);
      const kb = JSON.stringify(b.labels);
      return ka < kb ? -1 : ka > kb ? 1 : a.t - b.t;
    });
    for (const s of sorted) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escape(v)}"`)
        .join(",");
      const value = Number.isNaN(s.value) ? "NaN" : s.value === Infinity ? "+Inf" : s.value === -Infinity ? "-Inf" : String(s.value);
      lines.push(`${s.name}{${labels}} ${value} ${s.t}`);
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** GET /-/ready over TLS without verifying the (self-signed) certificate. */
async function probeTls(port: number): Promise<{ ok: boolean }> {
  const https = await import("node:https");
  return new Promise((resolve, reject) => {
    const req = https.get({ host: "127.0.0.1", port, path: "/-/ready", rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve({ ok: res.statusCode === 200 });
    });
    req.on("error", reject);
  });
}

/** A self-signed certificate for 127.0.0.1 made with openssl (it is its own CA). */
export function selfSignedCertificate(): { certPem: string; keyPem: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "drillbook-tls-"));
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      path.join(dir, "k.pem"),
      "-out",
      path.join(dir, "c.pem"),
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  const out = { certPem: readFileSync(path.join(dir, "c.pem"), "utf8"), keyPem: readFileSync(path.join(dir, "k.pem"), "utf8") };
  rmSync(dir, { recursive: true, force: true });
  return out;
}

export type RunningPrometheus = { url: string; port: number; stop: () => Promise<void> };

/**
 * Starts Prometheus over `openMetrics` (backfilled). `basicAuth` puts Prometheus' own
 * `--web.config.file` basic auth in front, with the given bcrypt hash.
 */
export async function startPrometheus(
  openMetrics: string,
  opts: { basicAuth?: { username: string; bcryptHash: string; password: string }; tls?: { certPem: string; keyPem: string } } = {},
): Promise<RunningPrometheus> {
  if (!prometheusInstalled) throw new Error(`Prometheus is not installed: ${INSTALL_HINT}`);
  const dir = mkdtempSync(path.join(tmpdir(), "drillbook-prom-"));
  const dataDir = path.join(dir, "data");
  writeFileSync(path.join(dir, "data.om"), openMetrics);
  const backfill = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", path.join(dir, "data.om"), dataDir], { encoding: "utf8" });
  if (backfill.status !== 0) throw new Error(`promtool backfill failed: ${backfill.stderr || backfill.stdout}`);
  writeFileSync(path.join(dir, "prometheus.yml"), "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
  const args = [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${dataDir}`, "--storage.tsdb.retention.time=100y"];
  const web: string[] = [];
  if (opts.basicAuth) web.push(`basic_auth_users:\n  ${opts.basicAuth.username}: ${opts.basicAuth.bcryptHash}`);
  if (opts.tls) {
    writeFileSync(path.join(dir, "tls.crt"), opts.tls.certPem);
    writeFileSync(path.join(dir, "tls.key"), opts.tls.keyPem);
    web.push(`tls_server_config:\n  cert_file: ${path.join(dir, "tls.crt")}\n  key_file: ${path.join(dir, "tls.key")}`);
  }
  if (web.length) {
    writeFileSync(path.join(dir, "web.yml"), `${web.join("\n")}\n`);
    args.push(`--web.config.file=${path.join(dir, "web.yml")}`);
  }
  const port = await freePort();
  args.push(`--web.listen-address=127.0.0.1:${port}`);
  const log = openSync(path.join(dir, "prometheus.log"), "a");
  const child: ChildProcess = spawn("prometheus", args, { detached: true, stdio: ["ignore", log, log] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `${opts.tls ? "https" : "http"}://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const headers: Record<string, string> = opts.basicAuth
    ? { authorization: `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString("base64")}` }
    : {};
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      const output = readFileSync(path.join(dir, "prometheus.log"), "utf8").slice(-2000);
      await stop();
      throw new Error(`prometheus exited at start: ${output}`);
    }
    try {
      // readiness over TLS is checked with curl-like leniency: the test, not this probe, checks the certificate
      const res = opts.tls ? await probeTls(port) : await fetch(`${url}/-/ready`, { headers });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("prometheus did not become ready within 30 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, stop };
}
