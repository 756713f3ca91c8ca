import { serialToDate } from "./dates";
import type { NormalisedRow, TypedValue } from "./normalise";

// How a contract is named and found, in one place: the summary, the dashboard, the contract card,
// the forms, the escalation log and the CLI all call a contract by the same name and match the
// rows of the other tables (Milestones, KPIs, the Escalations log …) to it by the same key. A
// register with no Contract ID column (the user said it has none), or a row whose ID cell is
// blank, names the contract by its sheet row, "Row 14", never by a blank or `undefined`.

const textOf = (value: TypedValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());

/**
 * What a contract is called wherever an ID is shown: its Contract ID as the register writes it
 * (trimmed), or `Row N` (its 1-based sheet row, as Excel shows it) where it has none.
 * @example contractName({ row: 14, fields: { contractId: " C-001 " } }) → "C-001"; contractName({ row: 14, fields: {} }) → "Row 14"
 */
export function contractName(contract: Pick<NormalisedRow, "row" | "fields">): string {
  return textOf(contract.fields.contractId) || rowName(contract.row);
}

/**
 * The name of a contract that has no ID: its sheet row.
 * @example rowName(14) → "Row 14"
 */
export function rowName(row: number): string {
  return `Row ${row}`;
}

/**
 * A contract's key, which rows of the other tables are matched on: its name, case ignored. A
 * contract with no ID is found by `Row N` in those tables (the Escalations log writes that name).
 * @example contractKey({ row: 14, fields: { contractId: "C-001" } }) → "c-001"; contractKey({ row: 14, fields: {} }) → "row 14"
 */
export function contractKey(contract: Pick<NormalisedRow, "row" | "fields">): string {
  return contractName(contract).toLowerCase();
}

/**
 * The key of the contract a row of another table (a milestone, a KPI, a log entry) belongs to: its
 * Contract ID cell, trimmed, case ignored; "" when blank (it belongs to none).
 * @example belongsTo({ row: 3, fields: { contractId: "Row 14" } }) → "row 14"
 */
export function belongsTo(related: Pick<NormalisedRow, "fields">): string {
  return keyOfName(related.fields.contractId);
}

/**
 * A name the user typed or a table holds, as keys compare: trimmed, case ignored; "" for blank.
 * @example keyOfName(" C-001 ") → "c-001"
 */
export function keyOfName(name: TypedValue | undefined): string {
  return textOf(name).toLowerCase();
}

/**
 * Rows of another table grouped by the contract ID they give (blank Contract IDs left out). It
 * cannot tell contracts sharing an ID apart: to match rows to contracts use `relatedByContract`.
 * @example groupByContract([{ row: 2, fields: { contractId: "C-1" } }]).get("c-1")?.length → 1
 */
