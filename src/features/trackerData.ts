import { localeOfDateOrder } from "../core/dateWords";
import { WHICH_CONTRACT, WHICH_CONTRACT_HEADER } from "../core/contractNames";
import { DateOrder, todaySerial } from "../core/dates";
import { EndDateFacts, endDateFacts } from "../core/endDates";
import { escalationSummary } from "../core/escalationSummary";
import { EscalationSummary, LadderNames, ladderFromSettings } from "../core/summaryTypes";
import { mapHeaders } from "../core/mapping";
import { MappingCorrections, applyCorrections, columnNamed } from "../core/mappingCorrections";
import { DataQualityIssue, FieldColumns, NormalisedRow, normaliseTable } from "../core/normalise";
import { CONTRACTS, ESCALATIONS, KPIS, MILESTONES, RISKS, TableDefinition } from "../core/schema";
import { TrackerSettings, readSettings } from "../core/settings";
import type { TableSnapshot, WorkbookPort } from "../workbook/port";
import type { FormulaStyle } from "./trackerFormulas";

/** Where set-up saved the header mapping (and the user's corrections) in the workbook. */
export const MAPPING_SETTING = "contractTracker.mapping";

/** The tracker's tables as read from a workbook or a file. Only Contracts is required. */
export interface TrackerSnapshots {
  contracts: TableSnapshot;
  milestones?: TableSnapshot;
  kpis?: TableSnapshot;
  escalations?: TableSnapshot;
  settings?: TableSnapshot;
  /** The Risks table, where it was read: an open Red risk is among a contract's reasons. */
  risks?: TableSnapshot;
}

export interface ReadOptions {
  /** Overrides the Settings table's as_of (a serial). */
  asOf?: number;
  /** Overrides the Settings table's date_order. */
  dateOrder?: DateOrder;
  /** Field key → the user's header, or null for a field the user said the register has none of (saved mapping): these win over detection. */
  corrections?: MappingCorrections;
  /** Today, for a workbook without an as-of date. */
  now?: Date;
  /**
   * The locale dates are written in words in (core/dateWords): the pane's display locale, the
   * CLI's `--locale`. Left out, the date order's own (dmy → en-GB, mdy → en-US).
   */
  locale?: string;
}

/** The tracker read into typed rows, ready for the escalation engine. */
export interface TrackerData {
  asOf: number;
  settings: TrackerSettings;
  ladder: LadderNames;
  contracts: NormalisedRow[];
  milestones: NormalisedRow[];
  kpis: NormalisedRow[];
  escalations: NormalisedRow[];
  risks: NormalisedRow[];
  /** Where each field of Contracts is (header and 0-based index). */
  contractColumns: FieldColumns;
  /**
   * Where the Contracts table is: its name, sheet and 0-based header row (as TableSnapshot has
   * it), so a contract's sheet row gives its place in the table's body: `row − headerRow − 2`.
   */
  contractsTable?: { name: string; sheet: string; row: number };
  issues: DataQualityIssue[];
  /** What the Contracts table says of its end dates: a likely stand-in, the unreadable ones (core/endDates). */
  endDates: EndDateFacts;
  /** The locale reasons, actions and notices write dates in (core/dateWords dateInWords). */
  dateLocale: string;
}

const oneLine = (h: string): string => h.replace(/\s+/g, " ").trim().toLowerCase();

