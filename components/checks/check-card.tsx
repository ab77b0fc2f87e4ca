import type { ClusterChecks } from "@/lib/checks/queries";
import { SCHEDULE_LABELS } from "@/lib/checks/rules";
import { formatUtcMinutes } from "@/lib/format/dates";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { DeleteCheckButton } from "./delete-check-button";
import { RunCheckButton } from "./run-check-button";
import { formatCheckValue, runStatusMeta, triggerLabel } from "./run-meta";
import { Sparkline } from "./sparkline";

type Check = ClusterChecks["checks"][number];
type Run = Check["runs"][number];

/** A run's status as a badge: passed green, failed red, error or retrying amber, none yet slate. */
export function RunStatusBadge({ run }: { run: Pick<Run, "status"> | null | undefined }) {
  const meta = runStatusMeta(run?.status);
  return <Badge tone={meta.tone}>{meta.label}</Badge>;
}

function Time({ value }: { value: string | null }) {
  return value ? <time dateTime={value}>{formatUtcMinutes(value)}</time> : <>—</>;
}

/** One check of the cluster page: what it evaluates, how its runs went, and (for editors) run now or delete. */
export function CheckCard({ check, clusterId, canEdit }: { check: Check; clusterId: string; canEdit: boolean }) {
  const latest = check.runs[0] ?? null;
  const titleId = `check-${check.id}-title`;
  // the sparkline reads oldest to newest; runs without samples (errors) have no value to draw
  const drawn = check.runs.filter((r) => r.maxValue !== null).reverse();
  return (
    <li data-testid={`check-${check.name}`} aria-labelledby={titleId} className="min-w-0 rounded-md p-4 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={titleId} className="text-sm font-semibold break-words text-slate-900">
            {check.name}
          </h3>
          <p className="mt-0.5 text-xs break-words text-slate-500">Evidence for {check.target}</p>
        </div>
        <Sparkline values={drawn.map((r) => r.maxValue as number)} flags={drawn.map((r) => r.status === "failed")} />
      </div>

      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Condition</dt>
          <dd className="break-words text-slate-800">{check.condition}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Schedule</dt>
          <dd className="text-slate-800">
            {SCHEDULE_LABELS[check.schedule] ?? check.schedule} ·{" "}
            {check.nextRunDue ? (
              "next run due now"
            ) : (
              <>
                next run <Time value={check.nextRunAt} />
              </>
            )}
          </dd>
        </div>
        <div className="min-w-0 sm:col-span-2">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Latest run</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-800">
            <RunStatusBadge run={latest} />
            {latest ? (
              <span className="text-xs text-slate-500">
                <Time value={latest.finishedAt ?? latest.slotAt} />
              </span>
            ) : null}
          </dd>
          {latest?.message ? <dd className={`mt-1 text-sm break-words ${runStatusMeta(latest.status).text}`}>{latest.message}</dd> : null}
        </div>
      </dl>

      <p className="mt-3 text-xs break-all text-slate-600">
        <span className="font-medium">Runs as:</span> <code className="font-mono">{check.queryText}</code>
      </p>

      {check.runs.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Run history ({check.runs.length})</summary>
          <div className="mt-2 overflow-x-auto">
            <RunHistory runs={check.runs} />
          </div>
        </details>
      ) : null}

      {canEdit ? (
        <div className="mt-4 flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 pt-3">
          <RunCheckButton id={check.id} clusterId={clusterId} describedBy={titleId} />
          <DeleteCheckButton id={check.id} name={check.name} />
        </div>
      ) : null}
    </li>
  );
}

/** The recent runs, newest first. */
function RunHistory({ runs }: { runs: Run[] }) {
  return (
    <Table>
      <TableHead>
        <Th>Slot</Th>
        <Th>Trigger</Th>
        <Th>Status</Th>
        <Th className="text-right">Min</Th>
        <Th className="text-right">Max</Th>
        <Th className="text-right">Last</Th>
        <Th className="text-right">Points</Th>
        <Th>Message</Th>
      </TableHead>
      <TableBody>
        {runs.map((r) => (
          <tr key={r.id} className="align-top">
            <Td className="whitespace-nowrap">
              <Time value={r.slotAt} />
            </Td>
            <Td className="whitespace-nowrap">{triggerLabel(r.trigger)}</Td>
            <Td>
              <RunStatusBadge run={r} />
            </Td>
            <Td className="text-right tabular-nums">{formatCheckValue(r.minValue)}</Td>
            <Td className="text-right tabular-nums">{formatCheckValue(r.maxValue)}</Td>
            <Td className="text-right tabular-nums">{formatCheckValue(r.lastValue)}</Td>
            <Td className="text-right tabular-nums">{r.points.toLocaleString("en-US")}</Td>
            <Td className="min-w-64 text-xs break-words text-slate-600">{r.message || "—"}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
