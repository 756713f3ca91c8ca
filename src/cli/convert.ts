import * as fs from "fs";
import * as path from "path";
import { isBlankCell } from "../core/cellValues";
import { rowName } from "../core/contractNames";
import { headerText } from "../core/mapping";
import { dateToSerial, type DateOrder } from "../core/dates";
import { CONTRACTS } from "../core/schema";
import { workbookDateOrder } from "../core/workbookDateOrder";
import { SetUpOptions, SetUpReport, setUpTracker } from "../features/setUpTracker";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { Options } from "./options";
import { InputError } from "./readRegister";
import { checkOutput, filesRead, writeOutput } from "./outputFile";
import { FoundRegister, fieldColumns, openRegister } from "./register";
import { typeRegisterCells } from "./registerTypes";
import { userMapping } from "./userMapping";
import { writeTracker } from "./writeTracker";
import { EscapedCells, checkCellTexts } from "./cellTextLimits";
import { ConvertRegister, StreamedConvert, readForConvert, streamConvert } from "./streamConvert";
import type { RegisterFile } from "./readRegister";
import type { CellValue } from "../workbook/port";
import { WorkbookTable, readTables, restoreTrackerTables } from "./xlsxTables";
import type { KeptWorkbook } from "./xlsxKept";
import { KeptCounts, noKeptCounts } from "./xlsxKeptWrite";

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

type SetUpFromRegister = Omit<SetUpOptions, "sheet" | "mapping" | "dateOrder" | "registerDateOrder">;

/** What a conversion did, for its lines of output. */
interface Converted {
  report: SetUpReport;
  /** Data rows that are not wholly blank. */
  contracts: number;
  issues: number;
  readAtSetUp: SetUpReport["readAtSetUp"];
  escaped: EscapedCells;
  kept: KeptCounts;
}

/** A register converted a row at a time (streamConvert), written under a temporary name and renamed. */
async function convertStreamed(register: ConvertRegister, setUp: SetUpFromRegister, order: DateOrder, outFile: string, force: boolean): Promise<Converted> {
  const { rows, found } = register;
  function* registerRows(): Generator<readonly CellValue[]> {
    for (let r = 0; r < rows.length; r++) yield rows.row(r);
  }
  // Refused before anything is written: a cell longer than Excel holds.
  const escaped = checkCellTexts([[found.sheet, registerRows()], ...register.others]);
  let done: StreamedConvert | undefined;
  await writeOutput(outFile, force, async (temporary) => {
    done = await streamConvert(register, setUp, order, temporary);
  });
  if (!done) throw new Error("the tracker was not written");
  return { report: done.report, contracts: done.contracts, issues: done.issues, readAtSetUp: done.readAtSetUp, escaped, kept: done.kept };
}

/** A tracker converted again, read whole: its own tables are restored where they are, so nothing is added twice. */
async function convertWhole(
  { file: register, found }: { file: RegisterFile; found: FoundRegister },
  tables: readonly WorkbookTable[],
  setUp: SetUpFromRegister,
  order: DateOrder,
  outFile: string,
  force: boolean,
): Promise<Converted> {
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
  // The register's day/month order, decided as check and set-up decide it (what most of its dates
  // prove, else --date-order, else day-first), before its text dates become date cells.
  const registerOrder = workbookDateOrder(found.rows.slice(found.mapping.headerRow + 1), fieldColumns(found.mapping), CONTRACTS.fields, order);
  // Dates, money, numbers and TRUE/FALSE written as text in the register become typed cells.
  const typing = typeRegisterCells(book.sheets.get(found.sheet) ?? [], found, registerOrder);
  const report = await setUpTracker(book, {
    sheet: found.sheet,
    // The header row and columns `map` shows, the user's corrections with them.
    mapping: found.mapping,
    ...setUp,
    // The order decided from the register's text dates before they became date cells; Settings says it.
    dateOrder: typing.dateOrder,
    registerDateOrder: typing.dateOrder,
  });
  let kept = noKeptCounts();
  await writeOutput(outFile, force, async (temporary) => {
    kept = await writeTracker(book, temporary, undefined, register.kept);
  });
  // A fully blank row inside the table is no contract (check and summary skip it too).
  const contracts = found.rows.slice(found.mapping.headerRow + 1).filter((line) => !line.every(isBlankCell)).length;
  return { report, contracts, issues: report.issues.length, readAtSetUp: report.readAtSetUp, escaped, kept };
}

