/** Colours and words for item statuses, outcomes and section states, shared by the scorecard UI. */
import type { ItemStatus, Outcome } from "@/lib/domain/constants";
import type { SectionStatus } from "@/lib/readiness/rules";

export const STATUS_STYLE: Record<ItemStatus, { checked: string; dot: string; badge: "slate" | "green" | "amber" | "red" | "blue" }> = {
  not_started: { checked: "bg-slate-100 text-slate-900 ring-2 ring-slate-500", dot: "bg-slate-300", badge: "slate" },
  in_progress: { checked: "bg-brand-600 text-white ring-brand-600", dot: "bg-brand-500", badge: "blue" },
  pass: { checked: "bg-emerald-700 text-white ring-emerald-700", dot: "bg-emerald-500", badge: "green" },
  partial: { checked: "bg-amber-700 text-white ring-amber-700", dot: "bg-amber-400", badge: "amber" },
  fail: { checked: "bg-red-600 text-white ring-red-600", dot: "bg-red-500", badge: "red" },
  not_applicable: { checked: "bg-slate-500 text-white ring-slate-500", dot: "bg-slate-400", badge: "slate" },
};

export const SHORT_STATUS_LABELS: Record<ItemStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  pass: "Pass",
  partial: "Partial",
  fail: "Fail",
  not_applicable: "N/A",
};

export const OUTCOME_STYLE: Record<Outcome, { panel: string; accent: string; bar: string; summary: string }> = {
  not_ready: {
    panel: "bg-red-50 ring-red-200 text-red-900",
    accent: "bg-red-600",
    bar: "bg-red-500",
    summary: "The recovery path or the rollback is not proven yet.",
  },
  limited_workload: {
    panel: "bg-amber-50 ring-amber-200 text-amber-950",
    accent: "bg-amber-500",
    bar: "bg-amber-500",
    summary: "The architecture fits, but only part of it is validated.",
  },
  production_test: {
    panel: "bg-emerald-50 ring-emerald-200 text-emerald-950",
    accent: "bg-emerald-600",
    bar: "bg-emerald-500",
    summary: "Every applicable item passed with fresh evidence, backed by a clean drill under realistic traffic.",
  },
};

export const SECTION_STATUS: Record<SectionStatus, { label: string; dot: string; ring: string; text: string }> = {
  passed: { label: "All passed", dot: "bg-emerald-500", ring: "ring-emerald-500 bg-emerald-500 text-white", text: "text-emerald-700" },
  attention: { label: "Needs attention", dot: "bg-amber-400", ring: "ring-amber-400 bg-amber-50 text-amber-800", text: "text-amber-700" },
  blocked: { label: "Blocking item open", dot: "bg-red-500", ring: "ring-red-400 bg-red-50 text-red-700", text: "text-red-700" },
  not_started: { label: "Not started", dot: "bg-slate-300", ring: "ring-slate-300 bg-white text-slate-600", text: "text-slate-500" },
};

export const OWNER_ROLE_OPTIONS = [
  { value: "", label: "Unassigned" },
  { value: "sre", label: "SRE" },
  { value: "application_owner", label: "Application owner" },
  { value: "security", label: "Security" },
  { value: "finops", label: "FinOps" },
];

// dates read through lib/format/dates.ts; this name stays only for the milestone pages that
// still import it from here (components/milestones/milestone-comparison.tsx and the milestones page)

export { ownerRoleLabel } from "@/lib/domain/labels";
