import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { ClusterForm, emptyClusterValues } from "@/components/clusters/cluster-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createClusterAction } from "@/lib/actions/clusters";

export const metadata: Metadata = { title: "New cluster" };
export const dynamic = "force-dynamic";

export default async function NewClusterPage() {
  await requirePagePermission("cluster:write");
  return (
    <>
      <PageHeader title="New cluster" description="Describe the cluster as it runs today. You can change any of this later." />
      <Card>
        <ClusterForm action={createClusterAction} initial={emptyClusterValues} submitLabel="Create cluster" cancelHref="/clusters" />
      </Card>
    </>
  );
}
