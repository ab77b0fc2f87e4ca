/**
 * The readiness report as JUnit XML, so CI systems (GitLab, Jenkins, GitHub test reporters) show
 * a scorecard's readiness like test results. Suites, in order: "Outcome" (one testcase that fails
 * unless the scorecard is ready for production test; it carries the report's identity as
 * properties), one per scorecard section with a testcase per item, and "Drills" (measurements
 * against targets and each drill's decision matrix). Pure.
 *
 * xmlbuilder2 writes the document and escapes every text and attribute value; characters XML 1.0
 * cannot carry at all (control characters other than tab, newline and carriage return, lone
 * surrogates, U+FFFE and U+FFFF) are dropped, since no escape can represent them. Attribute values
 * are put on one line first: a parser turns line breaks and tabs in attributes into spaces anyway
 * (attribute-value normalization), so this makes what CI shows the same as what we wrote.
 */
import { create } from "xmlbuilder2";
import { formatDate, formatMeasure, statusLabel } from "./format";
import type { ReadinessReport, ReportDrill, ReportItem } from "./schema";

type Reason = ReadinessReport["outcome"]["reasons"][number];
type Result = { kind: "pass" } | { kind: "failure"; type: string; message: string; body: string } | { kind: "skipped"; message: string };
type TestCase = { name: string; classname: string; result: Result };
type TestSuite = { name: string; cases: TestCase[]; properties?: [string, string][] };

const PASS: Result = { kind: "pass" };

function failure(type: string, message: string, lines: string[]): Result {
  return { kind: "failure", type, message, body: lines.length ? lines.join("\n") : `${message}.` };
}

const reasonLine = (reason: Reason) => `${reason.severity === "blocker" ? "Blocker" : "Gap"}: ${reason.text}`;

/** Why a not-applicable item does not count: the active exemption's justification, else the item's own. */
function skipMessage(item: ReportItem): string {
  const exemption = item.exempted ? item.exemptions.find((x) => x.active) : undefined;
  const why = exemption?.justification || item.justification;
  return why || (item.exempted ? "Waived by an exemption" : statusLabel("not_applicable"));
}

function itemResult(item: ReportItem, reasons: Reason[]): Result {
  if (item.effectiveStatus === "not_applicable") return { kind: "skipped", message: skipMessage(item) };
  if (item.effectiveStatus === "pass" && !item.staleOnly) return PASS;
  const what = item.staleOnly ? "Pass on stale evidence only" : statusLabel(item.effectiveStatus);
  const lines = [
    ...reasons.filter((x) => x.itemKey === item.key).map(reasonLine),
    ...item.evidence.filter((e) => e.stale).map((e) => `Stale evidence: ${e.title} (captured ${formatDate(e.capturedAt)})`),
  ];
  return failure(item.staleOnly ? "stale_evidence" : item.effectiveStatus, item.blocking ? `${what}, blocking` : what, lines);
}

function sectionSuites(r: ReadinessReport): TestSuite[] {
  return r.sections.map((section) => ({
    name: section.title,
    cases: section.items.map((item) => ({
      name: `${item.number}. ${item.title}`,
      classname: `${section.key}.${item.key}`,
      result: itemResult(item, r.outcome.reasons),
    })),
  }));
}

/** One testcase per measurement that has a target; measurements without one test nothing. */
function measurementCases(d: ReportDrill): TestCase[] {
  return d.measurements
    .filter((m) => m.result !== "no_target")
    .map((m) => {
      const name = `${d.title}: ${m.label}`;
      const classname = `drills.${d.id}.${m.key}`;
      if (m.result === "not_measured") return { name, classname, result: { kind: "skipped", message: "Not measured" } };
      if (m.result === "met") return { name, classname, result: PASS };
      const message = `measured ${formatMeasure(m.measured, m.unit)}, target ${formatMeasure(m.target, m.unit)}`;
      return { name, classname, result: failure("breached", message, [`${m.label}: ${message}`]) };
    });
}

