import * as fs from "fs";
import * as path from "path";
import { isBlankCell } from "../core/cellValues";
import { rowName } from "../core/contractNames";
import { headerText } from "../core/mapping";
import { dateToSerial, type DateOrder } from "../core/dates";
import { CONTRACTS } from "../core/schema";
import { workbookDateOrder } from "../core/workbookDateOrder";
import { setUpTracker } from "../features/setUpTracker";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { Options } from "./options";
import { InputError } from "./readRegister";
import { checkOutput, writeOutput } from "./outputFile";
import { fieldColumns, openRegister } from "./register";
import { typeRegisterCells } from "./registerTypes";
import { userMapping } from "./userMapping";
import { writeTracker } from "./writeTracker";
import { checkCellTexts } from "./cellTextLimits";
import { WorkbookTable, readTables, restoreTrackerTables } from "./xlsxTables";

/** The tables of a workbook file; none where it cannot be read as one (the register reader then says why). */
function trackerTablesOf(file: string): WorkbookTable[] {
  try {
    return readTables(fs.readFileSync(file));
  } catch {
    return [];
  }
}

/** A header on one line, at most 60 characters, for a line of the output. */
const oneLine = (text: string): string => {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
};

/** `convert FILE --out TRACKER.xlsx`: the register becomes a tracker workbook, every original value kept. */
export async function convert(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const outFile = options.value("--out") ?? "";
  if (path.extname(outFile).toLowerCase() !== ".xlsx") throw new InputError(`--out must name an .xlsx file (got ${outFile})`);
  // Before the register is read: a conversion of a million rows must not end in a refusal.
  checkOutput(outFile, options.file, options.has("--force"));
  // A tracker converted again: its Contracts table is the register, wherever other sheets have more
  // columns a register might have (Risks' Owner and Status), and its tables are found where they are.
  const tables = /\.xls[xm]$/i.test(options.file) && fs.existsSync(options.file) ? trackerTablesOf(options.file) : [];
  const { file: register, found } = await openRegister(options, note, tables.find((t) => t.name === "Contracts")?.sheet);
  // As in the wizard, a tracker is set up without a Contract ID only when the user has said the
  // register has none (`--map contractId=`, or a mapping file with "contractId": null).
  const user = userMapping(options);
  const saidNoIds = user.flags.contractId === null || (user.flags.contractId === undefined && user.file?.corrections.contractId === null);
  if (!found.mapping.fields.contractId && !saidNoIds) {
    const headers = (found.rows[found.mapping.headerRow] ?? []).map(headerText).filter((h) => h !== "");
    throw new InputError(
      `No Contract ID column found on sheet "${found.sheet}": name it with --map contractId="HEADER" (the columns are ${headers.map((h) => `"${h}"`).join(", ")}), or say the register has none with --map contractId= and each contract is named by its row`,
    );
  }
  const asOfText = options.value("--as-of");
  let asOf: number | undefined;
  if (asOfText) {
    const [y, m, d] = asOfText.split("-").map(Number);
    const serial = dateToSerial(y, m, d);
    if (serial === null) throw new InputError(`--as-of ${asOfText} is not a date`);
    asOf = serial;
  }
  // Refused before anything is written: a cell longer than Excel holds.
  const escaped = checkCellTexts(register.sheets);
  const book = MemoryWorkbook.fromSheets(Object.fromEntries(register.sheets));
  book.active = found.sheet;
  restoreTrackerTables(book, tables);
  // An .xlsx register's number formats go with its cells: dates stay dates, money keeps its currency.
  for (const [sheet, formats] of register.numberFormats) {
    const grid = book.sheets.get(sheet) ?? [];
    formats.forEach((line, r) => line?.forEach((format, c) => {
      const cell = grid[r]?.[c];
      if (cell && format) cell.numberFormat = format;
    }));
  }
  const started = Date.now();
  // The register's day/month order, decided as check and set-up decide it (what most of its dates
  // prove, else --date-order, else day-first), before its text dates become date cells.
  const registerOrder = workbookDateOrder(found.rows.slice(found.mapping.headerRow + 1), fieldColumns(found.mapping), CONTRACTS.fields, (options.value("--date-order") ?? "dmy") as DateOrder);
  // Dates, money, numbers and TRUE/FALSE written as text in the register become typed cells.
  const typing = typeRegisterCells(book.sheets.get(found.sheet) ?? [], found, registerOrder);
  const report = await setUpTracker(book, {
    sheet: found.sheet,
    // The header row and columns `map` shows, the user's corrections with them.
    mapping: found.mapping,
    asOf,
    // The date asked for stays the tracker's as_of; without --as-of it is =TODAY().
    fixedAsOf: asOf !== undefined,
    // The order decided from the register's text dates before they became date cells; Settings says it.
    dateOrder: typing.dateOrder,
    registerDateOrder: typing.dateOrder,
    createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"],
    // The user has said there is none (checked above): keyed by row number, and the output says so on its own line.
    noContractIds: saidNoIds,
    formulas: options.value("--formulas") === "native" ? "native" : "contract",
  });
  await writeOutput(outFile, options.has("--force"), (temporary) => writeTracker(book, temporary));
  const lines = [
    // A fully blank row inside the table is no contract (check and summary skip it too).
    `Wrote ${outFile}: ${found.rows.slice(found.mapping.headerRow + 1).filter((line) => !line.every(isBlankCell)).length.toLocaleString("en-GB")} contracts from sheet "${report.sheet}" as the ${report.table} table (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  computed columns${report.formulas === "native" ? " (Excel's own formulas: they work without the add-in)" : ""}: ${report.addedColumns.join(", ") || "none"}`,
    ...(report.readAtSetUp.length
      ? [`  read at conversion, from text Excel's formulas cannot read (each column's note says which): ${report.readAtSetUp.map((r) => `${r.column} ${r.rows.toLocaleString("en-GB")} rows`).join(", ")}`]
      : []),
    ...report.skippedColumns.map((s) => `  not added: ${s.header} — ${s.reason}`),
    ...report.besideRegister.map((b) => `  kept: the register's own ${b.header}, as it is (no formula reads it); the tracker's is "${b.name}"`),
    ...report.renamedHeaders.map((r) => `  header renamed for the table: "${oneLine(r.text)}" is "${oneLine(r.name)}" (${r.why === "repeated" ? "a table's columns need different names" : "a table column's name holds at most 255 characters"}; its note keeps the text)`),
    ...(escaped.count ? [`  ${escaped.count.toLocaleString("en-GB")} ${escaped.count === 1 ? "cell holds" : "cells hold"} control characters XML cannot carry (first: ${escaped.first}): written as Excel writes them (_x0001_), and read back as they were`] : []),
    ...(report.keyedByRow ? [`  no Contract ID column: each contract is named by its row (${rowName(found.mapping.headerRow + 2)}, ${rowName(found.mapping.headerRow + 3)} …)`] : []),
    `  tables created: ${report.createdTables.join(", ") || "none (the workbook has them)"}`,
    ...[...new Set(report.notCreated.map((t) => t.reason))].map((reason) => `  not created: ${report.notCreated.filter((t) => t.reason === reason).map((t) => t.table).join(", ")} — ${reason}`),
    `  date order: ${report.dateOrder === "mdy" ? "month first (mdy)" : "day first (dmy)"}, in Settings`,
    `  data-quality problems: ${report.issues.length.toLocaleString("en-GB")} (see: contract-tracker check ${options.file})`,
  ];
  write(lines.join("\n"));
}
