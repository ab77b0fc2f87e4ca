/** Text formatting shared by the report renderers (HTML, Markdown and JUnit XML). Every time is UTC. Pure. */
import {
  ARCHITECTURE_LABELS,
  DRILL_SCENARIO_LABELS,
  ENVIRONMENT_LABELS,
  ITEM_STATUS_LABELS,
  MATRIX_ANSWER_LABELS,
  METADATA_MODE_LABELS,
  type ItemStatus,
  type Outcome,
} from "@/lib/domain/constants";
import { formatBytes, formatMeasure, formatNumber, formatSeconds } from "@/lib/format/numbers";
import { formatUtcMinutes } from "@/lib/format/dates";
import type { ReadinessReport, ReportFormat } from "./schema";

export { formatBytes, formatMeasure, formatNumber, formatSeconds };

/** "2024-05-14 10:02 UTC" */
export function formatUtc(value: string | null | undefined): string {
  return formatUtcMinutes(value || null);
}

/** "2024-05-14" */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : "—";
}

export const STATUS_TONE: Record<ItemStatus, "green" | "amber" | "red" | "blue" | "slate"> = {
  pass: "green",
  partial: "amber",
  fail: "red",
  in_progress: "blue",
  not_started: "slate",
  not_applicable: "slate",
};
export const OUTCOME_TONE: Record<Outcome, "green" | "amber" | "red"> = { production_test: "green", limited_workload: "amber", not_ready: "red" };
export const statusLabel = (s: ItemStatus) => ITEM_STATUS_LABELS[s];
export const scenarioLabel = (s: keyof typeof DRILL_SCENARIO_LABELS) => DRILL_SCENARIO_LABELS[s];

export const SECTION_STATUS_LABELS = { passed: "Passed", attention: "Needs attention", blocked: "Blocked", not_started: "Not started" } as const;
export const COMPARISON_LABELS = { met: "Met", breached: "Breached", no_target: "No target", not_measured: "Not measured" } as const;
export const ANSWER_LABELS = MATRIX_ANSWER_LABELS;
export const DECISION_LABELS = { approved: "Approved", approved_with_conditions: "Approved with conditions", changes_requested: "Changes requested" } as const;
export const SIGN_OFF_STATE_LABELS = { current: "Valid for this version", outdated: "Given on an earlier version", invalidated: "Invalidated" } as const;
export const STATE_LABELS = { draft: "Draft", in_review: "In review", approved: "Approved", changes_requested: "Changes requested" } as const;
export const LAYER_LABELS = { control_plane: "Control plane", data_plane: "Data plane", business: "Business" } as const;
export const RECOVERY_LABELS = {
  recovered: "Recovered",
  never_recovered: "Never recovered",
  never_breached: "Never breached",
  insufficient_data: "Not enough data",
} as const;

/** The cluster's facts as label/value pairs, in the order both renderers show them. */
export function clusterFacts(c: ReadinessReport["cluster"]): [string, string][] {
  const facts: [string, string][] = [
    ["Environment", ENVIRONMENT_LABELS[c.environment]],
    ["Architecture", ARCHITECTURE_LABELS[c.architecture]],
    ["Distribution", `${c.distribution} ${c.version}`],
    ["Metadata", METADATA_MODE_LABELS[c.metadataMode]],
    ["Brokers", String(c.brokerCount)],
    ["Availability zones", String(c.availabilityZones)],
    ["Cloud / region", `${c.cloud} / ${c.region}`],
    ["Replication factor", String(c.replicationFactor)],
    ["Partitions", formatNumber(c.partitionCount)],
    ["Retention", `${c.retentionHours} h`],
    ["Peak ingress / egress", `${formatNumber(c.peakIngressMBps)} / ${formatNumber(c.peakEgressMBps)} MB/s`],
    ["Owner team", c.ownerTeam],
    ["Evidence fresh for", `${c.freshnessDays} days`],
  ];
  if (c.walType) facts.push(["WAL type", c.walType]);
  if (c.tags.length) facts.push(["Tags", c.tags.join(", ")]);
  return facts;
}

/** The recovery result of a series in words. */
export function recoveryText(s: ReadinessReport["drills"][number]["series"][number]): string {
  const r = s.recovery;
  if (!r) return "No threshold set";
  if (r.status === "recovered") return `Recovered in ${formatSeconds(r.recoverySec ?? 0)}${r.flaps ? ` (${r.flaps} relapse${r.flaps === 1 ? "" : "s"})` : ""}`;
  return RECOVERY_LABELS[r.status];
}

/** The file name extension of each download format. */
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { pdf: "pdf", md: "md", json: "json", junit: "junit.xml" };

/** A readable, safe file name: "readiness-orders-prod-broker-failure-q3-v12-2024-05-14.pdf". */
export function reportFilename(report: ReadinessReport, ext: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40);
  const parts = ["readiness", slug(report.cluster.name), slug(report.scorecard.title), `v${report.scorecard.version}`, report.generatedAt.slice(0, 10)].filter(
    Boolean,
  );
  return `${parts.join("-")}.${ext}`;
}
