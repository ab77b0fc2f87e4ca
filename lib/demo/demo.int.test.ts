import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { installBuiltinTemplates } from "@/lib/templates/install";
import { teamLink } from "@/lib/teams/rules";
import { createTestUser } from "@/test/support/users";
import { SAMPLE_EMAIL_DOMAIN } from "./people";
import { removeSampleData } from "./remove";
import { seedDemoPortfolio } from "./seed";

describe("demo portfolio", () => {
  it("spreads over every outcome, architecture and environment, and one click removes every sample row", async () => {
    const db = await getDb();
    await installBuiltinTemplates(db);
    const admin = await createTestUser("admin");
    const own = await db.cluster.create({
      data: {
        name: "our-own",
        environment: "production",
        architecture: "apache_kafka",
        distribution: "Apache Kafka",
        version: "3.9.0",
        metadataMode: "kraft",
        brokerCount: 3,
        availabilityZones: 3,
        cloud: "aws",
        region: "eu-west-1",
        replicationFactor: 3,
        partitionCount: 10,
        retentionHours: 24,
        peakIngressMBps: 1,
        peakEgressMBps: 1,
        ownerTeam: "us",
        team: teamLink("us"),
      },
    });

    expect(await seedDemoPortfolio()).toEqual({ clusters: 8 });
    expect(await seedDemoPortfolio()).toEqual({ clusters: 0 });

    const clusters = await db.cluster.findMany({
      where: { isSample: true },
      select: { name: true, environment: true, architecture: true, outcome: true, regressedAt: true, staleEvidenceCount: true },
    });
    expect(clusters).toHaveLength(8);
    expect(new Set(clusters.map((c) => c.architecture)).size).toBe(4);
    expect(new Set(clusters.map((c) => c.environment)).size).toBe(3);
    const outcome = Object.fromEntries(clusters.map((c) => [c.name, c.outcome]));
    expect(outcome).toEqual({
      "payments-events-prod": "production_test",
      "orders-stream-prod": "limited_workload",
      "clickstream-tiered-prod": "limited_workload",
      "ledger-shared-staging": "not_ready",
      "inventory-sync-staging": "limited_workload",
      "search-index-dev": "not_ready",
      "telemetry-tiered-staging": "not_ready",
      "sandbox-shared-dev": null,
    });
    expect(clusters.filter((c) => c.regressedAt).map((c) => c.name)).toEqual(["clickstream-tiered-prod"]);
    expect(clusters.find((c) => c.name === "inventory-sync-staging")!.staleEvidenceCount).toBeGreaterThan(0);

    const states = await db.scorecard.groupBy({ by: ["state"], _count: { _all: true } });
    expect(Object.fromEntries(states.map((s) => [s.state, s._count._all]))).toMatchObject({ approved: 1, in_review: 1 });
    expect(await db.approvalCondition.count()).toBe(1);
    expect(await db.exemption.count({ where: { status: "granted" } })).toBe(1);
    expect(await db.drillDecisionAnswer.count({ where: { answer: "red" } })).toBe(2);
    expect(new Set((await db.drill.findMany({ select: { scenario: true } })).map((d) => d.scenario)).size).toBeGreaterThanOrEqual(5);
    expect(await db.metricSeries.count()).toBe(3 * (await db.drill.count()));
    expect(await db.campaign.count({ where: { isSample: true } })).toBe(1);
    expect(await db.recoveryTarget.count()).toBeGreaterThanOrEqual(10);

    const removed = await removeSampleData(admin);
    expect(removed).toEqual({ clusters: 8, campaigns: 1, people: 5, keptPeople: 0 });
    expect(await db.cluster.findMany({ select: { name: true } })).toEqual([{ name: own.name }]);
    for (const count of [
      db.scorecard.count(),
      db.drill.count(),
      db.evidence.count(),
      db.campaign.count(),
      db.exemption.count(),
      db.approval.count(),
      db.metricSeries.count(),
      db.recoveryTarget.count(),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await db.user.count({ where: { email: { endsWith: `@${SAMPLE_EMAIL_DOMAIN}` } } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sample_data_removed" } });
    expect(audit.actorId).toBe(admin.id);
  }, 180_000);

  it("refuses removal to anyone but an admin", async () => {
    const approver = await createTestUser("approver");
    await expect(removeSampleData(approver)).rejects.toThrow(/Only admins/);
  });
});
