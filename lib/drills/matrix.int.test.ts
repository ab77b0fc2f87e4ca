import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { MATRIX_QUESTIONS } from "@/lib/domain/constants";
import { saveDecisionAnswers } from "./matrix-mutations";
import { getDrill, listDrills } from "./queries";
import { decisionAnswersSchema } from "./schema";
import { makeCluster, makeDrill } from "@/test/support/drills";

/** A form submission: every question green with a rationale, then the overrides. */
function form(drillId: string, version: string, overrides: Record<string, string> = {}) {
  const raw: Record<string, string> = { drillId, version };
  for (const q of MATRIX_QUESTIONS) {
    raw[`answer_${q}`] = "green";
    raw[`rationale_${q}`] = `fine: ${q}`;
  }
  return decisionAnswersSchema.parse({ ...raw, ...overrides });
}

async function setup() {
  const editor = await createTestUser("editor");
  const { id: clusterId } = await makeCluster(editor);
  const recent = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19);
  const { id: drillId } = await makeDrill(editor, clusterId, { startedAt: recent, endedAt: "" });
  return { editor, clusterId, drillId };
}

describe("decision matrix", () => {
  it("asks for a rationale on green and red answers", () => {
    const r = decisionAnswersSchema.safeParse({ drillId: "d", answer_rollback_known: "red" });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ["rationale_rollback_known"], message: "Say why: a green or red answer needs a rationale" }),
    ]);
    expect(decisionAnswersSchema.safeParse({ drillId: "d", answer_rollback_known: "amber" }).error?.issues[0].message).toBe(
      "Choose green, red, does not apply or not assessed",
    );
    expect(decisionAnswersSchema.safeParse({ drillId: "d", answer_capacity_helps_quickly: "does_not_apply" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["rationale_capacity_helps_quickly"], message: "Say why this question does not apply to this drill" }),
    ]);
  });

  it("decides from the answers, flags the cluster's open red answers and audits the change", async () => {
    const { editor, clusterId, drillId } = await setup();
    const all = await saveDecisionAnswers(editor, form(drillId, ""));
    expect(all).toMatchObject({ decision: "operating_model_holds", changed: 5 });
    let drill = (await getDrill(editor, drillId))!;
    expect(drill.matrix.decision).toBe("operating_model_holds");
    expect(drill.answerMap.governance_intact).toMatchObject({ answer: "green", answeredBy: { name: editor.name } });

    const version = drill.answerMap.governance_intact!.answeredAt!.toISOString();
    const red = await saveDecisionAnswers(
      editor,
      form(drillId, version, {
        answer_bounded_storage_work: "red",
        rationale_bounded_storage_work: "Replica catch-up ran 25 min at the throttle",
        evidence_bounded_storage_work: "grafana.example/d/urp",
      }),
    );
    expect(red).toMatchObject({ decision: "recovery_unit_too_large", changed: 1 });
    drill = (await getDrill(editor, drillId))!;
    expect(drill.matrix.reasons).toEqual(["Storage and replication work dominated the recovery."]);
    expect((await listDrills(editor))[0]).toMatchObject({ decision: "recovery_unit_too_large", redAnswers: 1 });

    const db = await getDb();
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).openRedAnswers).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { action: "answer_matrix" }, orderBy: { seq: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[1].after).toMatchObject({
      decision: "recovery_unit_too_large",
      answers: [expect.objectContaining({ question: "bounded_storage_work", answer: "red" })],
    });
  });

  it("refuses to overwrite answers saved by someone else since the form was opened", async () => {
    const { editor, drillId } = await setup();
    const bob = await createTestUser("editor", "Bob");
    await saveDecisionAnswers(editor, form(drillId, ""));
    const error = await saveDecisionAnswers(bob, form(drillId, "", { answer_rollback_known: "red", rationale_rollback_known: "improvised" })).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({ answer_rollback_known: "green", rationale_rollback_known: "fine: rollback_known" });
    expect((await getDrill(editor, drillId))!.answerMap.rollback_known?.answer).toBe("green");
  });

  it("saves nothing when nothing changed, and refuses viewers", async () => {
    const { editor, drillId } = await setup();
    const viewer = await createTestUser("viewer");
    await expect(saveDecisionAnswers(viewer, form(drillId, ""))).rejects.toBeInstanceOf(ForbiddenError);
    const none = decisionAnswersSchema.parse({ drillId, version: "" });
    expect(await saveDecisionAnswers(editor, none)).toMatchObject({ decision: "incomplete", changed: 0 });
    expect(await (await getDb()).drillDecisionAnswer.count()).toBe(0);
  });
});
