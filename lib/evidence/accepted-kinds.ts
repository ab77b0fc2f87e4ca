/**
 * The sentence above the evidence form saying which kinds an item accepts and why, so nobody
 * has to guess why "Link" is missing. Pure: used by the form and unit-tested.
 */
import type { EvidenceKind } from "@/lib/domain/constants";

const NAMES: Record<EvidenceKind, string> = {
  link: "a link",
  note: "a note",
  file: "a file",
  drill: "a drill",
  metric_export: "a metric export",
  kafka_snapshot: "a Kafka snapshot",
  metric_check: "a continuous check",
};

function list(kinds: EvidenceKind[]): string {
  const names = kinds.map((k) => NAMES[k]);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** What the item accepts, and the reason when some kinds are left out. */
export function acceptedKindsExplanation(kinds: EvidenceKind[]): string {
  const accepted = list(kinds);
  // a Kafka snapshot is read from the cluster itself, so it counts as measured too
  const measured = kinds.every((k) => k === "drill" || k === "metric_export" || k === "kafka_snapshot");
  if (measured) return `This item needs ${accepted}: a link or a note alone does not prove recovery, a measurement does.`;
  if (!kinds.some((k) => k === "drill" || k === "metric_export" || k === "kafka_snapshot"))
    return `This item takes ${accepted}: it is about how things are set up, not about a measured recovery.`;
  return `This item takes ${accepted}.`;
}
