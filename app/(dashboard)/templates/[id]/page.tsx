import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getTemplate } from "@/lib/templates/queries";
import { TemplateHeader } from "@/components/templates/template-header";
import { TemplateNotices, type TemplateFlags } from "@/components/templates/template-notices";
import { TemplateSections } from "@/components/templates/template-sections";
import { TemplateSidebar } from "@/components/templates/template-sidebar";

export const metadata: Metadata = { title: "Template" };
export const dynamic = "force-dynamic";

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TemplateFlags> }) {
  const user = await requirePagePermission("template:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const t = await getTemplate(user, id);
  if (!t) notFound();
  const canWrite = can(user.role, "template:write");
  return (
    <>
      <TemplateHeader t={t} canWrite={canWrite} />
      <TemplateNotices t={t} flags={flags} canWrite={canWrite} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <TemplateSections template={t} />
        <TemplateSidebar t={t} />
      </div>
    </>
  );
}
