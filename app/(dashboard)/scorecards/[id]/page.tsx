import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listDrillOptions } from "@/lib/evidence/queries";
import { getScorecardPage, listAssignableUsers } from "@/lib/scorecards/queries";
import { getItemChecks } from "@/lib/checks/queries";
import { getScorecardReview, listEligibleSigners } from "@/lib/reviews/queries";
import { selfApprovalAllowed } from "@/lib/reviews/policy";
import { ItemCard, type ItemCardContext } from "@/components/scorecards/item-card";
import { OutcomePanel } from "@/components/scorecards/outcome-panel";
import { ScorecardHeader } from "@/components/scorecards/scorecard-header";
import { ScorecardActions, ScorecardNotices } from "@/components/scorecards/scorecard-actions";
import { SectionNav } from "@/components/scorecards/section-nav";
import { SectionProgress } from "@/components/scorecards/section-progress";
import { ReviewPanel } from "@/components/reviews/review-panel";

export const metadata: Metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ section?: string; created?: string; archived?: string; restored?: string }>;
}) {
  const user = await requirePagePermission("scorecard:read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const now = new Date();
  const [page, review] = await Promise.all([getScorecardPage(user, id, now), getScorecardReview(user, id, now)]);
  if (!page || !review) notFound();
  const canWrite = can(user.role, "scorecard:write");
  const canRequest = can(user.role, "review:request");
  const [people, drills, signers, checks] = await Promise.all([
    canWrite ? listAssignableUsers(user) : [],
    canWrite && can(user.role, "drill:read") ? listDrillOptions(user, page.cluster.id) : [],
    canRequest ? listEligibleSigners(user) : [],
    can(user.role, "cluster:read") ? getItemChecks(user, page.cluster.id, page.template.key) : new Map<string, never[]>(),
  ]);
  const index = Math.max(
    0,
    page.sections.findIndex((s) => s.key === query.section),
  );
  const section = page.sections[index];
  const previous = page.sections[index - 1];
  const next = page.sections[index + 1];
  const offset = page.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0);
  const ctx: ItemCardContext = {
    clusterId: page.cluster.id,
    canWrite,
    canDecide: can(user.role, "exemption:decide"),
    me: { id: user.id, role: user.role },
    approvers: people.filter((p) => can(p.role, "exemption:decide")).map((p) => ({ id: p.id, name: p.name })),
    drills,
    maxUploadBytes: env().DRILLBOOK_MAX_UPLOAD_BYTES,
    freshnessDays: page.cluster.freshnessDays,
    today: page.computedAt.slice(0, 10),
  };

  return (
    <>
      <ScorecardHeader
        page={{ ...page, state: review.state }}
        actions={<ScorecardActions page={page} state={review.state} owners={people} canWrite={canWrite} canReport={can(user.role, "report:read")} />}
      />
      <ScorecardNotices page={page} flags={query} />
      <a href="#outcome" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to the readiness outcome
      </a>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-5">
          <SectionProgress scorecardId={page.id} sections={page.sections} current={section.key} assessed={page.assessed} total={page.total} />
          <section aria-labelledby="section-title" className="space-y-4">
            <div>
              <h2 id="section-title" className="text-lg font-semibold text-slate-900">
                {section.title}
              </h2>
              {section.description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{section.description}</p> : null}
            </div>
            {section.items.map((item, i) => (
              <ItemCard key={item.id} item={item} index={offset + i + 1} ctx={ctx} checks={checks.get(item.key)} />
            ))}
          </section>
          <SectionNav scorecardId={page.id} previous={previous} next={next} />
        </div>
        <div className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:overflow-y-auto">
          <OutcomePanel page={page} currentSection={section.key} />
        </div>
      </div>
      <ReviewPanel
        review={review}
        me={user.id}
        canRequest={canRequest}
        canSign={can(user.role, "review:sign")}
        canMarkMet={canWrite}
        signers={signers}
        selfApprovalAllowed={selfApprovalAllowed()}
        today={page.computedAt.slice(0, 10)}
      />
    </>
  );
}
