import Link from "next/link";
import type { ReactNode } from "react";
import type { ScorecardPage } from "@/lib/scorecards/page-view";
import { SUBJECT_LABELS } from "@/lib/scorecards/schema";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";

const STATE_LABELS = { draft: "Draft", in_review: "In review", approved: "Approved", changes_requested: "Changes requested" } as const;
const STATE_TONES = { draft: "slate", in_review: "blue", approved: "green", changes_requested: "amber" } as const;

/** Breadcrumb, title, lifecycle state, content version and the scorecard's facts. */
export function ScorecardHeader({ page, actions }: { page: ScorecardPage; actions?: ReactNode }) {
  const subject = page.subject === "candidate" ? `${SUBJECT_LABELS.candidate}: ${page.candidatePlatform}` : SUBJECT_LABELS.current;
  return (
    <div className="mb-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/scorecards" className="hover:text-slate-800">
              Scorecards
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link href={`/clusters/${page.cluster.id}`} className="hover:text-slate-800">
              {page.cluster.name}
            </Link>
          </li>
        </ol>
      </nav>
      <div className="mt-1 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{page.title}</h1>
            <Badge tone={STATE_TONES[page.state]}>{STATE_LABELS[page.state]}</Badge>
            {page.archivedAt ? <Badge tone="slate">Archived</Badge> : null}
            <span className="text-xs text-slate-500" title="Content version: increases with every change">
              version {page.version}
            </span>
          </div>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1">
              <dt className="text-slate-500">Template</dt>
              <dd>
                <Link href={`/templates/${page.template.id}`} className="font-medium text-slate-800 hover:text-brand-700 hover:underline">
                  {page.template.name}
                </Link>{" "}
                v{page.template.version}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-slate-500">Subject</dt>
              <dd className="font-medium text-slate-800">{subject}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-slate-500">Owner</dt>
              <dd className="font-medium text-slate-800">{page.owner?.name ?? "—"}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-slate-500">Due</dt>
              <dd className="font-medium text-slate-800">{page.dueDate ? <DateTime value={page.dueDate} format="long-day" /> : "—"}</dd>
            </div>
          </dl>
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
