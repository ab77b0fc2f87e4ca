import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { ForbiddenError } from "@/lib/errors";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { createCluster, deleteCluster, updateCluster } from "@/lib/clusters/mutations";
import { auditFilterOptions, listAuditEvents, verifyAuditLog } from "./queries";
import { auditFilterSchema } from "./schema";

const cluster = (name: string, brokerCount = 6) =>
  clusterInputSchema.parse({
    name,
    environment: "production",
    architecture: "apache_kafka",
    distribution: "Apache Kafka",
    version: "3.9.0",
    metadataMode: "kraft",
    brokerCount: String(brokerCount),
    availabilityZones: "3",
    cloud: "aws",
    region: "eu-west-1",
    replicationFactor: "3",
    partitionCount: "600",
    retentionHours: "72",
    peakIngressMBps: "40",
    peakEgressMBps: "90",
    ownerTeam: "orders",
  });

/** Five chained events: three creates, an update, a delete. */
async function someHistory() {
  const editor = await createTestUser("editor", "Edna Editor");
  const admin = await createTestUser("admin", "Ada Admin");
  const a = await createCluster(editor, cluster("orders-a"));
  const b = await createCluster(editor, cluster("orders-b"));
  await createCluster(editor, cluster("orders-c"));
  await updateCluster(editor, a.id, 1, cluster("orders-a", 9));
  await deleteCluster(admin, b.id);
  return { editor, admin, a, b };
}

/** Runs raw SQL with the append-only trigger switched off, as someone with owner rights could. */
async function tamper(sql: string) {
  const db = await getDb();
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_append_only"`),
    db.$executeRawUnsafe(sql),
    db.$executeRawUnsafe(`ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_append_only"`),
  ]);
}

describe("audit chain verification", () => {
  it("verifies an intact chain written by real mutations, in batches", async () => {
    const { admin } = await someHistory();
    const result = await verifyAuditLog(admin, { batchSize: 2 });
    expect(result).toMatchObject({ ok: true, checked: 5, headSeq: "5", broken: null });
  });

  it("refuses UPDATE and DELETE of audit rows in the database itself", async () => {
    await someHistory();
    const db = await getDb();
    await expect(db.$executeRawUnsafe(`UPDATE "audit_event" SET "actorLabel" = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "audit_event" WHERE seq = 2`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(5);
  });

  it("fails at the row that was altered directly in SQL", async () => {
    const { admin } = await someHistory();
    await tamper(`UPDATE "audit_event" SET "after" = jsonb_set("after", '{brokerCount}', '60') WHERE seq = 4`);
    const result = await verifyAuditLog(admin, { batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ seq: "4", previousSeq: "3", kind: "altered" });
    expect(result.checked).toBe(4);
  });

  it("detects a deleted row at the row after it", async () => {
    const { admin } = await someHistory();
    await tamper(`DELETE FROM "audit_event" WHERE seq = 2`);
    const result = await verifyAuditLog(admin);
    expect(result.broken).toMatchObject({ seq: "3", previousSeq: "1", kind: "missing-or-reordered" });
  });

  it("lets only admins verify", async () => {
    for (const role of ["none", "viewer", "editor", "approver"] as const) {
      await expect(verifyAuditLog(await createTestUser(role))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("npm run audit:verify exits 1 naming the broken event, 0 when intact", async () => {
    await someHistory();
    const run = async () => {
      // the script opens the database itself; an embedded database allows one process at a time
      await closeDb();
      const databaseUrl = inject("databaseUrl");
      const env = {
        ...process.env,
        DRILLBOOK_NO_SEED: "1",
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DRILLBOOK_DATA_DIR: inject("dataDir") ?? "" }),
      };
      const tsx = path.resolve("node_modules/.bin/tsx");
      return spawnSync(tsx, ["--conditions=react-server", "scripts/verify-audit.ts"], { env, encoding: "utf8", timeout: 60_000 });
    };
    const intact = await run();
    expect(intact.status, intact.stderr).toBe(0);
    // the script's own start-up may add events (built-in templates are installed on a fresh database)
    const verified = Number(/audit chain intact: (\d+) events verified/.exec(intact.stdout)?.[1]);
    expect(verified).toBeGreaterThanOrEqual(5);
    await tamper(`UPDATE "audit_event" SET "actorLabel" = 'someone-else@example.com' WHERE seq = 3`);
    const broken = await run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at event #3/);
  });
});

describe("audit log listing", () => {
  it("filters by actor, entity type, action, cluster and day, newest first, paginated", async () => {
    const { editor, admin, a } = await someHistory();
    const all = await listAuditEvents(admin, auditFilterSchema.parse({ pageSize: "25" }));
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.seq)).toEqual(["5", "4", "3", "2", "1"]);

    const byAdmin = await listAuditEvents(admin, auditFilterSchema.parse({ actor: admin.id }));
    expect(byAdmin.rows.map((r) => r.action)).toEqual(["delete"]);
    // a deleted cluster's events still show its name
    expect(byAdmin.rows[0].clusterName).toBe("orders-b");

    const updates = await listAuditEvents(admin, auditFilterSchema.parse({ action: "update", entityType: "cluster" }));
    expect(updates.rows).toHaveLength(1);
    expect(updates.rows[0]).toMatchObject({ actorId: editor.id, clusterId: a.id, clusterName: "orders-a" });
    expect(updates.rows[0].after).toMatchObject({ brokerCount: 9 });

    const ofA = await listAuditEvents(admin, auditFilterSchema.parse({ cluster: a.id }));
    expect(ofA.total).toBe(2);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(admin, auditFilterSchema.parse({ from: today, to: today }))).total).toBe(5);
    expect((await listAuditEvents(admin, auditFilterSchema.parse({ to: "2000-01-01" }))).total).toBe(0);

    const page2 = await listAuditEvents(admin, { ...auditFilterSchema.parse({ page: "2" }), pageSize: 2 });
    expect(page2).toMatchObject({ page: 2, pageCount: 3, total: 5 });
    expect(page2.rows.map((r) => r.seq)).toEqual(["3", "2"]);
    // a page past the end shows the last page
    expect((await listAuditEvents(admin, { ...auditFilterSchema.parse({ page: "99" }), pageSize: 2 })).page).toBe(3);

    const options = await auditFilterOptions(admin);
    expect(options.actions).toEqual(["create", "delete", "update"]);
    expect(options.entityTypes).toEqual(["cluster"]);
    expect(options.actors.map((o) => o.label).sort()).toEqual([admin.email, editor.email].sort());
  });

  it("refuses everyone but admins", async () => {
    for (const role of ["none", "viewer", "editor", "approver"] as const) {
      const user = await createTestUser(role);
      await expect(listAuditEvents(user, auditFilterSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(auditFilterOptions(user)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
