import Link from "next/link";
import type { TemplateDetail } from "@/lib/templates/queries";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

/** Counts, authorship and the version list beside the template's sections. */
export function TemplateSidebar({ t }: { t: TemplateDetail }) {
  const itemCount = t.sections.reduce((n, s) => n + s.items.length, 0);
  return (
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
  );
}
