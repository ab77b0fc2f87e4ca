import { DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/schema";
import { formatFileSize } from "@/lib/evidence/file-type";
import type { EvidenceView } from "@/lib/scorecards/page-view";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { RemoveEvidenceButton } from "./remove-evidence-button";
import { Icon } from "./icons";
import { DateTime } from "@/components/ui/date-time";
import { formatLongDay } from "@/lib/format/dates";

/** The evidence of one item: what it is, when it was captured, whether it is stale. */
export function EvidenceList({ evidence, canWrite, freshnessDays }: { evidence: EvidenceView[]; canWrite: boolean; freshnessDays: number }) {
  if (evidence.length === 0) {
    return <p className="text-sm text-slate-500">No evidence yet. A pass needs at least one fresh piece of evidence to count towards production test.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {evidence.map((e) => (
        <li key={e.id} className={`flex gap-3 px-3 py-2.5 ${e.stale ? "bg-amber-50/60" : "bg-white"}`}>
          <span className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600">
            <Icon name={e.kind} />
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <EvidenceTitle evidence={e} />
              <Badge>{EVIDENCE_KIND_LABELS[e.kind]}</Badge>
              {e.realisticTraffic ? <Badge tone="blue">Realistic traffic</Badge> : null}
              {e.stale ? <Badge tone="amber">Stale · older than {freshnessDays} days</Badge> : null}
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              Captured <DateTime value={e.capturedAt} format="long-day" />
              {e.capturedBy ? ` by ${e.capturedBy}` : ""}
              {e.file ? ` · ${formatFileSize(e.file.size)} · SHA-256 ${e.file.sha256.slice(0, 12)}…` : ""}
              {e.drill ? ` · ${DRILL_SCENARIO_LABELS[e.drill.scenario as DrillScenario] ?? e.drill.scenario}, ${formatLongDay(e.drill.startedAt)}` : ""}
              {e.kind === "metric_check" ? " · renewed by the check at every pass (end of its window)" : ""}
            </p>
            {e.kind === "note" && e.body ? (
              <div className="mt-1.5 rounded bg-slate-50 px-2.5 py-1.5">
                <Markdown>{e.body}</Markdown>
              </div>
            ) : null}
          </div>
          {/* a check's evidence comes back at its next pass: delete the check instead */}
          {canWrite && e.kind !== "metric_check" ? <RemoveEvidenceButton evidenceId={e.id} title={e.title} /> : null}
        </li>
      ))}
    </ul>
  );
}

function EvidenceTitle({ evidence: e }: { evidence: EvidenceView }) {
  const cls = "text-sm font-medium text-brand-700 underline-offset-2 hover:underline";
  if (e.file) {
    return (
      <a href={`/api/evidence/${e.id}/file`} className={cls} download={e.file.filename} title={`Download ${e.file.filename} (${e.file.mimeType})`}>
        {e.title}
      </a>
    );
  }
  if (e.url) {
    return (
      <a href={e.url} target="_blank" rel="noopener noreferrer nofollow" className={cls}>
        {e.title}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  }
  return <span className="text-sm font-medium text-slate-900">{e.title}</span>;
}
