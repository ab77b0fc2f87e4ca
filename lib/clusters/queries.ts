/** Read access to clusters. Every function takes the asking user and checks permission. */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseTemplateOutcomes } from "@/lib/readiness/current-rules";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
}

export const clusterListSelect = {
  id: true,
  name: true,
  environment: true,
  architecture: true,
  distribution: true,
  version: true,
  brokerCount: true,
  availabilityZones: true,
  cloud: true,
  region: true,
  ownerTeam: true,
  tags: true,
  outcome: true,
  score: true,
  updatedAt: true,
} as const;

export type ClusterListRow = {
  id: string;
  name: string;
  environment: string;
  architecture: string;
  distribution: string;
  version: string;
  brokerCount: number;
  availabilityZones: number;
  cloud: string;
  region: string;
  ownerTeam: string;
  tags: string[];
  outcome: string | null;
  score: number | null;
  updatedAt: string;
};

/** Every cluster, newest change first, as plain rows for the clusters table. */
export async function listClusters(user: CurrentUser): Promise<ClusterListRow[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.cluster.findMany({ select: clusterListSelect, orderBy: [{ updatedAt: "desc" }, { name: "asc" }] });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** One cluster with all its facts, or null. */
export async function getCluster(user: CurrentUser, id: string) {
  assertRead(user);
  return readCluster(await getDb(), id);
}

/** The facts that describe a cluster (what the form edits besides name and notes). */
export const clusterFactsSelect = {
  environment: true,
  architecture: true,
  distribution: true,
  version: true,
  metadataMode: true,
  brokerCount: true,
  availabilityZones: true,
  cloud: true,
  region: true,
  replicationFactor: true,
  partitionCount: true,
  retentionHours: true,
  peakIngressMBps: true,
  peakEgressMBps: true,
  walType: true,
  ownerTeam: true,
  tags: true,
} as const;

/** getCluster's read, on any client: the API's create path calls it inside its transaction. */
export async function readCluster(db: Prisma.TransactionClient, id: string) {
  const row = await db.cluster.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      isSample: true,
      ...clusterFactsSelect,
      notes: true,
      freshnessDays: true,
      outcome: true,
      score: true,
      heldBackBy: true,
      templateOutcomes: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return row && { ...row, templateOutcomes: parseTemplateOutcomes(row.templateOutcomes) ?? [] };
}

export type ClusterDetail = NonNullable<Awaited<ReturnType<typeof getCluster>>>;

/** Number of clusters, for the empty state and the navigation badge. */
export async function countClusters(user: CurrentUser): Promise<number> {
  assertRead(user);
  return (await getDb()).cluster.count();
}
