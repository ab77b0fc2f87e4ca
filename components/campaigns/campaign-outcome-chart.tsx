"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";

const BARS: { key: Outcome | "none"; label: string; color: string }[] = [
  { key: "production_test", label: OUTCOME_LABELS.production_test, color: "#10b981" },
  { key: "limited_workload", label: OUTCOME_LABELS.limited_workload, color: "#f59e0b" },
  { key: "not_ready", label: OUTCOME_LABELS.not_ready, color: "#ef4444" },
  { key: "none", label: "No scorecard yet", color: "#94a3b8" },
];

/** Clusters per current outcome (horizontal bars), with the numbers also in a visually hidden list. */
export function CampaignOutcomeChart({ byOutcome }: { byOutcome: Record<Outcome | "none", number> }) {
  const data = BARS.map((b) => ({ ...b, count: byOutcome[b.key] }));
  return (
    <figure>
      <div className="h-44" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 32, top: 4, bottom: 4 }} accessibilityLayer={false}>
            <XAxis type="number" allowDecimals={false} hide />
            <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12, fill: "#475569" }} axisLine={false} tickLine={false} />
            <Bar dataKey="count" radius={[0, 4, 4, 0]} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.color} />
              ))}
              <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: "#0f172a" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Clusters by current outcome: {data.map((d) => `${d.label} ${d.count}`).join(", ")}</figcaption>
    </figure>
  );
}
