import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listTemplates } from "@/lib/templates/queries";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateBadges } from "@/components/templates/template-badges";

export const metadata: Metadata = { title: "Templates" };
export const dynamic = "force-dynamic";

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ archived?: string; deleted?: string }> }) {
  const user = await requirePagePermission("template:read");
  const query = await searchParams;
  const showArchived = query.archived === "1";
  const all = await listTemplates(user);
  const templates = all.filter((t) => t.archived === showArchived);
  const archivedCount = all.filter((t) => t.archived).length;
  const importButton = can(user.role, "template:write") ? (
    <ButtonLink href="/templates/import" variant="secondary">
      Import JSON
    </ButtonLink>
  ) : null;
  return (
    <>
      <PageHeader
        title={showArchived ? "Archived templates" : "Templates"}
        description={
          showArchived
            ? "Not offered for new scorecards or campaigns; scorecards started from them keep working. Open one to restore it."
            : "What a scorecard asks for: sections, items, the evidence each needs and which ones block readiness. Clone a built-in to adapt it; scorecards keep the version they started from."
        }
        actions={
          <>
            {showArchived ? (
              <Link href="/templates" className="self-center text-sm font-medium text-brand-700 hover:underline">
                Back to templates in service
              </Link>
            ) : archivedCount > 0 ? (
              <Link href="/templates?archived=1" className="self-center text-sm font-medium text-brand-700 hover:underline">
                Archived ({archivedCount})
              </Link>
            ) : null}
            {importButton}
          </>
        }
      />
      {query.deleted ? (
        <div className="mb-4">
          <Alert tone="green">Template {query.deleted} deleted.</Alert>
        </div>
      ) : null}
      {showArchived && templates.length === 0 ? (
        <EmptyState title="Nothing archived" description="Archive a template from its page when teams should stop starting scorecards from it." />
      ) : templates.length === 0 ? (
        <EmptyState
          title="No templates"
          description="The built-in templates are installed when the server starts. Restart it, or import a template from JSON."
          action={importButton}
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {templates.map((t) => (
            <li key={t.id} className="flex flex-col rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200">
              <div className="flex items-start justify-between gap-3">
                <h2 className="text-base font-semibold text-slate-900">
                  <Link href={`/templates/${t.id}`} className="hover:text-brand-700 hover:underline">
                    {t.name}
                  </Link>
                </h2>
                <TemplateBadges builtIn={t.builtIn} version={t.version} archived={t.archived} />
              </div>
              <p className="mt-0.5 font-mono text-xs text-slate-500">{t.key}</p>
              <p className="mt-3 line-clamp-3 flex-1 text-sm text-slate-600">{t.description || "No description."}</p>
              <dl className="mt-4 grid grid-cols-4 gap-2 border-t border-slate-100 pt-3 text-center text-xs text-slate-600">
                {[
                  ["Sections", t.sectionCount],
                  ["Items", t.itemCount],
                  ["Blocking", t.blockingCount],
                  ["Scorecards", t.scorecardCount],
                ].map(([label, value]) => (
                  <div key={label} className="flex flex-col-reverse">
                    <dt>{label}</dt>
                    <dd className="text-base font-semibold tabular-nums text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
              {t.versionCount > 1 ? <p className="mt-2 text-xs text-slate-500">{t.versionCount} versions</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
