import type { TemplateDetail } from "@/lib/templates/queries";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/schema";
import { Badge } from "@/components/ui/badge";
import { ownerRoleLabel } from "@/components/scorecards/status-meta";

const ROLE_LABELS: Record<string, string> = { failure_drill: "Failure drill rule", rollback: "Rollback rule" };

/** A template version's sections and items, read-only. */
export function TemplateSections({ template }: { template: TemplateDetail }) {
  let n = 0;
  return (
    <div className="space-y-5">
      {template.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
          <header className="border-b border-slate-100 px-5 py-3">
            <h2 id={`section-${section.id}`} className="text-base font-semibold text-slate-900">
              {section.title} <span className="ml-1 font-mono text-xs font-normal text-slate-500">{section.key}</span>
            </h2>
            {section.description ? <p className="mt-0.5 text-sm text-slate-600">{section.description}</p> : null}
          </header>
          <ul className="divide-y divide-slate-100">
            {section.items.map((item) => (
              <li key={item.id}>
                <details className="group px-5 py-3">
                  <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2">
                    <span className="text-slate-500 tabular-nums">{++n}.</span>
                    <span className="font-medium text-slate-900 group-open:text-brand-800">{item.title}</span>
                    {item.blocking ? <Badge tone="red">Blocking</Badge> : null}
                    {item.role ? <Badge tone="blue">{ROLE_LABELS[item.role] ?? item.role}</Badge> : null}
                    <span className="ml-auto flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                      <span>weight {item.weight}</span>
                      <span aria-hidden>·</span>
                      <span>{item.evidenceKinds.map((k) => EVIDENCE_KIND_LABELS[k]).join(", ")}</span>
                      <span aria-hidden>·</span>
                      <span>{ownerRoleLabel(item.defaultOwnerRole)}</span>
                    </span>
                  </summary>
                  <div className="mt-2 grid gap-3 pl-6 text-sm sm:grid-cols-2">
                    <div>
                      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence to collect</p>
                      <p className="mt-1 text-slate-700">{item.evidenceToCollect}</p>
                    </div>
                    <div>
                      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Why it matters</p>
                      <p className="mt-1 text-slate-700">{item.whyItMatters}</p>
                    </div>
                    <p className="font-mono text-xs text-slate-500">{item.key}</p>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
