/**
 * Proposed answers for decision-matrix questions 1 and 2 from computed measurements. A
 * proposal is a suggestion with its reasons; a person confirms or changes it. Pure.
 */
import { formatSeconds } from "@/lib/format/numbers";
import type { MatrixAnswer } from "@/lib/domain/constants";
import type { Computed, ComputedKey } from "./compute";

export type Proposal = { question: "hidden_client_impact" | "bounded_storage_work"; answer: MatrixAnswer; rationale: string };

type Targets = {
  targetLagRecoveredSec: number | null;
  targetPeakLagRecords: number | null;
  targetProducersStableSec: number | null;
  targetProducerErrors: number | null;
  targetReplicasInSyncSec: number | null;
};

/** What the cluster's recovery model expects for replica catch-up (null: not modelled). */
export type ModelExpectation = { catchUpSec: number | null; recoveryMBps: number } | null;

/** Measured recovery traffic may exceed the modelled rate by this share (rate windows smooth peaks). */
export const TRAFFIC_TOLERANCE = 0.1;

type Check = { ok: boolean; text: string };

function evaluate(checks: Check[], missing: string[], question: Proposal["question"], none: string): Proposal {
  const failed = checks.filter((c) => !c.ok);
  const lines = [...failed, ...checks.filter((c) => c.ok)].map((c) => `${c.ok ? "✓" : "✗"} ${c.text}`);
  lines.push(...missing.map((m) => `– ${m}`));
  if (failed.length > 0) return { question, answer: "red", rationale: lines.join("\n") };
  if (checks.length === 0) return { question, answer: "not_assessed", rationale: [none, ...lines].join("\n") };
  return { question, answer: "green", rationale: lines.join("\n") };
}

const secs = (v: number) => formatSeconds(v);

/**
 * Question 1 (applications back within the SLO): consumer lag recovered and peaked within the
 * drill's targets, producer errors and stable acks within theirs, and acks=all writes failing
 * (under-min-ISR) no longer than producers were allowed to be unstable. Any breach is red;
 * nothing comparable is "not assessed".
 */
export function proposeClientImpact(computed: Computed[], targets: Targets, notes: string[]): Proposal {
  const get = (k: ComputedKey) => computed.find((c) => c.key === k)?.value ?? null;
  const checks: Check[] = [];
  const missing: string[] = [];
  const compare = (k: ComputedKey, target: number | null, label: string, fmt: (v: number) => string) => {
    const v = get(k);
    if (v === null) return;
    if (target === null) missing.push(`${label} ${fmt(v)} (no target on the drill)`);
    else checks.push({ ok: v <= target, text: `${label} ${fmt(v)} ${v <= target ? "within" : "over"} the target ${fmt(target)}` });
  };
  const records = (v: number) => `${v.toLocaleString("en-US")} records`;
  compare("lagRecoveredSec", targets.targetLagRecoveredSec, "Consumer lag recovered in", secs);
  compare("peakConsumerLag", targets.targetPeakLagRecords, "Peak consumer lag", records);
  compare("producersStableSec", targets.targetProducersStableSec, "Producer errors stopped after", secs);
  compare("producerErrorCount", targets.targetProducerErrors, "Producer errors", (v) => `${v}`);
  compare("underMinIsrSec", targets.targetProducersStableSec, "Writes with acks=all failed for", secs);
  for (const n of notes) if (/^Lag of|^Producer|^Under-min-ISR/.test(n)) checks.push({ ok: false, text: n });
  return evaluate(checks, missing, "hidden_client_impact", "No client measurement could be compared with a target of this drill.");
}

/**
 * Question 2 (replica catch-up bounded and predictable): replicas back in sync within the
 * drill's target and within the recovery model's catch-up estimate, and recovery traffic at
 * most the modelled copy rate (plus 10 %). URP never back to 0 in the window is red.
 */
export function proposeStorageWork(computed: Computed[], targets: Targets, model: ModelExpectation, notes: string[]): Proposal {
  const get = (k: ComputedKey) => computed.find((c) => c.key === k)?.value ?? null;
  const checks: Check[] = [];
  const missing: string[] = [];
  const inSync = get("replicasInSyncSec");
  const traffic = get("recoveryTrafficMBps");
  const stuck = notes.find((n) => n.startsWith("Under-replicated"));
  if (stuck) checks.push({ ok: false, text: stuck });
  if (inSync !== null) {
    if (targets.targetReplicasInSyncSec !== null) {
      const ok = inSync <= targets.targetReplicasInSyncSec;
      checks.push({ ok, text: `Replicas in sync after ${secs(inSync)}, ${ok ? "within" : "over"} the target ${secs(targets.targetReplicasInSyncSec)}` });
    }
    if (model?.catchUpSec != null) {
      const ok = inSync <= model.catchUpSec;
      checks.push({
        ok,
        text: `Replicas in sync after ${secs(inSync)}, ${ok ? "inside" : "beyond"} the recovery model's catch-up estimate ${secs(model.catchUpSec)}`,
      });
    } else if (targets.targetReplicasInSyncSec === null) missing.push(`Replicas in sync after ${secs(inSync)} (no target and no model estimate)`);
  }
  if (traffic !== null) {
    if (model) {
      const limit = model.recoveryMBps * (1 + TRAFFIC_TOLERANCE);
      const ok = traffic <= limit;
      checks.push({ ok, text: `Recovery traffic peaked at ${traffic} MB/s, ${ok ? "inside" : "above"} the modelled ${model.recoveryMBps} MB/s (+10 %)` });
    } else missing.push(`Recovery traffic peaked at ${traffic} MB/s (no model estimate)`);
  }
  return evaluate(checks, missing, "bounded_storage_work", "Replica catch-up could not be compared with a target or the recovery model.");
}
