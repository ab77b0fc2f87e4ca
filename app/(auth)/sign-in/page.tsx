import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/accounts";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <SignInForm next={next ?? ""} />
      <p className="mt-6 text-center text-xs text-slate-500">No account? Ask a Drillbook admin to create one for you.</p>
    </>
  );
}
