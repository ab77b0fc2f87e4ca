import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { createCluster, updateCluster } from "@/lib/clusters/mutations";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { clusterFields } from "@/test/support/scorecards";
import { createTestUser } from "@/test/support/users";
import { addTeamMember, createTeam, removeTeamMember, renameTeam, setTeamArchived, setTeamMemberRole } from "./mutations";
import { getTeam, listTeams } from "./queries";

const cluster = (name: string, ownerTeam: string) => clusterInputSchema.parse(clusterFields({ name, ownerTeam }));

async function teamEvents(teamId: string) {
  const events = await (await getDb()).auditEvent.findMany({ where: { entityType: "team", entityId: teamId }, orderBy: { seq: "asc" } });
  return events.map((e) => e.action);
}

async function rowCounts() {
  const db = await getDb();
  return { teams: await db.team.count(), members: await db.teamMember.count(), events: await db.auditEvent.count() };
}

describe("teams (Admin → Teams)", () => {
  it("creates, renames (with its clusters' owner team), archives and restores, each audited", async () => {
    const admin = await createTestUser("admin");
    const { id } = await createTeam(admin, { name: "  Payments   Core " });
    await expect(createTeam(admin, { name: "payments core" })).rejects.toMatchObject({
      fieldErrors: { name: [expect.stringContaining("“Payments Core” already exists")] },
    });
    const a = await createCluster(admin, cluster("pay-a", "PAYMENTS core"));
    await createCluster(admin, cluster("pay-b", "payments  Core"));
    const db = await getDb();
    expect(await db.cluster.findMany({ select: { ownerTeam: true, teamId: true } })).toEqual([
      { ownerTeam: "Payments Core", teamId: id },
      { ownerTeam: "Payments Core", teamId: id },
    ]);

    expect(await renameTeam(admin, { teamId: id, name: "Payments" })).toEqual({ clusters: 2 });
    expect((await db.cluster.findUniqueOrThrow({ where: { id: a.id } })).ownerTeam).toBe("Payments");
    const other = await createTeam(admin, { name: "Orders" });
    await expect(renameTeam(admin, { teamId: other.id, name: "PAYMENTS" })).rejects.toMatchObject({ status: 409 });

    await setTeamArchived(admin, { teamId: id, archived: true });
    expect((await listTeams(admin)).map((t) => [t.name, t.clusterCount, Boolean(t.archivedAt)])).toEqual([
      ["Orders", 0, false],
      ["Payments", 2, true],
    ]);
    await setTeamArchived(admin, { teamId: id, archived: false });
    expect(await teamEvents(id)).toEqual(["create", "rename", "archive", "unarchive"]);
  });

  it("adds members with a role, changes the role and removes them, each audited", async () => {
    const admin = await createTestUser("admin");
    const editor = await createTestUser("editor", "Erin");
    const { id } = await createTeam(admin, { name: "Orders" });
    await addTeamMember(admin, { teamId: id, userId: editor.id, role: "member" });
    await expect(addTeamMember(admin, { teamId: id, userId: editor.id, role: "maintainer" })).rejects.toMatchObject({ status: 409 });
    await expect(addTeamMember(admin, { teamId: id, userId: "nobody", role: "member" })).rejects.toMatchObject({ fieldErrors: { userId: expect.any(Array) } });
    await setTeamMemberRole(admin, { teamId: id, userId: editor.id, role: "maintainer" });
    expect((await getTeam(admin, id))?.members).toEqual([{ userId: editor.id, name: "Erin", email: editor.email, role: "maintainer" }]);
    await removeTeamMember(admin, { teamId: id, userId: editor.id });
    expect((await getTeam(admin, id))?.members).toEqual([]);
    expect(await teamEvents(id)).toEqual(["create", "add_member", "change_member_role", "remove_member"]);
    const removal = await (await getDb()).auditEvent.findFirstOrThrow({ where: { action: "remove_member" } });
    expect(removal.before).toMatchObject({ email: editor.email, role: "maintainer" });
  });

  it("refuses every team change and read to non-admins, writing nothing", async () => {
    const admin = await createTestUser("admin");
    const { id } = await createTeam(admin, { name: "Orders" });
    const before = await rowCounts();
    for (const role of ["viewer", "editor", "approver", "none"] as const) {
      const person = await createTestUser(role);
      const attempts = [
        createTeam(person, { name: "Mine" }),
        renameTeam(person, { teamId: id, name: "Mine" }),
        setTeamArchived(person, { teamId: id, archived: true }),
        addTeamMember(person, { teamId: id, userId: person.id, role: "maintainer" }),
        setTeamMemberRole(person, { teamId: id, userId: person.id, role: "maintainer" }),
        removeTeamMember(person, { teamId: id, userId: person.id }),
        listTeams(person),
        getTeam(person, id),
      ];
      for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rowCounts()).toEqual(before);
    const team = await (await getDb()).team.findUniqueOrThrow({ where: { id } });
    expect(team).toMatchObject({ name: "Orders", archivedAt: null });
  });
});

