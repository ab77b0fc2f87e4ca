import type { MilestoneRow } from "@/lib/milestones/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { formatLongMinutes } from "@/lib/format/dates";

/** A scorecard's milestones, newest first; the one just taken (`highlightId`) is tinted. */
export function MilestoneHistory({ milestones, highlightId }: { milestones: MilestoneRow[]; highlightId?: string }) {
  if (milestones.length === 0) {
    return (
      <EmptyState
        title="No milestones yet"
        description="A milestone is a named, immutable snapshot of this scorecard. Take one before a review or after a drill, then compare two to see what changed."
      />
    );
  }
  return (
    <Card title={`Milestones (${milestones.length})`}>
      <Table>
        <TableHead>
          <Th>Name</Th>
          <Th>Outcome</Th>
          <Th>Score</Th>
          <Th>Version</Th>
          <Th>Taken</Th>
        </TableHead>
        <TableBody>
          {milestones.map((m) => (
            <tr key={m.id} className={m.id === highlightId ? "bg-emerald-50/60" : undefined}>
              <Td>
                <p className="font-medium text-slate-900">{m.name}</p>
                <p className="font-mono text-xs text-slate-500" title={`Content hash ${m.contentHash}`}>
                  {m.reason === "sign_off" ? "At sign-off · " : ""}#{m.contentHash.slice(0, 10)}
                </p>
              </Td>
              <Td>
                <OutcomeBadge outcome={m.outcome} />
              </Td>
              <Td className="tabular-nums">{m.score}%</Td>
              <Td className="tabular-nums">{m.scorecardVersion}</Td>
              <Td className="text-xs text-slate-600">
                {formatLongMinutes(m.createdAt)}
                <br />
                {m.createdBy ?? ""}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
