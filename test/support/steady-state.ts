/**
 * Test support: the steady state of two clusters over the last 30 hours, one sample a minute,
 * as Prometheus would hold it. "payments-prod" is healthy throughout (no under-replicated
 * partition, lag under 500); "orders-prod" had 14 under-replicated partitions for 10 minutes,
 * three hours before `endSec` — a continuous check over the last day must catch that.
 */
import type { Family } from "./prometheus";

export const STEADY_STEP_SECONDS = 60;

export function steadyStateTruth(endSec: number) {
  const spikeStartSec = Math.floor((endSec - 3 * 3600) / 60) * 60;
  return { startSec: endSec - 30 * 3600, endSec, spikeStartSec, spikeEndSec: spikeStartSec + 600, spikeValue: 14 };
}

export function steadyStateFamilies(truth: ReturnType<typeof steadyStateTruth>): Family[] {
  const urp: Family = { name: "kafka_server_replicamanager_underreplicatedpartitions", type: "gauge", samples: [] };
  const lag: Family = { name: "kafka_consumergroup_lag", type: "gauge", samples: [] };
  for (let t = truth.startSec; t <= truth.endSec; t += STEADY_STEP_SECONDS) {
    const spiking = t >= truth.spikeStartSec && t < truth.spikeEndSec;
    urp.samples.push({ name: urp.name, labels: { cluster: "payments-prod", broker: "1" }, value: 0, t });
    urp.samples.push({ name: urp.name, labels: { cluster: "orders-prod", broker: "1" }, value: spiking ? truth.spikeValue : 0, t });
    lag.samples.push({ name: lag.name, labels: { cluster: "payments-prod", consumergroup: "billing" }, value: 200 + ((t / 60) % 300), t });
  }
  return [urp, lag];
}
