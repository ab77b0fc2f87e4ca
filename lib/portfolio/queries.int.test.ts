import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { makeCluster } from "@/test/support/portfolio-fixtures";
import { createCluster } from "@/lib/clusters/mutations";
import { ForbiddenError } from "@/lib/errors";
import { exportPortfolio, getPortfolioSummary, listActivity, listPortfolio, listTeams, searchClusters } from "./queries";
import { readPortfolioQuery } from "./schema";

const q = (params: Record<string, string>) => readPortfolioQuery(params).query;

async function seed() {
  await makeCluster({
    name: "orders-prod",
    environment: "production",
    ownerTeam: "commerce",
    region: "eu-west-1",
    tags: ["tier-1"],
    outcome: "production_test",
    score: 100,
  });
  await makeCluster({ name: "orders-staging", environment: "staging", ownerTeam: "commerce", region: "eu-west-1", outcome: "limited_workload", score: 60 });
  await makeCluster({
    name: "payments-prod",
    environment: "production",
    ownerTeam: "payments",
    region: "us-east-1",
    tags: ["pci"],
    outcome: "not_ready",
    score: 20,
  });
  await makeCluster({
    name: "search_50%",
    environment: "development",
    ownerTeam: "search",
    region: "ap-south-1",
    architecture: "kafka_compatible_shared_storage",
  });
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("portfolio queries", () => {
  it("filters by text over name, team, region and tags, and by each facet", async () => {
    const user = await createTestUser("viewer");
    await seed();
    expect(names((await listPortfolio(user, q({ q: "ORDERS" }))).rows)).toEqual(["orders-prod", "orders-staging"]);
    expect(names((await listPortfolio(user, q({ q: "payments" }))).rows)).toEqual(["payments-prod"]);
    expect(names((await listPortfolio(user, q({ q: "us-east" }))).rows)).toEqual(["payments-prod"]);
    expect(names((await listPortfolio(user, q({ q: "pci" }))).rows)).toEqual(["payments-prod"]);
    expect(names((await listPortfolio(user, q({ env: "production" }))).rows)).toEqual(["orders-prod", "payments-prod"]);
    expect(names((await listPortfolio(user, q({ arch: "kafka_compatible_shared_storage" }))).rows)).toEqual(["search_50%"]);
    expect(names((await listPortfolio(user, q({ outcome: "none" }))).rows)).toEqual(["search_50%"]);
    expect(names((await listPortfolio(user, q({ outcome: "not_ready" }))).rows)).toEqual(["payments-prod"]);
    expect(names((await listPortfolio(user, q({ team: "commerce", env: "staging" }))).rows)).toEqual(["orders-staging"]);
  });

  it("treats LIKE wildcards in the search literally", async () => {
    const user = await createTestUser("viewer");
    await seed();
    expect(names((await listPortfolio(user, q({ q: "50%" }))).rows)).toEqual(["search_50%"]);
    expect(names((await listPortfolio(user, q({ q: "h_5" }))).rows)).toEqual(["search_50%"]);
    expect((await listPortfolio(user, q({ q: "%" }))).total).toBe(1);
    expect((await listPortfolio(user, q({ q: "s_p" }))).total).toBe(0);
  });

  it("sorts with empty values last and paginates in the database", async () => {
    const user = await createTestUser("viewer");
    await seed();
    expect(names((await listPortfolio(user, q({ sort: "score", dir: "desc" }))).rows)).toEqual([
      "orders-prod",
      "orders-staging",
      "payments-prod",
      "search_50%",
    ]);
    expect(names((await listPortfolio(user, q({ sort: "score", dir: "asc" }))).rows)).toEqual(["payments-prod", "orders-staging", "orders-prod", "search_50%"]);
    expect(names((await listPortfolio(user, q({ sort: "outcome", dir: "desc" }))).rows)[0]).toBe("orders-prod");
    expect(names((await listPortfolio(user, q({ sort: "name", dir: "desc" }))).rows)).toEqual(["search_50%", "payments-prod", "orders-staging", "orders-prod"]);

    const page2 = await listPortfolio(user, q({ size: "3", page: "2" }));
    expect(page2).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(names(page2.rows)).toEqual(["search_50%"]);
    // past the end: the last page is shown
    const past = await listPortfolio(user, q({ size: "3", page: "9" }));
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(names(past.rows)).toEqual(["search_50%"]);
  });

  it("summarises the whole portfolio, lists teams and searches for pickers", async () => {
    const user = await createTestUser("viewer");
    await seed();
    const db = await getDb();
    await db.cluster.updateMany({ where: { name: "payments-prod" }, data: { regressedAt: new Date(), regressionReason: "x" } });
    expect(await getPortfolioSummary(user)).toEqual({ total: 4, byOutcome: { not_ready: 1, limited_workload: 1, production_test: 1, none: 1 }, regressed: 1 });
    expect(names((await listPortfolio(user, q({ regressed: "1" }))).rows)).toEqual(["payments-prod"]);
    expect(await listTeams(user)).toEqual(["commerce", "payments", "search"]);
    expect(names(await searchClusters(user, "prod"))).toEqual(["orders-prod", "payments-prod"]);
  });

  it("exports every matching cluster in the view's order", async () => {
    const user = await createTestUser("viewer");
    await seed();
    const result = await exportPortfolio(user, q({ env: "production", sort: "score", dir: "asc", size: "1", page: "2" }));
    expect(result.total).toBe(2);
    expect(result.truncated).toBe(false);
    expect(result.records.map((r) => [r.name, r.outcomeLabel, r.score])).toEqual([
      ["payments-prod", "Not ready", 20],
      ["orders-prod", "Ready for production test", 100],
    ]);
  });

  it("feeds recent cluster changes as sentences, newest first, without admin-only events", async () => {
    const alice = await createTestUser("editor", "Alice");
    const { id } = await createCluster(alice, {
      name: "orders-prod",
      environment: "production",
      architecture: "apache_kafka",
      distribution: "Apache Kafka",
      version: "3.9",
      metadataMode: "kraft",
      brokerCount: 6,
      availabilityZones: 3,
      cloud: "aws",
      region: "eu-west-1",
      replicationFactor: 3,
      partitionCount: 100,
      retentionHours: 24,
      peakIngressMBps: 10,
      peakEgressMBps: 20,
      walType: null,
      ownerTeam: "commerce",
      tags: [],
      notes: "",
      freshnessDays: 90,
    });
    const db = await getDb();
    await db.$transaction(async (tx) => {
      const { recordAudit } = await import("@/lib/audit/record");
      await recordAudit(tx, { actor: alice, action: "update", entityType: "user", entityId: alice.id });
      await recordAudit(tx, { actor: alice, action: "update", entityType: "cluster", entityId: id, clusterId: id, after: { name: "orders-prod" } });
    });
    const feed = await listActivity(alice);
    expect(feed.map((f) => f.text)).toEqual(["Alice updated cluster orders-prod", "Alice created cluster orders-prod"]);
    expect(feed[0].href).toBe(`/clusters/${id}`);
  });

  it("refuses users without read access", async () => {
    const none = await createTestUser("none");
    await expect(listPortfolio(none, q({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportPortfolio(none, q({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listActivity(none)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
