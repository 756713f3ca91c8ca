import type { EndDateFacts, EndDateGapKind } from "./endDates";
import type { NormalisedRow } from "./normalise";
import type { EscalationLevel, Tier } from "./rules/escalation";
import type { Rag } from "./rules/rag";

// What the escalation summary (core/escalationSummary) is made of: the contracts it ranks, the
// ones it lists apart, the decisions coming up and the ladder's names. The engine, the contract
// card, the renderers and the pane all speak these types.

/** Who each step of the ladder goes to (Settings `ladder_level_1` … `ladder_level_3`). */
export type LadderNames = Readonly<Record<1 | 2 | 3, string>>;

export const DEFAULT_LADDER: LadderNames = Object.freeze({
  1: "Contract manager",
  2: "Commercial lead / head of service",
  3: "Senior responsible owner / board",
});

/** The tracker's tables as typed rows (core/normalise). Only Contracts is required. */
export interface TrackerRows {
  contracts: readonly NormalisedRow[];
  milestones?: readonly NormalisedRow[];
  kpis?: readonly NormalisedRow[];
  /** The Escalations log: how long a contract has been in its status, and what is already open. */
  escalations?: readonly NormalisedRow[];
  /** What the Contracts table says of its end dates (core/endDates): a likely stand-in, the unreadable ones. */
  endDates?: EndDateFacts;
  /** The Risks table: an open Red risk is among a contract's reasons. */
  risks?: readonly NormalisedRow[];
}

/** Which contract an entry is and what it is called, as every list of the summary names it. */
export interface ContractHeading {
  /** 1-based sheet row of the contract, so a view can select it. */
  row: number;
  id: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
}

/** One contract as the summary shows it. Dates are serials; null where not known. */
export interface SummaryContract extends ContractHeading {
  tier: Tier | null;
  /** Null is Unrated: the end date is not a real one (see endDateGap) and nothing else is Amber or Red. */
  rag: Rag | null;
  level: EscalationLevel;
  /** Who the level goes to, from the ladder names. */
  escalateTo: string;
  /** Why it is at this level, most serious first. */
  reasons: string[];
  /** The one thing to do next. */
  action: string;
  endDate: number | null;
  daysToExpiry: number | null;
  noticeDate: number | null;
  daysToNotice: number | null;
  /** The date to decide whether to extend or re-procure (rules/decideBy), and days left to it; negative once passed. */
  decideBy: number | null;
  daysToDecide: number | null;
  worstSlippage: number | null;
  worstMilestone: string | null;
  kpiAttainment: number | null;
  worstKpi: string | null;
  /** Whole-life value, or the annual value where the register has no whole-life value. */
  value: number | null;
  /** The currency of `value` (ISO 4217) where the register said it; null where it did not. */
  currency: string | null;
  /** Days since an open log entry first recorded the current RAG; 0 when the log has none. */
  daysInStatus: number;
  /** The open log entry at this level or above, if the contract is already escalated. */
  openEscalation: string | null;
  /** The end date has passed with no replacement recorded in the register's status. */
  expiredWithoutReplacement: boolean;
  /** The notice date has passed, the contract has not ended, and no decision is recorded. */
  noticeMissed: boolean;
  /**
   * A decision is due and none is recorded: the notice date is missed or within the amber window,
   * or the contract has ended or ends within the red window, and the status records no decision.
   */
  decisionNeeded: boolean;
  /** Why the end date cannot be rated on, in words (`No real end date: 31/12/2099 is a stand-in`); null when it is a real date. */
  endDateGap: string | null;
  /** Ended more than `stale_after_days` ago with no closing status: probably closed, to confirm — never escalated. */
  probablyClosed: boolean;
  /** The register's status says the contract is over (Completed, Terminated …): not rated, not escalated. */
  closed: boolean;
  /** In a portfolio roll-up (core/portfolio), the file the contract was read from. */
  file?: string;
}

/** A contract left out of the ratings, as the summary lists it: unrated, or probably closed. */
export interface ListedContract extends ContractHeading {
  /** Whole-life value, or the annual value where the register has no whole-life value. */
  value: number | null;
  currency: string | null;
  /** The register's end date as a serial, if it has a real one. */
  endDate: number | null;
  /** Unrated: why the end date cannot be rated on. Probably closed: how long ago it ended, in words. */
  reason: string;
  /** Unrated: the kind of gap the reason words (core/endDates); absent for probably closed. */
  gapKind?: EndDateGapKind;
  /** The register's own status text, as written. */
  status: string;
  /** In a portfolio roll-up (core/portfolio), the file the contract was read from. */
  file?: string;
}

