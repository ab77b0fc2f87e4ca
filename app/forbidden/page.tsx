import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";

export default function ForbiddenPage() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-amber-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">Your role does not allow it. Ask a Drillbook admin if you need more access.</p>
      <div className="mt-6 flex items-center gap-3">
        <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Back to Drillbook
        </Link>
        {/* a parked account (role "none") lands here right after signing in: let it leave */}
        <form action={signOutAction}>
          <button type="submit" className="rounded-md px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Sign out
          </button>
        </form>
      </div>
    </main>
  );
}
