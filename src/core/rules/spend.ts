/** A contract's money and term, as serials and amounts; null where not known. */
export interface SpendFacts {
  budget: number | null;
  spendToDate: number | null;
  start: number | null;
  end: number | null;
}

/** Spend against the budget profiled to date, or why the two cannot be compared. */
export type SpendAgainstBudget =
  | {
      /** Spend over the profiled budget as a fraction (0.1 = 10% over, −0.2 = 20% under). */
      variance: number;
      /** The share of the budget the term so far accounts for: budget × elapsed. */
      profiledBudget: number;
      /** The share of the term gone, 0–1 (1 once the contract has ended, or when judged against the whole budget). */
      elapsed: number;
      /** True when the term could not be profiled but spend already exceeds the whole budget: over by at least this much. */
      wholeBudget?: boolean;
    }
  | { variance: null; why: string };

// Without a term to profile over, spend beyond the whole budget is still over budget, by at least that much.
const overWhole = (spend: number, budget: number, why: string): SpendAgainstBudget =>
  spend > budget ? { variance: spend / budget - 1, profiledBudget: budget, elapsed: 1, wholeBudget: true } : { variance: null, why };

/**
 * Spend to date compared like with like: with the budget profiled to date, spread evenly over the
 * term from the start date to the end date (a straight-line profile, the default of a
 * contract's budget phasing when the register gives no profile of its own). A contract three months
 * into a four-year term is judged against 1/16 of its budget, not the whole. Null when the register
 * has no budget or no spend for it; `why` when they cannot be compared (no start or end date, the
 * term not yet begun, a budget of zero) — unless spend already exceeds the whole budget, which is
 * over budget whatever the profile (`wholeBudget`).
 * @example spendAgainstBudget({ budget: 400000, spendToDate: 30000, start: 45658, end: 47118 }, 45748).variance → 0.2 (30,000 against 25,000)
 */
export function spendAgainstBudget(facts: SpendFacts, asOf: number): SpendAgainstBudget | null {
  const { budget, spendToDate: spend, start, end } = facts;
  if (budget === null || spend === null) return null;
  if (budget <= 0) return { variance: null, why: "the budget is zero" };
  if (start === null || end === null) return overWhole(spend, budget, `no ${start === null ? "start" : "end"} date to profile the budget over the term`);
  if (end <= start) return overWhole(spend, budget, "the end date is not after the start date");
  if (asOf <= start) return overWhole(spend, budget, "the term has not begun");
  const elapsed = Math.min(1, (asOf - start) / (end - start));
  const profiledBudget = budget * elapsed;
  return { variance: spend / profiledBudget - 1, profiledBudget, elapsed };
}

/**
 * spendAgainstBudget's variance alone, building nothing: for the escalation engine, which rates
 * 100,000 contracts and explains only the few it escalates. Null where it would give none.
 * @example spendVariance({ budget: 400000, spendToDate: 30000, start: 45658, end: 47118 }, 45748) → 0.2
 */
export function spendVariance(facts: SpendFacts, asOf: number): number | null {
  const { budget, spendToDate: spend, start, end } = facts;
  if (budget === null || spend === null || budget <= 0) return null;
  if (start === null || end === null || end <= start || asOf <= start) return spend > budget ? spend / budget - 1 : null;
  return spend / (budget * Math.min(1, (asOf - start) / (end - start))) - 1;
}