/** Where each field of a table is, by detection over its headers, with the saved corrections applied. */
export function columnsOf(
  headers: readonly string[],
  table: TableDefinition,
  corrections: MappingCorrections = {},
  ignore: readonly string[] = [],
  rows: readonly (readonly unknown[])[] = [],
): FieldColumns {
  // Computed columns (RAG, Final expiry …) are the tracker's own: they never stand for a register field.
  const ignored = new Set(ignore.map(oneLine));
  // Corrections that name every field's column (the command line's, from the mapping `map` shows)
  // overrule detection field by field, so its reading of the values is skipped: a tenth of a summary's time.
  const settled = table.fields.every((f) => {
    const header = corrections[f.key];
    return header === null || (header !== undefined && (header.trim() === "" || columnNamed(headers, header) >= 0));
  });
  // As in set-up's detection, the values weigh in: a column with no values loses to a twin that has them.
  const detected = mapHeaders(headers.map((h) => (ignored.has(oneLine(h)) ? "" : h)), table, settled ? {} : { rows });
  // A saved column the user has since renamed is skipped: the rest of the mapping still holds.
  const corrected = applyCorrections({ headerRow: 0, ...detected }, headers, corrections, { table, missing: "skip" });
  const columns: FieldColumns = {};
  for (const [key, match] of Object.entries(corrected.fields)) if (match) columns[key] = { column: headers[match.index], index: match.index };
  return columns;
}

function normalised(snapshot: TableSnapshot | undefined, table: TableDefinition, dateOrder: DateOrder, corrections?: MappingCorrections, ignore: readonly string[] = [], locale?: string) {
  if (!snapshot) return { rows: [], issues: [], columns: {} as FieldColumns };
  const columns = columnsOf(snapshot.headers, table, corrections, ignore, snapshot.rows);
  const result = normaliseTable(snapshot.rows, table, columns, { dateOrder, firstRow: snapshot.row + 2, numberFormats: snapshot.numberFormats, locale });
  return { rows: result.rows, issues: result.issues, columns };
}

/** The 0-based index of a table's Which contract column (core/contractNames), or -1 where it has none. */
export function whichContractColumn(headers: readonly string[]): number {
  const wanted = oneLine(WHICH_CONTRACT_HEADER);
  return headers.findIndex((h) => oneLine(h) === wanted);
}

/**
 * A table of rows about contracts (Milestones, KPIs, Risks, Changes, Escalations) as typed rows:
 * its fields by its headers, its computed columns left out, and its Which contract cell, where the
 * table has that column, as the `whichContract` field, so a row about one of several contracts
 * sharing an ID finds its own (core/contractNames contractsById).
 * @example relatedRows(tables.get("Risks"), RISKS, "dmy")[0].fields → { contractId: "C-104", risk: "Strike", …, whichContract: "Cleaning – Lot 2" }
 */
export function relatedRows(snapshot: TableSnapshot | undefined, table: TableDefinition, dateOrder: DateOrder): NormalisedRow[] {
  if (!snapshot) return [];
  const { rows } = normalised(snapshot, table, dateOrder, undefined, [...table.computed, WHICH_CONTRACT_HEADER]);
  const at = whichContractColumn(snapshot.headers);
  if (at < 0) return rows;
  // Blank lines are not among the typed rows: each is found by its sheet row.
  const first = snapshot.row + 2;
  return rows.map((r) => {
    const cell = snapshot.rows[r.row - first]?.[at] ?? null;
    return cell === null || String(cell).trim() === "" ? r : { ...r, fields: { ...r.fields, [WHICH_CONTRACT]: cell } };
  });
}

/**
 * Reads the tracker's tables into typed rows: Settings (thresholds, date order, as-of date, ladder
 * names) first, then Contracts by its mapping, then Milestones, KPIs, Risks and the Escalations log.
 * Throws a plain message when Settings holds a value it cannot use.
 */
