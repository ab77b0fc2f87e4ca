import type { Metadata } from "next";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { firstSteps } from "@/lib/portfolio/first-steps";
import { countSampleClusters, getFirstStepCounts, loadPortfolioPage } from "@/lib/portfolio/queries";
import { DEFAULT_QUERY, readPortfolioQuery, toQueryString } from "@/lib/portfolio/schema";
import { ActivityFeed } from "@/components/portfolio/activity-feed";
import { PortfolioSummaryTiles } from "@/components/portfolio/portfolio-summary";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { FirstStepsPanel } from "@/components/portfolio/first-steps-panel";
import { SampleDataBanner } from "@/components/demo/sample-data-banner";
import { CampaignsOverview } from "@/components/campaigns/campaigns-overview";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Portfolio" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PortfolioPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePagePermission("cluster:read");
  const { query, ignored } = readPortfolioQuery(await searchParams);
  const canWrite = can(user.role, "cluster:write");
  const [{ page, summary, teams, activity, templates }, campaigns, counts, samples] = await Promise.all([
    loadPortfolioPage(user, query),
    listCampaigns(user),
    canWrite ? getFirstStepCounts(user) : null,
    countSampleClusters(user),
  ]);
  const steps = counts ? firstSteps(counts) : null;
  const now = new Date();

  if (summary.total === 0) {
    return (
      <>
        <PageHeader title="Portfolio" description="Every cluster's readiness at a glance." />
        {steps ? (
          <div className="mb-6">
            <FirstStepsPanel steps={steps} />
          </div>
        ) : null}
        <EmptyState
          title="No clusters yet"
          description={
            canWrite
              ? "Add the clusters you want to prove recovery for. Their outcome, evidence freshness, drills and sign-offs will show up here."
              : "Nobody has added a cluster yet. Editors can add one; ask your team."
          }
          action={canWrite ? <ButtonLink href="/clusters/new">New cluster</ButtonLink> : null}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every cluster's readiness: outcome, evidence freshness, drills and sign-offs. Regressions are flagged in red."
        actions={
          canWrite ? (
            <>
              <ButtonLink
                href={`/campaigns/new${toQueryString({ ...DEFAULT_QUERY, q: query.q, env: query.env, arch: query.arch, outcome: query.outcome, team: query.team })}`}
                variant="secondary"
              >
                New campaign
              </ButtonLink>
              <ButtonLink href="/clusters/new">New cluster</ButtonLink>
            </>
          ) : null
        }
      />
      <div className="space-y-6">
        {samples ? <SampleDataBanner what="portfolio" canRemove={can(user.role, "user:manage")} /> : null}
        {steps ? <FirstStepsPanel steps={steps} /> : null}
        <PortfolioSummaryTiles summary={summary} query={query} />
        {ignored.length ? <Alert tone="amber">Some parts of this link were not understood and were ignored: {ignored.join(", ")}.</Alert> : null}
        <PortfolioTable rows={page.rows} total={page.total} query={{ ...query, page: page.page }} teams={teams} templates={templates} />
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <ActivityFeed items={activity} now={now} />
          </div>
          <CampaignsOverview campaigns={campaigns.slice(0, 5)} total={campaigns.length} canWrite={canWrite} />
        </div>
      </div>
    </>
  );
}
