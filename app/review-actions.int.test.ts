/**
 * The design review's server actions and the new API routes, called directly as a forged
 * request would (not through the UI): viewers and people of no role cannot write, role
 * "none" cannot read, a browser session cannot write through the API, and nothing is written.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { idleState, type ActionState } from "@/lib/action-state";
import type { Role } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { signedInUser, type SignedInUser } from "@/test/support/sessions";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { requestReview, signOff } from "@/lib/reviews/mutations";
import { requestReviewSchema, signOffSchema } from "@/lib/reviews/schema";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { requestReviewAction, signOffAction, markConditionMetAction } = await import("@/lib/actions/reviews");
const drillsApi = await import("@/app/api/v1/drills/route");
const evidenceApi = await import("@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route");
const scorecardApi = await import("@/app/api/v1/scorecards/[id]/route");

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState<unknown>>;

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  return data;
}

const asUser = (u: SignedInUser): CurrentUser => ({ id: u.id, name: `${u.role} person`, email: u.email, role: u.role });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A scorecard under review with an approved-with-conditions SRE sign-off, and the forms that would change it. */
async function fixtures() {
  await installTemplates();
  const admin = await signedInUser("admin");
  const approver = await signedInUser("approver");
  const cluster = await createTestCluster(asUser(admin));
  const { id: scorecardId } = await startScorecard(asUser(admin), cluster.id);
  await requestReview(
    asUser(admin),
    requestReviewSchema.parse({
      scorecardId,
      slots: [
        { role: "sre", required: true, signerIds: [approver.id] },
        { role: "security", required: true, signerIds: [approver.id] },
      ],
    }),
  );
  const db = await getDb();
  const slots = await db.reviewSlot.findMany({ where: { scorecardId }, orderBy: { role: "asc" } });
  const [security, sre] = slots;
  const { version } = await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } });
  await signOff(
    asUser(approver),
    signOffSchema.parse({ slotId: sre.id, version, decision: "approved_with_conditions", conditions: [{ what: "Zone drill", owner: "sre", dueDate: day(5) }] }),
  );
  const condition = await db.approvalCondition.findFirstOrThrow();
  const writes: [string, Action, FormData][] = [
    ["request review", requestReviewAction, form({ scorecardId, "slots.0.role": "finops", "slots.0.required": "on", "slots.0.signerIds": approver.id })],
    ["sign off", signOffAction, form({ slotId: security.id, version: String(version), decision: "approved" })],
    ["mark condition met", markConditionMetAction, form({ conditionId: condition.id })],
  ];
  return { admin, approver, clusterId: cluster.id, scorecardId, writes, conditionId: condition.id };
}

async function counts() {
  const db = await getDb();
  const [slots, approvals, met, audit, states] = await Promise.all([
    db.reviewSlot.count(),
    db.approval.count(),
    db.approvalCondition.count({ where: { metAt: { not: null } } }),
    db.auditEvent.count(),
    db.scorecard.findMany({ select: { state: true, version: true } }),
  ]);
  return { slots, approvals, met, audit, states };
}

beforeEach(() => {
  request.headers = new Headers();
});

describe("review actions refuse what the role does not allow", () => {
  it.each(["viewer", "none"] as Role[])("a %s cannot request, sign or mark a condition met", async (role) => {
    const { writes } = await fixtures();
    const user = await signedInUser(role);
    request.headers = new Headers({ cookie: user.cookie });
    const before = await counts();
    for (const [name, action, data] of writes) {
      expect(await action(idleState, data), name).toMatchObject({ status: "error", message: "You do not have permission to do that." });
    }
    expect(await counts()).toEqual(before);
  });

  it("an editor requests reviews and marks conditions met, but cannot sign; an approver signs only their own roles", async () => {
    const { writes } = await fixtures();
    const editor = await signedInUser("editor");
    request.headers = new Headers({ cookie: editor.cookie });
    const [, [, sign, signForm]] = writes;
    const before = await counts();
    expect(await sign(idleState, signForm)).toMatchObject({ status: "error", message: "You do not have permission to do that." });
    expect(await counts()).toEqual(before);
    const outsider = await signedInUser("approver");
    request.headers = new Headers({ cookie: outsider.cookie });
    expect(await sign(idleState, signForm)).toMatchObject({ status: "error", message: "You are not assigned to sign for Security on this scorecard." });
    expect(await counts()).toEqual(before);
    // what an editor may do
    request.headers = new Headers({ cookie: editor.cookie });
    const [[, requestAction, requestForm], , [, met, metForm]] = writes;
    expect(await met(idleState, metForm)).toMatchObject({ status: "ok" });
    expect(await requestAction(idleState, requestForm)).toMatchObject({
      status: "error",
      fieldErrors: { slots: [expect.stringContaining("already has decisions")] },
    });
  });

  it("the assigned approver's sign-off goes through, and bad input comes back as field errors", async () => {
    const { approver, writes } = await fixtures();
    request.headers = new Headers({ cookie: approver.cookie });
    const [, [, sign, signForm], [, met, metForm]] = writes;
    const bad = form({
      slotId: String(signForm.get("slotId")),
      version: String(signForm.get("version")),
      decision: "approved_with_conditions",
      "conditions.0.what": "Zone drill",
    });
    expect(await sign(idleState, bad)).toMatchObject({
      status: "error",
      fieldErrors: { "conditions.0.owner": ["Name who owns it"], "conditions.0.dueDate": ["Due date is required"] },
    });
    expect(await sign(idleState, signForm)).toMatchObject({ status: "ok", data: { to: "approved" } });
    expect(await met(idleState, metForm)).toMatchObject({ status: "ok" });
  });

  it("without a session every review action asks to sign in", async () => {
    const { writes } = await fixtures();
    request.headers = new Headers({ cookie: "better-auth.session_token=forged.value" });
    const before = await counts();
    for (const [name, action, data] of writes) expect(await action(idleState, data), name).toMatchObject({ status: "error", message: "Please sign in." });
    expect(await counts()).toEqual(before);
  });
});

describe("new API routes with a browser session", () => {
  it("refuse writes from any session, and reads from a person of no role", async () => {
    const { admin, clusterId, scorecardId } = await fixtures();
    const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
    const post = (path: string, cookie: string, body: unknown) =>
      new Request(`http://127.0.0.1:3000/api/v1${path}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const drill = { clusterId, scenario: "broker_kill", title: "Forged drill", startedAt: new Date().toISOString() };
    const note = { kind: "note", title: "Forged", body: "x", capturedAt: day(0) };
    for (const cookie of [admin.cookie, (await signedInUser("viewer")).cookie]) {
      const d = await drillsApi.POST(post("/drills", cookie, drill), ctx({}));
      expect(d.status).toBe(403);
      const e = await evidenceApi.POST(
        post(`/scorecards/${scorecardId}/items/observability/evidence`, cookie, note),
        ctx({ id: scorecardId, itemKey: "observability" }),
      );
      expect(e.status).toBe(403);
    }
    const none = await signedInUser("none");
    const get = (cookie: string) =>
      scorecardApi.GET(new Request(`http://127.0.0.1:3000/api/v1/scorecards/${scorecardId}`, { headers: { cookie } }), ctx({ id: scorecardId }));
    expect((await get(none.cookie)).status).toBe(403);
    expect((await get((await signedInUser("viewer")).cookie)).status).toBe(200);
    const db = await getDb();
    expect(await db.drill.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
  });
});
