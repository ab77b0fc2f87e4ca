import Link from "next/link";
import type { TeamRow } from "@/lib/teams/queries";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

/** Every team: its clusters and members, whether it is archived, and what the migration merged into it. */
export function TeamsTable({ teams }: { teams: TeamRow[] }) {
  if (teams.length === 0) {
    return <EmptyState title="No teams yet" description="Create one here, or name an owner team on a cluster: a team is created for each new name." />;
  }
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHead>
          <Th>Team</Th>
          <Th className="text-right">Clusters</Th>
          <Th className="text-right">Members</Th>
          <Th>Status</Th>
        </TableHead>
        <TableBody>
          {teams.map((t) => (
            <tr key={t.id}>
              <Td>
                <Link href={`/admin/teams/${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.name}
                </Link>
                {t.mergedNames.length ? <span className="block text-xs text-slate-500">Merged: {t.mergedNames.map((n) => `“${n}”`).join(", ")}</span> : null}
              </Td>
              <Td className="text-right tabular-nums">{t.clusterCount}</Td>
              <Td className="text-right tabular-nums">{t.memberCount}</Td>
              <Td>{t.archivedAt ? <Badge tone="amber">Archived</Badge> : <Badge tone="green">Active</Badge>}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
