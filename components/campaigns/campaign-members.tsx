import Link from "next/link";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { REASONS_LIMIT, type CampaignDetail, type CampaignMember } from "@/lib/campaigns/queries";
import { Card } from "@/components/ui/card";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { RemoveCampaignCluster } from "./campaign-membership";

const SHOWN_REASONS = 4;

type Campaign = Pick<CampaignDetail, "id" | "targetOutcome" | "progress" | "short" | "done">;

/** The clusters short of the target, furthest first, each with what keeps it there; editors can remove one. */
export function CampaignShortList({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  return (
    <Card title={`Short of “${OUTCOME_LABELS[campaign.targetOutcome]}” (${campaign.short.length})`}>
      {campaign.short.length === 0 ? (
        <p className="text-sm text-emerald-700">{campaign.progress.total ? "Every cluster has reached the target." : "This campaign has no clusters yet."}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Clusters short of the target">
          {campaign.short.map((m) => (
            <li key={m.id} className="py-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={`/clusters/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.name}
                </Link>
                <OutcomeBadge outcome={m.outcome} />
                <span className="text-xs text-slate-500">
                  {m.ownerTeam}
                  {m.score !== null ? ` · score ${m.score}%` : ""}
                  {m.staleEvidenceCount ? ` · ${m.staleEvidenceCount} stale evidence` : ""}
                  {m.openRedAnswers ? ` · ${m.openRedAnswers} red answers` : ""}
                </span>
                {canWrite ? (
                  <span className="ml-auto">
                    <RemoveCampaignCluster campaignId={campaign.id} clusterId={m.id} clusterName={m.name} />
                  </span>
                ) : null}
              </div>
              <MemberReasons member={m} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function MemberReasons({ member }: { member: CampaignMember }) {
  if (!member.reasons) {
    return <p className="mt-1 text-xs text-slate-500">Reasons are listed for the first {REASONS_LIMIT} clusters furthest from the target.</p>;
  }
  return (
    <ul className="mt-1.5 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
      {member.reasons.slice(0, SHOWN_REASONS).map((r) => (
        <li key={r}>{r}</li>
      ))}
      {member.reasons.length > SHOWN_REASONS ? (
        <li className="list-none text-xs text-slate-500">…and {member.reasons.length - SHOWN_REASONS} more on the cluster&apos;s scorecard</li>
      ) : null}
    </ul>
  );
}

/** The clusters at or above the target, as chips; nothing when there are none. */
export function CampaignDoneList({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  if (campaign.done.length === 0) return null;
  return (
    <Card title={`At or above the target (${campaign.done.length})`}>
      <ul className="flex flex-wrap gap-2" aria-label="Clusters at the target">
        {campaign.done.map((m) => (
          <li key={m.id} className="inline-flex items-center gap-2 rounded-md bg-emerald-50 px-2.5 py-1 text-sm ring-1 ring-emerald-200">
            <Link href={`/clusters/${m.id}`} className="text-emerald-800 hover:underline">
              {m.name}
            </Link>
            {canWrite ? <RemoveCampaignCluster campaignId={campaign.id} clusterId={m.id} clusterName={m.name} /> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
