import Link from "next/link";
import type { DecisionEntry } from "@/lib/reviews/queries";
import { Badge } from "@/components/ui/badge";
import { DecisionDetails } from "./decision-details";
import { STANDING_LABELS } from "./review-format";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

const STANDING_TONES = { current: "green", lapsed: "red", replaced: "slate", invalidated: "amber", outdated: "amber" } as const;

/** Every recent decision, where it stands now (counts, replaced, invalidated and why). */
export function DecisionsTable({ rows, mine }: { rows: DecisionEntry[]; mine: boolean }) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border-2 border-dashed border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
        {mine ? "You have not signed anything yet." : "No decision has been recorded yet."}
      </p>
    );
  }
  return (
    <Table variant="framed" data-testid="decisions">
      <caption className="sr-only">Decisions, newest first</caption>
      <TableHead>
        <Th>Scorecard</Th>
        <Th>Role</Th>
        <Th>Decision</Th>
        <Th>Stands</Th>
      </TableHead>
      <TableBody className="align-top">
        {rows.map((d) => (
          <tr key={d.id}>
            <Td>
              <Link href={`/scorecards/${d.scorecardId}#review`} className="font-medium text-brand-700 hover:underline">
                {d.scorecardTitle}
              </Link>
              <p className="text-xs text-slate-500">
                {d.cluster.name} · now version {d.currentVersion}
              </p>
            </Td>
            <Td className="whitespace-nowrap text-slate-800">{d.roleLabel}</Td>
            <Td className="max-w-xl">
              <DecisionDetails decision={d} />
            </Td>
            <Td>
              <Badge tone={STANDING_TONES[d.standing]}>{STANDING_LABELS[d.standing]}</Badge>
              {d.invalidReason && d.standing !== "replaced" ? <p className="mt-1 text-xs text-slate-600">{d.invalidReason}</p> : null}
              {d.standing === "outdated" ? (
                <p className="mt-1 text-xs text-slate-600">
                  made on v{d.scorecardVersion}, now v{d.currentVersion}
                </p>
              ) : null}
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
