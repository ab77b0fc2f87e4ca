import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listDrillOptions } from "@/lib/evidence/queries";
import { getScorecardPage, listAssignableUsers } from "@/lib/scorecards/queries";
import { getScorecardReview, listEligibleSigners } from "@/lib/reviews/queries";
import { selfApprovalAllowed } from "@/lib/reviews/mutations";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ReportDownloads } from "@/components/reports/report-downloads";
import { Icon } from "@/components/scorecards/icons";
import { ItemCard, type ItemCardContext } from "@/components/scorecards/item-card";
import { OutcomePanel } from "@/components/scorecards/outcome-panel";
import { ScorecardHeader } from "@/components/scorecards/scorecard-header";
import { SectionProgress } from "@/components/scorecards/section-progress";
import { ReviewPanel } from "@/components/reviews/review-panel";

export const metadata: Metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ section?: string; created?: string }> }) {
  const user = await requirePagePermission("scorecard:read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const now = new Date();
  const [page, review] = await Promise.all([getScorecardPage(user, id, now), getScorecardReview(user, id, now)]);
  if (!page || !review) notFound();
  const canWrite = can(user.role, "scorecard:write");
  const canRequest = can(user.role, "review:request");
  const [people, drills, signers] = await Promise.all([
    canWrite ? listAssignableUsers(user) : [],
    canWrite && can(user.role, "drill:read") ? listDrillOptions(user, page.cluster.id) : [],
    canRequest ? listEligibleSigners(user) : [],
  ]);
  const index = Math.max(0, page.sections.findIndex((s) => s.key === query.section));
  const section = page.sections[index];
  const previous = page.sections[index - 1];
  const next = page.sections[index + 1];
  const offset = page.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0);
  const ctx: ItemCardContext = {
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
        actions={
          <>
            {can(user.role, "report:read") ? <ReportDownloads scorecardId={page.id} showView /> : null}
            <ButtonLink href="#review" variant="secondary">
              Design review
            </ButtonLink>
            <ButtonLink href={`/scorecards/${page.id}/milestones`} variant="secondary">
              <Icon name="flag" /> Milestones
            </ButtonLink>
          </>
        }
      />
      {query.created ? (
        <div className="mb-4">
          <Alert tone="green">Scorecard started. Work through it one section at a time; every change is saved as you go.</Alert>
        </div>
      ) : null}
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
              <ItemCard key={item.id} item={item} index={offset + i + 1} ctx={ctx} />
            ))}
          </section>
          <nav aria-label="Section navigation" className="flex items-center justify-between gap-3 border-t border-slate-200 pt-4">
            {previous ? (
              <Link href={`/scorecards/${page.id}?section=${previous.key}`} className="inline-flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white">
                <Icon name="chevronLeft" /> Previous: {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={`/scorecards/${page.id}?section=${next.key}`} className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Next: {next.title} <Icon name="chevronRight" />
              </Link>
            ) : (
              <a href="#outcome" className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Last section: review the outcome
              </a>
            )}
          </nav>
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
