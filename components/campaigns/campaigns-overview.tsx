import Link from "next/link";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import type { CampaignSummary } from "@/lib/campaigns/queries";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { CampaignProgressBar } from "./campaign-progress-bar";
import { DueBadge } from "./due-badge";

/** The soonest-due campaigns with their progress (portfolio page sidebar). */
export function CampaignsOverview({ campaigns, total, canWrite }: { campaigns: CampaignSummary[]; total: number; canWrite: boolean }) {
  return (
    <Card
      title="Campaigns"
      actions={
        <Link href="/campaigns" className="text-xs font-medium text-brand-700 hover:underline">
          {total > campaigns.length ? `All ${total}` : "All campaigns"}
        </Link>
      }
    >
      {campaigns.length === 0 ? (
        <p className="text-sm text-slate-500">
          No campaign yet.{" "}
          {canWrite ? (
            <Link href="/campaigns/new" className="font-medium text-brand-700 hover:underline">
              Set a target for a group of clusters
            </Link>
          ) : (
            "Editors can set a target outcome for a group of clusters."
          )}
        </p>
      ) : (
        <ul className="space-y-4">
          {campaigns.map((c) => (
            <li key={c.id}>
              <div className="mb-1 flex items-center justify-between gap-2">
                <Link href={`/campaigns/${c.id}`} className="truncate text-sm font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <DueBadge status={c.status} />
              </div>
              <p className="mb-1 text-xs text-slate-500">
                {OUTCOME_LABELS[c.targetOutcome]}
                {c.templateName ? ` in ${c.templateName}` : ""} by <DateTime value={c.dueDate} format="day" />
              </p>
              <CampaignProgressBar progress={c.progress} label={`${c.name} progress`} size="sm" />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
