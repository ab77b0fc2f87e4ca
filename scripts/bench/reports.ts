/**
 * Report benchmark: the PDF readiness report of a 120-item scorecard whose cluster has 3
 * drills, each with imported metric series, on a fresh PostgreSQL database (created here,
 * dropped at the end). Times, per run, the three steps of GET /api/scorecards/{id}/report?format=pdf:
 *   1. build data — getReadinessReport (queries, outcome, chart analysis and downsampling),
 *   2. HTML — renderReportDocument (the self-contained document with SVG charts),
 *   3. PDF — renderPdf (headless Chromium: setContent + page.pdf).
 * The first run is reported on its own (it starts the browser and warms the caches); then the
 * median and p95 of the next runs.
 *
 *   npm run bench:reports [-- --runs=10] [-- --keep]    (server: TEST_DATABASE_URL or the local one)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createTestDatabase, dropTestDatabase, LOCAL_SERVER_URL } from "@/test/support/databases";
import type { TemplateDocument } from "@/lib/templates/schema";
import { goalRow, stats, syntheticTemplate } from "./common";

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 10);
const KEEP = args.includes("--keep");
const ITEMS = 120;
const DRILLS = 3;
const STEP_SECONDS = 2;

function template(): TemplateDocument {
  const sections = 12;
  return syntheticTemplate("bench-report-120", sections, ITEMS / sections, {
    name: "Benchmark readiness (120 items)",
    section: (s) => `Recovery area ${s}`,
    item: (n) => `Check ${n}: recovery behaviour under broker failure`,
    kinds: (n) => (n % 3 === 0 ? ["drill", "link"] : n % 3 === 1 ? ["link", "file", "note"] : ["metric_export", "link"]),
  });
}

async function main() {
  const server = process.env.TEST_DATABASE_URL || LOCAL_SERVER_URL;
  const databaseUrl = await createTestDatabase(server, "drillbook_bench_reports");
  process.env.DATABASE_URL = databaseUrl;
  process.env.DRILLBOOK_NO_SEED = "1";
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { closeReportBrowser, renderPdf } = await import("@/lib/reports/pdf");
  try {
    const db = await getDb(); // migrates
    await (await import("@/lib/templates/install")).installBuiltinTemplates(db);
    const { insertTemplateVersion } = await import("@/lib/templates/write");
    const { createTestCluster } = await import("@/test/support/scorecards");
    const { passEveryItem, seedDrill, seedSignOff } = await import("@/test/support/report-fixtures");
    const { createScorecard } = await import("@/lib/scorecards/mutations");
    const { createScorecardSchema } = await import("@/lib/scorecards/schema");
    const { getReadinessReport } = await import("@/lib/reports/queries");
    const { renderReportDocument } = await import("@/lib/reports/html");

    const seedStart = performance.now();
    const user = { id: "bench-editor", name: "Bench Editor", email: "bench@drillbook.test", role: "editor" as const };
    await db.user.create({ data: { ...user } });
    const templateId = await db.$transaction((tx) => insertTemplateVersion(tx, template(), { version: 1, builtIn: false }));
    const cluster = await createTestCluster(user, "bench-orders-prod");
    const { id: scorecardId } = await createScorecard(
      user,
      createScorecardSchema.parse({
        clusterId: cluster.id,
        templateId,
        title: "Orders platform readiness (120 items)",
        subject: "current",
        ownerId: user.id,
        dueDate: "",
      }),
    );
    const drillIds: string[] = [];
    for (let d = 0; d < DRILLS; d++) {
      const { drillId } = await seedDrill(user, cluster.id, { title: `Kill broker ${d + 1} during peak replay`, ageDays: 1 + d * 7, stepSec: STEP_SECONDS });
      drillIds.push(drillId);
    }
    await passEveryItem(user, scorecardId, drillIds[0]);
    const seeded = (await getReadinessReport(user, scorecardId))!;
    await seedSignOff(scorecardId, user, seeded.scorecard.contentHash);
    const seedSeconds = ((performance.now() - seedStart) / 1000).toFixed(1);

    const samples = { data: [] as number[], html: [] as number[], pdf: [] as number[], total: [] as number[] };
    let first = { data: 0, html: 0, pdf: 0, total: 0 };
    let last: { report: NonNullable<typeof seeded>; pdf: Buffer; document: string } | undefined;
    for (let run = 0; run <= RUNS; run++) {
      const t0 = performance.now();
      const report = (await getReadinessReport(user, scorecardId))!;
      const t1 = performance.now();
      const document = renderReportDocument(report);
      const t2 = performance.now();
      const pdf = await renderPdf(document, { footer: `${report.cluster.name} · ${report.scorecard.title}` });
      const t3 = performance.now();
      const times = { data: t1 - t0, html: t2 - t1, pdf: t3 - t2, total: t3 - t0 };
      if (run === 0) first = times;
      else for (const k of Object.keys(samples) as (keyof typeof samples)[]) samples[k].push(times[k]);
      last = { report, pdf, document };
    }

    const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-bench-report-"));
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, last!.pdf);
    let pages = "?";
    try {
      pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? "?";
    } catch {
      // pdfinfo (poppler-utils) is optional here
    }
    const { report } = last!;
    const points = report.drills.reduce((n, d) => n + d.series.reduce((m, s) => m + s.pointCount, 0), 0);
    const drawn = report.drills.reduce((n, d) => n + d.series.reduce((m, s) => m + s.points.timesMs.length, 0), 0);
    const version = (await db.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0].server_version;

    const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`.padStart(10);
    console.log(`\nDrillbook report benchmark — PostgreSQL ${version} at ${new URL(server).host}, fresh database, Node ${process.version}`);
    console.log(
      `Seeded in ${seedSeconds} s through the domain mutations: 1 scorecard with ${report.outcome.itemsTotal} items (${report.sections.flatMap((s) => s.items).reduce((n, i) => n + i.evidence.length, 0)} evidence), ${report.drills.length} drills with ${report.drills.reduce((n, d) => n + d.series.length, 0)} series (${points.toLocaleString("en-US")} points stored, ${drawn.toLocaleString("en-US")} drawn), 1 sign-off`,
    );
    console.log(`Report: ${(last!.document.length / 1024).toFixed(0)} KB of HTML, PDF ${(last!.pdf.length / 1024).toFixed(0)} KB, ${pages} pages (${file})\n`);
    console.log(`${"step".padEnd(44)}${"first run".padStart(10)}${"runs".padStart(6)}${"median".padStart(10)}${"p95".padStart(10)}`);
    const row = (label: string, key: keyof typeof samples) => {
      const s = stats(samples[key]);
      console.log(`${label.padEnd(44)}${fmt(first[key])}${String(samples[key].length).padStart(6)}${fmt(s.median)}${fmt(s.p95)}`);
    };
    row("Build data (queries, outcome, charts)", "data");
    row("Render HTML (document with SVG charts)", "html");
    row("Render PDF (Chromium; first run starts it)", "pdf");
    row("PDF report, end to end", "total");
    console.log("");
    goalRow({ measure: "PDF report, warm browser (median)", value: stats(samples.total).median, unit: "ms", goal: 1500 });
    goalRow({ measure: "PDF report, cold (first run)", value: first.total, unit: "ms", goal: 4000 });
    if (pages !== "?") goalRow({ measure: "PDF report, pages", value: Number(pages), unit: "pages", goal: null });
  } finally {
    await closeReportBrowser();
    await closeDb();
    if (KEEP) console.log(`kept database ${databaseUrl}`);
    else await dropTestDatabase(server, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
