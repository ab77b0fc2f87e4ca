import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getDrill } from "@/lib/drills/queries";
import { DrillForm } from "@/components/drills/drill-form";
import { drillToForm } from "@/components/drills/drill-form-values";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updateDrillAction } from "@/lib/actions/drills";

export const metadata: Metadata = { title: "Edit drill" };
export const dynamic = "force-dynamic";

export default async function EditDrillPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("drill:write");
  const drill = await getDrill(user, (await params).id);
  if (!drill) notFound();
  return (
    <>
      <PageHeader title={`Edit ${drill.title}`} description={`On ${drill.cluster.name}`} />
      <Card>
        <DrillForm
          action={updateDrillAction}
          initial={drillToForm(drill)}
          clusterName={drill.cluster.name}
          submitLabel="Save changes"
          cancelHref={`/drills/${drill.id}`}
        />
      </Card>
    </>
  );
}
