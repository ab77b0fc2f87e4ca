/**
 * Adding and deleting a cluster's continuous checks (editors). Running them: ./runner.ts.
 * Both take the cluster lock first (lib/write/locks.ts) and are audited.
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/access/permissions";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, ForbiddenError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { effectiveTemplates, type QueryKey } from "@/lib/prometheus/rules";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";
import type { CheckInput } from "./schema";

/** Evidence kinds an item must accept for a check to keep its evidence. */
const CHECKABLE_KINDS = ["metric_check", "metric_export"] as const;

export async function createCheck(user: CurrentUser, input: CheckInput, now = new Date()): Promise<{ id: string; clusterId: string }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  const [templateKey, itemKey] = input.target.split("/");
  try {
    return await writeTransaction(async (tx) => {
      if (!(await lockCluster(tx, input.clusterId))) throw new NotFoundError("This cluster no longer exists.");
      const source = await tx.clusterMetricsSource.findUnique({ where: { clusterId: input.clusterId }, select: { queries: true } });
      if (!source) throw new DomainError("Link this cluster to a Prometheus data source first (Metrics source, above).", {}, 409);
      const item = await tx.templateItem.findFirst({
        where: { key: itemKey, template: { key: templateKey } },
        orderBy: { template: { version: "desc" } },
        select: { title: true, evidenceKinds: true, template: { select: { name: true } } },
      });
      if (!item) throw new DomainError("This scorecard item does not exist.", { target: ["Choose an item of one of the templates"] }, 400);
      if (!item.evidenceKinds.some((k) => (CHECKABLE_KINDS as readonly string[]).includes(k))) {
        throw new DomainError("This item takes no metric evidence.", { target: [`“${item.title}” takes no metric evidence; choose another item`] }, 400);
      }
      const promql = input.source === "custom" ? input.promql : effectiveTemplates((source.queries ?? {}) as Record<string, string>)[input.source as QueryKey];
      const data = {
        clusterId: input.clusterId,
        name: input.name,
        queryKey: input.source === "custom" ? null : input.source,
        promql,
        operator: input.operator,
        threshold: input.threshold,
        lookbackSec: input.lookbackHours * 3600,
        schedule: input.schedule,
        templateKey,
        itemKey,
        // the first run comes with the runner's next tick
        nextRunAt: now,
        createdById: user.id,
      };
      const check = await tx.metricCheck.create({ data, select: { id: true } });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entityType: "metric_check",
        entityId: check.id,
        clusterId: input.clusterId,
        after: { ...data, item: `${item.template.name} → ${item.title}` },
      });
      return { id: check.id, clusterId: input.clusterId };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("A check of this cluster already has this name.", { name: ["A check of this cluster already has this name"] }, 409);
    throw error;
  }
}

/** Deletes a check with its run history; the evidence it kept stays, dated, and turns stale in time. */
export async function deleteCheck(user: CurrentUser, id: string): Promise<{ clusterId: string }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    const found = await tx.metricCheck.findUnique({ where: { id }, select: { clusterId: true } });
    if (!found) throw new NotFoundError("This check no longer exists.");
    await lockCluster(tx, found.clusterId);
    const check = await tx.metricCheck.findUnique({ where: { id } });
    if (!check) throw new NotFoundError("This check no longer exists.");
    await tx.metricCheck.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "metric_check", entityId: id, clusterId: check.clusterId, before: check });
    // a failing check that goes no longer holds a regression flag up
    await afterClusterChange(tx, check.clusterId);
    return { clusterId: check.clusterId };
  });
}
