/**
 * "Pull metrics from Prometheus" against a real Prometheus server over a backfilled broker
 * kill with known truth: computed measurements, proposals, re-run, and overrides.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { brokerKillFamilies, SCRAPE_SECONDS } from "@/test/support/broker-kill";
import { prometheusNote, skipWithoutPrometheus, startPrometheus, toOpenMetrics, type RunningPrometheus } from "@/test/support/prometheus";
import { proposalDecisionSchema } from "@/lib/prometheus/datasource-schema";
import { isoSec, pullSetup, pullTruth } from "@/test/support/pull-fixtures";
import { decideProposal } from "./proposal-mutations";
import { pullDrillMetrics } from "./pull-mutations";
import { drillInputSchema } from "@/lib/drills/schema";
import { updateDrill } from "@/lib/drills/mutations";
import { drillForm } from "@/test/support/drills";

const truth = pullTruth;
const iso = isoSec;

let prom: RunningPrometheus;

describe.skipIf(skipWithoutPrometheus)(`pull metrics ${prometheusNote}`, () => {
  beforeAll(async () => {
    prom = await startPrometheus(toOpenMetrics(brokerKillFamilies(truth)));
  });
  afterAll(async () => {
    await prom?.stop();
  });

  it("computes the measurements from the fault within one step of the generated truth", async () => {
    const { editor, drillId } = await pullSetup(prom.url);
    const result = await pullDrillMetrics(editor, drillId);
    const step = result.window.stepSeconds;
    expect(step).toBe(SCRAPE_SECONDS);
    expect(result.queries.every((q) => q.status === "ok" || q.status === "skipped")).toBe(true);
    expect(result.queries.find((q) => q.key === "leaderElections")!.status).toBe("skipped"); // not exported in this data
    const db = await getDb();
    const drill = await db.drill.findUniqueOrThrow({ where: { id: drillId } });
    const near = (value: number | null, expected: number, tolerance = step) => {
      expect(value).not.toBeNull();
      expect(Math.abs(value! - expected)).toBeLessThanOrEqual(tolerance);
    };
    near(drill.leadershipSettledSec, truth.leadershipSettledSec);
    near(drill.replicasInSyncSec, truth.replicasInSyncSec);
    near(drill.lagRecoveredSec, truth.lagRecoveredSec);
    expect(drill.underReplicatedPartitions).toBe(truth.peakUnderReplicated);
    expect(drill.peakConsumerLag).toBe(truth.peakConsumerLag);
    // increase(…[1m]) extrapolates, so the error count is approximate; it also trails by the 1 min window
    near(drill.producerErrorCount, truth.producerErrorsTotal, truth.producerErrorsTotal * 0.25);
    near(drill.producersStableSec, truth.errorsStopSec + 60, 2 * step);
    near(drill.recoveryTrafficMBps, truth.peakReplicationBytesPerSec / 1e6, 1);
    const minIsr = result.measurements.find((m) => m.key === "underMinIsrSec")!;
    near(minIsr.value, truth.underMinIsrSec);
    expect(result.measurements.find((m) => m.key === "underMinIsrPeak")!.value).toBe(truth.peakUnderMinIsr);

    // stored as imports that keep query, data source, window and step; charts read them as today
    const imports = await db.metricImport.findMany({ where: { drillId }, include: { series: true } });
    expect(imports.map((i) => i.queryKey).sort()).toEqual([
      "activeControllers",
      "consumerLag",
      "leadership",
      "producerErrors",
      "recoveryTraffic",
      "replicas",
      "underMinIsr",
    ]);
    const lag = imports.find((i) => i.queryKey === "consumerLag")!;
    expect(lag.queryText).toBe('sum by (consumergroup) (kafka_consumergroup_lag{cluster="payments-prod"})');
    expect(lag.stepSeconds).toBe(step);
    expect(lag.windowStart!.getTime()).toBe((truth.faultSec - 120 - 300) * 1000);
    expect(lag.dataSourceId).not.toBeNull();
    expect(lag.series.map((s) => s.metric).sort()).toEqual(['consumerLag{consumergroup="billing"}', 'consumerLag{consumergroup="checkout"}']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "pull_metrics" } });
    expect(JSON.stringify(audit.after)).toContain("Local Prometheus");
  });

  it("proposes answers for questions 1 and 2 with reasons; a person confirms one and changes the other", async () => {
    const { editor, drillId, clusterId } = await pullSetup(prom.url, { targetReplicasInSyncSec: "900" });
    const result = await pullDrillMetrics(editor, drillId);
    const q1 = result.proposals.find((p) => p.question === "hidden_client_impact")!;
    const q2 = result.proposals.find((p) => p.question === "bounded_storage_work")!;
    expect(q1.answer).toBe("green");
    expect(q1.rationale).toMatch(/Consumer lag recovered in 7 min( \d+ s)? within the target 10 min/);
    expect(q2.answer).toBe("green");
    expect(q2.rationale).toMatch(/inside the modelled 100 MB\/s/);
    const db = await getDb();
    expect(await db.drillDecisionAnswer.count({ where: { drillId } })).toBe(0); // nothing decided silently

    expect(await decideProposal(editor, proposalDecisionSchema.parse({ drillId, question: "hidden_client_impact", answer: "green" }))).toEqual({
      status: "confirmed",
    });
    expect(
      await decideProposal(
        editor,
        proposalDecisionSchema.parse({ drillId, question: "bounded_storage_work", answer: "red", rationale: "The copy saturated broker 3's disks" }),
      ),
    ).toEqual({ status: "changed" });
    const answers = await db.drillDecisionAnswer.findMany({ where: { drillId }, orderBy: { question: "asc" } });
    expect(answers.map((a) => [a.question, a.answer])).toEqual([
      ["bounded_storage_work", "red"],
      ["hidden_client_impact", "green"],
    ]);
    expect(answers[1].rationale).toBe(q1.rationale);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.openRedAnswers).toBe(1); // readiness follows the decision
  });

  it("proposes red when lag recovered after the drill's target, or the copy ran faster than the modelled throttle", async () => {
    const { editor, drillId, clusterId } = await pullSetup(prom.url, { targetLagRecoveredSec: "300" });
    const db = await getDb();
    await db.cluster.update({ where: { id: clusterId }, data: { reassignmentThrottleMBps: 40 } });
    const result = await pullDrillMetrics(editor, drillId);
    const q1 = result.proposals.find((p) => p.question === "hidden_client_impact")!;
    const q2 = result.proposals.find((p) => p.question === "bounded_storage_work")!;
    expect(q1.answer).toBe("red");
    expect(q1.rationale.split("\n")[0]).toMatch(/^✗ Consumer lag recovered in 7 min( \d+ s)? over the target 5 min/);
    expect(q2.answer).toBe("red");
    expect(q2.rationale).toMatch(/✗ Recovery traffic peaked at 8\d(\.\d+)? MB\/s, above the modelled 40 MB\/s/);
  });

  it("re-runs replace the previous pull's imports and keep a person's override beside the computed value", async () => {
    const { editor, drillId } = await pullSetup(prom.url);
    await pullDrillMetrics(editor, drillId);
    const db = await getDb();
    const first = await db.metricImport.findMany({ where: { drillId }, select: { id: true } });
    const drill = await db.drill.findUniqueOrThrow({ where: { id: drillId } });
    // a person overrides the leadership time through the ordinary edit form (audited as an update)
    const form = drillForm(drill.clusterId, {
      startedAt: iso(truth.drillStartSec),
      endedAt: iso(truth.drillEndSec),
      targetProducersStableSec: "120",
      leadershipSettledSec: "20",
    });
    const { leadershipSettledSec: _l, ...restMeasurements } = Object.fromEntries(
      [
        "producersStableSec",
        "peakConsumerLag",
        "lagRecoveredSec",
        "producerErrorCount",
        "underReplicatedPartitions",
        "recoveryTrafficMBps",
        "replicasInSyncSec",
      ].map((k) => [k, String((drill as unknown as Record<string, number>)[k])]),
    ) as Record<string, string>;
    void _l;
    await updateDrill(editor, drillId, drill.version, drillInputSchema.parse({ ...form, ...restMeasurements }));

    const again = await pullDrillMetrics(editor, drillId);
    const second = await db.metricImport.findMany({ where: { drillId }, select: { id: true } });
    expect(second).toHaveLength(first.length);
    expect(second.some((s) => first.some((f) => f.id === s.id))).toBe(false);
    expect(await db.metricSeries.count({ where: { drillId } })).toBe(8); // lag has two groups
    const leadership = again.measurements.find((m) => m.key === "leadershipSettledSec")!;
    expect(leadership.applied).toBe(false);
    expect(leadership.overriddenBy).toBe(20);
    const after = await db.drill.findUniqueOrThrow({ where: { id: drillId } });
    expect(after.leadershipSettledSec).toBe(20);
    expect(after.replicasInSyncSec).toBe(drill.replicasInSyncSec);
    const computed = await db.drillComputedMeasurement.findUniqueOrThrow({ where: { drillId_measurement: { drillId, measurement: "leadershipSettledSec" } } });
    expect(computed.value).toBe(drill.leadershipSettledSec);
  });
});
