// A register or tracker workbook read as the tracker's typed data: the Contracts table found and
// mapped as `map` shows it, with a tracker's Milestones, KPIs, Escalations, Settings and Risks
// sheets beside it. `summary`, its roll-up of many files and `calendar` all start here.
import * as fs from "fs";
import * as path from "path";
import { dateToSerial, DateOrder, todaySerial } from "../core/dates";
import type { DataQualityIssue } from "../core/normalise";
import type { SummaryLayout } from "../core/summaryRender";
import { TrackerData, TrackerSnapshots, readTrackerData } from "../features/trackerData";
import type { CellValue, TableSnapshot } from "../workbook/port";
import { InputError } from "./inputError";
import type { Options } from "./options";
import { asCorrections, openRegister } from "./register";
import { fixedAsOf, settingsFormulaValues, sheetFormulas } from "./trackerAsOf";
import { WorkbookTable, readTables } from "./xlsxTables";

/** A sheet of a tracker workbook as a table: its first non-blank row is the header row. */
function sheetTable(name: string, rows: readonly CellValue[][]): TableSnapshot | undefined {
  const headerRow = rows.findIndex((line) => line.some((v) => v !== null && v !== ""));
  if (headerRow < 0) return undefined;
  return { name, sheet: name, row: headerRow, column: 0, headers: rows[headerRow].map((h) => String(h ?? "")), rows: rows.slice(headerRow + 1) };
}

/** An Excel table of a tracker workbook, read from its sheet's rows where the table says it is. */
function tableSnapshot(table: WorkbookTable, rows: readonly CellValue[][]): TableSnapshot {
  const width = table.columns.length;
  const cut = (line: readonly CellValue[] | undefined): CellValue[] => Array.from({ length: width }, (_, c) => line?.[table.column + c] ?? null);
  return {
    name: table.name,
    sheet: table.sheet,
    row: table.row,
    column: table.column,
    headers: cut(rows[table.row]).map((h) => String(h ?? "")),
    rows: rows.slice(table.row + 1, table.row + 1 + table.rowCount).map(cut),
  };
}

/** The tables of a workbook file; none where it cannot be read as one (the register reader then says why). */
function workbookTables(file: string): WorkbookTable[] {
  try {
    return readTables(fs.readFileSync(file));
  } catch {
    return [];
  }
}

// What `check` calls each problem, in the summary's words: one, many.
const PROBLEM_WORDS: Readonly<Record<DataQualityIssue["problem"], readonly [string, string]>> = {
  "missing-end-date": ["missing end date", "missing end dates"],
  "duplicate-id": ["duplicate contract ID", "duplicate contract IDs"],
  "placeholder-date": ["placeholder date", "placeholder dates"],
  "likely-stand-in": ["likely stand-in date", "likely stand-in dates"],
  "unparseable-date": ["unreadable date", "unreadable dates"],
  "unparseable-money": ["unreadable amount", "unreadable amounts"],
  "end-before-start": ["end date before the start", "end dates before the start"],
  "unrecognised-tier": ["unrecognised tier", "unrecognised tiers"],
};

/** How many data-quality problems of each kind a register has (a duplicate ID once, however many rows share it), and in how many rows. */
export interface ProblemCounts {
  rows: number;
  byCode: Partial<Record<DataQualityIssue["problem"], number>>;
}

/**
 * The data-quality problems of a register counted by kind. A duplicate ID is one problem however
 * many rows share it: each of its rows is an issue (so `check` lists them all), and only its first
 * row counts it, so 4 rows of 2 IDs are 2 duplicate IDs in 4 rows.
 * @example problemCounts(act.issues) → { rows: 4, byCode: { "duplicate-id": 2 } }
 */
export function problemCounts(issues: readonly DataQualityIssue[]): ProblemCounts {
  const byCode: ProblemCounts["byCode"] = {};
  for (const issue of issues) {
    if (issue.problem === "duplicate-id" && issue.firstRowOfId !== undefined && issue.firstRowOfId !== issue.row) continue;
    byCode[issue.problem] = (byCode[issue.problem] ?? 0) + 1;
  }
  return { rows: new Set(issues.map((i) => i.row)).size, byCode };
}

/**
 * Counted problems as the summary words them, most first, with where they are listed.
 * @example problemsInWords({ rows: 4, byCode: { "duplicate-id": 2 } }, "contract-tracker check act.csv lists them").byKind → [{ name: "duplicate contract IDs", count: 2 }]
 */
export function problemsInWords(counts: ProblemCounts, where: string): NonNullable<SummaryLayout["problems"]> {
  const kinds = Object.entries(counts.byCode) as [DataQualityIssue["problem"], number][];
  return {
    rows: counts.rows,
    byKind: kinds.sort((a, b) => b[1] - a[1]).map(([problem, count]) => ({ name: PROBLEM_WORDS[problem][count === 1 ? 0 : 1], count })),
    where,
  };
}

