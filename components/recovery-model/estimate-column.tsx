import type { RecoveryEstimate } from "@/lib/recovery-model/rules";
import { Badge } from "@/components/ui/badge";
import { HeadroomBar } from "./headroom-bar";

/** "$86.40", "$0.07", "< $0.01" */
export function formatUsd(value: number): string {
  if (value > 0 && value < 0.01) return "< $0.01";
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: value >= 1000 ? 0 : 2 });
}

const TITLES = { broker_local: "Broker-local storage", shared_storage: "Shared storage" } as const;

function Metric({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="py-2.5">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5">
        <span className="text-lg font-semibold text-slate-900" data-testid={testId}>
          {value}
        </span>
        {detail ? <span className="ml-2 text-xs text-slate-500">{detail}</span> : null}
      </dd>
    </div>
  );
}

/** One architecture's estimate: data to copy, catch-up time, cross-zone volume and cost, headroom. */
export function EstimateColumn({ estimate, current }: { estimate: RecoveryEstimate; current: boolean }) {
  const id = estimate.storage === "broker_local" ? "broker-local" : "shared";
  const rate = Number(estimate.transferRateMBps.toPrecision(4));
  return (
    <section aria-labelledby={`${id}-title`} className={`rounded-lg p-4 ${current ? "bg-brand-50/60 ring-2 ring-brand-100" : "ring-1 ring-slate-200"}`}>
      <h3 id={`${id}-title`} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        {TITLES[estimate.storage]}
        {current ? <Badge tone="blue">This cluster</Badge> : null}
      </h3>
      <dl className="divide-y divide-slate-100" aria-live="polite">
        <Metric
          label="Retained data a replacement broker copies"
          value={estimate.retained.label}
          detail={estimate.storage === "shared_storage" ? `warms ${estimate.transfer.label} of cache instead` : undefined}
          testId={`${id}-retained`}
        />
        <Metric
          label={`Catch-up at ${rate} MB/s`}
          value={estimate.catchUp.label}
          detail={`${estimate.catchUpWithNewWrites.label} while new writes keep arriving`}
          testId={`${id}-catch-up`}
        />
        <Metric
          label="Cross-zone transfer"
          value={estimate.crossZone.label}
          detail={`${formatUsd(estimate.crossZone.costUsd)} at this price · ${Math.round(estimate.crossZone.fraction * 100)}% of the copy crosses zones`}
          testId={`${id}-cross-zone`}
        />
        <div className="py-2.5">
          <dt className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Capacity headroom per surviving broker</dt>
          <dd>
            <HeadroomBar headroom={estimate.headroom} testId={`${id}-headroom`} />
          </dd>
        </div>
      </dl>
      {estimate.warnings.length ? (
        <ul className="mt-2 space-y-1 text-xs text-amber-800" aria-label="Warnings">
          {estimate.warnings.map((w) => (
            <li key={w} className="rounded bg-amber-50 px-2 py-1 ring-1 ring-amber-200">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-700">Assumptions</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {estimate.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
