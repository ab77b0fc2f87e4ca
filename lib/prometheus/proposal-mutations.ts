/**
 * Deciding a proposed matrix answer: a person confirms it (the answer and its rationale become
 * the drill's answer) or changes it (their answer is stored, the proposal is marked changed).
 * Nothing computed becomes an answer without this step.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { NotFoundError } from "@/lib/errors";
import type { ProposalDecisionInput } from "@/lib/prometheus/datasource-schema";
import { assertDrillWrite, lockDrill } from "@/lib/drills/access";
import { writeTransaction } from "@/lib/write/transaction";

/** Confirms (same answer) or changes (other answer) a proposal and stores the drill's answer. */
export async function decideProposal(user: CurrentUser, input: ProposalDecisionInput): Promise<{ status: "confirmed" | "changed" }> {
  assertDrillWrite(user);
  const db = await getDb();
  const owner = await db.drill.findUnique({ where: { id: input.drillId }, select: { clusterId: true } });
  if (!owner) throw new NotFoundError("This drill no longer exists.");
  return writeTransaction(async (tx) => {
    await lockCluster(tx, owner.clusterId);
    const drill = await lockDrill(tx, input.drillId);
    const proposal = await tx.drillMatrixProposal.findUnique({ where: { drillId_question: { drillId: drill.id, question: input.question } } });
    if (!proposal) throw new NotFoundError("There is no proposal for this question; pull metrics first.");
    const status = input.answer === proposal.answer ? "confirmed" : "changed";
    const rationale = input.rationale || proposal.rationale;
    const evidence = `Computed from Prometheus on ${proposal.proposedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    const before = await tx.drillDecisionAnswer.findUnique({
      where: { drillId_question: { drillId: drill.id, question: input.question } },
      select: { answer: true, rationale: true, evidence: true },
    });
    const data = { answer: input.answer, rationale, evidence, answeredById: user.id, answeredAt: new Date() };
    await tx.drillDecisionAnswer.upsert({
      where: { drillId_question: { drillId: drill.id, question: input.question } },
      create: { drillId: drill.id, question: input.question, ...data },
      update: data,
    });
    await tx.drillMatrixProposal.update({ where: { id: proposal.id }, data: { status, decidedById: user.id, decidedAt: new Date() } });
    await recordAudit(tx, {
      actor: user,
      action: status === "confirmed" ? "confirm_proposal" : "change_proposal",
      entityType: "drill",
      entityId: drill.id,
      clusterId: drill.clusterId,
      before,
      after: { question: input.question, proposed: proposal.answer, answer: input.answer, rationale },
    });
    await afterClusterChange(tx, drill.clusterId);
    return { status };
  });
}
