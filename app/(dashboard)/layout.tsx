import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { needsSetup } from "@/lib/auth/accounts";
import { AppShell } from "@/components/layout/app-shell";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect((await needsSetup()) ? "/setup" : "/sign-in");
  // The layout only decides what to show; every page, action and query checks permission itself.
  return <AppShell user={user}>{children}</AppShell>;
}
