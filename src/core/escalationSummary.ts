import { belongsTo, contractName, contractsById, relatedByContract } from "./contractNames";
import { Related, assess, statusMeaning, tierOf, valueOf } from "./contractAssessment";
import { endedLongAgo } from "./contractExplanation";
import { DEFAULT_DATE_LOCALE } from "./dateWords";
import { LONE_END_DATE, endDateGapOf } from "./endDates";
import type { NormalisedRow, TypedValue } from "./normalise";
import type { TrackerSettings } from "./settings";
import { compareIds, ranked } from "./summaryRanking";
import {
  AT_RISK_FROM_LEVEL,
  ComingDecision,
  ContractHeading,
  DECISIONS_WITHIN_DAYS,
  DEFAULT_LADDER,
  EscalationSummary,
  LadderNames,
  ListedContract,
  SummaryContract,
  TrackerRows,
} from "./summaryTypes";

// The escalation summary of PRODUCT.md over a whole register: each contract assessed
// (core/contractAssessment), sorted into live, unrated, probably closed and closed, the escalated
// ranked (core/summaryRanking), counted by RAG and level, with the value at risk and the decide-by
// dates coming up. Its types are in core/summaryTypes.

const text = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v).trim());
const num = (v: TypedValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * Each contract's rows of the other tables, one entry a contract that has any: the summary looks a
 * contract up once, not once a table (most of 100,000 contracts have none).
 */
function relatedRows(data: TrackerRows): Map<NormalisedRow, Related> {
  // Related rows go to their own contract, also where contracts share an ID (core/contractNames).
  const named = new Set<string>();
  for (const rows of [data.milestones, data.kpis, data.escalations, data.risks]) for (const r of rows ?? []) named.add(belongsTo(r));
  const related = new Map<NormalisedRow, Related>();
  if (named.size === 0) return related;
  const byId = contractsById(data.contracts, named);
  const entry = (contract: NormalisedRow): Related => {
    let found = related.get(contract);
    if (found === undefined) {
      // Every entry built with the same four fields in the same order: one shape for the engine to read.
      found = { milestones: undefined, kpis: undefined, escalations: undefined, risks: undefined };
      related.set(contract, found);
    }
    return found;
  };
  for (const [contract, rows] of relatedByContract(byId, data.milestones)) entry(contract).milestones = rows;
  for (const [contract, rows] of relatedByContract(byId, data.kpis)) entry(contract).kpis = rows;
  for (const [contract, rows] of relatedByContract(byId, data.escalations)) entry(contract).escalations = rows;
  for (const [contract, rows] of relatedByContract(byId, data.risks)) entry(contract).risks = rows;
  return related;
}

/** The contract's row and names, as the lists of contracts left out or coming up give them. */
function headingOf(contract: NormalisedRow): ContractHeading {
  const f = contract.fields;
  return { row: contract.row, id: contractName(contract), title: text(f.title), supplier: text(f.supplier), contractManager: text(f.contractManager), department: text(f.department) };
}

function comingDecision(contract: NormalisedRow, decideBy: number, daysToDecide: number): ComingDecision {
  // Written out rather than spread from headingOf: thousands of decisions come up in a large portfolio, and a spread builds each property by property.
  const f = contract.fields;
  const id = contractName(contract);
  return { row: contract.row, id, title: text(f.title), supplier: text(f.supplier), contractManager: text(f.contractManager), department: text(f.department), tier: tierOf(f.tier), decideBy, daysToDecide };
}

function listed(contract: NormalisedRow, reason: string, end: number | null): ListedContract {
  const value = valueOf(contract);
  return {
    ...headingOf(contract),
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

/**
 * The escalation summary of PRODUCT.md: every contract read sorted into live (rated Red, Amber or
 * Green), unrated (no real end date, nothing worse known), probably closed (ended more than
 * `staleAfterDays` ago with no closing status: listed to confirm, never escalated) and closed (by
 * its status); those at level 1 or above ranked with their reasons and recommended action; counts
 * by RAG and level; and the value at risk (levels 2 and 3, see ValueAtRisk).
 * @example escalationSummary({ contracts }, DEFAULT_SETTINGS, 45747).contracts[0].action
 */
export function escalationSummary(data: TrackerRows, settings: TrackerSettings, asOf: number, ladder: LadderNames = DEFAULT_LADDER, locale: string = DEFAULT_DATE_LOCALE): EscalationSummary {
  const relatedOf = relatedRows(data);
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
  const none: Related = {};
  for (const contract of data.contracts) {
    hasValueColumn ||= "totalValue" in contract.fields || "annualValue" in contract.fields;
    if (statusMeaning(contract.fields.status).closed) {
      closed++;
      continue;
    }
    const related = relatedOf.size === 0 ? none : (relatedOf.get(contract) ?? none);
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
