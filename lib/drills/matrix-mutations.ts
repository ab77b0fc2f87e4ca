/**
 * Saving a drill's decision matrix: the five answers in one transaction, guarded against
 * overwriting someone else's newer answers, audited, and followed by a refresh of the
 * cluster's readiness signals (a red answer keeps a scorecard from production test).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { ConflictError } from "@/lib/errors";
import { MATRIX_QUESTIONS, type MatrixAnswer } from "@/lib/domain/constants";
import { assertDrillWrite, lockDrill } from "./access";
import { evaluateMatrix, matrixVersion, type MatrixDecision } from "./rules";
import type { DecisionAnswersInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

type StoredAnswer = { question: string; answer: MatrixAnswer; rationale: string; evidence: string; answeredAt: Date | null };

/** The stored answers in the form's field names, for the "changed by someone else" messages. */
function asFormValues(stored: StoredAnswer[]): Record<string, string> {
  const out: Record<string, string> = { version: matrixVersion(stored) };
  for (const q of MATRIX_QUESTIONS) {
    const a = stored.find((s) => s.question === q);
    out[`answer_${q}`] = a?.answer ?? "not_assessed";
    out[`rationale_${q}`] = a?.rationale ?? "";
    out[`evidence_${q}`] = a?.evidence ?? "";
  }
  return out;
}

async function upsertChanged(tx: Prisma.TransactionClient, user: CurrentUser, drillId: string, input: DecisionAnswersInput, stored: StoredAnswer[]) {
  const now = new Date();
  const changed: { before: Omit<StoredAnswer, "answeredAt"> | null; after: (typeof input.answers)[number] }[] = [];
  for (const next of input.answers) {
    const prev = stored.find((s) => s.question === next.question);
    const same = prev
      ? prev.answer === next.answer && prev.rationale === next.rationale && prev.evidence === next.evidence
      : next.answer === "not_assessed" && !next.rationale && !next.evidence;
    if (same) continue;
    const data = { answer: next.answer, rationale: next.rationale, evidence: next.evidence, answeredById: user.id, answeredAt: now };
    await tx.drillDecisionAnswer.upsert({
      where: { drillId_question: { drillId, question: next.question } },
      create: { drillId, question: next.question, ...data },
      update: data,
    });
    changed.push({ before: prev ? { question: prev.question, answer: prev.answer, rationale: prev.rationale, evidence: prev.evidence } : null, after: next });
  }
  return changed;
}

/**
 * Stores the five answers. Refuses with a ConflictError (carrying the stored answers) when
 * someone saved the matrix after `input.version`. Only answers that differ are rewritten, so
 * "answered by" stays with whoever last changed each one.
 */
export async function saveDecisionAnswers(
  user: CurrentUser,
  input: DecisionAnswersInput,
): Promise<{ drillId: string; decision: MatrixDecision; changed: number }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const drill = await lockDrill(tx, input.drillId);
    const stored: StoredAnswer[] = await tx.drillDecisionAnswer.findMany({
      where: { drillId: drill.id },
      select: { question: true, answer: true, rationale: true, evidence: true, answeredAt: true },
    });
    if (matrixVersion(stored) !== input.version) {
      // the matrix's version is the time of its latest answer, which is also when they saved
      const current = { ...asFormValues(stored), updatedAt: matrixVersion(stored) };
      throw new ConflictError("Someone else saved this decision matrix after you opened it. Review their answers, then save again.", current);
    }
    const changed = await upsertChanged(tx, user, drill.id, input, stored);
    const decision = evaluateMatrix(Object.fromEntries(input.answers.map((a) => [a.question, a.answer]))).decision;
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: user,
        action: "answer_matrix",
        entityType: "drill",
        entityId: drill.id,
        clusterId: drill.clusterId,
        before: changed.map((c) => c.before),
        after: { answers: changed.map((c) => c.after), decision },
      });
      await afterClusterChange(tx, drill.clusterId);
    }
    return { drillId: drill.id, decision, changed: changed.length };
  });
}