/** The decision matrix fails on any red answer; with none, an incomplete matrix is skipped. */
function matrixCase(d: ReportDrill): TestCase {
  const { matrix } = d;
  const red = matrix.answers.filter((a) => a.answer === "red");
  const name = `${d.title}: decision matrix`;
  const classname = `drills.${d.id}.matrix`;
  if (red.length) {
    const lines = [`Decision: ${matrix.decisionLabel}`, ...red.map((a) => `Red: ${a.text}${a.rationale ? ` — ${a.rationale}` : ""}`), ...matrix.reasons];
    return { name, classname, result: failure("red_answer", `Red: ${red.map((a) => a.text).join("; ")}`, lines) };
  }
  if (matrix.decision === "incomplete") return { name, classname, result: { kind: "skipped", message: matrix.decisionLabel } };
  return { name, classname, result: PASS };
}

function drillSuite(r: ReadinessReport): TestSuite {
  return { name: "Drills", cases: r.drills.flatMap((d) => [...measurementCases(d), matrixCase(d)]) };
}

/** The outcome testcase, with the report's identity as the suite's properties. */
function outcomeSuite(r: ReadinessReport): TestSuite {
  const o = r.outcome;
  const result = o.outcome === "production_test" ? PASS : failure(o.outcome, `${o.label}, score ${o.score.toFixed(1)}%`, o.reasons.map(reasonLine));
  return {
    name: "Outcome",
    properties: [
      ["drillbook.format", r.format],
      ["drillbook.cluster", r.cluster.name],
      ["drillbook.scorecard.id", r.scorecard.id],
      ["drillbook.scorecard.title", r.scorecard.title],
      ["drillbook.scorecard.version", String(r.scorecard.version)],
      ["drillbook.scorecard.contentHash", r.scorecard.contentHash],
      ["drillbook.outcome", o.label],
      ["drillbook.score", String(o.score)],
      ["drillbook.generatedAt", r.generatedAt],
    ],
    cases: [{ name: "Outcome meets production test", classname: "outcome", result }],
  };
}

/** Attribute values on one line (see the header); bodies with plain newlines, as a parser reads them. */
const oneLine = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, value.replace(/[\t\r\n]+/g, " ")]));
const plainNewlines = (text: string) => text.replace(/\r\n?/g, "\n");

function counts(cases: TestCase[]) {
  const of = (kind: Result["kind"]) => String(cases.filter((c) => c.result.kind === kind).length);
  return { tests: String(cases.length), failures: of("failure"), errors: "0", skipped: of("skipped"), time: "0" };
}

/**
 * The readiness report as a JUnit XML document (testsuites > testsuite > testcase > failure |
 * skipped, with the attributes the common JUnit XSD names).
 */
export function renderReportJunit(r: ReadinessReport): string {
  const suites = [outcomeSuite(r), ...sectionSuites(r), drillSuite(r)];
  const all = suites.flatMap((s) => s.cases);
  const doc = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const root = doc.ele(
    "testsuites",
    oneLine({ name: `Drillbook readiness: ${r.cluster.name} · ${r.scorecard.title}`, ...counts(all), timestamp: r.generatedAt }),
  );
  for (const suite of suites) {
    const el = root.ele("testsuite", oneLine({ name: suite.name, ...counts(suite.cases), timestamp: r.generatedAt }));
    if (suite.properties) {
      const props = el.ele("properties");
      for (const [name, value] of suite.properties) props.ele("property", oneLine({ name, value }));
    }
    for (const c of suite.cases) {
      const testcase = el.ele("testcase", oneLine({ name: c.name, classname: c.classname, time: "0" }));
      const { result } = c;
      if (result.kind === "failure") testcase.ele("failure", oneLine({ message: result.message, type: result.type })).txt(plainNewlines(result.body));
      else if (result.kind === "skipped") testcase.ele("skipped", oneLine({ message: result.message }));
    }
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
