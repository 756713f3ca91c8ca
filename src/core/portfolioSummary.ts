// The files' summaries of a portfolio roll-up as one (core/portfolio): every count added up and
// every list merged from every file, each entry naming its file, and no figure taken from the
// first file alone. Each file was summarised by its own Settings; the merged summary keeps each
// file's windows so its contracts are still judged and worded by them.
import { DutyFinding, byDutyUrgency } from "./duties/procurementDuties";
import type { PortfolioPart } from "./portfolio";
import { compareIds, ranked } from "./summaryRanking";
import type { ComingDecision, EscalationSummary, LadderNames, ListedContract, MoneyTotal, SummaryContract, SummaryWindows, ValueAtRisk } from "./summaryTypes";

function addTotals(into: Map<string | null, number>, totals: readonly MoneyTotal[]): void {
  for (const t of totals) into.set(t.currency, (into.get(t.currency) ?? 0) + t.amount);
}

/**
 * Sums by currency as totals, largest first, in whole pence.
 * @example totalsOf(new Map([["GBP", 10.005], [null, 70]])) → [{ currency: null, amount: 70 }, { currency: "GBP", amount: 10.01 }]
 */
export const totalsOf = (sums: ReadonlyMap<string | null, number>): MoneyTotal[] =>
  [...sums].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((a, b) => b.amount - a.amount);

/**
 * The value at risk of several files: totals added by currency (never across currencies). A file
 * with no value column adds its level 2 and 3 contracts as ones with no value given; null only
 * when no file has a value column.
 */
function combinedValueAtRisk(summaries: readonly EscalationSummary[]): ValueAtRisk | null {
  if (summaries.every((s) => s.valueAtRisk === null)) return null;
  const sums = new Map<string | null, number>();
  const out: ValueAtRisk = { totals: [], contracts: 0, contractsWithoutValue: 0, annualOnly: 0 };
  for (const s of summaries) {
    const v = s.valueAtRisk;
    if (v === null) {
      const atRisk = s.byLevel[2] + s.byLevel[3];
      out.contracts += atRisk;
      out.contractsWithoutValue += atRisk;
      continue;
    }
    addTotals(sums, v.totals);
    out.contracts += v.contracts;
    out.contractsWithoutValue += v.contractsWithoutValue;
    out.annualOnly += v.annualOnly;
  }
  return { ...out, totals: totalsOf(sums) };
}

// Each list in its file's own order; ties (same value, ID, date) then go by file, as merged (sorts are stable).
const byValue = (a: ListedContract, b: ListedContract): number => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (b.value ?? 0) - (a.value ?? 0) || compareIds(a.id, b.id);
// Longest ended first, as each file's own list is.
const byEnd = (a: ListedContract, b: ListedContract): number => (a.endDate ?? Infinity) - (b.endDate ?? Infinity) || compareIds(a.id, b.id);
// Soonest first, as each file's own list is.
const byDecideBy = (a: ComingDecision, b: ComingDecision): number => a.decideBy - b.decideBy || compareIds(a.id, b.id);

/** Each file's entries named in place, not copied (a copy of each of 100,000 contracts costs more than summarising them). */
function tagged<T extends { file?: string }>(list: readonly T[], file: string): readonly T[] {
  for (const entry of list) entry.file = file;
  return list;
}

/** Who each level goes to: the files' ladder names, each once ("Director or Head of service" where files differ). */
function combinedLadder(parts: readonly PortfolioPart[]): LadderNames {
  const names = (level: 1 | 2 | 3): string => [...new Set(parts.map((p) => p.summary.ladder[level]))].join(" or ");
  return { 1: names(1), 2: names(2), 3: names(3) };
}

/**
 * The files' summaries as one (see Portfolio.summary): counts, levels and value at risk added up;
 * the escalated contracts ranked together; the unrated, probably closed and decide-by dates coming
 * up of every file merged in their summary's order; each entry naming its file. Every file shares
 * the as-of date; each keeps its own windows (`windowsByFile`); the ladder names are every file's.
 * The date locale is the first file's.
 * @throws Error when no part is given
 * @example combinedSummary([adults, children]).decisionsComing.map((d) => d.file) → ["children.csv", "adults.xlsx", "children.csv"]
 */
export function combinedSummary(parts: readonly PortfolioPart[]): EscalationSummary {
  const [first] = parts;
  if (first === undefined) throw new Error("No register to roll up");
  const sum = (pick: (s: EscalationSummary) => number): number => parts.reduce((n, p) => n + pick(p.summary), 0);
  const merged = <T extends SummaryContract | ListedContract | ComingDecision>(pick: (s: EscalationSummary) => readonly T[]): T[] => parts.flatMap((p) => tagged(pick(p.summary), p.name));
  const windows = new Map<string, SummaryWindows>(parts.map((p) => [p.name, { expiryRedDays: p.summary.expiryRedDays, staleAfterDays: p.summary.staleAfterDays }]));
  // Written out field by field, none spread from the first file: a field the summary gains must be rolled up here, not silently be the first file's.
  return {
    asOf: first.summary.asOf,
    counts: { red: sum((s) => s.counts.red), amber: sum((s) => s.counts.amber), green: sum((s) => s.counts.green), unrated: sum((s) => s.counts.unrated) },
    byLevel: { 1: sum((s) => s.byLevel[1]), 2: sum((s) => s.byLevel[2]), 3: sum((s) => s.byLevel[3]) },
    valueAtRisk: combinedValueAtRisk(parts.map((p) => p.summary)),
    contracts: ranked(merged((s) => s.contracts)),
    totalContracts: sum((s) => s.totalContracts),
    closedContracts: sum((s) => s.closedContracts),
    staleContracts: sum((s) => s.staleContracts),
    stale: merged((s) => s.stale).sort(byEnd),
    unrated: merged((s) => s.unrated).sort(byValue),
    decisionsComing: merged((s) => s.decisionsComing).sort(byDecideBy),
    staleAfterDays: first.summary.staleAfterDays,
    expiryRedDays: first.summary.expiryRedDays,
    ladder: combinedLadder(parts),
    dateLocale: first.summary.dateLocale,
    windowsByFile: windows,
  };
}

/**
 * Every file's Procurement Act 2023 duties in one list, each naming its file, in the order a
 * register takes them (needed now, then soonest due: core/duties byDutyUrgency), then by file and row.
 * @example combinedDuties([adults, children]).map((d) => [d.section, d.file]) → [["s.80", "children.csv"], ["s.71", "adults.xlsx"]]
 */
export function combinedDuties(parts: readonly PortfolioPart[]): DutyFinding[] {
  return parts.flatMap((p) => tagged(p.duties ?? [], p.name)).sort(byDutyUrgency);
}
