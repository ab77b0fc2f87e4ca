import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getTemplate } from "@/lib/templates/queries";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CloneTemplateForm } from "@/components/templates/clone-template-form";
import { TemplateBadges } from "@/components/templates/template-badges";
import { TemplateSections } from "@/components/templates/template-sections";
import { RetireTemplateButtons } from "@/components/templates/retire-template-buttons";
import { deleteRefusal } from "@/lib/templates/retire";
import { DateTime } from "@/components/ui/date-time";
import { formatLongDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Template" };
export const dynamic = "force-dynamic";

const SAVED: Record<string, string> = {
  in_place: "Template saved.",
  new_version: "Saved as a new version. Scorecards started from the previous version keep using it.",
  unchanged: "Nothing changed, so nothing was saved.",
};

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ imported?: string; saved?: string; archived?: string; restored?: string }>;
}) {
  const user = await requirePagePermission("template:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const t = await getTemplate(user, id);
  if (!t) notFound();
  const canWrite = can(user.role, "template:write");
  const latestId = t.versions[0]?.id;
  const itemCount = t.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/templates" className="hover:text-slate-800">
          Templates
        </Link>
      </nav>
      <div className="mt-1 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t.name}</h1>
            <TemplateBadges builtIn={t.builtIn} version={t.version} latest={t.isLatest} archived={t.archivedAt !== null} />
          </div>
          <p className="mt-0.5 font-mono text-xs text-slate-500">{t.key}</p>
          {t.description ? <p className="mt-2 text-sm text-slate-600">{t.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {/* a plain link: the browser downloads the file instead of the router fetching a page */}
          <a
            href={`/api/templates/${t.id}/export`}
            download
            className="inline-flex items-center justify-center gap-2 rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Export JSON
          </a>
          {canWrite && !t.builtIn && t.isLatest && !t.archivedAt ? <ButtonLink href={`/templates/${t.id}/edit`}>Edit</ButtonLink> : null}
          {canWrite ? <CloneTemplateForm sourceId={t.id} name={t.name} templateKey={t.key} /> : null}
          {canWrite ? (
            <RetireTemplateButtons
              id={t.id}
              name={t.name}
              archived={t.archivedAt !== null}
              deleteRefusal={deleteRefusal({
                builtIn: t.builtIn,
                scorecards: t.versions.reduce((n, v) => n + v.scorecardCount, 0),
                campaigns: t.campaignCount,
              })}
            />
          ) : null}
        </div>
      </div>
      {t.archivedAt ? (
        <div className="mb-4">
          <Alert tone="amber" title={`Archived on ${formatLongDay(t.archivedAt)}`}>
            No new scorecard or campaign can use this template. Scorecards already started from it keep working.
          </Alert>
        </div>
      ) : null}
      {flags.archived || flags.restored ? (
        <div className="mb-4">
          <Alert tone="green">{flags.archived ? "Template archived." : "Template restored: it can start scorecards again."}</Alert>
        </div>
      ) : null}
      {flags.imported ? (
        <div className="mb-4">
          <Alert tone="green">Template imported.</Alert>
        </div>
      ) : null}
      {flags.saved && SAVED[flags.saved] ? (
        <div className="mb-4">
          <Alert tone="green">{SAVED[flags.saved]}</Alert>
        </div>
      ) : null}
      {!t.isLatest && latestId ? (
        <div className="mb-4">
          <Alert tone="amber" title={`This is version ${t.version}; the latest is version ${t.latestVersion}.`}>
            Scorecards started from this version keep it.{" "}
            <Link href={`/templates/${latestId}`} className="font-medium underline">
              Open the latest version
            </Link>
            .
          </Alert>
        </div>
      ) : null}
      {t.builtIn && canWrite ? (
        <div className="mb-4">
          <Alert tone="blue">Built-in templates are read-only so every team starts from the same baseline. Clone this one to adapt it.</Alert>
        </div>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <TemplateSections template={t} />
        <div className="space-y-4">
          <Card title="At a glance">
            <dl className="space-y-1.5 text-sm">
              <div className="flex justify-between">
                <dt className="text-slate-500">Sections</dt>
                <dd className="font-medium">{t.sections.length}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-slate-500">Items</dt>
                <dd className="font-medium">{itemCount}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-slate-500">Blocking items</dt>
                <dd className="font-medium">{t.sections.flatMap((s) => s.items).filter((i) => i.blocking).length}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-slate-500">Scorecards on this version</dt>
                <dd className="font-medium">{t.scorecardCount}</dd>
              </div>
              {t.createdBy ? (
                <div className="flex justify-between">
                  <dt className="text-slate-500">Created by</dt>
                  <dd className="font-medium">{t.createdBy.name}</dd>
                </div>
              ) : null}
              {t.clonedFrom ? (
                <div className="flex justify-between gap-2">
                  <dt className="text-slate-500">Based on</dt>
                  <dd className="text-right font-medium">
                    <Link href={`/templates/${t.clonedFrom.id}`} className="hover:underline">
                      {t.clonedFrom.name} v{t.clonedFrom.version}
                    </Link>
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <Card title="Versions">
            <ol className="space-y-1 text-sm">
              {t.versions.map((v) => (
                <li key={v.id} className="flex items-center justify-between gap-2">
                  {v.id === t.id ? (
                    <span className="font-semibold">Version {v.version}</span>
                  ) : (
                    <Link href={`/templates/${v.id}`} className="text-brand-700 hover:underline">
                      Version {v.version}
                    </Link>
                  )}
                  <span className="text-xs text-slate-500">
                    <DateTime value={v.createdAt} format="long-day" /> · {v.scorecardCount} scorecard{v.scorecardCount === 1 ? "" : "s"}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
