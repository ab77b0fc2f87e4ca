/** Shared set-up for the drill integration tests: a cluster, a drill, realistic metric files. */
import type { CurrentUser } from "@/lib/auth/session";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { createCluster } from "@/lib/clusters/mutations";
import { clusterFields } from "./scorecards";
import { createDrill } from "@/lib/drills/mutations";
import { drillInputSchema } from "@/lib/drills/schema";

export const DRILL_START = "2024-05-14T10:00:00Z";
export const T0 = Date.parse(DRILL_START);

export async function makeCluster(user: CurrentUser, name = "orders-prod") {
  return createCluster(user, clusterInputSchema.parse(clusterFields({ name, ownerTeam: "orders" })));
}

export const drillForm = (clusterId: string, overrides: Record<string, string> = {}) => ({
  clusterId,
  scenario: "broker_kill",
  title: "Kill broker 3 at peak",
  startedAt: "2024-05-14T10:00:00",
  endedAt: "2024-05-14T10:45:00",
  trafficProfile: "Peak replay, 50 MB/s ingress",
  realisticTraffic: "on",
  targetLeadershipSettledSec: "30",
  targetProducersStableSec: "60",
  targetLagRecoveredSec: "600",
  targetPeakLagRecords: "500000",
  rollbackNamedBefore: "on",
  rollbackPoint: "Restart broker 3 from its last snapshot",
  rollbackOwner: "Dana (SRE lead)",
  owner: "Dana",
  observers: "Ali, Mo",
  ...overrides,
});

export async function makeDrill(user: CurrentUser, clusterId: string, overrides: Record<string, string> = {}) {
  return createDrill(user, drillInputSchema.parse(drillForm(clusterId, overrides)));
}

/** Consumer lag that rises after a fault 2 minutes in and decays back under 1,000 records. */
export function lagCsv(points = 120, stepSec = 15): string {
  const rows = ["timestamp,metric,value"];
  for (let i = 0; i < points; i++) {
    const t = T0 / 1000 + i * stepSec;
    const since = i * stepSec - 120;
    const lag = since < 0 ? 200 : Math.round(200 + 400_000 * Math.exp(-since / 90) * Math.min(1, since / 30));
    rows.push(`${t},consumer_lag,${lag}`);
    rows.push(`${new Date(t * 1000).toISOString()},producer_errors,${since >= 0 && since < 60 ? 12 : 0}`);
  }
  return rows.join("\n");
}

export function promJson(result: unknown[]): string {
  return JSON.stringify({ status: "success", data: { resultType: "matrix", result } });
}
