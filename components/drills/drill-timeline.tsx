import type { ReactNode } from "react";
import type { DrillDetail } from "@/lib/drills/queries";
import { Badge } from "@/components/ui/badge";
import { formatSeconds } from "@/lib/format/numbers";
import { formatUtcTime } from "@/lib/format/dates";
import { LAYER_LABEL } from "./layer-labels";

const LANES = [
  { layer: "control_plane", label: "Control plane" },
  { layer: "data_plane", label: "Data plane" },
  { layer: "business", label: "Business" },
] as const;

const DOT: Record<string, string> = {
  fault: "bg-red-600 ring-red-200",
  recovered: "bg-emerald-600 ring-emerald-200",
  other: "bg-slate-500 ring-slate-200",
};
const MARKER_BADGE: Record<string, { tone: "red" | "green" | "slate"; label: string }> = {
  fault: { tone: "red", label: "Fault" },
  recovered: { tone: "green", label: "Recovered" },
  other: { tone: "slate", label: "Event" },
};

/** Plain-words summary of the leadership-to-applications gap. */
export function gapSentence(gap: DrillDetail["gap"]): string {
  const { faultAt, leadershipAt, applicationsAt, gapMs } = gap;
  if (!leadershipAt || !applicationsAt || gapMs === null) {
    return "Mark when the control plane recovered and when applications recovered to see the gap between them.";
  }
  const lead = faultAt ? `Leadership settled ${formatSeconds((leadershipAt.getTime() - faultAt.getTime()) / 1000)} after the fault; ` : "";
  if (gapMs <= 0) return `${lead}applications were already back ${formatSeconds(-gapMs / 1000)} before that.`;
  return `${lead}applications recovered ${formatSeconds(gapMs / 1000)} later.`;
}

/**
 * The drill's events on one time axis, one lane per layer, numbered to match the list below,
 * with the stretch between "leadership moved" and "applications recovered" shaded.
 */
export function TimelineStrip({ events, gap }: { events: DrillDetail["timeline"]; gap: DrillDetail["gap"] }) {
  if (events.length === 0) return null;
  const times = events.map((e) => e.at.getTime());
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  const pad = Math.max((hi - lo) * 0.04, 30_000);
  lo -= pad;
  hi += pad;
  const pct = (t: number) => `${(((t - lo) / (hi - lo)) * 100).toFixed(3)}%`;
  const band = gap.leadershipAt && gap.applicationsAt && gap.gapMs && gap.gapMs > 0 ? gap : null;

  return (
    <figure aria-label="Timeline by layer" className="mb-5">
      <div className="flex">
        <div className="w-28 shrink-0" aria-hidden>
          <div className="h-6" />
          {LANES.map((l) => (
            <div key={l.layer} className="flex h-9 items-center text-xs font-medium text-slate-600">
              {l.label}
            </div>
          ))}
        </div>
        <div className="relative flex-1 overflow-visible">
          <div className="relative h-6">
            {band ? (
              <div
                className="absolute top-0 whitespace-nowrap text-xs font-medium text-amber-800"
                style={{ left: pct((band.leadershipAt!.getTime() + band.applicationsAt!.getTime()) / 2), transform: "translateX(-50%)" }}
                data-testid="timeline-gap"
              >
                Gap {formatSeconds(band.gapMs! / 1000)}
              </div>
            ) : null}
          </div>
          <div className="relative">
            {band ? (
              <div
                className="absolute inset-y-0 border-x-2 border-dashed border-amber-400 bg-amber-100/60"
                style={{
                  left: pct(band.leadershipAt!.getTime()),
                  width: `calc(${pct(band.applicationsAt!.getTime())} - ${pct(band.leadershipAt!.getTime())})`,
                }}
                aria-hidden
              />
            ) : null}
            {LANES.map((l) => (
              <div key={l.layer} className="relative h-9 border-b border-slate-100 last:border-b-0">
                <div className="absolute inset-x-0 top-1/2 h-px bg-slate-200" aria-hidden />
                {events.map((e, i) =>
                  e.layer === l.layer ? (
                    <span
                      key={e.id}
                      title={`${i + 1}. ${formatUtcTime(e.at)} ${e.label}`}
                      className={`absolute top-1/2 flex size-5 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full text-[10px] font-semibold text-white ring-4 ${DOT[e.marker] ?? DOT.other}`}
                      style={{ left: pct(e.at.getTime()) }}
                    >
                      {i + 1}
                    </span>
                  ) : null,
                )}
              </div>
            ))}
          </div>
          <div className="mt-1 flex justify-between text-[11px] tabular-nums text-slate-500">
            <span>{formatUtcTime(lo)} UTC</span>
            <span>{formatUtcTime(hi)} UTC</span>
          </div>
        </div>
      </div>
    </figure>
  );
}

/** One event's line in the chronological list. */
export function TimelineEventRow({
  event,
  index,
  faultAt,
  actions,
}: {
  event: DrillDetail["timeline"][number];
  index: number;
  faultAt: Date | null;
  actions?: ReactNode;
}) {
  const marker = MARKER_BADGE[event.marker] ?? MARKER_BADGE.other;
  const offset = faultAt ? (event.at.getTime() - faultAt.getTime()) / 1000 : null;
  return (
    <li className="flex items-start gap-3 py-2.5">
      <span
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[10px] font-semibold text-white ${DOT[event.marker] ?? DOT.other}`}
        aria-hidden
      >
        {index + 1}
      </span>
      <div className="w-28 shrink-0 text-sm tabular-nums">
        <time dateTime={event.at.toISOString()} className="font-medium text-slate-900">
          {formatUtcTime(event.at)}
        </time>
        {offset !== null ? <div className="text-xs text-slate-500">{offset === 0 ? "fault" : `${offset > 0 ? "+" : ""}${formatSeconds(offset)}`}</div> : null}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium text-slate-900">{event.label}</span>
          <Badge>{LAYER_LABEL[event.layer]}</Badge>
          {event.marker !== "other" ? <Badge tone={marker.tone}>{marker.label}</Badge> : null}
        </div>
        {event.detail ? <p className="mt-0.5 text-sm text-slate-600">{event.detail}</p> : null}
      </div>
      {actions}
    </li>
  );
}
