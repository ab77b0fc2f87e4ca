import type { TeamDetail } from "@/lib/teams/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { MemberRoleSelect } from "./member-role-select";
import { RemoveMemberButton } from "./remove-member-button";

/** The team's members with their team role (changed in place) and a remove button each. */
export function TeamMembers({ team }: { team: TeamDetail }) {
  if (team.members.length === 0) {
    return <EmptyState title="No members yet" description="Add people below. Team roles take effect in a later release; today they are recorded." />;
  }
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHead>
          <Th>Person</Th>
          <Th>Team role</Th>
          <Th>
            <span className="sr-only">Remove</span>
          </Th>
        </TableHead>
        <TableBody>
          {team.members.map((m) => (
            <tr key={m.userId}>
              <Td>
                <span className="font-medium">{m.name}</span>
                <span className="block text-xs text-slate-500">{m.email}</span>
              </Td>
              <Td>
                <MemberRoleSelect teamId={team.id} userId={m.userId} role={m.role} label={`Team role of ${m.name}`} />
              </Td>
              <Td className="text-right">
                <RemoveMemberButton teamId={team.id} teamName={team.name} userId={m.userId} name={m.name} />
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
