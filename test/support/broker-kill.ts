/**
 * Test support: the metrics of a realistic broker kill, with known truth. Broker 3 of
 * "payments-prod" dies at the fault; leaders move, replicas catch up, consumers fall behind and
 * recover. A second cluster ("orders-prod") carries different numbers so a query that ignores
 * the matchers gives the wrong answer. Samples every 5 s, as a 5 s scrape interval would.
 */
import type { Family, Sample } from "./prometheus";

export const SCRAPE_SECONDS = 5;

/** Known timeline, seconds after the fault (except the absolute times). */
export type BrokerKillTruth = {
  drillStartSec: number;
  faultSec: number;
  drillEndSec: number;
  leadershipSettledSec: number;
  replicasInSyncSec: number;
  peakUnderReplicated: number;
  underMinIsrSec: number;
  peakUnderMinIsr: number;
  lagRecoveredSec: number;
  peakConsumerLag: number;
  errorsStopSec: number;
  producerErrorsTotal: number;
  /** bytes/s of the catch-up copy into the restarted broker, plus the two others' baseline */
  peakReplicationBytesPerSec: number;
};

/** A timeline starting at `drillStartSec` (unix seconds, a multiple of 5). */
export function brokerKillTruth(drillStartSec: number): BrokerKillTruth {
  return {
    drillStartSec,
    faultSec: drillStartSec + 120,
    drillEndSec: drillStartSec + 1800,
    leadershipSettledSec: 14,
    replicasInSyncSec: 540,
    peakUnderReplicated: 300,
    underMinIsrSec: 45,
    peakUnderMinIsr: 20,
    lagRecoveredSec: 420,
    peakConsumerLag: 250_000,
    errorsStopSec: 30,
    producerErrorsTotal: 300,
    peakReplicationBytesPerSec: 84_000_000,
  };
}

/** `elections`: also export the leader-election counter (the tests leave it out to see an optional query skipped). */
type Options = { cluster?: string; otherCluster?: string; nanAtSec?: number; elections?: boolean };

/** The OpenMetrics families of the drill, from 15 minutes before the start to 15 after the end. */
export function brokerKillFamilies(truth: BrokerKillTruth, opts: Options = {}): Family[] {
  const cluster = opts.cluster ?? "payments-prod";
  const other = opts.otherCluster ?? "orders-prod";
  const from = truth.drillStartSec - 900;
  const to = truth.drillEndSec + 900;
  const fam = (name: string, type: Family["type"]): Family => ({ name, type, samples: [] });
  const offline = fam("kafka_controller_kafkacontroller_offlinepartitionscount", "gauge");
  const urp = fam("kafka_server_replicamanager_underreplicatedpartitions", "gauge");
  const minIsr = fam("kafka_server_replicamanager_underminisrpartitioncount", "gauge");
  const lag = fam("kafka_consumergroup_lag", "gauge");
  const errors = fam("kafka_producer_producer_metrics_record_error", "counter");
  const repl = fam("kafka_server_brokertopicmetrics_replicationbytesin", "counter");
  const active = fam("kafka_controller_kafkacontroller_activecontrollercount", "gauge");
  const elections = fam("kafka_controller_controllerstats_leaderelectionrateandtimems_count", "unknown");
  let electionCount = 0;
  const push = (f: Family, name: string, labels: Record<string, string>, value: number, t: number) =>
    f.samples.push({ name, labels, value, t } satisfies Sample);
  let errorCount = 0;
  const bytes = [0, 0, 0];
  for (let t = from; t <= to; t += SCRAPE_SECONDS) {
    const since = t - truth.faultSec;
    const after = since >= 0;
    for (const [c, scale] of [
      [cluster, 1],
      [other, 3],
    ] as const) {
      const base = { cluster: c };
      push(offline, offline.name, { ...base, broker: "1" }, after && since < truth.leadershipSettledSec ? 12 * scale : 0, t);
      push(active, active.name, { ...base, broker: "1" }, 1, t);
      for (const broker of ["1", "2"]) {
        let u = 0;
        if (after && since < 60) u = 150;
        else if (after && since < truth.replicasInSyncSec) u = Math.ceil(150 * (1 - (since - 60) / (truth.replicasInSyncSec - 60)));
        push(urp, urp.name, { ...base, broker }, u * scale, t);
        const value =
          opts.nanAtSec !== undefined && c === cluster && broker === "1" && t === truth.faultSec + opts.nanAtSec
            ? NaN
            : after && since < truth.underMinIsrSec
              ? 10 * scale
              : 0;
        push(minIsr, minIsr.name, { ...base, broker }, value, t);
      }
      for (const [group, peak, back] of [
        ["checkout", truth.peakConsumerLag, truth.lagRecoveredSec],
        ["billing", 40_000, 240],
      ] as const) {
        let v = 200;
        if (after && since <= 60) v = 200 + ((peak - 200) * since) / 60;
        else if (after && since < back) v = peak + ((900 - peak) * (since - 60)) / (back - 60);
        else if (after) v = 500;
        push(lag, lag.name, { ...base, consumergroup: group, topic: "payments" }, Math.round(v * scale), t);
      }
    }
    if (after && since < truth.leadershipSettledSec) electionCount += 12;
    if (opts.elections) push(elections, elections.name, { cluster, broker: "1" }, electionCount, t);
    // counters (only the drilled cluster: the matchers must not pick up another cluster's)
    if (after && since < truth.errorsStopSec) errorCount += (truth.producerErrorsTotal / truth.errorsStopSec) * SCRAPE_SECONDS;
    push(errors, `${errors.name}_total`, { cluster, client_id: "payments-api" }, errorCount, t);
    for (let b = 0; b < 3; b++) {
      const copying = b === 2 && after && since >= 60 && since < truth.replicasInSyncSec;
      bytes[b] += (copying ? truth.peakReplicationBytesPerSec - 4_000_000 : b === 2 && after ? 0 : 2_000_000) * SCRAPE_SECONDS;
      push(repl, `${repl.name}_total`, { cluster, broker: String(b + 1) }, bytes[b], t);
    }
  }
  return [offline, urp, minIsr, lag, errors, repl, active, ...(opts.elections ? [elections] : [])];
}
