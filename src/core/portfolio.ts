// The portfolio roll-up: one summary over the registers of several departments (one tracker a
// department, issue 14 point 4). Each file is summarised by its own Settings first, so a file's
// thresholds rule its own contracts; the roll-up then adds the summaries up. Contracts are never
// merged: two files that hold the same Contract ID are reported, each contract kept.
import { statusMeaning } from "./contractAssessment";
import type { DutyFinding } from "./duties/procurementDuties";
import type { NormalisedRow } from "./normalise";
import { combinedDuties, combinedSummary, totalsOf } from "./portfolioSummary";
import { compareIds } from "./summaryRanking";
import type { EscalationSummary, MoneyTotal } from "./summaryTypes";

/** One register of the roll-up: its name as shown, its own summary and every contract row read. */
export interface PortfolioPart {
  /** How the file is called in the roll-up: its name (its path where two names are alike). */
  name: string;
  summary: EscalationSummary;
  /** Every contract read from the file, as much of it as the roll-up needs (see `portfolioContract`). */
  contracts: readonly PortfolioContract[];
  /** The file's Procurement Act 2023 duties, by its own Settings (features/procurementDuties); none where absent. */
  duties?: readonly DutyFinding[];
}

/** What the roll-up keeps of every contract read: its sheet row, its Contract ID ("" for none), department and whether its status says it is closed. */
export interface PortfolioContract {
  row: number;
  id: string;
  department: string;
  closed: boolean;
}

/**
 * What the roll-up keeps of a contract row: a register's rows are let go once summarised, so ten
 * registers held together cost their summaries, not their cells.
 * @example portfolioContract({ row: 2, fields: { contractId: " C-1 ", department: "Highways", status: "Terminated" } }) → { row: 2, id: "C-1", department: "Highways", closed: true }
 */
export function portfolioContract(contract: Pick<NormalisedRow, "row" | "fields">): PortfolioContract {
  const f = contract.fields;
  return { row: contract.row, id: textOf(f.contractId), department: textOf(f.department), closed: statusMeaning(f.status).closed };
}

/** A file that was given or found but is not in the roll-up, and why, in one line. */
export interface NotRead {
  name: string;
  reason: string;
}

/** How one file or department stands: every contract read is in exactly one of the counts. */
export interface Breakdown {
  name: string;
  contractsRead: number;
  red: number;
  amber: number;
  green: number;
  unrated: number;
  probablyClosed: number;
  closed: number;
  /** Contracts at escalation level 1 or above, by level. */
  byLevel: { 1: number; 2: number; 3: number };
  /** What the contracts at level 2 or 3 are worth, by currency, largest first (ValueAtRisk). */
  valueAtRisk: MoneyTotal[];
}

/** A department's breakdown, with the files its contracts came from. */
export interface DepartmentBreakdown extends Breakdown {
  files: string[];
}

/** A Contract ID held by more than one file, with each place it is found (file and 1-based sheet row). */
export interface DuplicateId {
  id: string;
  places: { file: string; row: number }[];
}

export interface Portfolio {
  /** The files' summaries as one: counts and levels added up, contracts ranked together, each naming its file. */
  summary: EscalationSummary;
  files: Breakdown[];
  /** Departments by need: most contracts at level 3, then 2, then 1, then most contracts. */
  departments: DepartmentBreakdown[];
  /** IDs in more than one file, the one in most files first, then in ID order. */
  duplicates: DuplicateId[];
  notRead: NotRead[];
  /** Every file's Procurement Act 2023 duties, each naming its file, most urgent first (core/portfolioSummary combinedDuties). */
  duties: DutyFinding[];
}

/** What a department with no name in the register is listed as. */
export const NO_DEPARTMENT = "(no department)";

const textOf = (v: unknown): string => (v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim());
// "Adult Social Care" and "adult social care " are one department: the first spelling is shown.
const departmentKey = (name: string): string => name.toLowerCase();

interface Tally extends Breakdown {
  key: string;
  files: Set<string>;
  sums: Map<string | null, number>;
}

const emptyTally = (key: string, name: string): Tally => ({
  key,
  name,
  contractsRead: 0,
  red: 0,
  amber: 0,
  green: 0,
  unrated: 0,
  probablyClosed: 0,
  closed: 0,
  byLevel: { 1: 0, 2: 0, 3: 0 },
  valueAtRisk: [],
  files: new Set(),
  sums: new Map(),
});

