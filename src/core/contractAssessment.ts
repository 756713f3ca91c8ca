import { readStatus } from "./statusPhrases";
import { contractName } from "./contractNames";
import { contractStatus } from "./contractStatus";
import { ContractFacts, WorstKpi, WorstMilestone, contractReasons, days, endedLongAgo, recommendedAction } from "./contractExplanation";
import { DEFAULT_DATE_LOCALE } from "./dateWords";
import { EndDateFacts, LONE_END_DATE, endDateGap } from "./endDates";
import type { NormalisedRow, TypedValue } from "./normalise";
import { EscalationLevel, Tier, escalationLevel, parseTier } from "./rules/escalation";
import { Rag, parseRag } from "./rules/rag";
import { riskRag, riskScore } from "./rules/risk";
import { spendAgainstBudget } from "./rules/spend";
import { slippageDays } from "./rules/slippage";
import type { TrackerSettings } from "./settings";
import { DECISIONS_WITHIN_DAYS, DEFAULT_LADDER, LadderNames, SummaryContract } from "./summaryTypes";

// One contract's place on the escalation ladder (PRODUCT.md): its RAG from the computed columns
// (core/contractStatus) and its related rows (worst milestone, worst KPI, the Escalations log, open
// Red risks), its level, and — for a contract escalated or explained — the facts its sentences are
// written from (core/contractExplanation). The summary (core/escalationSummary) runs it over the
// register; the contract card runs it for one contract.

// Log entries no longer open.
const RESOLVED = /\b(resolved|closed|done|complete|completed|cancell?ed|withdrawn)\b/i;

const text = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v).trim());
const num = (v: TypedValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The worst slipping milestone of a contract, as the Milestones table's Slippage column gives it. */
function worstMilestone(rows: readonly NormalisedRow[] | undefined, asOf: number): WorstMilestone | null {
  let worst: WorstMilestone | null = null;
  for (const r of rows ?? []) {
    const baseline = num(r.fields.baselineDate);
    if (baseline === null) continue;
    const slip = slippageDays({ baseline, forecast: num(r.fields.forecastDate), actual: num(r.fields.actualDate) }, asOf);
    if (slip !== null && (worst === null || slip > worst.days)) worst = { days: slip, name: text(r.fields.milestone) || "(unnamed)" };
  }
  return worst;
}

/** The worst KPI of a contract: actual ÷ target, or target ÷ actual where lower is better, as the KPIs table's Attainment column gives it. */
function worstKpi(rows: readonly NormalisedRow[] | undefined): WorstKpi | null {
  let worst: WorstKpi | null = null;
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

export type Related = { milestones?: readonly NormalisedRow[]; kpis?: readonly NormalisedRow[]; escalations?: readonly NormalisedRow[]; risks?: readonly NormalisedRow[] };

/** A contract at level 0, when only its RAG is wanted (the summary counts it and moves on), or its listing facts. */
export interface NotEscalated {
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
/**
 * The tier a register's cell names (rules/escalation parseTier), read once per distinct value;
 * null for a blank or a tier it cannot read.
 * @example tierOf("gold") → "Gold"
 */
export function tierOf(value: TypedValue | undefined): Tier | null {
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


/**
 * One contract's assessment. `brief`: the summary's pass over the register, which needs only the
 * RAG of a contract at level 0 (and its decide-by date when one is coming up), so those come back
 * as a NotEscalated without a sentence written; otherwise, and for every escalated contract, the
 * whole SummaryContract with its reasons and recommended action.
 */
export function assess(contract: NormalisedRow, related: Related, settings: TrackerSettings, asOf: number, ladder: LadderNames, brief: boolean, endDates: EndDateFacts, locale: string): SummaryContract | NotEscalated {
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
  const facts: ContractFacts = {
    status, end, asOf, settings, expired, expiredWithoutReplacement, noticeMissed, decided, registerStatus, milestone, kpi, spend,
    endDateGap: gap, daysInStatus, tier, unrecognisedTier: tier === null && text(f.tier) !== "" ? (typeof f.tier === "string" ? `"${text(f.tier)}"` : text(f.tier)) : null, hasExtensions: text(f.extensionOptions) !== "", redRisks: redRisks(related.risks), locale,
  };
  const reasons = closed
    ? [`Closed: the register's status says "${registerStatus}"`]
    : probablyClosed && end !== null
      ? [`${endedLongAgo(end, asOf, locale)}: probably closed (more than ${days(settings.staleAfterDays)} ago)`]
      : contractReasons(facts);
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
        : recommendedAction(facts);
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

const NO_RISKS: readonly { score: number; name: string }[] = [];

/**
 * The contract's open Red risks, highest score first: a risk the register scores at 15 or more
 * (likelihood × impact, core/rules/risk) is something the board should hear of, though RAG itself
 * weighs expiry, milestones, KPIs and spend (PRODUCT.md). A risk whose status says it is over
 * (Closed, Resolved …) is left out.
 */
function redRisks(risks: readonly NormalisedRow[] | undefined): readonly { score: number; name: string }[] {
  if (risks === undefined || risks.length === 0) return NO_RISKS;
  const red: { score: number; name: string }[] = [];
  for (const r of risks) {
    const score = riskScore(r.fields.likelihood, r.fields.impact);
    if (score === null || riskRag(score) !== "Red" || statusMeaning(r.fields.status).closed) continue;
    red.push({ score, name: text(r.fields.risk) || "(unnamed)" });
  }
  return red.sort((a, b) => b.score - a.score);
}

/**
 * A contract's value for the summary: its whole-life value, else its annual value; with its
 * currency (ISO 4217, null where the register did not say) and whether it is the annual one.
 * @example valueOf({ row: 2, fields: { annualValue: 1200 } }) → { amount: 1200, currency: null, annual: true }
 */
export function valueOf(contract: NormalisedRow): { amount: number | null; currency: string | null; annual: boolean } {
  const total = num(contract.fields.totalValue);
  if (total !== null) return { amount: total, currency: contract.currencies?.totalValue ?? null, annual: false };
  const annual = num(contract.fields.annualValue);
  return { amount: annual, currency: annual === null ? null : (contract.currencies?.annualValue ?? null), annual: annual !== null };
}
