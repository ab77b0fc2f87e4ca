import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { RoleSelect } from "@/components/admin/role-select";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePagePermission("user:manage");
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader title="Users and roles" description="Create accounts and decide what each person may do." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`People (${users.length})`} className="lg:col-span-2">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-2 pr-4">Name</th>
                <th className="py-2 pr-4">Email</th>
                <th className="py-2 pr-4">Role</th>
                <th className="py-2">Since</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="py-2 pr-4 font-medium">{u.name}</td>
                  <td className="py-2 pr-4 text-slate-600">{u.email}</td>
                  <td className="py-2 pr-4">
                    <RoleSelect userId={u.id} role={u.role} disabled={u.id === actor.id} label={`Role of ${u.name}`} />
                  </td>
                  <td className="py-2 text-slate-500">{u.createdAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
