import { describe, expect, it } from "vitest";
import { MATRIX_QUESTIONS, type MatrixAnswer, type MatrixQuestion } from "@/lib/domain/constants";
import {
  MATRIX_QUESTION_TEXT,
  MEASUREMENTS,
  MEASUREMENT_KEYS,
  compareMeasurement,
  compareMeasurements,
  evaluateMatrix,
  matrixVersion,
  suggestAnswers,
} from "./rules";

const all = (answer: MatrixAnswer) => Object.fromEntries(MATRIX_QUESTIONS.map((q) => [q, answer])) as Record<MatrixQuestion, MatrixAnswer>;

describe("MEASUREMENTS", () => {
  it("maps each measurement to its drill target, recovery traffic to none", () => {
    expect(Object.keys(MEASUREMENTS)).toEqual([...MEASUREMENT_KEYS]);
    expect(MEASUREMENTS.leadershipSettledSec.targetKey).toBe("targetLeadershipSettledSec");
    expect(MEASUREMENTS.producersStableSec.targetKey).toBe("targetProducersStableSec");
    expect(MEASUREMENTS.peakConsumerLag.targetKey).toBe("targetPeakLagRecords");
    expect(MEASUREMENTS.lagRecoveredSec.targetKey).toBe("targetLagRecoveredSec");
    expect(MEASUREMENTS.producerErrorCount.targetKey).toBe("targetProducerErrors");
    expect(MEASUREMENTS.underReplicatedPartitions.targetKey).toBe("targetUnderReplicated");
    expect(MEASUREMENTS.recoveryTrafficMBps).toMatchObject({ unit: "MB/s", targetKey: null });
  });
});

describe("compareMeasurement", () => {
  it("is met at or under the target and breached above it", () => {
    expect(compareMeasurement(29.9, 30)).toBe("met");
    expect(compareMeasurement(30, 30)).toBe("met");
    expect(compareMeasurement(0, 0)).toBe("met");
    expect(compareMeasurement(30.1, 30)).toBe("breached");
    expect(compareMeasurement(1, 0)).toBe("breached");
  });

  it("reports a missing measurement before a missing target", () => {
    expect(compareMeasurement(null, 30)).toBe("not_measured");
    expect(compareMeasurement(null, null)).toBe("not_measured");
    expect(compareMeasurement(Number.NaN, 30)).toBe("not_measured");
    expect(compareMeasurement(12, null)).toBe("no_target");
  });
});

describe("compareMeasurements", () => {
  it("lists every measurement with its target and result", () => {
    const rows = compareMeasurements({
      leadershipSettledSec: 12,
      targetLeadershipSettledSec: 30,
      lagRecoveredSec: 720,
      targetLagRecoveredSec: 600,
      recoveryTrafficMBps: 85,
    });
    expect(rows.map((r) => [r.key, r.measured, r.target, r.result])).toEqual([
      ["leadershipSettledSec", 12, 30, "met"],
      ["producersStableSec", null, null, "not_measured"],
      ["peakConsumerLag", null, null, "not_measured"],
      ["lagRecoveredSec", 720, 600, "breached"],
      ["producerErrorCount", null, null, "not_measured"],
      ["underReplicatedPartitions", null, null, "not_measured"],
      ["recoveryTrafficMBps", 85, null, "no_target"],
      ["replicasInSyncSec", null, null, "not_measured"],
    ]);
  });
});

describe("evaluateMatrix", () => {
  it("holds the operating model when all five are green", () => {
    const result = evaluateMatrix(all("green"));
    expect(result.decision).toBe("operating_model_holds");
    expect(result.reasons).toHaveLength(1);
  });

  it("calls the recovery unit too large on any red, naming each red question", () => {
    const result = evaluateMatrix({ ...all("not_assessed"), bounded_storage_work: "red", rollback_known: "red" });
    expect(result).toEqual({
      decision: "recovery_unit_too_large",
      reasons: ["Storage and replication work dominated the recovery.", "Nobody had decided the rollback point and owner before the drill."],
    });
    expect(evaluateMatrix({ ...all("green"), governance_intact: "red" }).reasons).toEqual([
      "Recovery stepped outside approved security or compliance boundaries.",
    ]);
  });

  it("is incomplete while any question is unassessed and none is red", () => {
    const result = evaluateMatrix({ ...all("green"), capacity_helps_quickly: "not_assessed" });
    expect(result).toEqual({
      decision: "incomplete",
      reasons: [`Not assessed yet: ${MATRIX_QUESTION_TEXT.capacity_helps_quickly.question}`],
    });
    expect(evaluateMatrix({}).reasons).toHaveLength(5);
    expect(evaluateMatrix({ hidden_client_impact: "green" })).toMatchObject({ decision: "incomplete" });
  });
});