const counted = (n: number, one: string, many: string): string => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** convert's lines on what the tracker kept of an .xlsx register beyond its values, and what it could not. */
function keptLines(kept: KeptCounts, read: KeptWorkbook | undefined, tracker: boolean): string[] {
  if (!read) return [];
  // A tracker converted again gets its RAG fills and drop-down lists from set-up once more.
  const remade = new Set(tracker ? ["conditional formats", "data validation (drop-down lists)"] : []);
  const parts = [
    kept.formulas && counted(kept.formulas, "formula", "formulas"),
    kept.errors && counted(kept.errors, "error cell", "error cells"),
    kept.notes && counted(kept.notes, "note", "notes"),
    kept.hyperlinks && counted(kept.hyperlinks, "hyperlink", "hyperlinks"),
    kept.merges && counted(kept.merges, "merged range", "merged ranges"),
    kept.hiddenRows && counted(kept.hiddenRows, "hidden row", "hidden rows"),
    kept.hiddenSheets && counted(kept.hiddenSheets, "hidden sheet", "hidden sheets"),
    kept.names && counted(kept.names, "defined name", "defined names"),
  ].filter((p): p is string => typeof p === "string");
  const notKept = [...new Set([...read.notKept, ...[...read.sheets.values()].flatMap((sheet) => sheet.notKept)])].filter((what) => !remade.has(what));
  return [
    ...(parts.length ? [`  kept from the workbook: ${parts.join(", ")}`] : []),
    ...(kept.unmerged.length
      ? [`  unmerged (a table cannot hold merged cells; each value stays in its first cell): ${kept.unmerged.slice(0, 5).map((u) => `${u.ref} on "${u.sheet}"`).join(", ")}${kept.unmerged.length > 5 ? ` and ${kept.unmerged.length - 5} more` : ""}`]
      : []),
    ...(kept.tableFormulasAsValues
      ? [`  ${counted(kept.tableFormulasAsValues, "formula is", "formulas are")} kept as ${kept.tableFormulasAsValues === 1 ? "its value" : "their values"}: an Excel table holds no formula in its header row, nor an array formula over several cells`]
      : []),
    ...(kept.namesReplaced.length ? [`  defined names the tracker's own replace (a workbook holds a name once): ${kept.namesReplaced.join(", ")}`] : []),
    ...(kept.formulasAsValues ? [`  ${counted(kept.formulasAsValues, "formula is", "formulas are")} kept as ${kept.formulasAsValues === 1 ? "its value" : "their values"}: the formula ${kept.formulasAsValues === 1 ? "it" : "they"} shared is now a computed column's`] : []),
    ...(notKept.length ? [`  not carried over (the values are): ${notKept.join("; ")}`] : []),
  ];
}

