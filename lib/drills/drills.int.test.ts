import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { createDrill, deleteDrill, updateDrill } from "./mutations";
import { getDrill, getNewDrillContext, listDrills, listDrillsForEvidence, listRecoveryTargets } from "./queries";
import { drillInputSchema, recoveryTargetInputSchema } from "./schema";
import { deleteRecoveryTarget, saveRecoveryTarget } from "./target-mutations";
import { addFollowUp, addTimelineEvent, deleteTimelineEvent, setFollowUpDone } from "./timeline-mutations";
import { followUpInputSchema, timelineEventInputSchema } from "./schema";
import { drillForm, makeCluster, makeDrill } from "@/test/support/drills";

const parseDrill = (clusterId: string, overrides: Record<string, string> = {}) => drillInputSchema.parse(drillForm(clusterId, overrides));

describe("drill input validation", () => {
  it.each([
    [{ title: "" }, "title", "Title is required"],
    [{ startedAt: "yesterday" }, "startedAt", "Start must look like 2024-05-14T10:02:00 (UTC)"],
    [{ endedAt: "2024-05-14T09:00:00" }, "endedAt", "End must be after the start"],
    [{ startedAt: "2999-01-01T00:00:00", endedAt: "" }, "startedAt", "this start is in the future"],
    [{ scenario: "meteor_strike" }, "scenario", "Choose a valid scenario"],
    [{ rollbackPoint: "" }, "rollbackPoint", "Name the rollback point"],
    [{ rollbackOwner: "" }, "rollbackOwner", "Name who owned the rollback decision"],
    [{ targetLagRecoveredSec: "-1" }, "targetLagRecoveredSec", "cannot be negative"],
    [{ producerErrorCount: "3.5" }, "producerErrorCount", "must be a whole number"],
    [{ producerErrorCount: "99999999999" }, "producerErrorCount", "must be at most 2,147,483,647"],
    [{ peakConsumerLag: "lots" }, "peakConsumerLag", "must be a number"],
  ])("rejects bad input beside the field (%#)", (overrides, field, message) => {
    const r = drillInputSchema.safeParse(drillForm("c1", overrides as Record<string, string>));
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === field)?.message).toContain(message);
  });

  it("reads form times as UTC and checkboxes as booleans", () => {
    const d = parseDrill("c1", { realisticTraffic: "", rollbackNamedBefore: "", rollbackPoint: "", rollbackOwner: "" });
    expect(d.startedAt.toISOString()).toBe("2024-05-14T10:00:00.000Z");
    expect(d).toMatchObject({ realisticTraffic: false, rollbackNamedBefore: false, rollbackPoint: null, observers: ["Ali", "Mo"] });
  });
});

