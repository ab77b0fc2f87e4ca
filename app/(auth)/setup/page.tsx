import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/accounts";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up Drillbook" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/sign-in");
  return (
    <>
      <h1 className="text-lg font-semibold">Welcome to Drillbook</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Nobody has an account yet. Create the first one; it becomes the administrator and can invite everyone else.
      </p>
      <SetupForm />
    </>
  );
}
