import type { ReactNode } from "react";
import type { DrillDetail } from "@/lib/drills/queries";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatSeconds } from "@/lib/format/numbers";
import { formatUtc } from "@/lib/format/dates";

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children || <span className="text-slate-500">—</span>}</dd>
    </div>
  );
}

function Prose({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <div>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</h3>
      <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{text}</p>
    </div>
  );
}

/** What was tested, when, under which traffic, with which rollback plan and people. */
export function DrillFacts({ drill }: { drill: DrillDetail }) {
  const duration = drill.endedAt ? formatSeconds((drill.endedAt.getTime() - drill.startedAt.getTime()) / 1000) : null;
  return (
    <Card title="Facts">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2">
        <Fact label="Started">{formatUtc(drill.startedAt)}</Fact>
        <Fact label="Ended">{drill.endedAt ? `${formatUtc(drill.endedAt)} (${duration})` : "Not recorded"}</Fact>
        <Fact label="Traffic" wide>
          <span className="flex flex-wrap items-center gap-2">
            {drill.realisticTraffic ? <Badge tone="green">Realistic traffic</Badge> : <Badge tone="amber">Not realistic traffic</Badge>}
            {drill.trafficProfile}
          </span>
        </Fact>
        <Fact label="Producer delivery timeout">{drill.producerDeliveryTimeoutMs ? `${drill.producerDeliveryTimeoutMs.toLocaleString("en-US")} ms` : ""}</Fact>
        <Fact label="Rollback named before the test">{drill.rollbackNamedBefore ? <Badge tone="green">Yes</Badge> : <Badge tone="red">No</Badge>}</Fact>
        {drill.rollbackPoint || drill.rollbackOwner ? (
          <Fact label="Rollback point and owner" wide>
            {drill.rollbackPoint ?? "—"}
            {drill.rollbackOwner ? <span className="text-slate-500"> · decided by {drill.rollbackOwner}</span> : null}
          </Fact>
        ) : null}
        <Fact label="Owner">{drill.owner}</Fact>
        <Fact label="Coordinator">{drill.coordinator}</Fact>
        <Fact label="Observers" wide>
          {drill.observers.join(", ")}
        </Fact>
      </dl>
      <div className="mt-5 space-y-4 border-t border-slate-100 pt-4">
        <Prose label="Hypothesis" text={drill.hypothesis} />
        <Prose label="Observations" text={drill.observations} />
        <Prose label="Conclusion" text={drill.conclusion} />
        {!drill.hypothesis && !drill.observations && !drill.conclusion ? (
          <p className="text-sm text-slate-500">No hypothesis, observations or conclusion written yet.</p>
        ) : null}
      </div>
    </Card>
  );
}
