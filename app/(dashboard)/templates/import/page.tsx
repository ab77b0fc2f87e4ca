import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ImportTemplateForm } from "@/components/templates/import-form";

export const metadata: Metadata = { title: "Import template" };
export const dynamic = "force-dynamic";

export default async function ImportTemplatePage() {
  await requirePagePermission("template:write");
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/templates" className="hover:text-slate-800">
          Templates
        </Link>
      </nav>
      <PageHeader
        title="Import a template"
        description="Bring in a template exported from another Drillbook, or one written by hand. It becomes version 1 of a new, editable template."
      />
      <Card>
        <ImportTemplateForm />
      </Card>
    </>
  );
}
