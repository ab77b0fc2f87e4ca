import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/access/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { AdminNav } from "@/components/admin/admin-nav";

const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/teams", label: "Teams", permission: "team:manage" },
  { href: "/admin/tokens", label: "Tokens", permission: "token:manage" },
  { href: "/admin/audit", label: "Audit", permission: "audit:read" },
  { href: "/admin/datasources", label: "Data sources", permission: "datasource:manage" },
  { href: "/admin/sample-data", label: "Sample data", permission: "user:manage" },
];

/** Admin sub-navigation. Only decides what to show: each page checks its own permission. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const links = SECTIONS.filter((s) => can(user?.role, s.permission));
  return (
    <>
      {links.length ? <AdminNav links={links} /> : null}
      {children}
    </>
  );
}
