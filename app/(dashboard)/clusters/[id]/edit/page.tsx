import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getCluster } from "@/lib/clusters/queries";
import { ClusterForm } from "@/components/clusters/cluster-form";
import { toClusterFormValues } from "@/components/clusters/cluster-form-values";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updateClusterAction } from "@/lib/actions/clusters";

export const metadata: Metadata = { title: "Edit cluster" };
export const dynamic = "force-dynamic";

export default async function EditClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("cluster:write");
  const cluster = await getCluster(user, (await params).id);
  if (!cluster) notFound();
  return (
    <>
      <PageHeader title={`Edit ${cluster.name}`} />
      <Card>
        <ClusterForm action={updateClusterAction} initial={toClusterFormValues(cluster)} submitLabel="Save changes" cancelHref={`/clusters/${cluster.id}`} />
      </Card>
    </>
  );
}
