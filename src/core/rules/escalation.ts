import type { Rag } from "./rag";

/** 0 none · 1 contract manager · 2 commercial lead / head of service · 3 senior responsible owner / board. */
export type EscalationLevel = 0 | 1 | 2 | 3;

/** Contract tiers; Gold contracts go straight to the board when Red. */
export type Tier = "Gold" | "Silver" | "Bronze";

/**
 * Reads a tier name in any case, or null: null for blank (no tier) and for anything else alike, so
 * a caller with a non-blank cell and a null tier has a tier it cannot read. Such a tier is never
 * taken for no tier in silence: the cell functions return #VALUE! with tierNotRecognised's words,
 * and the engine, which must still rank the contract, lists it as a data-quality problem in the
 * same words (core/normalise).
 * @example parseTier("gold") → "Gold"; parseTier("Gld") → null
 */
export function parseTier(text: string): Tier | null {
  switch (text.trim().toLowerCase()) {
    case "gold":
      return "Gold";
    case "silver":
      return "Silver";
    case "bronze":
      return "Bronze";
    default:
      return null;
  }
}

/**
 * Why a tier cannot be read, naming the tiers accepted: the same words as #VALUE! in
 * ESCALATIONLEVEL and DECIDEBY and as a data-quality problem of the register. `shown` is the cell
 * as a message quotes it (text in quotes).
 * @example tierNotRecognised('"Gld"') → 'Tier "Gld" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier'
 */
export function tierNotRecognised(shown: string): string {
  return `Tier ${shown} not recognised: use Gold, Silver or Bronze, or leave it blank for no tier`;
}

/** What the ladder weighs beyond the status; extra conditions are known to the tracker, not the cell function. */
export interface EscalationFacts {
  rag: Rag;
  daysInStatus: number;
  tier: Tier | null;
  /** expired with no replacement in place */
  expiredWithoutReplacement?: boolean;
  noticeDateMissed?: boolean;
}

/**
 * The step on the escalation ladder (PRODUCT.md): Green 0; Amber 1, or 2 after more than
 * `persistDays`; Red 2, or 3 after more than `persistDays`, on a Gold contract, when expired with
 * no replacement or when the notice date was missed.
 * @example escalationLevel({ rag: "Red", daysInStatus: 0, tier: "Gold" }, 30) → 3
 */
export function escalationLevel(facts: EscalationFacts, persistDays: number): EscalationLevel {
  if (facts.expiredWithoutReplacement || facts.noticeDateMissed) return 3;
  const persisted = facts.daysInStatus > persistDays;
  switch (facts.rag) {
    case "Green":
      return 0;
    case "Amber":
      return persisted ? 2 : 1;
    case "Red":
      return persisted || facts.tier === "Gold" ? 3 : 2;
  }
}
