import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { addDrill, makeCluster } from "@/test/support/portfolio-fixtures";
import { saveRecoverySettings } from "./mutations";
import { getRecoveryModelData } from "./queries";
import { recoverySettingsSchema } from "./settings-schema";

describe("recovery model data", () => {
  it("loads the cluster's knobs and its latest measured drills (at most three, newest first)", async () => {
    const viewer = await createTestUser("viewer");
    const c = await makeCluster();
    await addDrill(c.id, new Date("2026-01-01"), [], {});
    for (const [day, lag] of [
      ["2026-02-01", 100],
      ["2026-03-01", 200],
      ["2026-04-01", 300],
      ["2026-05-01", 400],
    ] as const) {
      await addDrill(c.id, new Date(day), [], { lagRecoveredSec: lag, recoveryTrafficMBps: 90 });
    }
    const data = await getRecoveryModelData(viewer, c.id);
    expect(data!.cluster).toMatchObject({ brokerNetworkMBps: 1250, reassignmentThrottleMBps: 100, crossZonePricePerGb: 0.02 });
    expect(data!.drills.map((d) => d.lagRecoveredSec)).toEqual([400, 300, 200]);
    expect(await getRecoveryModelData(viewer, "missing")).toBeNull();
    await expect(getRecoveryModelData(await createTestUser("none"), c.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("saves the knobs with an audit event, refuses viewers and detects concurrent saves", async () => {
    const editor = await createTestUser("editor");
    const c = await makeCluster();
    const input = (revision: number, throttle: string) =>
      recoverySettingsSchema.parse({
        id: c.id,
        revision: String(revision),
        brokerNetworkMBps: "2500",
        reassignmentThrottleMBps: throttle,
        crossZonePricePerGb: "0.01",
      });
    await expect(saveRecoverySettings(await createTestUser("viewer"), input(1, "200"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await saveRecoverySettings(editor, input(1, "200"))).toEqual({ id: c.id, revision: 2 });
    const lost = await saveRecoverySettings(editor, input(1, "300")).catch((e) => e);
    expect(lost).toBeInstanceOf(ConflictError);
    const db = await getDb();
    expect(await db.cluster.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      brokerNetworkMBps: 2500,
      reassignmentThrottleMBps: 200,
      crossZonePricePerGb: 0.01,
      revision: 2,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: "update" } });
    expect(audit.after).toMatchObject({ reassignmentThrottleMBps: 200 });
  });

  it("rejects out-of-range knobs with readable messages", () => {
    const parsed = recoverySettingsSchema.safeParse({
      id: "x",
      revision: "1",
      brokerNetworkMBps: "0",
      reassignmentThrottleMBps: "abc",
      crossZonePricePerGb: "-1",
    });
    expect(parsed.success).toBe(false);
    expect(Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      brokerNetworkMBps: "Broker network capacity must be at least 1",
      reassignmentThrottleMBps: "Reassignment throttle must be a number",
      crossZonePricePerGb: "Cross-zone price cannot be negative",
    });
  });
});
