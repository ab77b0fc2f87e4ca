/**
 * Pure rules of a Prometheus pull: the query library, PromQL templating with a cluster's label
 * matchers, the pull window and the step that keeps every query under Prometheus' point limit.
 * No Next, React or Prisma imports; unit-tested in rules.test.ts.
 */

/** Prometheus refuses a range query that would return more than 11,000 points per series. */
export const MAX_POINTS_PER_SERIES = 11_000;
/** Finest resolution a pull asks for: a scrape interval of 5 s is the common floor. */
export const MIN_STEP_SECONDS = 5;

export const QUERY_KEYS = [
  "leadership",
  "replicas",
  "underMinIsr",
  "consumerLag",
  "producerErrors",
  "recoveryTraffic",
  "activeControllers",
  "leaderElections",
] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];

export type LibraryQuery = {
  key: QueryKey;
  label: string;
  /** PromQL with `{…}` where the cluster's matchers go. */
  template: string;
  /** One of the units the drill charts know (lib/drills/schema.ts). */
  unit: "partitions" | "records" | "errors" | "bytes" | "count";
  /** Threshold the recovery rules measure against (value <= threshold is within), or null for none. */
  threshold: number | null;
  /** An empty result of an optional query is reported, not a failure (client metrics often live elsewhere). */
  optional: boolean;
  /** What the query feeds, in plain words. */
  feeds: string;
};

/**
 * The default query library: JMX exporter names as in Strimzi's Kafka metrics config, and
 * kafka-exporter for consumer lag. Each cluster may replace any template.
 */
export const QUERY_LIBRARY: Record<QueryKey, LibraryQuery> = {
  leadership: {
    key: "leadership",
    label: "Offline partitions (leaders elected)",
    template: "sum(kafka_controller_kafkacontroller_offlinepartitionscount{…})",
    unit: "partitions",
    threshold: 0,
    optional: false,
    feeds: "Time to leadership settled: offline partitions back to 0",
  },
  replicas: {
    key: "replicas",
    label: "Under-replicated partitions (replica catch-up)",
    template: "sum(kafka_server_replicamanager_underreplicatedpartitions{…})",
    unit: "partitions",
    threshold: 0,
    optional: false,
    feeds: "Under-replicated partitions (peak) and time to replicas in sync (back to 0)",
  },
  underMinIsr: {
    key: "underMinIsr",
    label: "Under-min-ISR partitions (acks=all writes fail)",
    template: "sum(kafka_server_replicamanager_underminisrpartitioncount{…})",
    unit: "partitions",
    threshold: 0,
    optional: false,
    feeds: "How long writes with acks=all failed (decision question 1)",
  },
  consumerLag: {
    key: "consumerLag",
    label: "Consumer lag per group",
    template: "sum by (consumergroup) (kafka_consumergroup_lag{…})",
    unit: "records",
    threshold: null, // the cluster's lag threshold, set per pull
    optional: false,
    feeds: "Peak consumer lag and time to consumer lag recovered",
  },
  producerErrors: {
    key: "producerErrors",
    label: "Producer record errors per minute",
    template: "sum(increase(kafka_producer_producer_metrics_record_error_total{…}[1m]))",
    unit: "errors",
    threshold: 0,
    optional: true,
    feeds: "Producer errors and time to stable producer acks (client side)",
  },
  recoveryTraffic: {
    key: "recoveryTraffic",
    label: "Replication traffic in (bytes/s)",
    template: "sum(rate(kafka_server_brokertopicmetrics_replicationbytesin_total{…}[1m]))",
    unit: "bytes",
    threshold: null,
    optional: false,
    feeds: "Recovery traffic (peak, MB/s)",
  },
  activeControllers: {
    key: "activeControllers",
    label: "Active controllers",
    template: "sum(kafka_controller_kafkacontroller_activecontrollercount{…})",
    unit: "count",
    threshold: null,
    optional: true,
    feeds: "Timeline: controller failover",
  },
  leaderElections: {
    key: "leaderElections",
    label: "Leader elections per second",
    template: "sum(rate(kafka_controller_controllerstats_leaderelectionrateandtimems_count{…}[1m]))",
    unit: "count",
    threshold: null,
    optional: true,
    feeds: "Timeline: leader movement",
  },
};

/** The placeholder a template marks the matchers with; `{}` is accepted too, for keyboards without "…". */
const PLACEHOLDER = /\{(?:…|\.\.\.)\}/g;

