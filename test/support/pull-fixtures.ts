/** Test support: a data source, a cluster linked to it and a drill over the broker-kill truth. */
import { createTestUser } from "@/test/support/users";
import { createDataSource, setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { dataSourceInputSchema, metricsSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { timelineEventInputSchema } from "@/lib/drills/schema";
import { addTimelineEvent } from "@/lib/drills/timeline-mutations";
import { makeCluster, makeDrill } from "@/test/support/drills";
import { brokerKillTruth } from "./broker-kill";

export const PULL_START = Date.parse("2026-11-30T10:00:00Z") / 1000;
export const pullTruth = brokerKillTruth(PULL_START);
/** Form-style UTC time of unix seconds. */
export const isoSec = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19);

/** An admin's data source, an editor's cluster linked to it, and a drill with its fault marked. */
export async function pullSetup(
  url: string,
  drillOverrides: Record<string, string> = {},
  sourceOverrides: Record<string, unknown> = {},
  dataSourceOverrides: Record<string, unknown> = {},
) {
  const admin = await createTestUser("admin");
  const editor = await createTestUser("editor");
  const { id: clusterId } = await makeCluster(editor, "payments-prod");
  const { id: dataSourceId } = await createDataSource(admin, dataSourceInputSchema.parse({ name: "Local Prometheus", baseUrl: url, ...dataSourceOverrides }));
  await setClusterMetricsSource(editor, clusterId, metricsSourceInputSchema.parse({ dataSourceId, matchers: 'cluster="payments-prod"', ...sourceOverrides }));
  const { id: drillId } = await makeDrill(editor, clusterId, {
    startedAt: isoSec(pullTruth.drillStartSec),
    endedAt: isoSec(pullTruth.drillEndSec),
    targetProducersStableSec: "120",
    ...drillOverrides,
  });
  await addTimelineEvent(
    editor,
    timelineEventInputSchema.parse({ drillId, at: isoSec(pullTruth.faultSec), layer: "data_plane", marker: "fault", label: "Broker 3 killed" }),
  );
  return { admin, editor, clusterId, dataSourceId, drillId };
}
