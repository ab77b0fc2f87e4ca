import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { DRILL_SCENARIOS, type DrillScenario } from "@/lib/domain/constants";
import { getNewDrillContext, listClusterChoices } from "@/lib/drills/queries";
import { DrillForm } from "@/components/drills/drill-form";
import { emptyDrillValues } from "@/components/drills/drill-form-values";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SelectInput } from "@/components/ui/select";
import { createDrillAction } from "@/lib/actions/drills";

export const metadata: Metadata = { title: "Record drill" };
export const dynamic = "force-dynamic";

export default async function NewDrillPage({ searchParams }: { searchParams: Promise<{ cluster?: string; scenario?: string }> }) {
  const user = await requirePagePermission("drill:write");
  const { cluster: clusterId, scenario: asked } = await searchParams;

  if (!clusterId) {
    const clusters = await listClusterChoices(user);
    return (
      <>
        <PageHeader title="Record drill" description="A drill belongs to one cluster. Which cluster did you test?" />
        {clusters.length === 0 ? (
          <EmptyState
            title="No clusters yet"
            description="Add the cluster you tested first; drills hang off it."
            action={<ButtonLink href="/clusters/new">New cluster</ButtonLink>}
          />
        ) : (
          <Card>
            <form method="get" className="flex max-w-lg items-end gap-3">
              <SelectInput name="cluster" label="Cluster" className="flex-1" options={clusters.map((c) => ({ value: c.id, label: c.name }))} />
              <Button type="submit">Continue</Button>
            </form>
          </Card>
        )}
      </>
    );
  }

  const context = await getNewDrillContext(user, clusterId);
  if (!context) notFound();
  const scenario: DrillScenario = (DRILL_SCENARIOS as readonly string[]).includes(asked ?? "") ? (asked as DrillScenario) : "broker_kill";
  return (
    <>
      <PageHeader
        title="Record drill"
        description={
          <>
            On{" "}
            <Link href={`/clusters/${context.cluster.id}`} className="font-medium text-brand-700 hover:underline">
              {context.cluster.name}
            </Link>
            . Add the timeline, metrics and decision matrix once it is saved.
          </>
        }
      />
      <Card>
        <DrillForm
          action={createDrillAction}
          initial={emptyDrillValues(context.cluster.id, scenario, context.targets[scenario])}
          prefill={context.targets}
          clusterName={context.cluster.name}
          submitLabel="Record drill"
          cancelHref={`/clusters/${context.cluster.id}`}
        />
      </Card>
    </>
  );
}
