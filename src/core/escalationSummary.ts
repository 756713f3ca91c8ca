import { belongsTo, contractKey, contractName, contractsById, relatedByContract } from "./contractNames";
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

type RelatedTable = keyof Related;

/**
 * Each contract's rows of the other tables, by the contract's position in the Contracts table
 * (absent for the many with none). Rows go to the contract whose ID they give; where several
 * contracts share an ID, by the rules of core/contractNames (Which contract, else each of them).
 * One pass over the related rows and one over the contracts, keyed by position rather than by
 * contract object: the summary looks 100,000 contracts up.
 */
function relatedRows(data: TrackerRows): (Related | undefined)[] {
  const tables: readonly [RelatedTable, readonly NormalisedRow[] | undefined][] = [
    ["milestones", data.milestones],
    ["kpis", data.kpis],
    ["escalations", data.escalations],
    ["risks", data.risks],
  ];
  const byKey = new Map<string, Related>();
  for (const [table, rows] of tables) {
    for (const r of rows ?? []) {
      const key = belongsTo(r);
      if (key === "") continue;
      let entry = byKey.get(key);
      if (entry === undefined) {
        // Every entry built with the same four fields in the same order: one shape for the engine to read.
        entry = { milestones: undefined, kpis: undefined, escalations: undefined, risks: undefined };
        byKey.set(key, entry);
      }
      const list = entry[table];
      if (list === undefined) entry[table] = [r];
      else (list as NormalisedRow[]).push(r);
    }
  }
  if (byKey.size === 0) return [];
  // Filled to the register's length first: assigning far past the end of an empty array turns it into a slow dictionary of elements.
  const at: (Related | undefined)[] = [];
  for (let i = 0; i < data.contracts.length; i++) at.push(undefined);
  const firstAt = new Map<string, number>();
  let shared: Set<string> | null = null;
  data.contracts.forEach((contract, i) => {
    const key = contractKey(contract);
    const entry = byKey.get(key);
    if (entry === undefined) return;
    if (firstAt.has(key)) (shared ??= new Set()).add(key);
    else {
      firstAt.set(key, i);
      at[i] = entry;
    }
  });
  if (shared !== null) assignShared(data.contracts, tables, shared, at);
  return at;
}

/** The rows of IDs several contracts share, each to the contract it names (core/contractNames relatedByContract). */
function assignShared(contracts: readonly NormalisedRow[], tables: readonly [RelatedTable, readonly NormalisedRow[] | undefined][], shared: ReadonlySet<string>, at: (Related | undefined)[]): void {
  const index = contractsById(contracts, shared);
  const position = new Map<NormalisedRow, number>();
  contracts.forEach((c, i) => {
    if (shared.has(contractKey(c))) {
      position.set(c, i);
      at[i] = { milestones: undefined, kpis: undefined, escalations: undefined, risks: undefined };
    }
  });
  for (const [table, rows] of tables) {
    const ofShared = (rows ?? []).filter((r) => shared.has(belongsTo(r)));
    for (const [contract, list] of relatedByContract(index, ofShared)) {
      const i = position.get(contract);
      const entry = i === undefined ? undefined : at[i];
      if (entry) entry[table] = list;
    }
  }
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
  const relatedAt = relatedRows(data);
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
  for (let i = 0; i < data.contracts.length; i++) {
    const contract = data.contracts[i];
    hasValueColumn ||= "totalValue" in contract.fields || "annualValue" in contract.fields;
    if (statusMeaning(contract.fields.status).closed) {
      closed++;
      continue;
    }
    const related = relatedAt[i] ?? none;
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