export function readTrackerData(tables: TrackerSnapshots, options: ReadOptions = {}): TrackerData {
  const settingRows = tables.settings?.rows ?? [];
  const read = readSettings(settingRows.filter((r) => String(r[0] ?? "").trim().toLowerCase() !== "as_of").map((r) => [r[0], r[1]]));
  if (!read.ok) throw new Error(`The Settings table needs fixing: ${read.error}`);
  const dateOrder = options.dateOrder ?? read.value.dateOrder;
  const settings: TrackerSettings = { ...read.value, dateOrder };
  const asOfCell = settingRows.find((r) => String(r[0] ?? "").trim().toLowerCase() === "as_of")?.[1];
  const asOf = options.asOf ?? (typeof asOfCell === "number" && asOfCell > 0 ? Math.floor(asOfCell) : todaySerial(options.now ?? new Date()));
  const contracts = normalised(tables.contracts, CONTRACTS, dateOrder, options.corrections, CONTRACTS.computed, options.locale);
  const milestones = relatedRows(tables.milestones, MILESTONES, dateOrder);
  const kpis = relatedRows(tables.kpis, KPIS, dateOrder);
  const escalations = relatedRows(tables.escalations, ESCALATIONS, dateOrder);
  const risks = relatedRows(tables.risks, RISKS, dateOrder);
  return {
    asOf,
    settings,
    ladder: ladderFromSettings(settingRows),
    contracts: contracts.rows,
    milestones,
    kpis,
    escalations,
    risks,
    contractColumns: contracts.columns,
    contractsTable: { name: tables.contracts.name, sheet: tables.contracts.sheet, row: tables.contracts.row },
    issues: contracts.issues,
    endDates: endDateFacts(contracts.rows, contracts.issues, contracts.columns.endDate !== undefined),
    dateLocale: options.locale ?? localeOfDateOrder(dateOrder),
  };
}

/** The escalation summary of the tracker's data. */
export function summarise(data: TrackerData): EscalationSummary {
  return escalationSummary(
    { contracts: data.contracts, milestones: data.milestones, kpis: data.kpis, escalations: data.escalations, risks: data.risks, endDates: data.endDates },
    data.settings,
    data.asOf,
    data.ladder,
    data.dateLocale,
  );
}

/**
 * The saved mapping's corrections and the Contracts table's name, if set-up has run: field key →
 * header, or null for a field the user said the register does not have (a register with no
 * Contract IDs stays keyed by row number however its headers read later); `noContractIds` when the
 * user said the register has none; `formulas`, which formulas its computed columns are in.
 */
export async function savedMapping(port: WorkbookPort): Promise<{ table: string; corrections: MappingCorrections; noContractIds: boolean; formulas: FormulaStyle }> {
  const saved = await port.loadSetting(MAPPING_SETTING);
  if (!saved) return { table: "Contracts", corrections: {}, noContractIds: false, formulas: "contract" };
  try {
    const parsed = JSON.parse(saved) as { table?: unknown; fields?: unknown; noContractIds?: unknown; formulas?: unknown };
    const table = typeof parsed.table === "string" && parsed.table ? parsed.table : "Contracts";
    const fields = parsed.fields && typeof parsed.fields === "object" ? (parsed.fields as Record<string, unknown>) : {};
    const corrections = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string | null] => typeof e[1] === "string" || e[1] === null));
    return { table, corrections, noContractIds: parsed.noContractIds === true, formulas: parsed.formulas === "native" ? "native" : "contract" };
  } catch {
    return { table: "Contracts", corrections: {}, noContractIds: false, formulas: "contract" };
  }
}

/**
 * Reads every tracker table through the port in one go: the saved mapping (one trip), then all
 * tables together (one trip for their shape, then as many as their size needs).
 */
export async function readTracker(
  port: WorkbookPort,
  options: ReadOptions = {},
  alsoRead: readonly string[] = [],
): Promise<{ data: TrackerData; contractsTable: TableSnapshot; tables: Map<string, TableSnapshot> }> {
  const { table, corrections } = await savedMapping(port);
  // The KPIs' number formats too: a target typed as 95% is the number 0.95 formatted 0%, and the card shows it as the register writes it.
  const tables = await port.readTables([...new Set([table, "Milestones", "KPIs", "Escalations", "Settings", "Risks", ...alsoRead])], undefined, { numberFormatsOf: ["KPIs"] });
  const contracts = tables.get(table);
  if (!contracts) throw new Error(`There is no ${table} table yet: set the tracker up first (Contracts tab › Set up tracker)`);
  const data = readTrackerData(
    { contracts, milestones: tables.get("Milestones"), kpis: tables.get("KPIs"), escalations: tables.get("Escalations"), settings: tables.get("Settings"), risks: tables.get("Risks") },
    { ...options, corrections: { ...corrections, ...options.corrections } },
  );
  return { data, contractsTable: contracts, tables };
}