/** `convert FILE --out TRACKER.xlsx`: the register becomes a tracker workbook, every original value kept. */
export async function convert(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const outFile = options.value("--out") ?? "";
  if (path.extname(outFile).toLowerCase() !== ".xlsx") throw new InputError(`--out must name an .xlsx file (got ${outFile})`);
  // Before the register is read: a conversion of a million rows must not end in a refusal.
  checkOutput(outFile, filesRead(options), options.has("--force"));
  // A tracker converted again: its Contracts table is the register, wherever other sheets have more
  // columns a register might have (Risks' Owner and Status), and its tables are found where they are.
  const tables = /\.xls[xm]$/i.test(options.file) && fs.existsSync(options.file) ? trackerTablesOf(options.file) : [];
  const contractsSheet = tables.find((t) => t.name === "Contracts")?.sheet;
  // A register is read once, compactly, and the tracker written a row at a time (streamConvert); a
  // tracker converted again is read whole, so its own tables are restored where they are.
  const streamed = contractsSheet === undefined ? await readForConvert(options, note) : undefined;
  const whole = streamed ? undefined : await openRegister(options, note, contractsSheet, true);
  const found: FoundRegister = streamed?.found ?? (whole as { found: FoundRegister }).found;
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
  const setUp = {
    asOf,
    // The date asked for stays the tracker's as_of; without --as-of it is =TODAY().
    fixedAsOf: asOf !== undefined,
    createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"],
    // The user has said there is none (checked above): keyed by row number, and the output says so on its own line.
    noContractIds: saidNoIds,
    formulas: options.value("--formulas") === "native" ? "native" : "contract",
  } satisfies Omit<SetUpOptions, "sheet" | "mapping" | "dateOrder" | "registerDateOrder">;
  const started = Date.now();
  const order = (options.value("--date-order") ?? "dmy") as DateOrder;
  const { report, contracts, issues, readAtSetUp, escaped, kept } = streamed
    ? await convertStreamed(streamed, setUp, order, outFile, options.has("--force"))
    : await convertWhole(whole as { file: RegisterFile; found: FoundRegister }, tables, setUp, order, outFile, options.has("--force"));
  const lines = [
    // A fully blank row inside the table is no contract (check and summary skip it too).
    `Wrote ${outFile}: ${contracts.toLocaleString("en-GB")} contracts from sheet "${report.sheet}" as the ${report.table} table (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  computed columns${report.formulas === "native" ? " (Excel's own formulas: they work without the add-in)" : ""}: ${report.addedColumns.join(", ") || "none"}`,
    ...(readAtSetUp.length
      ? [`  read at conversion, from text Excel's formulas cannot read (each column's note says which): ${readAtSetUp.map((r) => `${r.column} ${r.rows.toLocaleString("en-GB")} rows`).join(", ")}`]
      : []),
    ...report.skippedColumns.map((s) => `  not added: ${s.header} — ${s.reason}`),
    ...report.besideRegister.map((b) => `  kept: the register's own ${b.header}, as it is (no formula reads it); the tracker's is "${b.name}"`),
    ...report.renamedHeaders.map((r) => `  header renamed for the table: "${oneLine(r.text)}" is "${oneLine(r.name)}" (${r.why === "repeated" ? "a table's columns need different names" : "a table column's name holds at most 255 characters"}; its note keeps the text)`),
    ...(escaped.count ? [`  ${escaped.count.toLocaleString("en-GB")} ${escaped.count === 1 ? "cell holds" : "cells hold"} control characters XML cannot carry (first: ${escaped.first}): written as Excel writes them (_x0001_), and read back as they were`] : []),
    ...(report.keyedByRow ? [`  no Contract ID column: each contract is named by its row (${rowName(found.mapping.headerRow + 2)}, ${rowName(found.mapping.headerRow + 3)} …)`] : []),
    ...keptLines(kept, streamed?.kept ?? whole?.file.kept, !streamed),
    ...(streamed && tables.length ? [`  the register's own Excel tables are plain ranges in the tracker, every value as it was: ${tables.map((t) => t.name).join(", ")}`] : []),
    `  tables created: ${report.createdTables.join(", ") || "none (the workbook has them)"}`,
    ...[...new Set(report.notCreated.map((t) => t.reason))].map((reason) => `  not created: ${report.notCreated.filter((t) => t.reason === reason).map((t) => t.table).join(", ")} — ${reason}`),
    `  date order: ${report.dateOrder === "mdy" ? "month first (mdy)" : "day first (dmy)"}, in Settings`,
    `  data-quality problems: ${issues.toLocaleString("en-GB")} (see: contract-tracker check ${options.file})`,
  ];
  write(lines.join("\n"));
}
