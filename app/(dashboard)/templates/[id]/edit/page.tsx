import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getTemplate } from "@/lib/templates/queries";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateEditor } from "@/components/templates/template-editor";

export const metadata: Metadata = { title: "Edit template" };
export const dynamic = "force-dynamic";

export default async function EditTemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cloned?: string }> }) {
  const user = await requirePagePermission("template:write");
  const [{ id }, { cloned }] = await Promise.all([params, searchParams]);
  const t = await getTemplate(user, id);
  if (!t) notFound();
  // built-ins are read-only and only the latest version is edited; the page says why
  if (t.builtIn || !t.isLatest) redirect(`/templates/${id}`);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/templates" className="hover:text-slate-800">
          Templates
        </Link>{" "}
        /{" "}
        <Link href={`/templates/${id}`} className="hover:text-slate-800">
          {t.name}
        </Link>
      </nav>
      <PageHeader title={`Edit ${t.name}`} description={`Version ${t.version}. Sections, items, blocking flags, weights and the evidence each item accepts.`} />
      {cloned ? (
        <div className="mb-4">
          <Alert tone="green">Copy created. Adapt it to your platform, then save.</Alert>
        </div>
      ) : null}
      <TemplateEditor id={t.id} fingerprint={t.fingerprint} document={t.document} usedBy={t.scorecardCount} />
    </>
  );
}