/**
 * Every contract of the portfolio by department: read and closed from the rows, Red, Amber, levels
 * and value at risk from the ranked contracts, unrated and probably closed from their lists; Green
 * is what is left, as every contract is in exactly one count.
 */
function departmentsOf(parts: readonly PortfolioPart[], summary: EscalationSummary): DepartmentBreakdown[] {
  const tallies = new Map<string, Tally>();
  const tally = (department: string): Tally => {
    const name = department || NO_DEPARTMENT;
    const key = departmentKey(name);
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally(key, name)));
    return t;
  };
  for (const part of parts) {
    for (const c of part.contracts) {
      const t = tally(c.department);
      t.contractsRead++;
      t.files.add(part.name);
      if (c.closed) t.closed++;
    }
  }
  for (const c of summary.contracts) {
    const t = tally(textOf(c.department));
    if (c.rag === "Red") t.red++;
    else if (c.rag === "Amber") t.amber++;
    if (c.level >= 1) t.byLevel[c.level as 1 | 2 | 3]++;
    if (c.level >= 2 && c.value !== null) t.sums.set(c.currency, (t.sums.get(c.currency) ?? 0) + c.value);
  }
  for (const c of summary.unrated) tally(textOf(c.department)).unrated++;
  for (const c of summary.stale) tally(textOf(c.department)).probablyClosed++;
  return [...tallies.values()]
    .map(({ key: _key, files, sums, ...t }) => ({
      ...t,
      green: t.contractsRead - t.red - t.amber - t.unrated - t.probablyClosed - t.closed,
      valueAtRisk: totalsOf(sums),
      files: [...files],
    }))
    .sort((a, b) => b.byLevel[3] - a.byLevel[3] || b.byLevel[2] - a.byLevel[2] || b.byLevel[1] - a.byLevel[1] || b.contractsRead - a.contractsRead || a.name.localeCompare(b.name));
}

/** One file's breakdown, from its own summary. */
function fileBreakdown(part: PortfolioPart): Breakdown {
  const s = part.summary;
  return {
    name: part.name,
    contractsRead: s.totalContracts,
    ...s.counts,
    probablyClosed: s.staleContracts,
    closed: s.closedContracts,
    byLevel: { ...s.byLevel },
    valueAtRisk: s.valueAtRisk?.totals ?? [],
  };
}

/**
 * The Contract IDs found in more than one file. IDs compare as the tracker matches them (trimmed,
 * case ignored); a row with no ID ("Row 14") is no ID. The same ID twice in one file is a
 * data-quality problem of that file (`check` lists it), not a duplicate across files.
 */
function duplicatesOf(parts: readonly PortfolioPart[]): DuplicateId[] {
  const seen = new Map<string, { id: string; files: Set<string>; places: { file: string; row: number }[] }>();
  for (const part of parts) {
    for (const c of part.contracts) {
      if (c.id === "") continue;
      const key = c.id.toLowerCase();
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { id: c.id, files: new Set(), places: [] }));
      entry.files.add(part.name);
      entry.places.push({ file: part.name, row: c.row });
    }
  }
  return [...seen.values()]
    .filter((e) => e.files.size > 1)
    .sort((a, b) => b.files.size - a.files.size || compareIds(a.id, b.id))
    .map(({ id, places }) => ({ id, places }));
}

/**
 * The portfolio roll-up of several registers' summaries (issue 14 point 4): one summary of them
 * all with every file's Procurement Act duties, a breakdown per file and per department, the Contract IDs found in more than one file (each
 * contract kept, none merged), and the files not read with why.
 * @throws Error when no part is given (there is nothing to roll up; the CLI says why first)
 * @example portfolio([{ name: "adults.xlsx", summary, contracts }, { name: "children.csv", summary: s2, contracts: c2 }], []).duplicates → [{ id: "C-7", places: [{ file: "adults.xlsx", row: 9 }, { file: "children.csv", row: 4 }] }]
 */
export function portfolio(parts: readonly PortfolioPart[], notRead: readonly NotRead[]): Portfolio {
  if (parts.length === 0) throw new Error("No register to roll up");
  const summary = combinedSummary(parts);
  return { summary, files: parts.map(fileBreakdown), departments: departmentsOf(parts, summary), duplicates: duplicatesOf(parts), notRead: [...notRead], duties: combinedDuties(parts) };
}
