import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { clusterInputSchema } from "./schema";
import { createCluster, deleteCluster, updateCluster } from "./mutations";
import { getCluster, listClusters } from "./queries";

const form = {
  name: "orders-prod",
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
  peakEgressMBps: "120.5",
  walType: "",
  ownerTeam: "orders",
  tags: "tier-1, pci, tier-1",
  notes: "",
  freshnessDays: "",
};

const parse = (overrides: Record<string, string> = {}) => clusterInputSchema.safeParse({ ...form, ...overrides });

async function clusterCount() {
  return (await getDb()).cluster.count();
}

describe("cluster input validation", () => {
  it("parses form strings into typed values", () => {
    const r = parse();
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ brokerCount: 6, peakEgressMBps: 120.5, tags: ["tier-1", "pci"], walType: null, freshnessDays: 90 });
  });

  it.each([
    [{ name: "" }, "name", "Name is required"],
    [{ name: "   " }, "name", "Name is required"],
    [{ name: "bad name!" }, "name", "Use letters, digits"],
    [{ brokerCount: "-1" }, "brokerCount", "Broker count must be at least 1"],
    [{ brokerCount: "2.5" }, "brokerCount", "Broker count must be a whole number"],
    [{ brokerCount: "many" }, "brokerCount", "Broker count must be a number"],
    [{ replicationFactor: "7" }, "replicationFactor", "cannot exceed the broker count (6)"],
    [{ peakIngressMBps: "-3" }, "peakIngressMBps", "Peak ingress cannot be negative"],
    [{ environment: "prod" }, "environment", "Choose a valid environment"],
    [{ walType: "EBS" }, "walType", "only applies to shared-storage"],
    [{ architecture: "kafka_compatible_shared_storage" }, "walType", "Name the WAL type"],
    [{ notes: "x".repeat(10 * 1024 * 1024) }, "notes", "at most 10,000 characters"],
    [{ ownerTeam: "y".repeat(10 * 1024 * 1024) }, "ownerTeam", "at most 100 characters"],
  ])("rejects bad input with a message on the field (%#)", (overrides, field, message) => {
    const r = parse(overrides as Record<string, string>);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe("cluster mutations", () => {
  it("creates a cluster, lists it and records an audit event", async () => {
    const editor = await createTestUser("editor");
    const { id } = await createCluster(editor, parse().data!);
    const rows = await listClusters(editor);
    expect(rows.map((r) => r.name)).toEqual(["orders-prod"]);
    const detail = await getCluster(editor, id);
    expect(detail).toMatchObject({ name: "orders-prod", replicationFactor: 3, revision: 1, createdBy: { email: editor.email } });
    const audit = await (await getDb()).auditEvent.findMany({ where: { entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", entityType: "cluster", actorId: editor.id });
  });

  it("refuses a duplicate name with a field error and writes nothing", async () => {
    const editor = await createTestUser("editor");
    await createCluster(editor, parse().data!);
    const error = await createCluster(editor, parse().data!).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fieldErrors.name[0]).toMatch(/already taken/);
    expect(await clusterCount()).toBe(1);
    expect(await (await getDb()).auditEvent.count()).toBe(1);
  });

  it("refuses writes from a viewer and reads from a user without a role", async () => {
    const viewer = await createTestUser("viewer");
    const nobody = await createTestUser("none");
    await expect(createCluster(viewer, parse().data!)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listClusters(nobody)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await clusterCount()).toBe(0);
  });

  it("lets only admins delete", async () => {
    const editor = await createTestUser("editor");
    const admin = await createTestUser("admin");
    const { id } = await createCluster(editor, parse().data!);
    await expect(deleteCluster(editor, id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteCluster(admin, id);
    expect(await clusterCount()).toBe(0);
  });

  it("never lets two editors overwrite each other silently", async () => {
    const alice = await createTestUser("editor", "Alice");
    const bob = await createTestUser("editor", "Bob");
    const { id } = await createCluster(alice, parse().data!);
    const results = await Promise.allSettled([
      updateCluster(alice, id, 1, parse({ ownerTeam: "alice-team" }).data!),
      updateCluster(bob, id, 1, parse({ ownerTeam: "bob-team" }).data!),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    const current = (lost[0].reason as ConflictError<{ ownerTeam: string; revision: number }>).current;
    const stored = await getCluster(alice, id);
    expect(stored?.revision).toBe(2);
    expect(current.ownerTeam).toBe(stored?.ownerTeam);
  });
});