describe("evaluateMatrix with answers that do not apply", () => {
  it("decides once every question is green or does not apply, naming what was left out", () => {
    const result = evaluateMatrix({ ...all("green"), capacity_helps_quickly: "does_not_apply" });
    expect(result).toEqual({
      decision: "operating_model_holds",
      reasons: [
        "Every question that applies to this drill is green (4 of 5).",
        `Does not apply to this drill: ${MATRIX_QUESTION_TEXT.capacity_helps_quickly.question}`,
      ],
    });
  });

  it("still calls any red decisive, and a matrix where nothing applies decides nothing", () => {
    expect(evaluateMatrix({ ...all("does_not_apply"), rollback_known: "red" }).decision).toBe("recovery_unit_too_large");
    expect(evaluateMatrix(all("does_not_apply"))).toEqual({
      decision: "incomplete",
      reasons: ["No question is answered green: a drill where nothing applies decides nothing."],
    });
  });

  it("is incomplete while a question is not assessed, whatever does not apply", () => {
    const result = evaluateMatrix({ ...all("green"), capacity_helps_quickly: "does_not_apply", rollback_known: "not_assessed" });
    expect(result).toEqual({ decision: "incomplete", reasons: [`Not assessed yet: ${MATRIX_QUESTION_TEXT.rollback_known.question}`] });
  });
});

describe("MATRIX_QUESTION_TEXT", () => {
  it("has a question and help for each of the five questions", () => {
    for (const q of MATRIX_QUESTIONS) {
      expect(MATRIX_QUESTION_TEXT[q].question).toMatch(/\?$/);
      expect(MATRIX_QUESTION_TEXT[q].help).toMatch(/Green: .*Red: /);
    }
  });
});

describe("suggestAnswers", () => {
  const targets = {
    targetProducersStableSec: 60,
    targetLagRecoveredSec: 600,
    targetPeakLagRecords: 50_000,
    targetProducerErrors: 100,
    targetUnderReplicated: 0,
  };

  it("suggests green for client impact when producers and lag recovered within target", () => {
    const s = suggestAnswers({ ...targets, producersStableSec: 45, lagRecoveredSec: 600, rollbackNamedBefore: true });
    expect(s.hidden_client_impact).toEqual({
      answer: "green",
      why:
        "Clients recovered within target: time to stable producer acks 45 s against a target of 60 s; " +
        "time to consumer lag recovered 600 s against a target of 600 s.",
    });
    expect(s.rollback_known?.answer).toBe("green");
  });

  it("suggests red for client impact when any client-facing measurement breached", () => {
    const s = suggestAnswers({
      ...targets,
      producersStableSec: 45,
      lagRecoveredSec: 720.25,
      producerErrorCount: 340,
      rollbackNamedBefore: false,
    });
    expect(s.hidden_client_impact).toEqual({
      answer: "red",
      why:
        "Clients felt the event: time to consumer lag recovered 720.3 s against a target of 600 s; " +
        "producer errors 340 errors against a target of 100 errors.",
    });
    // a breached peak lag alone is enough, even with the recovery times unmeasured
    expect(suggestAnswers({ ...targets, peakConsumerLag: 80_000, rollbackNamedBefore: true }).hidden_client_impact).toMatchObject({ answer: "red" });
  });

  it("makes no client-impact suggestion without enough data", () => {
    const noLag = suggestAnswers({ ...targets, producersStableSec: 45, rollbackNamedBefore: true });
    expect(noLag.hidden_client_impact).toBeUndefined();
    const noTarget = suggestAnswers({ producersStableSec: 45, lagRecoveredSec: 300, rollbackNamedBefore: true });
    expect(noTarget.hidden_client_impact).toBeUndefined();
  });

  it("follows rollbackNamedBefore for the rollback question", () => {
    expect(suggestAnswers({ rollbackNamedBefore: false }).rollback_known).toEqual({
      answer: "red",
      why: "The rollback point and its owner were not named before the drill.",
    });
  });

  it("suggests red storage work only when under-replicated partitions breached", () => {
    const red = suggestAnswers({ ...targets, underReplicatedPartitions: 12, rollbackNamedBefore: true });
    expect(red.bounded_storage_work).toEqual({
      answer: "red",
      why: "Replication fell behind more than planned: under-replicated partitions 12 partitions against a target of 0 partitions.",
    });
    const met = suggestAnswers({ ...targets, underReplicatedPartitions: 0, rollbackNamedBefore: true });
    expect(met.bounded_storage_work).toBeUndefined();
  });

  it("never suggests capacity or governance", () => {
    const s = suggestAnswers({
      ...targets,
      producersStableSec: 1,
      lagRecoveredSec: 1,
      underReplicatedPartitions: 0,
      recoveryTrafficMBps: 10,
      rollbackNamedBefore: true,
    });
    expect(Object.keys(s).sort()).toEqual(["hidden_client_impact", "rollback_known"]);
  });
});

describe("matrixVersion", () => {
  it("is the latest answer time, or empty when nothing was answered", () => {
    expect(matrixVersion([])).toBe("");
    expect(matrixVersion([{ answeredAt: null }])).toBe("");
    const a = new Date("2024-05-14T10:00:00.123Z");
    const b = new Date("2024-05-14T11:00:00Z");
    expect(matrixVersion([{ answeredAt: b }, { answeredAt: a }, { answeredAt: null }])).toBe("2024-05-14T11:00:00.000Z");
  });
});
