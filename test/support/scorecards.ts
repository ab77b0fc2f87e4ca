/** Test helpers for scorecard integration tests: templates, a cluster, a started scorecard. */
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { createCluster } from "@/lib/clusters/mutations";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { installBuiltinTemplates } from "@/lib/templates/install";
import { createScorecard } from "@/lib/scorecards/mutations";
import { createScorecardSchema } from "@/lib/scorecards/schema";
import { getScorecardPage } from "@/lib/scorecards/queries";

export { apiClusterBody } from "./api-cluster";

export async function installTemplates() {
  return installBuiltinTemplates(await getDb());
}

/** The cluster form's fields for a typical production Kafka cluster (strings, as the form sends them). */
export function clusterFields(overrides: Record<string, string> = {}) {
  return {
    name: `cluster-${Math.random().toString(36).slice(2, 8)}`,
    environment: "production",
    architecture: "apache_kafka",
    distribution: "Apache Kafka",
    version: "3.9.0",
    metadataMode: "kraft",
    brokerCount: "6",
    availabilityZones: "3",
    cloud: "aws",
    region: "eu-west-1",
    replicationFactor: "3",
    partitionCount: "900",
    retentionHours: "72",
    peakIngressMBps: "50",
    peakEgressMBps: "120",
    ownerTeam: "platform",
    ...overrides,
  };
}

export async function createTestCluster(user: CurrentUser, name = `cluster-${Math.random().toString(36).slice(2, 8)}`, freshnessDays = 90) {
  return createCluster(user, clusterInputSchema.parse(clusterFields({ name, freshnessDays: String(freshnessDays) })));
}

/** The latest version id of a template key. */
export async function templateId(key: string): Promise<string> {
  const db = await getDb();
  const t = await db.template.findFirstOrThrow({ where: { key }, orderBy: { version: "desc" }, select: { id: true } });
  return t.id;
}

/** Starts a scorecard of `templateKey` on `clusterId`, owned by `user`. */
export async function startScorecard(user: CurrentUser, clusterId: string, templateKey = "broker-failure-recovery") {
  const input = createScorecardSchema.parse({
    clusterId,
    templateId: await templateId(templateKey),
    title: `Readiness of ${templateKey}`,
    subject: "current",
    ownerId: user.id,
    dueDate: "",
  });
  return createScorecard(user, input);
}

/** The page view, with items by key for terse assertions. */
export async function loadPage(user: CurrentUser, id: string, now?: Date) {
  const page = (await getScorecardPage(user, id, now))!;
  const items = new Map(page.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
  return { page, item: (key: string) => items.get(key)! };
}

/** Row counts of everything a scorecard write can touch, to prove nothing was written. */
export async function writeCounts() {
  const db = await getDb();
  const [evidence, files, exemptions, comments, milestones, audit, templates, items] = await Promise.all([
    db.evidence.count(),
    db.evidenceFile.count(),
    db.exemption.count(),
    db.comment.count(),
    db.milestone.count(),
    db.auditEvent.count(),
    db.template.count(),
    db.scorecardItem.findMany({ select: { version: true, status: true, notes: true } }),
  ]);
  return { evidence, files, exemptions, comments, milestones, audit, templates, items };
}
