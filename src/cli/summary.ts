import * as fs from "fs";
import * as path from "path";
import { DateOrder, dateToSerial, todaySerial } from "../core/dates";
import { DEFAULT_LIMIT, SummaryFormat, SummaryGrouping, SummaryLayout, renderSummary } from "../core/summaryRender";
import type { DataQualityIssue } from "../core/normalise";
import { TrackerSnapshots, readTrackerData, summarise } from "../features/trackerData";
import { trackerDuties } from "../features/procurementDuties";
import type { CellValue, TableSnapshot } from "../workbook/port";
import type { Options } from "./options";
import { InputError } from "./readRegister";
import { checkOutput, writeOutput } from "./outputFile";
import { asCorrections, openRegister } from "./register";
import { fixedAsOf } from "./trackerAsOf";
import { terminalJson, terminalText } from "./terminalText";
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
};

/** The data-quality problems in a line: how many of each kind, in how many rows, and where the list is. */
function problemsOf(issues: readonly DataQualityIssue[], file: string): SummaryLayout["problems"] {
  const kinds = new Map<DataQualityIssue["problem"], number>();
  for (const issue of issues) kinds.set(issue.problem, (kinds.get(issue.problem) ?? 0) + 1);
  return {
    rows: new Set(issues.map((i) => i.row)).size,
    byKind: [...kinds].sort((a, b) => b[1] - a[1]).map(([problem, count]) => ({ name: PROBLEM_WORDS[problem][count === 1 ? 0 : 1], count })),
    where: `contract-tracker check ${path.basename(file)} lists them`,
  };
}

/**
 * `summary FILE`: the escalation summary of a register (a plain one, or a tracker workbook with
 * Milestones, KPIs, Escalations and Settings sheets), as text, Markdown, HTML or JSON.
 */
export async function summary(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const format = (options.value("--format") ?? "text") as SummaryFormat;
  const outFile = options.value("--out");
  if (outFile) checkOutput(outFile, options.file, options.has("--force"));
  // A tracker's tables are found where they are: Settings is on "Tracker Settings" beside a register's own Settings sheet.
  const tables = /\.xls[xm]$/i.test(options.file) && fs.existsSync(options.file) ? workbookTables(options.file) : [];
  const { file, found } = await openRegister(options, note, tables.find((t) => t.name === "Contracts")?.sheet);
  const other = (name: string): TableSnapshot | undefined => {
    const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.sheet !== found.sheet);
    if (table) return tableSnapshot(table, file.sheets.get(table.sheet) ?? []);
    const sheet = [...file.sheets.keys()].find((s) => s.toLowerCase() === name.toLowerCase() && s !== found.sheet);
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
  // --as-of (checked when the words were read), else the date a tracker's Settings fix, else today.
  const asOfText = options.value("--as-of");
  const [y, m, d] = (asOfText ?? "").split("-").map(Number);
  const settingsSheet = snapshots.settings?.sheet;
  const asOf =
    (asOfText ? dateToSerial(y, m, d) : null) ??
    (file.kind === "xlsx" && settingsSheet !== undefined ? await fixedAsOf(options.file, settingsSheet, file.sheets.get(settingsSheet) ?? []) : undefined) ??
    todaySerial(new Date());
  let data;
  try {
    // The columns `map` shows, the user's corrections with them, are the ones summarised.
    data = readTrackerData(snapshots, { asOf, dateOrder: options.value("--date-order") as DateOrder | undefined, corrections: asCorrections(found.mapping), locale: options.value("--locale") });
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
  const layout: SummaryLayout = {
    limit: Number(options.value("--limit") ?? DEFAULT_LIMIT),
    groupBy: (options.value("--group-by") as SummaryGrouping | undefined) ?? null,
    more: "--limit 0 or --format json lists them all",
    problems: problemsOf(data.issues, options.file),
    duties: trackerDuties(data, { kpis: snapshots.kpis, changes: other("Changes") }),
  };
  const rendered = renderSummary(summarise(data), format, layout);
  if (outFile) {
    await writeOutput(outFile, options.has("--force"), (temporary) => fs.promises.writeFile(temporary, format === "json" ? terminalJson(rendered) : terminalText(rendered)));
    write(`Wrote ${outFile}`);
  } else write(rendered.replace(/\n$/, ""));
}


