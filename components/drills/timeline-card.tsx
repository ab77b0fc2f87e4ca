import { deleteTimelineEventAction } from "@/lib/actions/drill";
import type { DrillDetail } from "@/lib/drills/queries";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { gapSentence, TimelineEventRow, TimelineStrip } from "./drill-timeline";
import { formatUtcTime, toDateTimeInput } from "@/lib/format/dates";
import { TimelineEventForm } from "./timeline-event-form";

/** Control-plane, data-plane and business events on one timeline, with the gap between them. */
export function TimelineCard({ drill, canWrite }: { drill: DrillDetail; canWrite: boolean }) {
  const events = drill.timeline;
  const last = events.at(-1)?.at ?? drill.startedAt;
  return (
    <Card title="Timeline" actions={<span className="text-xs text-slate-500">Times in UTC</span>}>
      <p className="mb-4 text-sm text-slate-700" data-testid="gap-sentence">
        {gapSentence(drill.gap)}
      </p>
      <TimelineStrip events={events} gap={drill.gap} />
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">
          No events yet. Add when the fault was injected, when leadership settled (control plane), when producers and consumers were stable (data plane) and
          when the applications were back to normal (business).
        </p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Events">
          {events.map((e, i) => (
            <TimelineEventRow
              key={e.id}
              event={e}
              index={i}
              faultAt={drill.gap.faultAt}
              actions={
                canWrite ? (
                  <ConfirmDialog
                    triggerStyle="inline"
                    action={deleteTimelineEventAction}
                    fields={{ id: e.id, drillId: drill.id }}
                    trigger="Remove"
                    triggerLabel={`Remove event: ${e.label}`}
                    title="Remove this event?"
                    description={`“${e.label}” at ${formatUtcTime(e.at)} UTC will be removed from the timeline.`}
                    confirm="Remove event"
                  />
                ) : null
              }
            />
          ))}
        </ol>
      )}
      {canWrite ? <TimelineEventForm drillId={drill.id} defaultAt={toDateTimeInput(last)} /> : null}
    </Card>
  );
}
