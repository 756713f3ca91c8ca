import type { ContractStatus } from "./contractStatus";
import { dateInWords } from "./dateWords";
import { leadTimeDays } from "./rules/decideBy";
import { Tier, tierNotRecognised } from "./rules/escalation";
import { ragComponents, ragConcerns } from "./rules/rag";
import { RISK_RED_AT } from "./rules/risk";
import type { SpendAgainstBudget } from "./rules/spend";
import type { TrackerSettings } from "./settings";

// Why a contract is where it is on the ladder, and the one thing to do next, in the contract
// manager's words: the sentences of the escalation summary (core/escalationSummary), the contract
// card and the escalation log. The figures come from core/contractAssessment; this file only
// writes them. Dates are written in words through core/dateWords.

/**
 * The sentence as one flat string. A sentence built by concatenation is held by V8 as a rope of its
 * pieces, about twice the memory of its text; reading one character flattens it. The summary keeps
 * the sentences of tens of thousands of escalated contracts (measured over 36,052 escalated
 * contracts: 36.5 MB held before, 25.7 MB after), so each is flattened as it is made.
 */
const flat = (sentence: string): string => {
  sentence.charCodeAt(0);
  return sentence;
};

/** "1 day", "21 days". */
export const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;
/** "in 21 days", "in 1 day", or "today". */
const inDays = (n: number): string => (n === 0 ? "today" : `in ${days(n)}`);
/** 0.925 → "92.5%". */
const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/**
 * "Ended 4 Jun 2015, 4,071 days ago, with no closing status": why a contract is listed as
 * probably closed. `end` and `asOf` are Excel serials.
 * @example endedLongAgo(42159, 46230, "en-GB") → "Ended 4 Jun 2015, 4,071 days ago, with no closing status"
 */
export const endedLongAgo = (end: number, asOf: number, locale: string): string =>
  `Ended ${dateInWords(end, locale)}, ${(asOf - end).toLocaleString(locale)} days ago, with no closing status`;

/** A contract's worst slipping milestone: days late and its name. */
export interface WorstMilestone {
  days: number;
  name: string;
}

/** A contract's worst KPI: attainment as a fraction (1 = 100%) and its name. */
export interface WorstKpi {
  attainment: number;
  name: string;
}

/** What the sentences about a live contract are written from (core/contractAssessment works them out). */
export interface ContractFacts {
  status: ContractStatus;
  /** The real end date (serial), or null where the end date is not a real one. */
  end: number | null;
  asOf: number;
  settings: TrackerSettings;
  expired: boolean;
  expiredWithoutReplacement: boolean;
  noticeMissed: boolean;
  /** The register's status records a decision (Extended, Re-procurement under way …). */
  decided: boolean;
  /** The register's own status text, as written. */
  registerStatus: string;
  milestone: WorstMilestone | null;
  kpi: WorstKpi | null;
  /** The spend comparison behind status.spendVariance, when there is one. */
  spend: SpendAgainstBudget | null;
  /** Why the end date cannot be rated on, in words; null when it is a real date. */
  endDateGap: string | null;
  daysInStatus: number;
  tier: Tier | null;
  /** The tier cell as a message quotes it (`"Gld"`) where it names no tier the tracker knows; else null. */
  unrecognisedTier: string | null;
  /** The register writes extension options for the contract. */
  hasExtensions: boolean;
  /** The contract's open Red risks, highest score first. */
  redRisks: readonly { score: number; name: string }[];
  /** The locale dates are written in (core/dateWords). */
  locale: string;
}

/** What spend was compared with, in words: "the budget profiled to date (25% of the term gone)", or "the whole budget". */
function spendBasis(spend: Extract<SpendAgainstBudget, { variance: number }>): string {
  return spend.wholeBudget ? "the whole budget" : spend.elapsed >= 1 ? "the budget" : `the budget profiled to date (${percent(spend.elapsed)} of the term gone)`;
}