/**
 * The data-quality problems of one register in a line: how many of each kind, in how many rows, and where the list is.
 * @example problemsOf(data.issues, "reg.csv").where → "contract-tracker check reg.csv lists them"
 */
export function problemsOf(issues: readonly DataQualityIssue[], file: string): NonNullable<SummaryLayout["problems"]> {
  return problemsInWords(problemCounts(issues), `contract-tracker check ${path.basename(file)} lists them`);
}

/** The day `--as-of` names (checked when the words were read), or undefined when it was not given. */
export function asOfOption(options: Options): number | undefined {
  const text = options.value("--as-of");
  if (text === undefined) return undefined;
  const [y, m, d] = text.split("-").map(Number);
  return dateToSerial(y, m, d) ?? undefined;
}

/**
 * Reads `options.file` as the tracker's data. The as-of date is `asOf` when given, else `--as-of`,
 * else the date a tracker's Settings fix, else today (`now`).
 * @throws InputError with a one-line reason: the file cannot be read, holds no register, or its Settings need fixing
 * @example (await readTrackerFile(options, console.error)).contracts.length → 1296
 */
export async function readTrackerFile(options: Options, note: (s: string) => void, asOf?: number, now: Date = new Date()): Promise<TrackerData> {
  return (await readTrackerTables(options, note, asOf, now)).data;
}

/**
 * readTrackerFile, with the KPIs and Changes tables as read: the Procurement Act duties count a
 * contract's KPIs and add up its changes from them (features/procurementDuties trackerDuties).
 * @throws InputError as readTrackerFile
 * @example (await readTrackerTables(options, console.error)).changes?.rows.length → 3
 */
export async function readTrackerTables(
  options: Options,
  note: (s: string) => void,
  asOf?: number,
  now: Date = new Date(),
): Promise<{ data: TrackerData; kpis?: TableSnapshot; changes?: TableSnapshot }> {
  // A tracker's tables are found where they are: Settings is on "Tracker Settings" beside a register's own Settings sheet.
  const tables = /\.xls[xm]$/i.test(options.file) && fs.existsSync(options.file) ? workbookTables(options.file) : [];
  const { file, found } = await openRegister(options, note, tables.find((t) => t.name === "Contracts")?.sheet);
  // A tracker table by its name (an Excel table, else a sheet of that name), never the register's own sheet.
  const tableNamed = (name: string) => tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.sheet !== found.sheet);
  const sheetNamed = (name: string) => [...file.sheets.keys()].find((s) => s.toLowerCase() === name.toLowerCase() && s !== found.sheet);
  // Settings a non-calculating tool saved as formulas without results (=DATE(2025,2,24)) are worked out or said.
  const settingsAt = tableNamed("Settings")?.sheet ?? sheetNamed("Settings");
  const settingsFormulas = file.kind === "xlsx" && settingsAt !== undefined ? sheetFormulas(options.file, settingsAt) : undefined;
  if (settingsFormulas !== undefined && settingsAt !== undefined) file.sheets.set(settingsAt, await settingsFormulaValues(file.sheets.get(settingsAt) ?? [], settingsFormulas, note));
  const other = (name: string): TableSnapshot | undefined => {
    const table = tableNamed(name);
    if (table) return tableSnapshot(table, file.sheets.get(table.sheet) ?? []);
    const sheet = sheetNamed(name);
    return sheet ? sheetTable(sheet, file.sheets.get(sheet) ?? []) : undefined;
  };
  const snapshots: TrackerSnapshots = {
    contracts: {
      name: "Contracts",
      sheet: found.sheet,
      row: found.mapping.headerRow,
      column: 0,
      headers: found.rows[found.mapping.headerRow].map((h) => String(h ?? "")),
      rows: found.rows.slice(found.mapping.headerRow + 1),
      // An .xlsx register's money formats say its currency (`"£"#,##0`).
      numberFormats: found.numberFormats?.slice(found.mapping.headerRow + 1),
    },
    milestones: other("Milestones"),
    kpis: other("KPIs"),
    escalations: other("Escalations"),
    settings: other("Settings"),
    risks: other("Risks"),
  };
  const day =
    asOf ??
    asOfOption(options) ??
    (settingsFormulas !== undefined && settingsAt !== undefined ? await fixedAsOf(file.sheets.get(settingsAt) ?? [], settingsFormulas) : undefined) ??
    todaySerial(now);
  try {
    // The columns `map` shows, the user's corrections with them, are the ones read.
    const data = readTrackerData(snapshots, { asOf: day, dateOrder: options.value("--date-order") as DateOrder | undefined, corrections: asCorrections(found.mapping), locale: options.value("--locale") });
    return { data, kpis: snapshots.kpis, changes: other("Changes") };
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}
