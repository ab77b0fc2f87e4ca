/** Campaign writes: validated input in, audit event recorded in the same transaction. */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { portfolioWhere } from "@/lib/portfolio/queries";
import { describeFilter } from "@/lib/portfolio/rules";
import { MAX_CAMPAIGN_CLUSTERS, type CampaignCreateInput, type CampaignMembershipInput, type CampaignUpdateInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

function assertWrite(user: CurrentUser) {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
}

function todayUtc(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
}

/**
 * Creates a campaign. Clusters are chosen by a portfolio filter (resolved now: the matching
 * clusters become members, and the filter is kept as a readable description) or picked.
 */
export async function createCampaign(user: CurrentUser, input: CampaignCreateInput, now = new Date()): Promise<{ id: string }> {
  assertWrite(user);
  if (input.dueDate < todayUtc(now)) throw new DomainError("Please correct the highlighted fields.", { dueDate: ["Due date cannot be in the past"] });
  return writeTransaction(async (tx) => {
    let clusterIds: string[];
    let selection: string;
    if (input.selectionMode === "filter") {
      const filter = { q: input.q, env: input.env, arch: input.arch, outcome: input.outcome, team: input.team, regressed: false };
      const matches = await tx.cluster.findMany({ where: portfolioWhere(filter), select: { id: true }, take: MAX_CAMPAIGN_CLUSTERS + 1 });
      if (matches.length === 0) throw new DomainError("No cluster matches this filter.", { q: ["No cluster matches this filter; widen it or pick clusters"] });
      if (matches.length > MAX_CAMPAIGN_CLUSTERS) throw new DomainError(`The filter matches more than ${MAX_CAMPAIGN_CLUSTERS} clusters; narrow it.`);
      clusterIds = matches.map((m) => m.id);
      selection = `${describeFilter(filter)} (${clusterIds.length} when created)`;
    } else {
      const found = await tx.cluster.findMany({ where: { id: { in: input.clusterIds } }, select: { id: true } });
      if (found.length !== input.clusterIds.length) {
        throw new DomainError("Some picked clusters no longer exist.", { clusterIds: ["Some picked clusters were deleted meanwhile; pick again"] });
      }
      clusterIds = found.map((f) => f.id);
      selection = `Picked by hand (${clusterIds.length})`;
    }
    await assertTemplateKey(tx, input.templateKey);
    const campaign = await tx.campaign.create({
      data: {
        name: input.name,
        targetOutcome: input.targetOutcome,
        templateKey: input.templateKey,
        dueDate: input.dueDate,
        description: input.description,
        selection,
      },
    });
    await tx.campaignCluster.createMany({ data: clusterIds.map((clusterId) => ({ campaignId: campaign.id, clusterId })) });
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "campaign",
      entityId: campaign.id,
      after: {
        name: input.name,
        targetOutcome: input.targetOutcome,
        templateKey: input.templateKey,
        dueDate: input.dueDate,
        description: input.description,
        selection,
        clusterIds,
      },
    });
    return { id: campaign.id };
  });
}

/** A campaign for one assessment names a template that exists (any version); a new campaign, one not archived. */
async function assertTemplateKey(tx: Prisma.TransactionClient, key: string | null, { allowArchived = false } = {}): Promise<void> {
  if (key === null) return;
  const template = await tx.template.findFirst({ where: { key }, orderBy: { version: "desc" }, select: { archivedAt: true } });
  if (!template) throw new DomainError("There is no such assessment.", { templateKey: ["Choose an assessment from the list"] });
  if (template.archivedAt && !allowArchived)
    throw new DomainError("That assessment is archived.", { templateKey: ["This template is archived; choose another"] });
}

/** Updates name, target, due date and description if nobody saved since `revision`. */
export async function updateCampaign(user: CurrentUser, input: CampaignUpdateInput): Promise<{ id: string; revision: number }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("This campaign no longer exists.");
    await assertTemplateKey(tx, input.templateKey, { allowArchived: input.templateKey === before.templateKey });
    const data = {
      name: input.name,
      targetOutcome: input.targetOutcome,
      templateKey: input.templateKey,
      dueDate: input.dueDate,
      description: input.description,
    };
    const { count } = await tx.campaign.updateMany({ where: { id: input.id, revision: input.revision }, data: { ...data, revision: { increment: 1 } } });
    if (count === 0) {
      const current = (await tx.campaign.findUnique({ where: { id: input.id } })) ?? before;
      throw new ConflictError("Someone else saved this campaign after you opened it. Review their values, then save again.", {
        ...current,
        dueDate: current.dueDate.toISOString().slice(0, 10),
      });
    }
    await recordAudit(tx, { actor: user, action: "update", entityType: "campaign", entityId: input.id, before, after: data });
    return { id: input.id, revision: input.revision + 1 };
  });
}

/** Adds and removes member clusters (ids that do not exist are ignored). */
export async function changeCampaignClusters(user: CurrentUser, input: CampaignMembershipInput): Promise<{ added: number; removed: number }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
    if (!campaign) throw new NotFoundError("This campaign no longer exists.");
    const existing = input.add.length ? await tx.cluster.findMany({ where: { id: { in: input.add } }, select: { id: true } }) : [];
    const added = existing.length
      ? (await tx.campaignCluster.createMany({ data: existing.map((c) => ({ campaignId: input.id, clusterId: c.id })), skipDuplicates: true })).count
      : 0;
    const removed = input.remove.length ? (await tx.campaignCluster.deleteMany({ where: { campaignId: input.id, clusterId: { in: input.remove } } })).count : 0;
    if (added + removed === 0) return { added, removed };
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "campaign",
      entityId: input.id,
      after: { name: campaign.name, addedClusterIds: existing.map((c) => c.id), removedClusterIds: input.remove },
    });
    return { added, removed };
  });
}

/** Deletes a campaign (its clusters are untouched). */
export async function deleteCampaign(user: CurrentUser, id: string): Promise<void> {
  assertWrite(user);
  await writeTransaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id }, include: { clusters: { select: { clusterId: true } } } });
    if (!before) throw new NotFoundError("This campaign no longer exists.");
    await tx.campaign.delete({ where: { id } });
    await recordAudit(tx, {
      actor: user,
      action: "delete",
      entityType: "campaign",
      entityId: id,
      before: { ...before, clusters: before.clusters.map((c) => c.clusterId) },
    });
  });
}