export function groupByContract<T extends Pick<NormalisedRow, "fields">>(rows: readonly T[] | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows ?? []) {
    const key = belongsTo(r);
    if (key === "") continue;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Contracts that share an ID. Registers repeat IDs (a lot split into two lines, a renewal kept under
// the old reference), and a milestone, risk or log entry that gives only the ID cannot say which of
// them it is about. Such a row names its contract in a "Which contract" column, added to a table
// only when a record for a shared ID is first written there: a register whose IDs are unique never
// sees it.
//
// Why not the contract's sheet row: sorting the Contracts table is routine and moves contracts
// between rows. A record keyed "row 12" would then follow whichever contract lands on row 12, and
// when the two rows sharing the ID trade places nothing could notice. So the column holds what
// tells the contract apart from the others with its ID, in the register's own words: its title
// ("Cleaning – Lot 2"), else its supplier, start or end date ("starts 1 Apr 2024"), value ("value
// 120,000"), department or contract manager; two of them together where no one does. That travels
// with the contract however the table is sorted, and the user reads it and can type it by hand.
// Editing the contract's title afterwards cannot send a record to the wrong contract: the record then
// names none, and shows on each card marked "can't tell which".
//
// Only a line whose every filled one of those fields another line of its ID repeats (a line entered
// twice, or a copy with cells left blank) is named by its row ("Row 40"), since nothing else tells
// it apart; a row typed by hand is read too. A sort can swap such lines unnoticed, but they differ
// only where one is blank or in columns the tracker does not read. On the shared registers that is 57 of Toronto's 1,873
// contracts sharing an ID, 30 of its 206 non-competitive ones, 11 of 22 in the OCDS extract.

/** The header of the column, in the Milestones, KPIs, Risks, Changes and Escalations tables, saying which of the contracts sharing an ID a row is about. */
export const WHICH_CONTRACT_HEADER = "Which contract";

/** The field a related row's Which contract cell is read into. */
export const WHICH_CONTRACT = "whichContract";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// A date in words ("1 Apr 2024"): read alike whatever the workbook's day/month order, and, behind
// "starts", never turned into a date by Excel when written to a cell.
function dateInWords(value: TypedValue | undefined, lead: string): string {
  if (typeof value !== "number") return textOf(value) && `${lead} ${textOf(value)}`;
  const date = serialToDate(Math.floor(value));
  return date ? `${lead} ${date.day} ${MONTHS[date.month - 1]} ${date.year}` : "";
}

// An amount as a register shows one ("value 8,658,579.6"): behind the word, it stays text in a cell.
const amountInWords = (value: TypedValue | undefined, lead: string): string =>
  typeof value === "number" && Number.isFinite(value) ? `${lead} ${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}` : "";

/** What can tell contracts with one ID apart, first choice first, each as the user would write it. */
const TELLS: readonly ((fields: NormalisedRow["fields"]) => string)[] = [
  (f) => textOf(f.title),
  (f) => textOf(f.supplier),
  (f) => dateInWords(f.startDate, "starts"),
  (f) => dateInWords(f.endDate, "ends"),
  (f) => amountInWords(f.totalValue, "value"),
  (f) => amountInWords(f.annualValue, "a year"),
  (f) => textOf(f.department),
  (f) => textOf(f.contractManager),
];

/**
 * Every name a contract answers to among others with its ID, first choice first: each telling field
 * alone, then two together ("Capital Sewer Services Inc., value 8,658,579.6"), for three lines of one
 * ID where each field is shared by two of them.
 */
function namesOf(fields: NormalisedRow["fields"]): string[] {
  const single = TELLS.map((tell) => tell(fields)).filter((w) => w !== "");
  const pairs = single.flatMap((a, i) => single.slice(i + 1).map((b) => `${a}, ${b}`));
  return [...single, ...pairs];
}

/** Text as Which contract cells compare: trimmed, runs of spaces as one, case ignored. */
const comparable = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * "12 and 40", "12, 40 and 77": sheet rows in words.
 * @example rowsInWords([12, 40]) → "12 and 40"
 */
export function rowsInWords(rows: readonly number[]): string {
  return rows.length <= 1 ? rows.map(String).join("") : `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

/** The contracts of a register as the other tables' rows find them: by ID, and by Which contract where an ID is shared. */
export interface ContractsById<C> {
  /**
   * The contracts a row of another table is about: the one with its Contract ID; where several
   * share that ID, the one its Which contract names, or — when it names none of them, or several —
   * every one of them (it shows under each, marked). Empty when no contract has its ID.
   */
  contractsOf(related: Pick<NormalisedRow, "fields">): readonly C[];
  /** Every contract with this one's ID, itself among them, in the register's order. */
  sameId(contract: C): readonly C[];
  /** What a record added for the contract writes in Which contract; null when its ID is its own (nothing is written). */
  whichContract(contract: C): string | null;
}

/**
 * Indexes a register's contracts by key for matching the other tables' rows to them (see above for
 * why a shared ID is told apart by the contract's own words, not its row).
 * @example contractsById([a, b]).whichContract(b) → "Cleaning – Lot 2" where a and b share C-104 and differ first by title
 */
export function contractsById<C extends Pick<NormalisedRow, "row" | "fields">>(
  contracts: readonly C[],
  /** Index only the contracts with these keys (those the related rows name): the summary's 100,000 contracts mostly have none. */
  keys?: ReadonlySet<string>,
): ContractsById<C> {
  // Most IDs are a contract's own: those are kept as the contract itself, and only shared ones get
  // a list (an array per contract is 100,000 arrays for the summary to build and collect).
  const only = new Map<string, C>();
  const shared = new Map<string, C[]>();
  for (const c of contracts) {
    const key = contractKey(c);
    if (keys !== undefined && !keys.has(key)) continue;
    const had = only.get(key);
    if (had === undefined) only.set(key, c);
    else {
      const group = shared.get(key);
      if (group) group.push(c);
      else shared.set(key, [had, c]);
    }
  }
  const byKey = {
    get(key: string): readonly C[] | undefined {
      const group = shared.get(key);
      if (group) return group;
      const one = only.get(key);
      return one === undefined ? undefined : [one];
    },
  };
  // Worked out once per shared ID, when first asked: most registers have none.
  const told = new Map<string, { names: Map<C, string>; known: Map<C, Set<string>> }>();
  const tellApart = (key: string, group: readonly C[]) => {
    let found = told.get(key);
    if (found) return found;
    const words = group.map((c) => namesOf(c.fields));
    const known = new Map<C, Set<string>>(group.map((c, i) => [c, new Set([...words[i].map(comparable), comparable(rowName(c.row)), String(c.row)])]));
    // A contract's name is its first words no other contract of the ID answers to.
    const names = new Map<C, string>();
    group.forEach((c, i) => {
      const unique = words[i].find((w) => group.every((other) => other === c || !known.get(other)?.has(comparable(w))));
      names.set(c, unique ?? rowName(c.row));
    });
    found = { names, known };
    told.set(key, found);
    return found;
  };
  const none: readonly C[] = [];
  return {
    contractsOf(related) {
      const key = belongsTo(related);
      const group = key === "" ? undefined : byKey.get(key);
      if (!group) return none;
      if (group.length === 1) return group;
      const which = comparable(textOf(related.fields[WHICH_CONTRACT]));
      if (which === "") return group;
      const { known } = tellApart(key, group);
      const named = group.filter((c) => known.get(c)?.has(which));
      return named.length === 1 ? named : group;
    },
    sameId(contract) {
      // Only whole indexes know every contract's fellows; a keyed one answers for its keys.
      return byKey.get(contractKey(contract)) ?? [contract];
    },
    whichContract(contract) {
      const key = contractKey(contract);
      const group = byKey.get(key);
      if (!group || group.length < 2) return null;
      return tellApart(key, group).names.get(contract) ?? rowName(contract.row);
    },
  };
}

/**
 * Rows of another table by the contract they are about, under the rule of `contractsById`: a row
 * whose ID several contracts share and that does not say which is listed under each of them. The
 * map is keyed by the contract objects given; a contract with no rows is absent.
 * @example relatedByContract(contracts, milestones).get(contracts[0])?.length → 2
 */
export function relatedByContract<C extends Pick<NormalisedRow, "row" | "fields">, R extends Pick<NormalisedRow, "fields">>(
  contracts: readonly C[] | ContractsById<C>,
  rows: readonly R[] | undefined,
): Map<C, R[]> {
  const index = "contractsOf" in contracts ? contracts : contractsById(contracts);
  const groups = new Map<C, R[]>();
  for (const r of rows ?? []) {
    for (const c of index.contractsOf(r)) {
      const list = groups.get(c);
      if (list) list.push(r);
      else groups.set(c, [r]);
    }
  }
  return groups;
}
