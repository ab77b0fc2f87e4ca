/**
 * How a drill's decision follows from its five matrix answers. Pure; the one rule behind the
 * drill page, reports and the readiness signals.
 *
 * - Any **red** answer decides "the recovery unit is too large", whatever the others say.
 * - Otherwise the decision is made ("the operating model holds") when every question is
 *   **green** or **does not apply**, and at least one is green: a matrix where nothing
 *   applies proves nothing.
 * - Otherwise (a question **not assessed**, or nothing green) the drill is not decided yet.
 *
 * For readiness ("a drill with no red answer"), only red answers disqualify a drill:
 * does-not-apply and not-assessed answers do not (see findQualifyingDrill).
 */
import { MATRIX_QUESTIONS, type MatrixAnswer } from "./constants";

export type MatrixDecision = "operating_model_holds" | "recovery_unit_too_large" | "incomplete";

/** The decision from the answers in MATRIX_QUESTIONS order (a missing answer is not assessed). */
export function matrixDecisionOf(answers: readonly (MatrixAnswer | undefined)[]): MatrixDecision {
  const all = MATRIX_QUESTIONS.map((_, i) => answers[i] ?? "not_assessed");
  if (all.includes("red")) return "recovery_unit_too_large";
  if (all.every((a) => a === "green" || a === "does_not_apply") && all.includes("green")) return "operating_model_holds";
  return "incomplete";
}