/**
 * Why a live contract is at its level, most serious first: a passed end or notice date, then each
 * Red or Amber part of its RAG in RAG's order (expiry, milestone, KPI, spend, decide-by date) with
 * the figures and the rule (Settings thresholds), how long it has been at that RAG, a Red Gold-tier
 * contract, a tier it cannot read (so the level weighed none), its open Red risks (score 15 or more of 25, core/rules/risk) and why its end date
 * cannot be rated on. An array of sentences; empty when nothing is wrong.
 * @example contractReasons(facts)[0] → "Expires 1 Aug 2027, in 21 days (red at 90 or fewer)"
 */
export function contractReasons(f: ContractFacts): string[] {
  const { status, end, settings } = f;
  const reasons: string[] = [];
  if (f.expiredWithoutReplacement && end !== null) reasons.push(`Expired ${days(-(status.daysToExpiry ?? 0))} ago (${dateInWords(end, f.locale)}) with no replacement recorded`);
  if (f.noticeMissed && status.noticeDate !== null) reasons.push(`Notice date ${dateInWords(status.noticeDate, f.locale)} passed ${days(f.asOf - status.noticeDate)} ago with no decision recorded`);
  const inputs = {
    daysToExpiry: status.daysToExpiry,
    slippageDays: status.slippage,
    kpiAttainment: status.kpiAttainment,
    spendVariance: status.spendVariance,
    daysToDecide: status.daysToDecide,
    daysToNotice: status.daysToNotice,
  };
  for (const c of ragConcerns(inputs, settings)) {
    if (c.kind === "expiry") {
      if (end === null) continue;
      if (!f.expired) reasons.push(`Expires ${dateInWords(end, f.locale)}, ${inDays(status.daysToExpiry ?? 0)} (${c.rule})`);
      else if (f.decided) reasons.push(`End date ${dateInWords(end, f.locale)} passed ${days(-(status.daysToExpiry ?? 0))} ago; the register's status says "${f.registerStatus}"`);
    } else if (c.kind === "decide-by") {
      // A decision the register's status already records (Extension agreed, Re-procurement under way) is said as recorded, not as missing.
      if (status.decideBy !== null) {
        const passed = `Decide by ${dateInWords(status.decideBy, f.locale)} passed ${days(-(status.daysToDecide ?? 0))} ago`;
        reasons.push(f.decided ? `${passed}; the register's status says "${f.registerStatus}"` : `${passed} with no decision recorded (${c.rule})`);
      }
    } else if (c.kind === "milestone" && f.milestone) reasons.push(`Milestone "${f.milestone.name}" ${days(f.milestone.days)} late (${c.rule})`);
    else if (c.kind === "KPI" && f.kpi) reasons.push(`KPI "${f.kpi.name}" at ${percent(f.kpi.attainment)} of target (${c.rule})`);
    else if (c.kind === "spend" && f.spend !== null && f.spend.variance !== null) reasons.push(`Spend ${percent(f.spend.variance)} over ${spendBasis(f.spend)} (${c.rule})`);
    else {
      // No figures to say it with: RAG's own finding, as the RAGREASON cell writes it.
      const finding = ragComponents(inputs, settings).find((r) => r.status === c.status && r.rule === c.rule)?.finding ?? c.kind;
      reasons.push(`${finding.charAt(0).toUpperCase()}${finding.slice(1)} (${c.rule})`);
    }
  }
  if (status.rag !== null && status.rag !== "Green" && f.daysInStatus > settings.escalationPersistDays) {
    reasons.push(`${status.rag} for ${days(f.daysInStatus)} (more than ${settings.escalationPersistDays})`);
  }
  if (status.rag === "Red" && f.tier === "Gold") reasons.push("Red on a Gold-tier contract");
  // Ranked by its status alone: say so, in the words of ESCALATIONLEVEL's #VALUE!.
  if (f.unrecognisedTier !== null) reasons.push(tierNotRecognised(f.unrecognisedTier));
  for (const r of f.redRisks) reasons.push(`Open risk "${r.name}" scores ${r.score} of 25 (red at ${RISK_RED_AT} or more)`);
  const gap = f.endDateGap;
  if (gap !== null) reasons.push(status.rag === null ? `Unrated: ${gap.charAt(0).toLowerCase()}${gap.slice(1)}` : gap);
  for (const reason of reasons) flat(reason);
  return reasons;
}

