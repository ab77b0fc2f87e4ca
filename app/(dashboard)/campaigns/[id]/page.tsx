import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getCampaign, REASONS_LIMIT } from "@/lib/campaigns/queries";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { CampaignOutcomeChart } from "@/components/campaigns/campaign-outcome-chart";
import { CampaignProgressBar } from "@/components/campaigns/campaign-progress-bar";
import { AddCampaignClusters, RemoveCampaignCluster } from "@/components/campaigns/campaign-membership";
import { DeleteCampaignButton } from "@/components/campaigns/delete-campaign-button";
import { DueBadge } from "@/components/campaigns/due-badge";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Campaign" };
export const dynamic = "force-dynamic";

const SHOWN_REASONS = 4;

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  const user = await requirePagePermission("cluster:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const campaign = await getCampaign(user, id);
  if (!campaign) notFound();
  const canWrite = can(user.role, "cluster:write");
  const target = OUTCOME_LABELS[campaign.targetOutcome];
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <>
            Target: <strong>{target}</strong>{" "}
            {campaign.templateName ? (
              <>
                in <strong>{campaign.templateName}</strong>
              </>
            ) : (
              "in every assessment"
            )}{" "}
            by <strong>{campaign.dueDate.slice(0, 10)}</strong> · {campaign.selection}
          </>
        }
        actions={
          canWrite ? (
            <>
              <ButtonLink href={`/campaigns/${campaign.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <DeleteCampaignButton id={campaign.id} name={campaign.name} />
            </>
          ) : null
        }
      />
      {flags.created ? (
        <div className="mb-4">
          <Alert tone="green">Campaign created.</Alert>
        </div>
      ) : null}
      {flags.saved ? (
        <div className="mb-4">
          <Alert tone="green">Changes saved.</Alert>
        </div>
      ) : null}
      {campaign.description ? <p className="mb-6 max-w-3xl whitespace-pre-wrap text-sm text-slate-700">{campaign.description}</p> : null}

      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <Card title="Progress" actions={<DueBadge status={campaign.status} />}>
          <p className="mb-3 text-3xl font-semibold text-slate-900" data-testid="campaign-progress">
            {campaign.progress.atTarget} <span className="text-base font-normal text-slate-500">of {campaign.progress.total} clusters at target</span>
          </p>
          <CampaignProgressBar progress={campaign.progress} label="Campaign progress" />
        </Card>
        <Card title="Clusters by current outcome" className="lg:col-span-2">
          <CampaignOutcomeChart byOutcome={campaign.progress.byOutcome} />
        </Card>
      </div>

      <div className="mt-6 space-y-6">
        <Card title={`Short of “${target}” (${campaign.short.length})`}>
          {campaign.short.length === 0 ? (
            <p className="text-sm text-emerald-700">
              {campaign.progress.total ? "Every cluster has reached the target." : "This campaign has no clusters yet."}
            </p>
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
                  {m.reasons ? (
                    <ul className="mt-1.5 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                      {m.reasons.slice(0, SHOWN_REASONS).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                      {m.reasons.length > SHOWN_REASONS ? (
                        <li className="list-none text-xs text-slate-500">…and {m.reasons.length - SHOWN_REASONS} more on the cluster&apos;s scorecard</li>
                      ) : null}
                    </ul>
                  ) : (
                    <p className="mt-1 text-xs text-slate-500">Reasons are listed for the first {REASONS_LIMIT} clusters furthest from the target.</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {campaign.done.length ? (
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
        ) : null}

        {canWrite ? (
          <Card title="Add clusters">
            <AddCampaignClusters campaignId={campaign.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
