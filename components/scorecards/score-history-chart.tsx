"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import type { HistoryPoint } from "@/lib/milestones/queries";
import { formatShortDay } from "@/lib/format/dates";

const COLORS = ["#1f57d1", "#0f9f6e", "#d97706", "#9333ea", "#dc2626", "#0891b2"];
const OUTCOME_DOT: Record<Outcome, string> = { not_ready: "#dc2626", limited_workload: "#d97706", production_test: "#059669" };

interface Row {
  at: number;
  [scorecardId: string]: number | { milestone: string; outcome: Outcome } | undefined;
}

/** Score over time, one line per scorecard, each point a milestone coloured by its outcome. */
export function ScoreHistoryChart({ points }: { points: HistoryPoint[] }) {
  const series = [...new Map(points.map((p) => [p.scorecardId, p.scorecardTitle])).entries()];
  const rows: Row[] = points.map((p) => ({
    at: new Date(p.at).getTime(),
    [p.scorecardId]: p.score,
    [`${p.scorecardId}:meta`]: { milestone: p.milestone, outcome: p.outcome },
  }));
  return (
    <figure>
      <div className="h-64" role="img" aria-label={`Score over time for ${series.length} scorecard(s), ${points.length} milestones`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={formatShortDay}
              tick={{ fontSize: 12, fill: "#64748b" }}
              padding={{ left: 16, right: 16 }}
            />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v) => `${v}%`} tick={{ fontSize: 12, fill: "#64748b" }} />
            <Tooltip
              content={({ active, payload }) => {
                if (!active || !payload?.length) return null;
                const row = payload[0].payload as Row;
                return (
                  <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
                    <p className="font-medium text-slate-900">{formatShortDay(row.at)}</p>
                    {payload.map((entry) => {
                      const meta = row[`${entry.dataKey}:meta`] as { milestone: string; outcome: Outcome } | undefined;
                      return meta ? (
                        <p key={String(entry.dataKey)} className="mt-1 text-slate-700">
                          <span className="font-medium">{entry.name}</span> · {meta.milestone}: {entry.value}% · {OUTCOME_LABELS[meta.outcome]}
                        </p>
                      ) : null;
                    })}
                  </div>
                );
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map(([id, title], i) => (
              <Line
                key={id}
                dataKey={id}
                name={title}
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                dot={(props) => {
                  const { cx, cy, payload, index } = props as { cx?: number; cy?: number; payload: Row; index: number };
                  const meta = payload[`${id}:meta`] as { outcome: Outcome } | undefined;
                  if (cx === undefined || cy === undefined || !meta) return <g key={`${id}-${index}`} />;
                  return <circle key={`${id}-${index}`} cx={cx} cy={cy} r={4.5} fill={OUTCOME_DOT[meta.outcome]} stroke="#fff" strokeWidth={1.5} />;
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {(Object.keys(OUTCOME_DOT) as Outcome[]).map((o) => (
          <span key={o} className="inline-flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-full" style={{ background: OUTCOME_DOT[o] }} aria-hidden />
            {OUTCOME_LABELS[o]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
