import { readStatus } from "./statusPhrases";
import { belongsTo, contractName, contractsById, relatedByContract } from "./contractNames";
import { contractStatus } from "./contractStatus";
import { DEFAULT_DATE_LOCALE, dateInWords } from "./dateWords";
import { EndDateFacts, EndDateGapKind, LONE_END_DATE, endDateGap, endDateGapOf } from "./endDates";
import type { NormalisedRow, TypedValue } from "./normalise";
import { EscalationLevel, Tier, escalationLevel, parseTier } from "./rules/escalation";
import { leadTimeDays } from "./rules/decideBy";
import { Rag, ragComponents, parseRag } from "./rules/rag";
import { RISK_RED_AT, riskRag, riskScore } from "./rules/risk";
import { SpendAgainstBudget, spendAgainstBudget } from "./rules/spend";
import { slippageDays } from "./rules/slippage";
import type { TrackerSettings } from "./settings";

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

/** One contract as the summary shows it. Dates are serials; null where not known. */
export interface SummaryContract {
  /** 1-based sheet row of the contract, so a view can select it. */
  row: number;
  id: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
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
export interface ListedContract {
  row: number;
  id: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
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
export interface ComingDecision {
  row: number;
  id: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
  tier: Tier | null;
  /** The decide-by date (a serial) and the days left to it, 0 to DECISIONS_WITHIN_DAYS. */
  decideBy: number;
  daysToDecide: number;
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
}

// Log entries no longer open.
const RESOLVED = /\b(resolved|closed|done|complete|completed|cancell?ed|withdrawn)\b/i;

const text = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v).trim());
const num = (v: TypedValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;
/** "in 21 days", "in 1 day", or "today". */
const inDays = (n: number): string => (n === 0 ? "today" : `in ${days(n)}`);
const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/** The worst slipping milestone of a contract, as the Milestones table's Slippage column gives it. */
function worstMilestone(rows: readonly NormalisedRow[] | undefined, asOf: number): { days: number; name: string } | null {
  let worst: { days: number; name: string } | null = null;
  for (const r of rows ?? []) {
    const baseline = num(r.fields.baselineDate);
    if (baseline === null) continue;
    const slip = slippageDays({ baseline, forecast: num(r.fields.forecastDate), actual: num(r.fields.actualDate) }, asOf);
    if (slip !== null && (worst === null || slip > worst.days)) worst = { days: slip, name: text(r.fields.milestone) || "(unnamed)" };
  }
  return worst;
}

/** The worst KPI of a contract: actual ÷ target, or target ÷ actual where lower is better, as the KPIs table's Attainment column gives it. */
function worstKpi(rows: readonly NormalisedRow[] | undefined): { attainment: number; name: string } | null {
  let worst: { attainment: number; name: string } | null = null;
  for (const r of rows ?? []) {
    const target = num(r.fields.target);
    const actual = num(r.fields.actual);
    if (target === null || actual === null || target === 0 || actual === 0) continue;
    const attainment = r.fields.higherIsBetter === false ? target / actual : actual / target;
    if (worst === null || attainment < worst.attainment) worst = { attainment, name: text(r.fields.kpi) || "(unnamed)" };
  }
  return worst;
}

const NO_LOG: LogState = { since: null, open: null };

interface LogState {
  /** Earliest Raised at of the open entries with the current RAG. */
  since: number | null;
  /** Highest open entry: its ID and level. */
  open: { id: string; level: number } | null;
}

function logState(rows: readonly NormalisedRow[] | undefined, rag: Rag | null): LogState {
  let since: number | null = null;
  let open: LogState["open"] = null;
  for (const r of rows ?? []) {
    if (RESOLVED.test(text(r.fields.status)) || num(r.fields.resolvedOn) !== null) continue;
    const raised = num(r.fields.raisedAt);
    const loggedRag = parseRag(text(r.fields.rag));
    if (raised !== null && rag !== null && loggedRag === rag && (since === null || raised < since)) since = raised;
    const level = num(r.fields.level) ?? 0;
    if (open === null || level > open.level) open = { id: text(r.fields.escalationId), level };
  }
  return { since, open };
}

const RAG_RANK: Record<Rag, number> = { Red: 0, Amber: 1, Green: 2 };

/** How soon something falls due: the nearer of notice date and end date (overdue first); null last. */
function urgency(c: SummaryContract): number {
  const notice = c.daysToNotice ?? Number.POSITIVE_INFINITY;
  const expiry = c.daysToExpiry ?? Number.POSITIVE_INFINITY;
  return notice < expiry ? notice : expiry;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const folded = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * IDs in the order people read them: C-9 before C-10, case ignored. Compares in place, without
 * building keys (the summary sorts tens of thousands of IDs).
 * @example compareIds("C-9", "c-10") < 0
 */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      // Whole runs of digits compare as numbers: skip leading zeros, then the longer run is larger.
      while (a.charCodeAt(i) === 48 && isDigit(a.charCodeAt(i + 1))) i++;
      while (b.charCodeAt(j) === 48 && isDigit(b.charCodeAt(j + 1))) j++;
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      for (; i < ei; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
      continue;
    }
    if (folded(x) !== folded(y)) return folded(x) - folded(y);
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/** Ranking of PRODUCT.md: level, then RAG, then days to notice or expiry; then ID so the order is stable. */
interface RankKey {
  c: SummaryContract;
  urgency: number;
}

const rankKey = (c: SummaryContract): RankKey => ({ c, urgency: urgency(c) });

function rankedBefore(x: RankKey, y: RankKey): number {
  const a = x.c;
  const b = y.c;
  return (
    b.level - a.level ||
    (a.rag === null ? 3 : RAG_RANK[a.rag]) - (b.rag === null ? 3 : RAG_RANK[b.rag]) ||
    (x.urgency === y.urgency ? 0 : x.urgency < y.urgency ? -1 : 1) ||
    compareIds(a.id, b.id) ||
    a.row - b.row
  );
}

/**
 * Contracts in ranked order. Level, RAG and urgency make one number, so most of the ordering is a
 * numeric sort of groups; only contracts equal on all three compare their IDs. Exported for the
 * portfolio roll-up, which ranks the contracts of several registers together.
 * @example ranked([amberC2, redC1]).map((c) => c.id) → ["C-1", "C-2"]
 */
export function ranked(contracts: readonly SummaryContract[]): SummaryContract[] {
  const groups = new Map<number, RankKey[]>();
  for (const c of contracts) {
    const key = rankKey(c);
    const u = key.urgency === Number.POSITIVE_INFINITY ? 1e7 : Math.max(-1e7 + 1, Math.min(1e7 - 1, Math.round(key.urgency)));
    const group = (3 - c.level) * 1e9 + (c.rag === null ? 3 : RAG_RANK[c.rag]) * 1e8 + (u + 1e7) * 4;
    const list = groups.get(group);
    if (list) list.push(key);
    else groups.set(group, [key]);
  }
  const out: SummaryContract[] = [];
  for (const group of [...groups.keys()].sort((a, b) => a - b)) {
    const list = groups.get(group) ?? [];
    if (list.length > 1) list.sort(rankedBefore);
    for (const k of list) out.push(k.c);
  }
  return out;
}

/**
 * One contract's place on the ladder, the reasons behind it and the recommended action.
 * Exported for the contract card; `escalationSummary` runs it over the register. `endDates`: what
 * the whole Contracts table says of its end dates (a likely stand-in, unreadable ones); left out,
 * the contract's end date is judged by its own value.
 */
export function assessContract(
  contract: NormalisedRow,
  related: Related,
  settings: TrackerSettings,
  asOf: number,
  ladder: LadderNames = DEFAULT_LADDER,
  endDates: EndDateFacts = LONE_END_DATE,
  locale: string = DEFAULT_DATE_LOCALE,
): SummaryContract {
  return assess(contract, related, settings, asOf, ladder, false, endDates, locale) as SummaryContract;
}

type Related = { milestones?: readonly NormalisedRow[]; kpis?: readonly NormalisedRow[]; escalations?: readonly NormalisedRow[]; risks?: readonly NormalisedRow[] };

/** A contract at level 0, when only its RAG is wanted (the summary counts it and moves on), or its listing facts. */
interface NotEscalated {
  level: 0;
  rag: Rag | null;
  probablyClosed: boolean;
  endDateGap: string | null;
  daysToExpiry: number | null;
  /** Set where the decide-by date is coming up (DECISIONS_WITHIN_DAYS) and no decision is recorded; else null. */
  decideBy: number | null;
  daysToDecide: number | null;
  decided?: boolean;
}

// One answer per class, shared: readStatus reads each distinct status text once.
const MEANINGS = { live: { closed: false, decided: false }, closed: { closed: true, decided: false }, decided: { closed: false, decided: true } } as const;
/**
 * What a register's own status says, read as a phrase (`readStatus`): `closed` (Terminated,
 * Completed, Replaced … — the contract is left out of ratings) and `decided` (Extended, Notice
 * given, Re-procurement under way … — a passed end or notice date is then not missed, and the
 * action follows the decision up). `Not complete`, `Live - to be replaced`, `Not extended` are neither.
 * @example statusMeaning("Terminated") → { closed: true, decided: false }
 */
export function statusMeaning(status: TypedValue | undefined): { closed: boolean; decided: boolean } {
  if (status === null || status === undefined || status === "") return MEANINGS.live;
  return MEANINGS[readStatus(text(status)).class];
}

const tiers = new Map<TypedValue | undefined, Tier | null>();
function tierOf(value: TypedValue | undefined): Tier | null {
  if (value === null || value === undefined || value === "") return null;
  let tier = tiers.get(value);
  if (tier === undefined) {
    if (tiers.size > 10_000) tiers.clear();
    tier = parseTier(text(value));
    tiers.set(value, tier);
  }
  return tier;
}

// The level-0 answers, shared: most of a portfolio is level 0, and each needs only its RAG.
const NOT_ESCALATED: Record<Rag, NotEscalated> = {
  Red: { level: 0, rag: "Red", probablyClosed: false, endDateGap: null, daysToExpiry: null, decideBy: null, daysToDecide: null },
  Amber: { level: 0, rag: "Amber", probablyClosed: false, endDateGap: null, daysToExpiry: null, decideBy: null, daysToDecide: null },
  Green: { level: 0, rag: "Green", probablyClosed: false, endDateGap: null, daysToExpiry: null, decideBy: null, daysToDecide: null },
};

// contractStatus's options for a contract with a real end date, shared: the engine asks 100,000 times.
const BRIEF_STATUS = Object.freeze({ reason: false, phase: false, endDateGap: null });

/** "Ended 4 Jun 2015, 4,071 days ago, with no closing status". */
const endedLongAgo = (end: number, asOf: number, locale: string): string =>
  `Ended ${dateInWords(end, locale)}, ${(asOf - end).toLocaleString(locale)} days ago, with no closing status`;

function assess(contract: NormalisedRow, related: Related, settings: TrackerSettings, asOf: number, ladder: LadderNames, brief: boolean, endDates: EndDateFacts, locale: string): SummaryContract | NotEscalated {
  const date = (serial: number): string => dateInWords(serial, locale);
  const f = contract.fields;
  const meaning = statusMeaning(f.status);
  const closed = meaning.closed;
  const milestone = related.milestones ? worstMilestone(related.milestones, asOf) : null;
  const kpi = related.kpis ? worstKpi(related.kpis) : null;
  const gap = endDateGap(f.endDate, endDates, contract.row, locale);
  const status = contractStatus(f, { slippage: milestone?.days ?? null, kpiAttainment: kpi?.attainment ?? null }, settings, asOf, gap === null ? BRIEF_STATUS : { reason: false, phase: false, endDateGap: gap });
  const tier = tierOf(f.tier);
  const log = related.escalations ? logState(related.escalations, status.rag) : NO_LOG;
  const daysInStatus = log.since === null ? 0 : Math.max(0, asOf - log.since);
  const end = gap === null ? num(f.endDate) : null;
  const expired = status.daysToExpiry !== null && status.daysToExpiry < 0;
  // Ended long ago with no closing status: a record nobody closed, not a live contract to escalate.
  const probablyClosed = !closed && status.daysToExpiry !== null && -status.daysToExpiry > settings.staleAfterDays;
  const decided = meaning.decided;
  const expiredWithoutReplacement = expired && !decided && !closed && !probablyClosed;
  const noticeMissed = !expired && status.noticeDate !== null && status.noticeDate < asOf && !decided && !closed;
  const rated = !closed && !probablyClosed && status.rag !== null;
  const level: EscalationLevel = !rated || status.rag === null ? 0 : escalationLevel({ rag: status.rag, daysInStatus, tier, expiredWithoutReplacement, noticeDateMissed: noticeMissed }, settings.escalationPersistDays);
  if (brief && level === 0) {
    const coming = rated && !decided && status.daysToDecide !== null && status.daysToDecide >= 0 && status.daysToDecide <= DECISIONS_WITHIN_DAYS;
    if (rated && status.rag !== null && !coming) return NOT_ESCALATED[status.rag];
    return { level: 0, rag: rated ? status.rag : null, probablyClosed, endDateGap: gap, daysToExpiry: status.daysToExpiry, decideBy: coming ? status.decideBy : null, daysToDecide: coming ? status.daysToDecide : null };
  }
  const registerStatus = text(f.status);
  // The spend comparison's figures, for the few contracts explained (the rating needed the variance alone).
  const spend = status.spendVariance === null ? null : spendAgainstBudget({ budget: num(f.budget), spendToDate: num(f.spendToDate), start: num(f.startDate), end }, asOf);

  const reasons: string[] = [];
  if (closed) reasons.push(`Closed: the register's status says "${registerStatus}"`);
  else if (probablyClosed && end !== null) reasons.push(`${endedLongAgo(end, asOf, locale)}: probably closed (more than ${days(settings.staleAfterDays)} ago)`);
  else {
    if (expiredWithoutReplacement && end !== null) reasons.push(`Expired ${days(-(status.daysToExpiry ?? 0))} ago (${date(end)}) with no replacement recorded`);
    if (noticeMissed && status.noticeDate !== null) reasons.push(`Notice date ${date(status.noticeDate)} passed ${days(asOf - status.noticeDate)} ago with no decision recorded`);
    const inputs = {
      daysToExpiry: status.daysToExpiry,
      slippageDays: status.slippage,
      kpiAttainment: status.kpiAttainment,
      spendVariance: status.spendVariance,
      daysToDecide: status.daysToDecide,
      daysToNotice: status.daysToNotice,
    };
    // RAG's components in its order: expiry (when the end date is known), milestone, KPI, spend.
    ragComponents(inputs, settings).forEach((c, i) => {
      if (c.status === "Green") return;
      const isExpiry = i === 0 && status.daysToExpiry !== null;
      if (isExpiry) {
        if (end === null) return;
        if (!expired) reasons.push(`Expires ${date(end)}, ${inDays(status.daysToExpiry ?? 0)} (${c.rule})`);
        else if (decided) reasons.push(`End date ${date(end)} passed ${days(-(status.daysToExpiry ?? 0))} ago; the register's status says "${registerStatus}"`);
      } else if (c.finding.startsWith("decide-by")) {
        // A decision the register's status already records (Extension agreed, Re-procurement under way) is said as recorded, not as missing.
        if (status.decideBy !== null) {
          const passed = `Decide by ${date(status.decideBy)} passed ${days(-(status.daysToDecide ?? 0))} ago`;
          reasons.push(decided ? `${passed}; the register's status says "${registerStatus}"` : `${passed} with no decision recorded (${c.rule})`);
        }
      } else if (c.finding.startsWith("milestone") && milestone) reasons.push(`Milestone "${milestone.name}" ${days(milestone.days)} late (${c.rule})`);
      else if (c.finding.startsWith("KPI") && kpi) reasons.push(`KPI "${kpi.name}" at ${percent(kpi.attainment)} of target (${c.rule})`);
      else if (c.finding.startsWith("spend") && spend !== null && spend.variance !== null) reasons.push(`Spend ${percent(spend.variance)} over ${spendBasis(spend)} (${c.rule})`);
      else reasons.push(`${c.finding.charAt(0).toUpperCase()}${c.finding.slice(1)} (${c.rule})`);
    });
    if (status.rag !== null && status.rag !== "Green" && daysInStatus > settings.escalationPersistDays) {
      reasons.push(`${status.rag} for ${days(daysInStatus)} (more than ${settings.escalationPersistDays})`);
    }
    if (status.rag === "Red" && tier === "Gold") reasons.push("Red on a Gold-tier contract");
    reasons.push(...redRisks(related.risks));
    if (gap !== null) reasons.push(status.rag === null ? `Unrated: ${gap.charAt(0).toLowerCase()}${gap.slice(1)}` : gap);
  }
  const noticeDue = status.daysToNotice !== null && status.daysToNotice >= 0 && status.daysToNotice <= settings.expiryAmberDays;
  const endDue = status.daysToExpiry !== null && status.daysToExpiry >= 0 && status.daysToExpiry <= settings.expiryRedDays;
  const decisionNeeded = rated && !decided && (noticeMissed || expiredWithoutReplacement || noticeDue || endDue);
  const action = closed
    ? ""
    : probablyClosed
      ? "Confirm it has closed and mark it closed, or record its new end date"
      : level === 0
        ? status.rag === null && gap !== null
          ? "Record the real end date, so the contract can be rated"
          : ""
        : recommendedAction({ status, end, expiredWithoutReplacement, noticeMissed, milestone, kpi, asOf, settings, hasExtensions: text(f.extensionOptions) !== "", decidedStatus: decided ? registerStatus : null, spend, locale, tier });
  const value = valueOf(contract);

  // Every field written out, in one literal: a spread here makes V8 build each of the tens of
  // thousands of escalated contracts property by property (measured: 1.5 s of 2 s over 100,000).
  return {
    row: contract.row,
    id: contractName(contract),
    title: text(f.title),
    supplier: text(f.supplier),
    contractManager: text(f.contractManager),
    department: text(f.department),
    tier,
    rag: rated ? status.rag : null,
    level,
    escalateTo: level === 0 ? "" : ladder[level],
    reasons,
    action,
    endDate: end,
    daysToExpiry: status.daysToExpiry,
    noticeDate: status.noticeDate,
    daysToNotice: status.daysToNotice,
    decideBy: status.decideBy,
    daysToDecide: status.daysToDecide,
    worstSlippage: milestone?.days ?? null,
    worstMilestone: milestone?.name ?? null,
    kpiAttainment: kpi?.attainment ?? null,
    worstKpi: kpi?.name ?? null,
    value: value.amount,
    currency: value.currency,
    daysInStatus,
    openEscalation: log.open !== null && log.open.level >= level ? log.open.id : null,
    expiredWithoutReplacement,
    noticeMissed,
    decisionNeeded,
    endDateGap: gap,
    probablyClosed,
    closed,
  };
}

/**
 * The contract's open Red risks in words, highest score first: a risk the register scores at 15 or
 * more (likelihood × impact, core/rules/risk) is something the board should hear of, though RAG
 * itself weighs expiry, milestones, KPIs and spend (PRODUCT.md). A risk whose status says it is over
 * (Closed, Resolved …) is left out.
 */
function redRisks(risks: readonly NormalisedRow[] | undefined): string[] {
  const red: { score: number; name: string }[] = [];
  for (const r of risks ?? []) {
    const score = riskScore(r.fields.likelihood, r.fields.impact);
    if (score === null || riskRag(score) !== "Red" || statusMeaning(r.fields.status).closed) continue;
    red.push({ score, name: text(r.fields.risk) || "(unnamed)" });
  }
  return red.sort((a, b) => b.score - a.score).map((r) => `Open risk "${r.name}" scores ${r.score} of 25 (red at ${RISK_RED_AT} or more)`);
}

/** A contract's value for the summary: whole-life, else annual; with its currency and which it is. */
function valueOf(contract: NormalisedRow): { amount: number | null; currency: string | null; annual: boolean } {
  const total = num(contract.fields.totalValue);
  if (total !== null) return { amount: total, currency: contract.currencies?.totalValue ?? null, annual: false };
  const annual = num(contract.fields.annualValue);
  return { amount: annual, currency: annual === null ? null : (contract.currencies?.annualValue ?? null), annual: annual !== null };
}

function comingDecision(contract: NormalisedRow, decideBy: number, daysToDecide: number): ComingDecision {
  const f = contract.fields;
  return {
    row: contract.row,
    id: contractName(contract),
    title: text(f.title),
    supplier: text(f.supplier),
    contractManager: text(f.contractManager),
    department: text(f.department),
    tier: tierOf(f.tier),
    decideBy,
    daysToDecide,
  };
}

function listed(contract: NormalisedRow, reason: string, end: number | null): ListedContract {
  const value = valueOf(contract);
  const f = contract.fields;
  return {
    row: contract.row,
    id: contractName(contract),
    title: text(f.title),
    supplier: text(f.supplier),
    contractManager: text(f.contractManager),
    department: text(f.department),
    value: value.amount,
    currency: value.currency,
    endDate: end,
    reason,
    status: text(contract.fields.status),
  };
}

/** Biggest value first, no value last; then ID. */
const byValue = (a: ListedContract, b: ListedContract): number =>
  (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (b.value ?? 0) - (a.value ?? 0) || compareIds(a.id, b.id) || a.row - b.row;

interface ActionFacts {
  status: ReturnType<typeof contractStatus>;
  end: number | null;
  expiredWithoutReplacement: boolean;
  noticeMissed: boolean;
  milestone: { days: number; name: string } | null;
  kpi: { attainment: number; name: string } | null;
  asOf: number;
  settings: TrackerSettings;
  hasExtensions: boolean;
  /** The register's status, when it records a decision the end date does not yet show. */
  decidedStatus: string | null;
  /** The spend comparison behind status.spendVariance, when there is one. */
  spend: SpendAgainstBudget | null;
  /** The locale dates are written in (core/dateWords). */
  locale: string;
  tier: Tier | null;
}

/** What spend was compared with, in words: "the budget profiled to date (25% of the term gone)", or "the whole budget". */
function spendBasis(spend: Extract<SpendAgainstBudget, { variance: number }>): string {
  return spend.wholeBudget ? "the whole budget" : spend.elapsed >= 1 ? "the budget" : `the budget profiled to date (${percent(spend.elapsed)} of the term gone)`;
}

/** The most urgent next step, in the order a contract manager would take them. */
function recommendedAction(a: ActionFacts): string {
  const { status, settings } = a;
  const date = (serial: number): string => dateInWords(serial, a.locale);
  if (a.expiredWithoutReplacement && status.daysToExpiry !== null) {
    const ago = `Expired ${days(-status.daysToExpiry)} ago with no replacement recorded`;
    return a.hasExtensions ? `${ago}: record the extension taken, or put a replacement in place` : `${ago}: put a replacement or an exit in place now`;
  }
  if (status.daysToExpiry !== null && status.daysToExpiry < 0 && a.decidedStatus !== null && a.end !== null) {
    return `End date ${date(a.end)} has passed and the status says "${a.decidedStatus}": record the new end date, or mark it closed if it has ended`;
  }
  if (a.noticeMissed && status.noticeDate !== null) {
    return `Notice date ${date(status.noticeDate)} passed ${days(a.asOf - status.noticeDate)} ago: decide now whether to extend, re-procure or exit`;
  }
  // A decision already recorded (`Re-procurement under way`, `Extension agreed`) is followed up, not asked for again.
  const onTrack = (when: string): string => `${when}: the status says "${a.decidedStatus}": check it is on track${a.end !== null ? ` for ${date(a.end)}` : ""}`;
  if (status.noticeDate !== null && status.daysToNotice !== null && status.daysToNotice >= 0 && status.daysToNotice <= settings.expiryAmberDays) {
    const when = `Notice date ${date(status.noticeDate)} ${inDays(status.daysToNotice)}`;
    return a.decidedStatus !== null ? onTrack(when) : `${when}: decide extend or re-procure`;
  }
  if (status.daysToExpiry !== null && status.daysToExpiry <= settings.expiryRedDays && a.end !== null) {
    return `Expires ${date(a.end)} ${inDays(status.daysToExpiry)}: ${a.hasExtensions ? "take up an extension option or re-procure" : "re-procure or plan the exit"}`;
  }
  if (status.decideBy !== null && status.daysToDecide !== null && status.daysToDecide < 0 && a.decidedStatus === null) {
    const lead = leadTimeDays(a.tier, settings);
    return `Decide by ${date(status.decideBy)} passed ${days(-status.daysToDecide)} ago: decide now whether to extend or re-procure (lead time ${days(lead)}${a.tier === null ? ", no tier" : ` for ${a.tier}`})`;
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
    return `Expires ${date(a.end)} ${inDays(status.daysToExpiry)}: start planning the re-procurement or exit`;
  }
  return "Review the contract with the supplier";
}

/**
 * The escalation summary of PRODUCT.md: every contract read sorted into live (rated Red, Amber or
 * Green), unrated (no real end date, nothing worse known), probably closed (ended more than
 * `staleAfterDays` ago with no closing status: listed to confirm, never escalated) and closed (by
 * its status); those at level 1 or above ranked with their reasons and recommended action; counts
 * by RAG and level; and the value at risk (levels 2 and 3, see ValueAtRisk).
 * @example escalationSummary({ contracts }, DEFAULT_SETTINGS, 45747).contracts[0].action
 */
export function escalationSummary(data: TrackerRows, settings: TrackerSettings, asOf: number, ladder: LadderNames = DEFAULT_LADDER, locale: string = DEFAULT_DATE_LOCALE): EscalationSummary {
  // Related rows go to their own contract, also where contracts share an ID (core/contractNames).
  const named = new Set<string>();
  for (const rows of [data.milestones, data.kpis, data.escalations, data.risks]) for (const r of rows ?? []) named.add(belongsTo(r));
  const byId = contractsById(data.contracts, named);
  const milestones = relatedByContract(byId, data.milestones);
  const kpis = relatedByContract(byId, data.kpis);
  const escalations = relatedByContract(byId, data.escalations);
  const risks = relatedByContract(byId, data.risks);
  const endDates = data.endDates ?? LONE_END_DATE;
  const counts = { red: 0, amber: 0, green: 0, unrated: 0 };
  const byLevel = { 1: 0, 2: 0, 3: 0 };
  const escalated: SummaryContract[] = [];
  const stale: ListedContract[] = [];
  const unrated: ListedContract[] = [];
  const coming: ComingDecision[] = [];
  let closed = 0;
  const byCurrency = new Map<string | null, number>();
  let atRisk = 0;
  let contractsWithoutValue = 0;
  let annualOnly = 0;
  let hasValueColumn = false;
  // One object reused for every contract's related rows: 100,000 of them would be garbage.
  const related: Related = {};
  for (const contract of data.contracts) {
    hasValueColumn ||= "totalValue" in contract.fields || "annualValue" in contract.fields;
    if (statusMeaning(contract.fields.status).closed) {
      closed++;
      continue;
    }
    related.milestones = milestones.get(contract);
    related.kpis = kpis.get(contract);
    related.escalations = escalations.get(contract);
    related.risks = risks.get(contract);
    const assessed = assess(contract, related, settings, asOf, ladder, true, endDates, locale);
    if (assessed.probablyClosed) {
      const end = num(contract.fields.endDate) ?? asOf;
      stale.push(listed(contract, endedLongAgo(end, asOf, locale), end));
      continue;
    }
    if (assessed.rag === null) {
      counts.unrated++;
      const gap = endDateGapOf(contract.fields.endDate, endDates, contract.row, locale);
      unrated.push({ ...listed(contract, gap?.words ?? "Nothing to rate it on", null), ...(gap ? { gapKind: gap.kind } : {}) });
      continue;
    }
    if (assessed.rag === "Red") counts.red++;
    else if (assessed.rag === "Amber") counts.amber++;
    else counts.green++;
    const decideIn = assessed.daysToDecide;
    // Level 0 brings its decide-by date only when it is coming up with no decision recorded; an escalated contract always brings it.
    if (assessed.decideBy !== null && decideIn !== null && decideIn >= 0 && decideIn <= DECISIONS_WITHIN_DAYS && (assessed.level === 0 || !statusMeaning(contract.fields.status).decided)) {
      coming.push(comingDecision(contract, assessed.decideBy, decideIn));
    }
    if (assessed.level === 0) continue;
    const full = assessed as SummaryContract;
    byLevel[full.level as 1 | 2 | 3]++;
    escalated.push(full);
    if (full.level < AT_RISK_FROM_LEVEL) continue;
    atRisk++;
    const value = valueOf(contract);
    if (value.amount === null) contractsWithoutValue++;
    else {
      byCurrency.set(value.currency, (byCurrency.get(value.currency) ?? 0) + value.amount);
      if (value.annual) annualOnly++;
    }
  }
  // Cents, so sums of many amounts do not show binary-fraction dust (10742220.170000002).
  const totals = [...byCurrency].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((a, b) => b.amount - a.amount);
  const valueAtRisk = hasValueColumn ? { totals, contracts: atRisk, contractsWithoutValue, annualOnly } : null;
  stale.sort((a, b) => (a.endDate ?? 0) - (b.endDate ?? 0) || compareIds(a.id, b.id) || a.row - b.row);
  unrated.sort(byValue);
  coming.sort((a, b) => a.decideBy - b.decideBy || compareIds(a.id, b.id) || a.row - b.row);
  return {
    asOf,
    counts,
    byLevel,
    valueAtRisk,
    contracts: ranked(escalated),
    totalContracts: data.contracts.length,
    closedContracts: closed,
    staleContracts: stale.length,
    stale,
    unrated,
    decisionsComing: coming,
    staleAfterDays: settings.staleAfterDays,
    expiryRedDays: settings.expiryRedDays,
    ladder,
    dateLocale: locale,
  };
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
