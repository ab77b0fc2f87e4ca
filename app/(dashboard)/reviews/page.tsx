import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listReviewInbox } from "@/lib/reviews/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AwaitingList } from "@/components/reviews/awaiting-list";
import { DecisionsTable } from "@/components/reviews/decisions-table";
import { RequestedList } from "@/components/reviews/requested-list";

export const metadata: Metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ decisions?: string }> }) {
  const user = await requirePagePermission("scorecard:read");
  const mine = (await searchParams).decisions === "mine";
  const inbox = await listReviewInbox(user, { mine });
  const signs = can(user.role, "review:sign");
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Design reviews of scorecards: the sign-offs waiting for you, the reviews you asked for, and every decision with where it stands now."
      />
      <div className="space-y-8">
        <AwaitingList rows={inbox.awaiting} canSign={signs} />
        <RequestedList rows={inbox.requested} canRequest={can(user.role, "review:request")} />
        <section aria-labelledby="decisions-heading">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="decisions-heading" className="text-base font-semibold text-slate-900">
                Decisions
              </h2>
              <p className="text-sm text-slate-600">Newest first. A decision counts only for the version and content it was made on.</p>
            </div>
            <nav aria-label="Which decisions" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
              {[
                { href: "/reviews", label: "Everyone's", active: !mine },
                { href: "/reviews?decisions=mine", label: "Mine", active: mine },
              ].map((l) => (
                <Link
                  key={l.href}
                  href={l.href}
                  aria-current={l.active ? "page" : undefined}
                  className={`rounded-md px-3 py-1 font-medium ${l.active ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"}`}
                >
                  {l.label}
                </Link>
              ))}
            </nav>
          </div>
          <DecisionsTable rows={inbox.decisions} mine={mine} />
        </section>
      </div>
    </>
  );
}
