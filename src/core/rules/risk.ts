import type { Rag } from "./rag";

/** A risk's score at or above which it is Red, and Amber: as set-up's formula on the Risks table has them. */
export const RISK_RED_AT = 15;
export const RISK_AMBER_AT = 8;

/**
 * A risk's RAG from its score (likelihood × impact, each 1–5, so 1–25): Red at 15 or more, Amber
 * at 8 or more, else Green; null without a score. The common 5×5 risk matrix's bands, as the Risks
 * table's RAG formula writes them.
 * @example riskRag(20) → "Red"; riskRag(8) → "Amber"; riskRag(null) → null
 */
export function riskRag(score: number | null): Rag | null {
  if (score === null) return null;
  return score >= RISK_RED_AT ? "Red" : score >= RISK_AMBER_AT ? "Amber" : "Green";
}

/** Likelihood × impact, or null when either is not a number. @example riskScore(4, 5) → 20 */
export function riskScore(likelihood: unknown, impact: unknown): number | null {
  return typeof likelihood === "number" && typeof impact === "number" && Number.isFinite(likelihood) && Number.isFinite(impact) ? likelihood * impact : null;
}
