/** What the cluster page's recovery model needs: the cluster's facts and knobs, and its drills' measurements. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { Architecture, DrillScenario } from "@/lib/domain/constants";

/** How many of the latest measured drills are compared with the estimate. */
export const DRILLS_COMPARED = 3;

export interface RecoveryModelCluster {
  id: string;
  architecture: Architecture;
  brokerCount: number;
  availabilityZones: number;
  replicationFactor: number;
  retentionHours: number;
  peakIngressMBps: number;
  peakEgressMBps: number;
  brokerNetworkMBps: number;
  reassignmentThrottleMBps: number;
  crossZonePricePerGb: number;
  revision: number;
}

export interface MeasuredDrill {
  id: string;
  title: string;
  scenario: DrillScenario;
  startedAt: string;
  lagRecoveredSec: number | null;
  recoveryTrafficMBps: number | null;
  leadershipSettledSec: number | null;
}

/** The cluster's model inputs and its latest drills that measured something the model compares. */
export async function getRecoveryModelData(user: CurrentUser, clusterId: string): Promise<{ cluster: RecoveryModelCluster; drills: MeasuredDrill[] } | null> {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
  const db = await getDb();
  const cluster = await db.cluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      architecture: true,
      brokerCount: true,
      availabilityZones: true,
      replicationFactor: true,
      retentionHours: true,
      peakIngressMBps: true,
      peakEgressMBps: true,
      brokerNetworkMBps: true,
      reassignmentThrottleMBps: true,
      crossZonePricePerGb: true,
      revision: true,
    },
  });
  if (!cluster) return null;
  const drills = can(user.role, "drill:read")
    ? await db.drill.findMany({
        where: {
          clusterId,
          OR: [{ lagRecoveredSec: { not: null } }, { recoveryTrafficMBps: { not: null } }, { leadershipSettledSec: { not: null } }],
        },
        orderBy: { startedAt: "desc" },
        take: DRILLS_COMPARED,
        select: { id: true, title: true, scenario: true, startedAt: true, lagRecoveredSec: true, recoveryTrafficMBps: true, leadershipSettledSec: true },
      })
    : [];
  return { cluster, drills: drills.map((d) => ({ ...d, startedAt: d.startedAt.toISOString() })) };
}
