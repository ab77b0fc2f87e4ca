"use client";

/** Attach-as-evidence and accept-facts forms of a snapshot page. */
import { useActionState } from "react";
import { acceptKafkaFactsAction, attachKafkaSnapshotAction } from "@/lib/actions/kafka";
import { idleState, type ActionState } from "@/lib/action-state";
import type { FactChange } from "@/lib/kafka/rules";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SelectInput } from "@/components/ui/select";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { Checkbox } from "@/components/ui/checkbox";

export function AttachSnapshotForm({ clusterId, snapshotId, targets }: { clusterId: string; snapshotId: string; targets: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(attachKafkaSnapshotAction, idleState);
  if (targets.length === 0) {
    return <p className="text-sm text-slate-500">No scorecard item of this cluster accepts Kafka snapshots or metric exports yet. Start a scorecard first.</p>;
  }
  return (
    <form action={action} className="space-y-3" aria-label="Attach snapshot">
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <SelectInput
        name="itemId"
        label="Scorecard item"
        options={targets.map((t) => ({ value: t.id, label: t.label }))}
        error={state.status === "error" ? state.fieldErrors.itemId : undefined}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Attaching…" : "Attach as evidence"}
      </Button>
      {state.status === "ok" ? <Alert tone="green">Attached. The scorecard’s readiness was recomputed.</Alert> : null}
      {state.status === "error" && !state.fieldErrors.itemId ? <Alert>{state.message}</Alert> : null}
    </form>
  );
}

export function AcceptFactsForm({ clusterId, snapshotId, proposals }: { clusterId: string; snapshotId: string; proposals: FactChange[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptKafkaFactsAction, idleState);
  if (state.status === "ok") return <Alert tone="green">The cluster’s facts were updated from this snapshot.</Alert>;
  if (proposals.length === 0) return <p className="text-sm text-slate-600">The cluster’s facts already match this snapshot.</p>;
  return (
    <form action={action} className="space-y-3" aria-label="Sync facts">
      <input type="hidden" name="clusterId" value={clusterId} />
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <Table>
        <TableHead>
          <Th>Apply</Th>
          <Th>Fact</Th>
          <Th>Drillbook</Th>
          <Th>Cluster</Th>
        </TableHead>
        <TableBody>
          {proposals.map((p) => (
            <tr key={p.field}>
              <Td>
                <Checkbox name="fields" value={p.field} defaultChecked aria-label={`Apply ${p.label}`} />
              </Td>
              <Td>
                {p.label}
                <div className="text-xs text-slate-500">{p.why}</div>
              </Td>
              <Td className="text-red-700 line-through">{p.current.toLocaleString("en-US")}</Td>
              <Td className="font-medium text-green-700">{p.proposed.toLocaleString("en-US")}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
      <Button type="submit" disabled={pending}>
        {pending ? "Applying…" : "Accept ticked changes"}
      </Button>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
    </form>
  );
}
