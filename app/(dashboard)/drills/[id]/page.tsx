import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getDrillChart } from "@/lib/drills/chart-queries";
import { getDrill } from "@/lib/drills/queries";
import { matrixVersion } from "@/lib/drills/rules";
import { ScenarioBadge } from "@/components/drills/badges";
import { DecisionMatrix } from "@/components/drills/decision-matrix";
import { DeleteDrillButton } from "@/components/drills/delete-drill-button";
import { DrillFacts } from "@/components/drills/drill-facts";
import { FollowUps } from "@/components/drills/follow-ups";
import { formatDay, formatUtc } from "@/lib/format/dates";
import { MeasurementsCard } from "@/components/drills/measurements-card";
import { MetricsSection } from "@/components/drills/metrics-section";
import { TimelineCard } from "@/components/drills/timeline-card";
import { PrometheusSection } from "@/components/datasources/prometheus-section";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Drill" };
export const dynamic = "force-dynamic";

export default async function DrillPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  const user = await requirePagePermission("drill:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const [drill, chart] = await Promise.all([getDrill(user, id), getDrillChart(user, id)]);
  if (!drill || !chart) notFound();
  const canWrite = can(user.role, "drill:write");
  const today = formatDay(new Date());
  const answers = Object.fromEntries(
    Object.entries(drill.answerMap).map(([q, a]) => [
      q,
      {
        answer: a!.answer,
        rationale: a!.rationale,
        evidence: a!.evidence,
        answeredBy: a!.answeredBy?.name ?? null,
        answeredAt: a!.answeredAt?.toISOString() ?? null,
      },
    ]),
  );

  return (
    <>
      <PageHeader
        title={drill.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ScenarioBadge scenario={drill.scenario} />
            on
            <Link href={`/clusters/${drill.cluster.id}`} className="font-medium text-brand-700 hover:underline">
              {drill.cluster.name}
            </Link>
            · started {formatUtc(drill.startedAt)}
            {drill.createdBy ? ` · recorded by ${drill.createdBy.name}` : ""}
          </span>
        }
        actions={
          canWrite ? (
            <>
              <ButtonLink href={`/drills/${drill.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <DeleteDrillButton id={drill.id} title={drill.title} />
            </>
          ) : null
        }
      />
      {flags.created ? (
        <div className="mb-4">
          <Alert tone="green">Drill recorded. Add its timeline, import metrics and answer the decision matrix below.</Alert>
        </div>
      ) : null}
      {flags.saved ? (
        <div className="mb-4">
          <Alert tone="green">Changes saved.</Alert>
        </div>
      ) : null}

      <div className="space-y-6">
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-5">
          <div className="lg:col-span-2">
            <DrillFacts drill={drill} />
          </div>
          <div className="lg:col-span-3">
            <MeasurementsCard drill={drill} disagreements={chart?.disagreements} />
          </div>
        </div>
        <TimelineCard drill={drill} canWrite={canWrite} />
        <PrometheusSection user={user} drillId={drill.id} clusterId={drill.cluster.id} />
        <MetricsSection drill={drill} chart={chart} canWrite={canWrite} />
        <Card title="Decision matrix">
          <DecisionMatrix
            drillId={drill.id}
            version={matrixVersion(drill.answers)}
            answers={answers}
            suggestions={drill.suggestions}
            matrix={drill.matrix}
            canWrite={canWrite}
          />
        </Card>
        <Card title="Follow-up actions">
          <FollowUps
            drillId={drill.id}
            canWrite={canWrite}
            items={drill.followUps.map((f) => {
              const due = f.dueDate ? formatDay(f.dueDate) : null;
              return { id: f.id, action: f.action, owner: f.owner, dueDate: due, done: f.done, overdue: !f.done && due !== null && due < today };
            })}
          />
        </Card>
      </div>
    </>
  );
}
