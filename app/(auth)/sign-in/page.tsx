import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/auth/accounts";
import { getCurrentUser } from "@/lib/auth/session";
import { ssoErrorMessage } from "@/lib/auth/sso-errors";
import { oidcConfig } from "@/lib/env";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  if (await needsSetup()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const { next, error } = await searchParams;
  const sso = oidcConfig();
  const ssoError = sso ? ssoErrorMessage(error) : null;
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {ssoError ? (
        <div className="mb-4">
          <Alert>{ssoError}</Alert>
        </div>
      ) : null}
      {sso ? (
        <>
          <SsoButton providerName={sso.providerName} next={next ?? ""} />
          <div className="my-5 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            or with a password
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        </>
      ) : null}
      <SignInForm next={next ?? ""} />
      <p className="mt-6 text-center text-xs text-slate-500">No account? Ask a Drillbook admin to create one for you.</p>
    </>
  );
}
