import { parse, type TestCase, type TestSuite, type TestSuites } from "junit2json";
import { describe, expect, it } from "vitest";
import { REPORT_EXTENSIONS, reportFilename } from "./format";
import { renderReportJunit } from "./junit";
import { sampleReport } from "./sample-report";
import { reportFormatSchema, type ReadinessReport } from "./schema";

type Suites = TestSuites & { skipped?: number; timestamp?: string };

/** Renders `report` and reads it back with junit2json, the way a CI system's JUnit importer would. */
async function roundTrip(report: ReadinessReport): Promise<{ xml: string; doc: Suites }> {
  const xml = renderReportJunit(report);
  const doc = await parse(xml);
  if (!doc || !("testsuite" in doc)) throw new Error("no <testsuites> root");
  return { xml, doc: doc as Suites };
}

function suiteOf(doc: Suites, name: string): TestSuite {
  const found = doc.testsuite?.find((s) => s.name === name);
  if (!found) throw new Error(`no testsuite ${name}`);
  return found;
}

function caseOf(doc: Suites, suite: string, name: string): TestCase {
  const found = suiteOf(doc, suite).testcase?.find((c) => c.name === name);
  if (!found) throw new Error(`no testcase ${name} in ${suite}`);
  return found;
}

/** The elements and attributes the common JUnit XSD allows where we write them. */
const ALLOWED = {
  testsuites: ["name", "tests", "failures", "errors", "skipped", "time", "timestamp", "testsuite"],
  testsuite: ["name", "tests", "failures", "errors", "skipped", "time", "timestamp", "properties", "testcase"],
  property: ["name", "value"],
  testcase: ["name", "classname", "time", "failure", "skipped"],
  failure: ["message", "type", "inner"],
  skipped: ["message"],
};

function expectJunitShape(xml: string, doc: Suites) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  expect(ALLOWED.testsuites).toEqual(expect.arrayContaining(Object.keys(doc)));
  const suites = doc.testsuite ?? [];
  for (const s of suites) {
    expect(ALLOWED.testsuite).toEqual(expect.arrayContaining(Object.keys(s)));
    expect(Object.keys(s)).toEqual(expect.arrayContaining(["name", "tests", "failures", "errors", "skipped"]));
    for (const p of s.properties ?? []) expect(ALLOWED.property).toEqual(expect.arrayContaining(Object.keys(p)));
    const cases = s.testcase ?? [];
    for (const c of cases) {
      expect(ALLOWED.testcase).toEqual(expect.arrayContaining(Object.keys(c)));
      expect(c.failure && c.skipped).toBeFalsy();
      for (const f of c.failure ?? []) expect(ALLOWED.failure).toEqual(expect.arrayContaining(Object.keys(f)));
      for (const k of c.skipped ?? []) expect(ALLOWED.skipped).toEqual(expect.arrayContaining(Object.keys(k)));
    }
    expect([s.tests, s.failures, s.skipped, s.errors]).toEqual([cases.length, cases.filter((c) => c.failure).length, cases.filter((c) => c.skipped).length, 0]);
  }
  const sum = (key: "tests" | "failures" | "skipped") => suites.reduce((n, s) => n + (s[key] ?? 0), 0);
  expect([doc.tests, doc.failures, doc.skipped]).toEqual([sum("tests"), sum("failures"), sum("skipped")]);
  // the XSD's sequence: a suite's properties come before its testcases
  expect(xml).not.toMatch(/<\/testcase>\s*<properties>|<testcase [^>]*\/>\s*<properties>/);
}

