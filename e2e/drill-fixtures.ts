/**
 * Realistic metric exports around a broker-kill drill, generated relative to the fault so the
 * drill can be recent (inside the evidence freshness window): consumer lag and producer errors
 * as CSV, under-replicated partitions as the JSON of a Prometheus range query.
 *
 * Shapes: lag sits at ~200 records, climbs to ~180,000 in the 45 s after the fault while
 * consumers rebalance, then drains exponentially (τ = 75 s) and is back under 1,000 at +7 min
 * 45 s; producers see a burst of retries for a minute. Replicas of the killed broker stay
 * under-replicated until its replacement has copied them back, draining to zero at +12 min.
 */
const STEP_S = 15;
const BEFORE_S = 120;
const AFTER_S = 20 * 60;

/** Deterministic jitter in [-1, 1] so files are the same on every run. */
const jitter = (i: number) => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;

function lagAt(t: number, i: number): number {
  const base = 200 + 30 * jitter(i);
  if (t < 0) return Math.round(base);
  const peak = 180_000;
  const extra = t < 45 ? peak * (t / 45) : peak * Math.exp(-(t - 45) / 75);
  return Math.round(base + extra);
}

function errorsAt(t: number): number {
  return t >= 0 && t < 60 ? [40, 26, 12, 3][Math.floor(t / 15)] : 0;
}

function underReplicatedAt(t: number, total: number): number {
  if (t < 15) return 0;
  if (t <= 300) return total;
  return Math.max(0, Math.round(total * (1 - (t - 300) / 420)));
}

export interface DrillFixture {
  csv: string;
  promJson: string;
  promQuery: string;
  windowStart: string;
  windowEnd: string;
}

/** Exports covering 2 minutes before to 20 minutes after the fault, sampled every 15 s. */
export function brokerKillFixture(faultAt: Date): DrillFixture {
  const f = faultAt.getTime();
  const rows = ["timestamp,metric,value"];
  const urp1: [number, string][] = [];
  const urp2: [number, string][] = [];
  for (let t = -BEFORE_S, i = 0; t <= AFTER_S; t += STEP_S, i++) {
    const iso = new Date(f + t * 1000).toISOString();
    rows.push(`${iso},consumer_lag,${lagAt(t, i)}`);
    rows.push(`${iso},producer_errors,${errorsAt(t)}`);
    const seconds = (f + t * 1000) / 1000;
    urp1.push([seconds, String(underReplicatedAt(t, 140))]);
    urp2.push([seconds, String(underReplicatedAt(t, 118))]);
  }
  const promJson = JSON.stringify({
    status: "success",
    data: {
      resultType: "matrix",
      result: [
        { metric: { __name__: "kafka_server_replicamanager_underreplicatedpartitions", broker: "1" }, values: urp1 },
        { metric: { __name__: "kafka_server_replicamanager_underreplicatedpartitions", broker: "2" }, values: urp2 },
      ],
    },
  });
  const toInput = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return {
    csv: `${rows.join("\n")}\n`,
    promJson,
    promQuery: "max by (broker) (kafka_server_replicamanager_underreplicatedpartitions)",
    windowStart: toInput(f - BEFORE_S * 1000),
    windowEnd: toInput(f + AFTER_S * 1000),
  };
}
