/** How a check run's status, trigger and values read on the cluster and scorecard pages (never a raw stored value). */
import type { Tone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: Tone; text: string }> = {
  passed: { label: "passed", tone: "green", text: "text-emerald-700" },
  failed: { label: "failed", tone: "red", text: "text-red-700" },
  error: { label: "error", tone: "amber", text: "text-amber-800" },
  retrying: { label: "retrying", tone: "amber", text: "text-amber-800" },
  running: { label: "running", tone: "blue", text: "text-brand-700" },
};
const NONE = { label: "not run yet", tone: "slate" as Tone, text: "text-slate-600" };

/** The label, badge tone and text colour of a run status; no run at all reads "not run yet". */
export function runStatusMeta(status: string | null | undefined) {
  return status ? (STATUS[status] ?? { label: status.replace(/_/g, " "), tone: "slate" as Tone, text: "text-slate-600" }) : NONE;
}

const TRIGGERS: Record<string, string> = { schedule: "Schedule", manual: "Run now" };

export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

/** A sample value as a condition compares it: whole numbers grouped, fractions to three decimals, "—" for none. */
export function formatCheckValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
