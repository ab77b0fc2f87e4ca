import Link from "next/link";
import type { TemplateDetail } from "@/lib/templates/queries";
import { deleteRefusal } from "@/lib/templates/retire-rules";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { CloneTemplateForm } from "./clone-template-form";
import { RetireTemplateButtons } from "./retire-template-buttons";
import { TemplateBadges } from "./template-badges";

/** The template page's title, key, description and what a writer can do with it. */
export function TemplateHeader({ t, canWrite }: { t: TemplateDetail; canWrite: boolean }) {
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
          <DownloadLink href={`/api/templates/${t.id}/export`}>Export JSON</DownloadLink>
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
    </>
  );
}