/**
 * The most urgent next step for an escalated contract, in the order a contract manager would take
 * them: a passed end date, a passed notice date, a notice date within the amber window, an end
 * within the red window, a passed decide-by date (with the tier's lead time, Settings
 * `lead_time_*_days`), then a late milestone, a low KPI, overspend, and planning the exit.
 * A decision the register's status records is followed up, not asked for again.
 * @example recommendedAction(facts) → "Notice date 1 Aug 2027 in 21 days: decide extend or re-procure"
 */
export function recommendedAction(a: ContractFacts): string {
  return flat(nextStep(a));
}

/** A decision the register's status records is followed up, not asked for again. */
const onTrack = (when: string, decidedStatus: string, a: ContractFacts): string =>
  `${when}: the status says "${decidedStatus}": check it is on track${a.end !== null ? ` for ${dateInWords(a.end, a.locale)}` : ""}`;

// No closures made per contract here: the summary explains tens of thousands.
function nextStep(a: ContractFacts): string {
  const { status, settings } = a;
  const decidedStatus = a.decided ? a.registerStatus : null;
  if (a.expiredWithoutReplacement && status.daysToExpiry !== null) {
    const ago = `Expired ${days(-status.daysToExpiry)} ago with no replacement recorded`;
    return a.hasExtensions ? `${ago}: record the extension taken, or put a replacement in place` : `${ago}: put a replacement or an exit in place now`;
  }
  if (status.daysToExpiry !== null && status.daysToExpiry < 0 && decidedStatus !== null && a.end !== null) {
    return `End date ${dateInWords(a.end, a.locale)} has passed and the status says "${decidedStatus}": record the new end date, or mark it closed if it has ended`;
  }
  if (a.noticeMissed && status.noticeDate !== null) {
    return `Notice date ${dateInWords(status.noticeDate, a.locale)} passed ${days(a.asOf - status.noticeDate)} ago: decide now whether to extend, re-procure or exit`;
  }
  if (status.noticeDate !== null && status.daysToNotice !== null && status.daysToNotice >= 0 && status.daysToNotice <= settings.expiryAmberDays) {
    const when = `Notice date ${dateInWords(status.noticeDate, a.locale)} ${inDays(status.daysToNotice)}`;
    return decidedStatus !== null ? onTrack(when, decidedStatus, a) : `${when}: decide extend or re-procure`;
  }
  if (status.daysToExpiry !== null && status.daysToExpiry <= settings.expiryRedDays && a.end !== null) {
    return `Expires ${dateInWords(a.end, a.locale)} ${inDays(status.daysToExpiry)}: ${a.hasExtensions ? "take up an extension option or re-procure" : "re-procure or plan the exit"}`;
  }
  if (status.decideBy !== null && status.daysToDecide !== null && status.daysToDecide < 0 && decidedStatus === null) {
    const lead = leadTimeDays(a.tier, settings);
    return `Decide by ${dateInWords(status.decideBy, a.locale)} passed ${days(-status.daysToDecide)} ago: decide now whether to extend or re-procure (lead time ${days(lead)}${a.tier === null ? ", no tier" : ` for ${a.tier}`})`;
  }
  if (a.milestone && a.milestone.days > settings.slippageAmberDays) {
    return `Milestone "${a.milestone.name}" ${days(a.milestone.days)} late: agree recovery plan with supplier`;
  }
  if (a.kpi && a.kpi.attainment < settings.kpiAmberBelow) {
    return `KPI "${a.kpi.name}" at ${percent(a.kpi.attainment)} of target: agree a service improvement plan with the supplier`;
  }
  if (status.spendVariance !== null && status.spendVariance > settings.spendAmberAbove) {
    return `Spend ${percent(status.spendVariance)} over ${a.spend !== null && a.spend.variance !== null ? spendBasis(a.spend) : "budget"}: review spend and forecast with finance and the supplier`;
  }
  if (status.daysToExpiry !== null && a.end !== null) {
    return `Expires ${dateInWords(a.end, a.locale)} ${inDays(status.daysToExpiry)}: start planning the re-procurement or exit`;
  }
  return "Review the contract with the supplier";
}
