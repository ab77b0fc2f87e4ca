import { describe, expect, it } from "vitest";
import { chartDomain, niceStep, renderSeriesChart, timelineMarkers, timeTicks } from "./chart-svg";
import { reportFilename } from "./format";
import { html, raw, safeHref } from "./html-template";
import { renderReportBody, renderReportDocument } from "./html";
import { cell, renderReportMarkdown } from "./markdown";
import { readinessReportJsonSchema, readinessReportSchema } from "./schema";
import { sampleReport } from "./sample-report";

describe("report schema", () => {
  it("accepts a complete report and refuses one with a missing or malformed field", () => {
    expect(readinessReportSchema.safeParse(sampleReport()).success).toBe(true);
    const missing: Partial<ReturnType<typeof sampleReport>> = sampleReport();
    delete missing.outcome;
    expect(readinessReportSchema.safeParse(missing).error?.issues[0].path).toEqual(["outcome"]);
    const badHash = sampleReport();
    badHash.scorecard.contentHash = "not-a-hash";
    expect(readinessReportSchema.safeParse(badHash).error?.issues[0].path).toEqual(["scorecard", "contentHash"]);
  });

  it("publishes a JSON Schema (2020-12) with the report's top-level fields required", () => {
    const json = readinessReportJsonSchema() as { $schema: string; title: string; required: string[]; properties: Record<string, { type?: string }> };
    expect(json.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(json.title).toBe("Drillbook readiness report");
    expect(json.required).toEqual(["format", "generatedAt", "generatedBy", "scorecard", "cluster", "outcome", "sections", "drills", "content", "review"]);
    expect(json.properties.sections.type).toBe("array");
  });
});

describe("html template", () => {
  it("escapes interpolated text, composes nested templates and keeps raw markup", () => {
    const name = `<img src=x onerror="alert(1)">`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      `<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>`,
    );
    expect(html`<ul>${["a&b", "c"].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe("<ul><li>a&amp;b</li><li>c</li></ul>");
    expect(html`${raw("<b>ok</b>")}${null}${false}${0}`.value).toBe("<b>ok</b>0");
  });

  it("only lets http(s) and mailto links through", () => {
    expect(safeHref("https://grafana.example.com/d/1?x=1")).toBe("https://grafana.example.com/d/1?x=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,hi")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});

describe("HTML report", () => {
  const body = renderReportBody(sampleReport()).value;

  it("shows outcome, reasons, items with file hashes, drills with an SVG chart, matrix and sign-offs", () => {
    expect(body).toContain('data-testid="report-outcome">Ready for limited workload<');
    expect(body).toContain("Storage path is not passed yet (partial)");
    expect(body).toContain("SHA-256 " + "b".repeat(64));
    expect(body).toContain('<svg class="chart" role="img" aria-label="Chart of consumer_lag (records), SLO threshold 1000"');
    expect(body).toContain("Recovered in 7 min 30 s");
    expect(body).toContain('<td class="answer-red">Red</td>');
    expect(body).toContain("Given on an earlier version");
    expect(body).toContain("Vendor-managed disks");
  });

  it("never turns user text into markup", () => {
    expect(body).not.toContain("<script>");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain('href="javascript:');
  });

  it("is a complete, self-contained document without scripts or external resources", () => {
    const doc = renderReportDocument(sampleReport());
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect(doc).toContain("@page");
    expect(doc).not.toMatch(/<script|<link|<img|src=/i);
  });
});

describe("Markdown report", () => {
  const md = renderReportMarkdown(sampleReport());

  it("has headings and tables for the outcome, items, drills and sign-offs", () => {
    expect(md).toContain("# Readiness report: Broker failure readiness Q3");
    expect(md).toContain("**Ready for limited workload** — score 75.0%");
    expect(md).toContain("- Gap: Storage path is not passed yet (partial)");
    expect(md).toContain("#### 1. Failure drill — Pass (blocking)");
    expect(md).toContain("| Kind | Evidence | Captured | Traffic | Fresh | SHA-256 |");
    expect(md).toContain("`" + "b".repeat(64) + "`");
    expect(md).toContain("| Time to leadership settled | 18 s | ≤ 30 s | Met |");
    expect(md).toContain("| Measurement | Measured | Target | Result |\n| --- | ---: | ---: | --- |");
    expect(md).toContain("#### Decision matrix: The recovery unit is too large");
    expect(md).toContain("| SRE | Avery | Approved |");
  });

  it("prints labels, never stored identifiers, in both renderers", () => {
    const report = sampleReport();
    const page = renderReportBody(report).value;
    const text = renderReportMarkdown(report);
    for (const out of [page, text]) {
      expect(out).toContain("Owner SRE");
      expect(out).toContain("Owner Unassigned");
      expect(out).not.toMatch(/Owner sre|application_owner|production_test|limited_workload|broker_kill/);
    }
  });

  it("keeps table cells on one line with pipes escaped, and neutralises HTML", () => {
    expect(cell("a | b\nc")).toBe("a \\| b c");
    expect(cell("")).toBe("—");
    expect(md).toContain("urp \\| export.csv");
    expect(md).toContain("Catch-up \\| took 12 min");
    expect(md).toContain("> &lt;script>alert(1)&lt;/script>");
    expect(md).not.toContain("<script>");
  });
});

describe("a typed recovery time the chart contradicts", () => {
  it("is flagged beside the measurements in both renderers, with what the chart measured from", () => {
    const report = sampleReport();
    report.drills[0].disagreements = [
      {
        key: "lagRecoveredSec",
        metric: "consumer_lag",
        typedSec: 360,
        computedSec: 480,
        stepSec: 15,
        reference: "the drill's start (no fault marked on the timeline)",
      },
    ];
    const text =
      "Typed 6 min, but the consumer_lag chart measures 8 min from the drill's start (no fault marked on the timeline): more than one sample apart (15 s).";
    expect(renderReportBody(report).value).toContain(`data-disagreement="lagRecoveredSec">${text.replace(/'/g, "&#39;")}`);
    expect(renderReportMarkdown(report)).toContain("**Check:** typed 6 min, but the consumer\\_lag chart measures 8 min from the drill");
  });
});

describe("chart SVG", () => {
  it("picks round steps and whole-interval time ticks", () => {
    expect(niceStep(180_000, 4)).toBe(50_000);
    expect(niceStep(7, 4)).toBe(2);
    const ticks = timeTicks([Date.parse("2024-05-14T10:00:10Z"), Date.parse("2024-05-14T10:22:00Z")]);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["10:05", "10:10", "10:15", "10:20"]);
  });

  it("numbers markers as in the timeline and spans the data, fault and markers", () => {
    const report = sampleReport();
    const [drill] = report.drills;
    const markers = timelineMarkers(drill.timeline);
    expect(markers.map((m) => [m.n, m.kind])).toEqual([
      [1, "fault"],
      [2, "recovered"],
    ]);
    const domain = chartDomain(drill.series, Date.parse(drill.faultAt), markers)!;
    expect(domain[0]).toBe(drill.series[0].points.timesMs[0]);
    const svg = renderSeriesChart(drill.series[0], { domain, faultAtMs: Date.parse(drill.faultAt), markers }).value;
    expect(svg).toContain("SLO ≤ 1K");
    expect(svg).toContain("Within SLO");
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+L/);
  });
});

describe("report file name", () => {
  it("is made of the cluster, title, version and day, safe for any file system", () => {
    const r = sampleReport();
    r.scorecard.title = 'Q3 "broker" / readiness ✓';
    expect(reportFilename(r, "pdf")).toBe("readiness-orders-prod-q3-broker-readiness-v7-2024-05-20.pdf");
  });
});

describe("hostile text in every renderer", () => {
  const evil = "<img src=x onerror=alert(1)>";
  const notes =
    "See [the runbook](javascript:alert(1)), ![chart](data:text/html,x), <vbscript:msgbox(1)>, [ref][bad] and [ok](https://wiki.example.com/r).\n\n[bad]: javascript:alert(2)";
  function hostileReport() {
    const r = sampleReport();
    r.review.slots = r.review.slots.map((slot) => ({ ...slot, roleLabel: evil }));
    r.review.signOffs = r.review.signOffs.map((s) => ({ ...s, roleLabel: evil, signer: "*bold* [x](https://a.example)" }));
    const item = r.sections[0].items[0];
    item.notes = notes;
    item.ownerRole = evil;
    item.evidence = item.evidence.map((e) => ({ ...e, body: "[click](javascript:alert(3))" }));
    return r;
  }

  it("Markdown escapes custom role names and every other value a person typed", () => {
    const md = renderReportMarkdown(hostileReport());
    expect(md).not.toContain("<img");
    expect(md).toContain("&lt;img src=x onerror=alert(1)>");
    expect(md).toContain("\\*bold\\* \\[x\\](https://a.example)");
  });

  it.each([
    ["Markdown", () => renderReportMarkdown(hostileReport())],
    ["HTML (and the PDF printed from it)", () => renderReportDocument(hostileReport())],
  ])("%s keeps only http(s) and mailto links from notes", (_name, render) => {
    const out = render();
    // no link, image, autolink or reference definition with another scheme survives
    expect(out).not.toMatch(/\]\((javascript|data|vbscript):|<(javascript|data|vbscript):|\]: *javascript:|href="(javascript|data|vbscript):/);
    expect(out).not.toContain("javascript:alert");
    expect(out).toContain("See the runbook, chart");
    expect(out).toContain("https://wiki.example.com/r");
  });
});
