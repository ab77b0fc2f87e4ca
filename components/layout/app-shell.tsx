import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/auth";
import { can, ROLE_LABELS } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { NavLinks } from "./nav-links";

export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const links = [
    { href: "/", label: "Portfolio" },
    { href: "/clusters", label: "Clusters" },
    { href: "/scorecards", label: "Scorecards" },
    { href: "/reviews", label: "Reviews" },
    { href: "/templates", label: "Templates" },
    { href: "/drills", label: "Drills" },
    { href: "/campaigns", label: "Campaigns" },
    ...(can(user.role, "user:manage") ? [{ href: "/admin/users", label: "Admin" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="relative mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:gap-8">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-900">
            Drillbook
          </Link>
          <NavLinks links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline">
              {user.name} <span className="text-slate-500">· {ROLE_LABELS[user.role]}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