/** Escapes a label value for a double-quoted PromQL string. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export type Matcher = { label: string; op: "=" | "!=" | "=~" | "!~"; value: string };

/**
 * Parses `cluster="payments-prod", env=~"prod|dr"` into matchers. Values are PromQL strings
 * (double or single quotes, backslash escapes); label names follow Prometheus' rule.
 * Returns an error naming the part at fault.
 */
export function parseMatchers(text: string): { ok: true; matchers: Matcher[] } | { ok: false; error: string } {
  const matchers: Matcher[] = [];
  let rest = text.trim();
  if (rest.startsWith("{") && rest.endsWith("}")) rest = rest.slice(1, -1).trim();
  while (rest.length > 0) {
    const head = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(["'])/.exec(rest);
    if (!head) return { ok: false, error: `expected label="value" at “${rest.slice(0, 30)}”` };
    const quote = head[3];
    let i = head[0].length;
    let value = "";
    for (; i < rest.length && rest[i] !== quote; i++) {
      if (rest[i] === "\\" && i + 1 < rest.length) {
        const next = rest[++i];
        value += next === "n" ? "\n" : next;
      } else value += rest[i];
    }
    if (i >= rest.length) return { ok: false, error: `the value of ${head[1]} is missing its closing quote` };
    matchers.push({ label: head[1], op: head[2] as Matcher["op"], value });
    rest = rest.slice(i + 1).trim();
    if (rest.startsWith(",")) rest = rest.slice(1).trim();
    else if (rest.length > 0) return { ok: false, error: `expected a comma after ${head[1]}` };
  }
  if (matchers.length === 0) return { ok: false, error: 'give at least one matcher, e.g. cluster="payments-prod"' };
  if (!matchers.some((m) => (m.op === "=" && m.value !== "") || (m.op === "=~" && m.value !== "" && m.value !== ".*"))) {
    return { ok: false, error: 'at least one matcher must select a value (label="value"), or every cluster\'s series would be summed' };
  }
  return { ok: true, matchers };
}

/** The matchers as PromQL, each value escaped: `cluster="payments-prod",env=~"prod|dr"`. */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return matchers.map((m) => `${m.label}${m.op}"${escapeLabelValue(m.value)}"`).join(",");
}

/** Replaces every `{…}` of a template with the cluster's matchers in braces. */
export function renderQuery(template: string, matchers: readonly Matcher[]): string {
  return template.replace(PLACEHOLDER, `{${formatMatchers(matchers)}}`);
}

/** Whether a template has at least one place for the matchers (else it would read every cluster). */
export function hasPlaceholder(template: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(template);
}

/** The library with a cluster's overrides applied: key → template. */
export function effectiveTemplates(overrides: Partial<Record<string, string>>): Record<QueryKey, string> {
  const out = {} as Record<QueryKey, string>;
  for (const key of QUERY_KEYS) out[key] = overrides[key]?.trim() || QUERY_LIBRARY[key].template;
  return out;
}

/**
 * The window a pull asks for: from the margin before the fault (or the start, if earlier) to
 * the margin after the drill's end (an hour after the start when no end is recorded).
 */
export function pullWindow(
  drill: { startedAt: Date; endedAt: Date | null },
  faultAtMs: number,
  margins: { beforeSec: number; afterSec: number },
): { startMs: number; endMs: number } {
  const from = Math.min(drill.startedAt.getTime(), faultAtMs) - margins.beforeSec * 1000;
  const end = drill.endedAt ? drill.endedAt.getTime() : drill.startedAt.getTime() + 3_600_000;
  return { startMs: from, endMs: Math.max(end, faultAtMs) + margins.afterSec * 1000 };
}

/**
 * The step of a pull: the finest of `minStepSec` and whole seconds such that the window has at
 * most 11,000 points per series (Prometheus counts both ends: points = floor(span/step) + 1).
 */
export function chooseStep(startMs: number, endMs: number, minStepSec = MIN_STEP_SECONDS): number {
  if (!(endMs > startMs)) throw new RangeError("the window must end after it starts");
  const spanSec = (endMs - startMs) / 1000;
  // floor(span/step) + 1 <= 11,000  ⇔  step > span / 11,000
  const needed = Math.floor(spanSec / MAX_POINTS_PER_SERIES) + 1;
  return Math.max(Math.ceil(minStepSec), needed);
}

/** Points per series a range query will return (Prometheus' own count). */
export function pointsFor(startMs: number, endMs: number, stepSec: number): number {
  return Math.floor((endMs - startMs) / 1000 / stepSec) + 1;
}