/** How far ahead the summary and the dashboard list decide-by dates coming up, in days. */
export const DECISIONS_WITHIN_DAYS = 90;

/** A decision to extend or re-procure due within DECISIONS_WITHIN_DAYS, whatever the contract's level. */
export interface ComingDecision extends ContractHeading {
  tier: Tier | null;
  /** The decide-by date (a serial) and the days left to it, 0 to DECISIONS_WITHIN_DAYS. */
  decideBy: number;
  daysToDecide: number;
  /** In a portfolio roll-up (core/portfolio), the file the contract was read from. */
  file?: string;
}

/** The windows of a register's Settings the summary's words name, in days. */
export interface SummaryWindows {
  expiryRedDays: number;
  staleAfterDays: number;
}

/** A sum of money in one currency (ISO 4217); currency null where the register did not say one. */
export interface MoneyTotal {
  currency: string | null;
  amount: number;
}

/**
 * What the contracts escalated beyond their contract manager (level 2 or 3) are worth: the
 * whole-life value of each, or its annual value where the register gives no whole-life value.
 * Amounts in different currencies are never added together.
 */
export interface ValueAtRisk {
  /** One total per currency, largest first; empty when no such contract has a value. */
  totals: MoneyTotal[];
  /** Contracts at level 2 or 3 (all of them, with a value or not). */
  contracts: number;
  /** Of those, the ones whose value is blank or unreadable, so not in the totals. */
  contractsWithoutValue: number;
  /** Of those, the ones counted at their annual value, having no whole-life value. */
  annualOnly: number;
}

/** The ladder levels whose contracts' value is the value at risk. */
export const AT_RISK_FROM_LEVEL = 2;

export interface EscalationSummary {
  asOf: number;
  /**
   * Every contract read is in exactly one of: Red, Amber, Green (live and rated), unrated (no real
   * end date, nothing worse known), stale (probably closed) or closed:
   * red + amber + green + unrated + staleContracts + closedContracts = totalContracts.
   */
  counts: { red: number; amber: number; green: number; unrated: number };
  /** Escalated contracts by level. */
  byLevel: { 1: number; 2: number; 3: number };
  /** Sum of `value` over escalated contracts, by currency; null when the register has no value column. */
  valueAtRisk: ValueAtRisk | null;
  /** Contracts at level 1 or above, most urgent first. */
  contracts: SummaryContract[];
  /** Contracts read, and those left out because their status says they are closed. */
  totalContracts: number;
  closedContracts: number;
  /** Ended more than `staleAfterDays` ago with no closing status; listed apart, never escalated. */
  staleContracts: number;
  /** The stale contracts, longest ended first. */
  stale: ListedContract[];
  /** The unrated contracts with their reasons, biggest by value first (no value last). */
  unrated: ListedContract[];
  /** Live contracts whose decide-by date falls in the next DECISIONS_WITHIN_DAYS days (today included), soonest first; none whose status records a decision. */
  decisionsComing: ComingDecision[];
  staleAfterDays: number;
  /** Settings' expiry_red_days, for saying which contracts came within it lately. */
  expiryRedDays: number;
  ladder: LadderNames;
  /** The locale its dates are written in (core/dateWords): renderers write the as-of date and the columns of dates the same way. */
  dateLocale: string;
  /**
   * In a portfolio roll-up, each file's own windows by file name (core/portfolio): a contract is
   * judged by its own file's Settings, and the words name every window the files use.
   */
  windowsByFile?: ReadonlyMap<string, SummaryWindows>;
}

/** Ladder names from Settings rows (`ladder_level_1` …), over the defaults. */
export function ladderFromSettings(rows: readonly (readonly unknown[])[]): LadderNames {
  const names: Record<1 | 2 | 3, string> = { ...DEFAULT_LADDER };
  for (const [name, value] of rows) {
    const m = /^ladder_level_([123])$/.exec(String(name ?? "").trim().toLowerCase());
    if (m && typeof value === "string" && value.trim() !== "") names[Number(m[1]) as 1 | 2 | 3] = value.trim();
  }
  return names;
}