describe("JUnit XML report", () => {
  it("renders the sample report as suites for the outcome, each section and the drills", async () => {
    const { xml, doc } = await roundTrip(sampleReport());
    expectJunitShape(xml, doc);
    expect(doc.name).toBe("Drillbook readiness: orders-prod · Broker failure readiness Q3");
    expect([doc.tests, doc.failures, doc.skipped, doc.time, doc.timestamp]).toEqual([5, 3, 0, 0, "2024-05-20T08:00:00.000Z"]);
    expect(doc.testsuite?.map((s) => s.name)).toEqual(["Outcome", "Metadata and leadership", "Drills"]);

    const outcome = suiteOf(doc, "Outcome");
    expect(Object.fromEntries((outcome.properties ?? []).map((p) => [p.name, p.value]))).toMatchObject({
      "drillbook.cluster": "orders-prod",
      "drillbook.scorecard.id": "sc1",
      "drillbook.scorecard.version": 7,
      "drillbook.scorecard.contentHash": "a".repeat(64),
      "drillbook.outcome": "Ready for limited workload",
      "drillbook.score": 75,
    });
    expect(caseOf(doc, "Outcome", "Outcome meets production test").failure).toEqual([
      { message: "Ready for limited workload, score 75.0%", type: "limited_workload", inner: "Gap: Storage path is not passed yet (partial)" },
    ]);

    // a pass with one stale piece of evidence among fresh ones still passes
    expect(caseOf(doc, "Metadata and leadership", "1. Failure drill")).toEqual({ name: "1. Failure drill", classname: "s1.failure-drill", time: 0 });
    expect(caseOf(doc, "Metadata and leadership", "2. Storage path").failure).toEqual([
      { message: "Partial", type: "partial", inner: "Gap: Storage path is not passed yet (partial)" },
    ]);

    expect(caseOf(doc, "Drills", "Kill broker 3: Time to leadership settled").failure).toBeUndefined();
    expect(caseOf(doc, "Drills", "Kill broker 3: decision matrix").failure?.[0]).toMatchObject({
      message: "Red: Was the storage work limited?",
      type: "red_answer",
      inner:
        "Decision: The recovery unit is too large\nRed: Was the storage work limited? — Catch-up | took 12 min\nStorage and replication work dominated the recovery.",
    });
  });

  it("fails failing and stale-only items with their reasons, and skips not-applicable and waived ones", async () => {
    const r = sampleReport();
    const [drillItem, storage] = r.sections[0].items;
    Object.assign(drillItem, { status: "fail", effectiveStatus: "fail" });
    r.outcome.reasons = [
      { severity: "blocker", text: "Failure drill failed", itemKey: "failure-drill" },
      { severity: "gap", text: "Something else", itemKey: "other" },
    ];
    const waived = { ...storage, number: 3, key: "waived", title: "Waived", effectiveStatus: "not_applicable" as const, exempted: true };
    waived.exemptions = [{ ...storage.exemptions[0], status: "granted", justification: "Vendor SLA covers it", active: true }];
    const stale = { ...storage, number: 4, key: "stale", title: "Stale", status: "pass" as const, staleOnly: true, evidence: [drillItem.evidence[2]] };
    Object.assign(storage, { status: "not_applicable", effectiveStatus: "not_applicable", justification: "No local disks:\r\nvendor-managed" });
    r.sections[0].items.push(waived, stale);

    const { xml, doc } = await roundTrip(r);
    expectJunitShape(xml, doc);
    const section = "Metadata and leadership";
    expect(suiteOf(doc, section)).toMatchObject({ tests: 4, failures: 2, skipped: 2 });
    expect(caseOf(doc, section, "1. Failure drill").failure).toEqual([
      { message: "Fail, blocking", type: "fail", inner: "Blocker: Failure drill failed\nStale evidence: Bad link (captured 2024-05-14)" },
    ]);
    expect(caseOf(doc, section, "2. Storage path").skipped).toEqual([{ message: "No local disks: vendor-managed" }]);
    expect(caseOf(doc, section, "3. Waived").skipped).toEqual([{ message: "Vendor SLA covers it" }]);
    expect(caseOf(doc, section, "4. Stale").failure).toEqual([
      { message: "Pass on stale evidence only", type: "stale_evidence", inner: "Stale evidence: Bad link (captured 2024-05-14)" },
    ]);
  });

  it("tests each drill measurement that has a target, and fails breached ones and red matrices", async () => {
    const r = sampleReport();
    const [drill] = r.drills;
    drill.measurements.push(
      { key: "lagRecoveredSec", label: "Lag recovered", unit: "s", measured: 450, target: 300, result: "breached" },
      { key: "errorRate", label: "Error rate", unit: "%", measured: null, target: 1, result: "not_measured" },
      { key: "throughput", label: "Throughput", unit: "MB/s", measured: 40, target: null, result: "no_target" },
    );
    drill.matrix.answers.push({ ...drill.matrix.answers[0], question: "rollback_known", text: "Was the rollback known?", rationale: "" });

    const { xml, doc } = await roundTrip(r);
    expectJunitShape(xml, doc);
    expect(suiteOf(doc, "Drills")).toMatchObject({ tests: 4, failures: 2, skipped: 1 });
    expect(suiteOf(doc, "Drills").testcase?.map((c) => c.name)).toEqual([
      "Kill broker 3: Time to leadership settled",
      "Kill broker 3: Lag recovered",
      "Kill broker 3: Error rate",
      "Kill broker 3: decision matrix",
    ]);
    expect(caseOf(doc, "Drills", "Kill broker 3: Lag recovered").failure?.[0]).toMatchObject({
      message: "measured 7 min 30 s, target 5 min",
      type: "breached",
    });
    expect(caseOf(doc, "Drills", "Kill broker 3: Error rate").skipped).toEqual([{ message: "Not measured" }]);
    const matrix = caseOf(doc, "Drills", "Kill broker 3: decision matrix").failure?.[0];
    expect(matrix?.message).toBe("Red: Was the storage work limited?; Was the rollback known?");
    expect(matrix?.inner).toContain("\nRed: Was the rollback known?\n");
  });

  it("passes the outcome at production test and a matrix without red answers", async () => {
    const r = sampleReport();
    r.outcome = { ...r.outcome, outcome: "production_test", label: "Ready for production test", nextOutcome: null, reasons: [] };
    r.drills[0].matrix = { ...r.drills[0].matrix, decision: "operating_model_holds", answers: [{ ...r.drills[0].matrix.answers[0], answer: "green" }] };
    const { doc } = await roundTrip(r);
    expect(caseOf(doc, "Outcome", "Outcome meets production test").failure).toBeUndefined();
    expect(caseOf(doc, "Drills", "Kill broker 3: decision matrix").failure).toBeUndefined();
  });

  it("round-trips hostile text exactly and drops characters XML 1.0 cannot carry", async () => {
    const hostile = `</testcase><x a="&">'\u0001 ]]> end`;
    const clean = `</testcase><x a="&">' ]]> end`;
    const r = sampleReport();
    r.cluster.name = hostile;
    r.scorecard.title = hostile;
    r.sections[0].title = hostile;
    r.sections[0].key = hostile;
    r.sections[0].items[1].title = hostile;
    r.outcome.reasons[0].text = hostile;
    r.drills[0].title = hostile;
    r.drills[0].matrix.answers[0].text = hostile;

    const { xml, doc } = await roundTrip(r);
    expectJunitShape(xml, doc);
    expect(xml).not.toContain("\u0001");
    expect(xml).not.toContain("<x ");
    expect(doc.name).toBe(`Drillbook readiness: ${clean} · ${clean}`);
    const item = caseOf(doc, clean, `2. ${clean}`);
    expect(item.classname).toBe(`${clean}.storage-path`);
    expect(item.failure?.[0].inner).toBe(`Gap: ${clean}`);
    expect(suiteOf(doc, "Outcome").properties?.find((p) => p.name === "drillbook.cluster")?.value).toBe(clean);
    expect(caseOf(doc, "Drills", `${clean}: decision matrix`).failure?.[0].message).toBe(`Red: ${clean}`);
  });
});

describe("junit download format", () => {
  it("is a report format with a .junit.xml file name", () => {
    expect(reportFormatSchema.parse("junit")).toBe("junit");
    expect(reportFilename(sampleReport(), REPORT_EXTENSIONS.junit)).toBe("readiness-orders-prod-broker-failure-readiness-q3-v7-2024-05-20.junit.xml");
  });
});
