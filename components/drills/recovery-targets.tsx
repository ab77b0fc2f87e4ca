"use client";

import { useState } from "react";
import { deleteRecoveryTargetAction, saveRecoveryTargetAction } from "@/lib/actions/drills";
import { DRILL_SCENARIO_LABELS, DRILL_SCENARIOS, type DrillScenario } from "@/lib/domain/constants";
import type { RecoveryTargetRow } from "@/lib/drills/queries";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatMeasure } from "@/lib/format/numbers";
import { useDrillForm } from "./use-drill-form";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

const FIELDS = [
  { key: "leadershipSettledSec", label: "Leadership settled (s)", unit: "s", column: "Leadership settled" },
  { key: "producersStableSec", label: "Producers stable (s)", unit: "s", column: "Producers stable" },
  { key: "lagRecoveredSec", label: "Lag recovered (s)", unit: "s", column: "Lag recovered" },
  { key: "peakLagRecords", label: "Peak lag (records)", unit: "records", column: "Peak lag" },
  { key: "producerErrors", label: "Producer errors", unit: "errors", column: "Producer errors" },
  { key: "underReplicatedPartitions", label: "Under-replicated partitions", unit: "partitions", column: "Under-replicated" },
  { key: "replicasInSyncSec", label: "Replicas in sync (s)", unit: "s", column: "Replicas in sync" },
] as const;

const str = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function TargetForm({
  clusterId,
  rows,
  scenario,
  onScenario,
}: {
  clusterId: string;
  rows: RecoveryTargetRow[];
  scenario: DrillScenario;
  onScenario: (s: DrillScenario) => void;
}) {
  const { state, formAction, pending, errors, value, formKey } = useDrillForm(saveRecoveryTargetAction);
  const current = rows.find((r) => r.scenario === scenario);
  return (
    <form
      key={`${formKey}-${scenario}`}
      action={formAction}
      noValidate
      className="mt-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      aria-label="Set recovery targets"
    >
      <input type="hidden" name="clusterId" value={clusterId} />
      <div className="grid gap-4 sm:grid-cols-4 lg:grid-cols-8">
        <SelectInput
          name="scenario"
          label="Disruption"
          value={scenario}
          onChange={(e) => onScenario(e.target.value as DrillScenario)}
          error={errors.scenario}
          options={DRILL_SCENARIOS.map((s) => ({ value: s, label: `${DRILL_SCENARIO_LABELS[s]}${rows.some((r) => r.scenario === s) ? " ✓" : ""}` }))}
        />
        {FIELDS.map((f) => (
          <TextInput key={f.key} name={f.key} label={f.label} inputMode="decimal" defaultValue={value(f.key, str(current?.[f.key]))} error={errors[f.key]} />
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : current ? "Save targets" : "Add targets"}
        </Button>
        <span className="text-xs text-slate-500">Leave a field blank for no target. New drills of this type start with these targets.</span>
        {state.status === "ok" ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.message}
          </p>
        ) : null}
        {state.status === "error" ? (
          <p role="alert" className="text-sm text-red-600">
            {errors._form?.join(". ") || state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** A cluster's recovery targets per disruption type; editors add, change and remove them. */
export function RecoveryTargets({ clusterId, rows, canWrite }: { clusterId: string; rows: RecoveryTargetRow[]; canWrite: boolean }) {
  const [scenario, setScenario] = useState<DrillScenario>(rows[0]?.scenario ?? "broker_kill");
  return (
    <div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">
          No recovery targets yet. Set them per disruption type, for example broker kill: leadership settled within 30 s, consumer lag recovered within 10
          minutes.
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <Table aria-label="Recovery targets">
            <TableHead>
              <Th>Disruption</Th>
              {FIELDS.map((f) => (
                <Th key={f.key} className="text-right">
                  {f.column}
                </Th>
              ))}
              {canWrite ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Th scope="row" className="text-left font-medium text-slate-900">
                    {DRILL_SCENARIO_LABELS[r.scenario]}
                  </Th>
                  {FIELDS.map((f) => (
                    <Td key={f.key} className="text-right tabular-nums text-slate-700">
                      {r[f.key] === null ? <span className="text-slate-500">—</span> : `≤ ${formatMeasure(r[f.key], f.unit)}`}
                    </Td>
                  ))}
                  {canWrite ? (
                    <Td className="whitespace-nowrap text-right">
                      <Button
                        type="button"
                        variant="ghost"
                        className="px-2! py-1! text-xs"
                        onClick={() => setScenario(r.scenario)}
                        aria-label={`Edit ${DRILL_SCENARIO_LABELS[r.scenario]} targets`}
                      >
                        Edit
                      </Button>
                      <ConfirmDialog
                        triggerStyle="inline"
                        action={deleteRecoveryTargetAction}
                        fields={{ id: r.id }}
                        trigger="Remove"
                        triggerLabel={`Remove ${DRILL_SCENARIO_LABELS[r.scenario]} targets`}
                        title={`Remove the ${DRILL_SCENARIO_LABELS[r.scenario].toLowerCase()} targets?`}
                        description="Drills already recorded keep the targets they were measured against."
                        confirm="Remove targets"
                      />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {canWrite ? <TargetForm clusterId={clusterId} rows={rows} scenario={scenario} onScenario={setScenario} /> : null}
    </div>
  );
}
