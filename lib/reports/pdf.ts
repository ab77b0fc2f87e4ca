/**
 * PDF rendering of the report in headless Chromium (playwright-core). The HTML is rendered on
 * the server (./html.ts) and handed to the page with setContent, so the browser needs no
 * session and fetches nothing: JavaScript is off and every request it would make is aborted.
 *
 * One browser per process, started on first use and reused (a start costs ~0.5–1 s); each
 * render gets its own context, which is closed afterwards. At most two renders run at once,
 * each limited to DRILLBOOK_PDF_TIMEOUT_SECONDS. The browser is closed after 5 idle minutes,
 * and on shutdown: playwright closes launched browsers on SIGINT/SIGTERM/SIGHUP and kills
 * them on exit; closeReportBrowser() does it explicitly (scripts, tests).
 */
import "server-only";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const MAX_CONCURRENT = 2;
const IDLE_CLOSE_MS = 5 * 60_000;

/** PDF rendering is not possible here (no browser) or did not finish in time. */
export class PdfRenderError extends DomainError {
  constructor(message: string, status = 503) {
    super(message, {}, status);
    this.name = "PdfRenderError";
  }
}

/** /usr/bin/chromium when present, else CHROMIUM_PATH, else a clear error. */
export function chromiumExecutable(): string {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const configured = env().CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  throw new PdfRenderError(
    configured
      ? `PDF reports need Chromium, but CHROMIUM_PATH (${configured}) does not exist. The Markdown and JSON reports work without it.`
      : "PDF reports need Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary. The Markdown and JSON reports work without it.",
  );
}

interface PdfState {
  browser: Promise<Browser> | null;
  running: number;
  waiting: (() => void)[];
  idleTimer: NodeJS.Timeout | null;
}

// on globalThis so every bundle of the server (route handlers are bundled separately) shares one browser
const state: PdfState = ((globalThis as { __drillbookPdf?: PdfState }).__drillbookPdf ??= { browser: null, running: 0, waiting: [], idleTimer: null });

async function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
}

/** The shared browser, started when there is none or the last one crashed or was closed. */
async function getBrowser(): Promise<Browser> {
  const current = await state.browser?.catch(() => null);
  if (current?.isConnected()) return current;
  const pending = launch();
  state.browser = pending;
  pending.catch(() => {
    if (state.browser === pending) state.browser = null;
  });
  return pending;
}

async function acquire(): Promise<void> {
  if (state.idleTimer) clearTimeout(state.idleTimer);
  state.idleTimer = null;
  if (state.running < MAX_CONCURRENT) {
    state.running++;
    return;
  }
  await new Promise<void>((resolve) => state.waiting.push(resolve));
}

function release(): void {
  const next = state.waiting.shift();
  if (next) return next();
  state.running--;
  if (state.running === 0) {
    state.idleTimer = setTimeout(() => void closeReportBrowser(), IDLE_CLOSE_MS);
    state.idleTimer.unref();
  }
}

export interface PdfOptions {
  /** Shown in the footer of every page, with the page number. */
  footer: string;
  timeoutMs?: number;
}

function footerTemplate(text: string): string {
  const safe = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="font-size:8px;color:#64748b;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${safe}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** Prints a self-contained HTML document to an A4 PDF. */
export async function renderPdf(document: string, options: PdfOptions): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? env().DRILLBOOK_PDF_TIMEOUT_SECONDS * 1000;
  await acquire();
  let timer: NodeJS.Timeout | undefined;
  let context: Awaited<ReturnType<Browser["newContext"]>> | undefined;
  try {
    let timedOut = false;
    const work = (async () => {
      const browser = await getBrowser();
      context = await browser.newContext({ javaScriptEnabled: false });
      if (timedOut) throw new PdfRenderError("cancelled", 504);
      // the document is self-contained: nothing it links to may be fetched by the server's browser
      await context.route("**/*", (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(document, { waitUntil: "load", timeout: timeoutMs });
      return page.pdf({
        format: "A4",
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footerTemplate(options.footer),
        margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
      });
    })();
    // a render that loses the race still finishes in the background: close its context then
    work.catch(() => {}).finally(() => (timedOut ? (context as { close(): Promise<void> } | undefined)?.close().catch(() => {}) : undefined));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(
          new PdfRenderError(`The PDF took longer than ${Math.round(timeoutMs / 1000)} s to render. Try again, or download the Markdown or JSON report.`, 504),
        );
      }, timeoutMs);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await (context as { close(): Promise<void> } | undefined)?.close().catch(() => {});
    release();
  }
}

/** Closes the shared browser (it starts again on the next render). */
export async function closeReportBrowser(): Promise<void> {
  const pending = state.browser;
  state.browser = null;
  if (state.idleTimer) clearTimeout(state.idleTimer);
  state.idleTimer = null;
  const browser = await pending?.catch(() => null);
  await browser?.close().catch(() => {});
}
