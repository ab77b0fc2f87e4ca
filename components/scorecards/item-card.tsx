import { ITEM_STATUS_LABELS } from "@/lib/domain/constants";
import type { DrillOption } from "@/lib/evidence/queries";
import type { ItemView } from "@/lib/scorecards/page-view";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { ItemChecks, type ItemCheck } from "@/components/checks/item-checks";
import { AddEvidenceForm } from "./add-evidence-form";
import { EvidenceList } from "./evidence-list";
import { ExemptionBox } from "./exemption-box";
import { Icon } from "./icons";
import { ItemComments } from "./item-comments";
import { ItemEditor } from "./item-editor";
import { STATUS_STYLE, ownerRoleLabel } from "./status-meta";

export interface ItemCardContext {
  clusterId: string;
  canWrite: boolean;
  canDecide: boolean;
  me: { id: string; role: string };
  approvers: { id: string; name: string }[];
  drills: DrillOption[];
  maxUploadBytes: number;
  freshnessDays: number;
  today: string;
}

/** Why the rules read this item differently from its status, in plain words. */
function ruleHint(item: ItemView): string | null {
  if (item.outcome.exempted) return "Waived by an approved exemption: it counts as not applicable until the exemption expires.";
  if (item.outcome.staleOnly) return "All of its evidence is stale, so this pass counts as partial until fresh evidence is attached.";
  if (item.status === "not_applicable" && (item.role === "failure_drill" || item.role === "rollback")) {
    return "This item can only be waived by an approved exemption; marked not applicable it still counts as not started.";
  }
  if (item.status === "pass" && item.evidence.length === 0) return "A pass without evidence scores, but cannot reach production test. Attach evidence.";
  return null;
}

/** One item of the guided form: guidance, status and notes (autosaved), evidence with the checks keeping it fresh, exemption and comments. */
export function ItemCard({ item, index, ctx, checks = [] }: { item: ItemView; index: number; ctx: ItemCardContext; checks?: ItemCheck[] }) {
  const hint = ruleHint(item);
  const pendingExemption = item.exemptions.some((x) => x.status === "requested" || x.active || x.expired);
  return (
    <article id={`item-${item.id}`} aria-labelledby={`item-${item.id}-title`} className="scroll-mt-24 rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start gap-3 border-b border-slate-100 px-5 py-4">
        <span className={`mt-1 h-2.5 w-2.5 shrink-0 rounded-full ${STATUS_STYLE[item.outcome.effectiveStatus].dot}`} aria-hidden />
        <div className="min-w-0 flex-1">
          <h3 id={`item-${item.id}-title`} className="text-base font-semibold text-slate-900">
            <span className="mr-1.5 text-slate-500">{index}.</span>
            {item.title}
          </h3>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
            {item.blocking ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200">
                <Icon name="blocking" className="h-3 w-3" /> Blocking
              </span>
            ) : null}
            <Badge>Weight {item.weight}</Badge>
            <Badge>Owner: {ownerRoleLabel(item.ownerRole)}</Badge>
            {!ctx.canWrite ? <Badge tone={STATUS_STYLE[item.status].badge}>{ITEM_STATUS_LABELS[item.status]}</Badge> : null}
          </div>
        </div>
      </header>

      <div className="space-y-5 px-5 py-4">
        <div className="grid gap-3 rounded-lg bg-slate-50 p-3 text-sm sm:grid-cols-2">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence to collect</p>
            <p className="mt-1 text-slate-700">{item.evidenceToCollect}</p>
          </div>
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Why it matters</p>
            <p className="mt-1 text-slate-700">{item.whyItMatters}</p>
          </div>
        </div>

        {hint ? (
          <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            <Icon name="warning" className="mt-0.5 h-4 w-4 shrink-0" />
            {hint}
          </p>
        ) : null}

        {ctx.canWrite ? (
          <ItemEditor item={item} />
        ) : (
          <div className="space-y-2 text-sm">
            {item.status === "not_applicable" ? (
              <p>
                <span className="font-medium">Why it does not apply:</span> {item.justification}
              </p>
            ) : null}
            {item.notes ? <Markdown>{item.notes}</Markdown> : <p className="text-slate-500">No notes.</p>}
          </div>
        )}

        <section aria-label={`Evidence for ${item.title}`} className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">
            Evidence <span className="font-normal text-slate-500">({item.evidence.length})</span>
          </h4>
          <EvidenceList evidence={item.evidence} canWrite={ctx.canWrite} freshnessDays={ctx.freshnessDays} />
          <ItemChecks checks={checks} clusterId={ctx.clusterId} />
          {ctx.canWrite ? (
            <AddEvidenceForm
              itemId={item.id}
              clusterId={ctx.clusterId}
              itemTitle={item.title}
              kinds={item.evidenceKinds}
              drills={ctx.drills}
              maxBytes={ctx.maxUploadBytes}
              today={ctx.today}
            />
          ) : null}
        </section>

        <div className="grid gap-4 border-t border-slate-100 pt-4 lg:grid-cols-2">
          <details open={pendingExemption} className="group">
            <summary className="cursor-pointer text-sm font-semibold text-slate-900 marker:text-slate-400">
              Exemption{" "}
              <span className="font-normal text-slate-500">
                {item.exemptions.some((x) => x.active)
                  ? "(active)"
                  : item.exemptions.some((x) => x.status === "requested")
                    ? "(waiting)"
                    : item.exemptions.some((x) => x.expired)
                      ? "(expired)"
                      : ""}
              </span>
            </summary>
            <div className="mt-2">
              <ExemptionBox
                itemId={item.id}
                itemTitle={item.title}
                exemptions={item.exemptions}
                approvers={ctx.approvers}
                me={ctx.me}
                canWrite={ctx.canWrite}
                canDecide={ctx.canDecide}
                today={ctx.today}
              />
            </div>
          </details>
          <details open={item.comments.length > 0}>
            <summary className="cursor-pointer text-sm font-semibold text-slate-900 marker:text-slate-400">
              Comments <span className="font-normal text-slate-500">({item.comments.length})</span>
            </summary>
            <div className="mt-2">
              <ItemComments itemId={item.id} itemTitle={item.title} comments={item.comments} canWrite={ctx.canWrite} />
            </div>
          </details>
        </div>
      </div>
    </article>
  );
}
