import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/access/permissions";
import { getClusterMetricsSource } from "@/lib/prometheus/datasource-queries";
import { getDrillEvidence } from "@/lib/prometheus/pull-queries";
import { formatSeconds } from "@/lib/format/numbers";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PullPanel } from "./pull-panel";
import { ProposalDecision } from "./proposal-decision";
import { MATRIX_ANSWER_LABELS } from "@/lib/domain/constants";

const ANSWER_TONE = { green: "green", red: "red", does_not_apply: "slate", not_assessed: "slate" } as const;
const STATUS_TEXT = { pending: "Waiting for a person", confirmed: "Confirmed", changed: "Changed by a person" } as const;

function show(value: number, unit: string) {
  return unit === "s" ? formatSeconds(value) : `${value.toLocaleString("en-US")} ${unit}`;
}

/** Drill page: pull from Prometheus, the computed measurements and their source, the proposals. */
export async function PrometheusSection({ user, drillId, clusterId }: { user: CurrentUser; drillId: string; clusterId: string }) {
  const [source, evidence] = await Promise.all([getClusterMetricsSource(user, clusterId), getDrillEvidence(user, drillId)]);
  if (!evidence) return null;
  const canWrite = can(user.role, "drill:write");
  const computed = evidence.measurements.filter((m) => m.computed !== null);
  return (
    <Card title="Metrics from Prometheus">
      {!source ? (
        <p className="text-sm text-slate-600">
          This cluster has no metrics source. Link it to a Prometheus data source on the{" "}
          <a className="text-brand-700 underline" href={`/clusters/${clusterId}#metrics-source-title`}>
            cluster page
          </a>{" "}
          to pull this drill&apos;s metrics.
        </p>
      ) : canWrite ? (
        <PullPanel
          drillId={drillId}
          dataSource={source.dataSourceName}
          planned={source.queries.map((q) => ({ key: q.key, label: q.label, promql: q.promql }))}
        />
      ) : (
        <p className="text-sm text-slate-600">Editors can pull this drill&apos;s metrics from {source.dataSourceName}.</p>
      )}
      {computed.length ? (
        <div className="mt-6">
          <h3 className="text-sm font-semibold text-slate-900">Computed measurements</h3>
          <p className="text-xs text-slate-500">
            Last pulled {evidence.lastPulledAt ? <DateTime value={evidence.lastPulledAt} format="minutes" /> : "—"}. Edit the drill to override a value; the
            computed one stays beside it.
          </p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Computed measurements">
            {computed.map((m) => (
              <li key={m.key} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{m.label}</span>
                  <span className="block text-xs text-slate-500">{m.detail}</span>
                </span>
                <span className="flex items-center gap-2">
                  {m.source === "override" ? (
                    <>
                      <span>{m.value === null ? "—" : show(m.value, m.unit)}</span>
                      <Badge tone="amber">overridden · computed {show(m.computed!, m.unit)}</Badge>
                    </>
                  ) : (
                    <>
                      <span>{show(m.computed!, m.unit)}</span>
                      <Badge tone="blue">from Prometheus</Badge>
                    </>
                  )}
                </span>
              </li>
            ))}
            {evidence.informational.map((m) => (
              <li key={m.key} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{m.label}</span>
                  <span className="block text-xs text-slate-500">{m.detail}</span>
                </span>
                <span>{m.key.endsWith("Sec") ? formatSeconds(m.value) : m.value}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {evidence.proposals.length ? (
        <div className="mt-6 space-y-4">
          <h3 className="text-sm font-semibold text-slate-900">Proposed decision-matrix answers</h3>
          {evidence.proposals.map((p) => (
            <div key={p.question} className="rounded-md p-4 ring-1 ring-slate-200" data-testid={`proposal-${p.question}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium text-slate-900">{p.text}</p>
                <span className="flex gap-2">
                  <Badge tone={ANSWER_TONE[p.answer]}>Proposed: {MATRIX_ANSWER_LABELS[p.answer]}</Badge>
                  <Badge tone={p.status === "pending" ? "amber" : "slate"}>{STATUS_TEXT[p.status]}</Badge>
                </span>
              </div>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-sm text-slate-700">{p.rationale}</pre>
              {canWrite ? (
                <ProposalDecision
                  drillId={drillId}
                  question={p.question}
                  proposed={p.answer}
                  decided={p.status === "pending" ? null : (evidence.matrix.answers.find((a) => a.question === p.question)?.answer ?? null)}
                />
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