describe("a cluster's owner team", () => {
  it("lands every case and spacing variant on one team, created once and audited", async () => {
    const editor = await createTestUser("editor");
    const first = await createCluster(editor, cluster("c-1", " Orders  Platform"));
    await createCluster(editor, cluster("c-2", "orders platform"));
    const third = await createCluster(editor, cluster("c-3", "Search"));
    await updateCluster(editor, third.id, 1, cluster("c-3", "ORDERS PLATFORM "));
    const db = await getDb();
    const teams = await db.team.findMany({ select: { id: true, name: true } });
    expect(teams.map((t) => t.name).sort()).toEqual(["Orders Platform", "Search"]);
    const orders = teams.find((t) => t.name === "Orders Platform")!;
    const clusters = await db.cluster.findMany({ select: { name: true, ownerTeam: true, teamId: true }, orderBy: { name: "asc" } });
    expect(clusters).toEqual(["c-1", "c-2", "c-3"].map((name) => ({ name, ownerTeam: "Orders Platform", teamId: orders.id })));
    // one event per cluster write: the cluster's own names the team it created
    const events = await db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { entityType: true, entityId: true, after: true } });
    expect(events.map((e) => e.entityType)).toEqual(["cluster", "cluster", "cluster", "cluster"]);
    expect(events[0]).toMatchObject({ entityId: first.id, after: { ownerTeam: "Orders Platform", teamId: orders.id, newTeam: "Orders Platform" } });
    expect(events[1].after).not.toHaveProperty("newTeam");
  });

  it("refuses an archived team for a new cluster with a field error; its own clusters keep it", async () => {
    const admin = await createTestUser("admin");
    const editor = await createTestUser("editor");
    const kept = await createCluster(editor, cluster("kept", "Legacy"));
    const team = await (await getDb()).team.findUniqueOrThrow({ where: { key: "legacy" } });
    await setTeamArchived(admin, { teamId: team.id, archived: true });
    const clustersBefore = await (await getDb()).cluster.count();

    const refused = await createCluster(editor, cluster("new-one", "legacy")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors.ownerTeam).toEqual([expect.stringContaining("“Legacy” is archived")]);
    expect(await (await getDb()).cluster.count()).toBe(clustersBefore);
    const other = await createCluster(editor, cluster("other", "Fresh"));
    await expect(updateCluster(editor, other.id, 1, cluster("other", "LEGACY"))).rejects.toMatchObject({ fieldErrors: { ownerTeam: expect.any(Array) } });

    // editing the archived team's own cluster keeps working
    await updateCluster(editor, kept.id, 1, { ...cluster("kept", "legacy"), notes: "still ours" });
    expect(await (await getDb()).cluster.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      teamId: team.id,
      ownerTeam: "Legacy",
      notes: "still ours",
    });
  });
});
