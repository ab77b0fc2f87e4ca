import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/access/permissions";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { RoleSelect } from "@/components/admin/role-select";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePagePermission("user:manage");
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader title="Users and roles" description="Create accounts and decide what each person may do." />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <Card title={`People (${users.length})`} className="lg:col-span-2">
          <Table>
            <TableHead>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Since</Th>
            </TableHead>
            <TableBody>
              {users.map((u) => (
                <tr key={u.id}>
                  <Td className="font-medium">{u.name}</Td>
                  <Td className="text-slate-600">{u.email}</Td>
                  <Td>
                    <RoleSelect userId={u.id} role={u.role} disabled={u.id === actor.id} label={`Role of ${u.name}`} />
                  </Td>
                  <Td className="text-slate-500">
                    <DateTime value={u.createdAt} format="day" />
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </Card>
        <div className="space-y-6">
          <Card title="Create an account">
            <CreateUserForm />
          </Card>
          <Card title="What the roles allow">
            <dl className="space-y-2 text-sm">
              {ROLES.map((r) => (
                <div key={r}>
                  <dt className="font-medium">{ROLE_LABELS[r]}</dt>
                  <dd className="text-slate-600">{ROLE_DESCRIPTIONS[r]}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}