describe("recovery targets", () => {
  it("are saved per scenario, replaced on save and pre-fill new drills", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const input = recoveryTargetInputSchema.parse({ clusterId, scenario: "broker_kill", leadershipSettledSec: "30", lagRecoveredSec: "600" });
    expect((await saveRecoveryTarget(editor, input)).created).toBe(true);
    const again = await saveRecoveryTarget(editor, { ...input, lagRecoveredSec: 300 });
    expect(again.created).toBe(false);
    const rows = await listRecoveryTargets(editor, clusterId);
    expect(rows).toEqual([expect.objectContaining({ scenario: "broker_kill", leadershipSettledSec: 30, lagRecoveredSec: 300, producersStableSec: null })]);
    const context = await getNewDrillContext(editor, clusterId);
    expect(context?.targets.broker_kill?.lagRecoveredSec).toBe(300);
    await deleteRecoveryTarget(editor, rows[0].id);
    expect(await listRecoveryTargets(editor, clusterId)).toEqual([]);
    const audit = await (await getDb()).auditEvent.findMany({ where: { entityType: "recovery_target" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("needs at least one target and refuses viewers", async () => {
    const viewer = await createTestUser("viewer");
    expect(recoveryTargetInputSchema.safeParse({ clusterId: "c", scenario: "broker_kill" }).error?.issues[0].message).toBe("Set at least one target");
    const input = recoveryTargetInputSchema.parse({ clusterId: "c", scenario: "broker_kill", leadershipSettledSec: "30" });
    await expect(saveRecoveryTarget(viewer, input)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("drills", () => {
  it("records a drill, lists it with met/breached counts and audits it", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await createDrill(editor, parseDrill(clusterId, { leadershipSettledSec: "12", lagRecoveredSec: "720", peakConsumerLag: "410000" }));
    const [row] = await listDrills(editor);
    expect(row).toMatchObject({ id, clusterName: "orders-prod", scenario: "broker_kill", met: 2, breached: 1, decision: "incomplete" });
    expect(await listDrills(editor, { clusterId: "other" })).toEqual([]);
    const drill = await getDrill(editor, id);
    expect(drill?.comparisons.map((c) => [c.key, c.result])).toEqual([
      ["leadershipSettledSec", "met"],
      ["producersStableSec", "not_measured"],
      ["peakConsumerLag", "met"],
      ["lagRecoveredSec", "breached"],
      ["producerErrorCount", "not_measured"],
      ["underReplicatedPartitions", "not_measured"],
      ["recoveryTrafficMBps", "not_measured"],
      ["replicasInSyncSec", "not_measured"],
    ]);
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { entityType: "drill", entityId: id, action: "create" } })).toBe(1);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.lastDrillAt?.toISOString()).toBe("2024-05-14T10:00:00.000Z");
  });

  it("treats a measurement equal to its target as met and one above as breached", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await makeDrill(editor, clusterId, {
      leadershipSettledSec: "30",
      producersStableSec: "60.5",
      targetProducerErrors: "0",
      producerErrorCount: "0",
    });
    const results = Object.fromEntries((await getDrill(editor, id))!.comparisons.map((c) => [c.key, c.result]));
    expect(results).toMatchObject({
      leadershipSettledSec: "met",
      producersStableSec: "breached",
      producerErrorCount: "met",
      recoveryTrafficMBps: "not_measured",
    });
  });

  it("lists drills for evidence pickers with their decision", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await makeDrill(editor, clusterId);
    expect(await listDrillsForEvidence(editor, clusterId)).toEqual([
      {
        id,
        title: "Kill broker 3 at peak",
        scenario: "broker_kill",
        startedAt: new Date("2024-05-14T10:00:00Z"),
        realisticTraffic: true,
        decision: "incomplete",
      },
    ]);
  });

  it("refuses writes from viewers and reads from users without a role", async () => {
    const editor = await createTestUser("editor");
    const viewer = await createTestUser("viewer");
    const nobody = await createTestUser("none");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await makeDrill(editor, clusterId);
    await expect(createDrill(viewer, parseDrill(clusterId))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateDrill(viewer, id, 1, parseDrill(clusterId))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteDrill(viewer, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addTimelineEvent(viewer, timelineEventInputSchema.parse({ drillId: id, at: "2024-05-14T10:02:00", layer: "business", marker: "fault", label: "x" })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addFollowUp(viewer, followUpInputSchema.parse({ drillId: id, action: "x", owner: "y" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listDrills(nobody)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDrill(nobody, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDrill(viewer, id)).not.toBeNull();
    expect(await (await getDb()).drill.count()).toBe(1);
  });

  it("refuses a drill for a missing cluster and writes nothing", async () => {
    const editor = await createTestUser("editor");
    const error = await createDrill(editor, parseDrill("no-such-cluster")).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fieldErrors.clusterId).toEqual(["Choose an existing cluster"]);
    expect(await (await getDb()).auditEvent.count()).toBe(0);
  });

  it("never lets two editors overwrite each other silently", async () => {
    const alice = await createTestUser("editor", "Alice");
    const bob = await createTestUser("editor", "Bob");
    const { id: clusterId } = await makeCluster(alice);
    const { id } = await makeDrill(alice, clusterId);
    const results = await Promise.allSettled([
      updateDrill(alice, id, 1, parseDrill(clusterId, { conclusion: "alice" })),
      updateDrill(bob, id, 1, parseDrill(clusterId, { conclusion: "bob" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const stored = await getDrill(alice, id);
    expect(stored?.version).toBe(2);
    expect((lost.reason as ConflictError<{ conclusion: string }>).current.conclusion).toBe(stored?.conclusion);
  });

  it("keeps a drill on its cluster", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id: otherId } = await makeCluster(editor, "other");
    const { id } = await makeDrill(editor, clusterId);
    await expect(updateDrill(editor, id, 1, parseDrill(otherId))).rejects.toThrow(/stays on the cluster/);
  });

  it("builds a timeline with the leadership-to-applications gap, and follow-ups", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await makeDrill(editor, clusterId);
    const event = (at: string, layer: string, marker: string, label: string) =>
      addTimelineEvent(editor, timelineEventInputSchema.parse({ drillId: id, at, layer, marker, label }));
    await event("2024-05-14T10:02:00", "control_plane", "fault", "Broker 3 killed");
    await event("2024-05-14T10:02:20", "control_plane", "recovered", "Leaders re-elected");
    await event("2024-05-14T10:05:00", "data_plane", "recovered", "Producer acks stable");
    const { id: last } = await event("2024-05-14T10:09:30", "business", "recovered", "Checkout back to normal latency");
    let drill = (await getDrill(editor, id))!;
    expect(drill.gap.gapMs).toBe(7 * 60_000 + 10_000);
    await deleteTimelineEvent(editor, last);
    drill = (await getDrill(editor, id))!;
    expect(drill.gap.applicationsAt?.toISOString()).toBe("2024-05-14T10:05:00.000Z");

    const far = await event("2024-06-14T10:00:00", "business", "other", "typo").catch((e) => e);
    expect(far.fieldErrors.at[0]).toMatch(/More than 7 days/);

    const { id: f } = await addFollowUp(
      editor,
      followUpInputSchema.parse({ drillId: id, action: "Lower delivery.timeout.ms", owner: "Payments", dueDate: "2024-06-01" }),
    );
    await setFollowUpDone(editor, f, true);
    drill = (await getDrill(editor, id))!;
    expect(drill.followUps).toEqual([
      expect.objectContaining({ action: "Lower delivery.timeout.ms", owner: "Payments", done: true, dueDate: new Date("2024-06-01T00:00:00Z") }),
    ]);
  });

  it("deletes a drill with everything on it and refreshes the cluster", async () => {
    const editor = await createTestUser("editor");
    const { id: clusterId } = await makeCluster(editor);
    const { id } = await makeDrill(editor, clusterId);
    await addFollowUp(editor, followUpInputSchema.parse({ drillId: id, action: "x", owner: "y" }));
    await deleteDrill(editor, id);
    const db = await getDb();
    expect(await db.drill.count()).toBe(0);
    expect(await db.drillFollowUp.count()).toBe(0);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).lastDrillAt).toBeNull();
    await expect(deleteDrill(editor, id)).rejects.toThrow(/no longer exists/);
  });
});
