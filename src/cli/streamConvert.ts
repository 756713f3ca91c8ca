/**
 * convert at any length: the register is held once, a column at a time (ColumnRows: the whole-
 * column decisions read it so, and a few long arrays are cheap for the collector), and the tracker
 * is written a row at a time. Two steps:
 *  1. decide, from the whole register, what set-up decides from it: the header mapping (from the
 *     first rows and the evenly spread sample mapping reads), the date order, each column's type, the
 *     normalising decisions; then set up the tracker's structure with the real setUpTracker on a
 *     workbook holding only the rows above the data (so every rule of set-up is the one place's);
 *  2. stream each data row through the same per-row functions set-up uses (typed cells,
 *     core/normalise normaliseRow, features/computedRows for cached values and native row formulas)
 *     into the streaming sheet writer.
 * Nothing of a row outlives its writing: a million rows take the memory of their text, not of
 * millions of cell objects, snapshots and XML strings.
 */
import * as v8 from "v8";
import * as vm from "vm";
import type { DateOrder } from "../core/dates";
import { DataQualityIssue, RegisterProblems, normalisePlan, normaliseRow } from "../core/normalise";
import { CONTRACTS } from "../core/schema";
import { workbookDateOrderOfColumns } from "../core/workbookDateOrder";
import { ComputedRows } from "../features/computedRows";
import { SetUpOptions, SetUpReport, setUpTracker } from "../features/setUpTracker";
import { MemoryCell, MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { CellValue } from "../workbook/port";
import type { Options } from "./options";
import { readRegister } from "./readRegister";
import { FoundRegister, fieldColumns, foundRegister } from "./register";
import { RegisterRows, heldRows } from "./registerRows";
import { typeRegisterColumns } from "./registerTypes";
import { writeTracker } from "./writeTracker";
import type { KeptWorkbook } from "./xlsxKept";
import type { KeptCounts } from "./xlsxKeptWrite";

// Above this many rows, the collector is run once between convert's steps (see collectBetweenSteps).
const LARGE_REGISTER_ROWS = 200_000;

let collector: (() => void) | undefined;
/**
 * A full garbage collection between two steps of a large register's convert, when what the step
 * before made is all let go at once: the file's text once it is split (180 MB for a million rows),
 * the rows once they are held as columns (200 MB), the column copies the whole-column decisions read. Left
 * to itself, V8 collects those only after the next step has piled its own on top (a million-row
 * convert went past 1 GB so); run after every column, as it was, the collections cost a quarter of
 * the convert's time. (V8 has no other way to be asked for a collection than its --expose-gc flag.)
 */
function collectBetweenSteps(rows: number): void {
  if (rows <= LARGE_REGISTER_ROWS) return;
  if (!collector) {
    v8.setFlagsFromString("--expose-gc");
    collector = vm.runInNewContext("gc") as () => void;
  }
  collector();
}

/** A register read for convert: its rows on the sheet the tracker is set up on, where it was found, and the workbook's other sheets. */
export interface ConvertRegister {
  found: FoundRegister;
  rows: RegisterRows;
  /** Each cell's number format, where the file keeps them (.xlsx). */
  formats?: (string | undefined)[][];
  /** The other sheets, as read (an .xlsx register's). */
  others: Map<string, CellValue[][]>;
  otherFormats: Map<string, (string | undefined)[][]>;
  /** Every sheet's name in the workbook's order. */
  order: string[];
  /** What an .xlsx register has beyond values (formulas, notes, links, merges, hidden parts), written back at the same cells. */
  kept?: KeptWorkbook;
}

/**
 * Reads a register for convert and finds its contract table as `map` finds it: read as the other
 * commands read it (readRegister), so a file with stray quotes or past a limit reads the same in
 * every command. (A CSV read as a stream needs a streaming reader that splits as csvSplit does.)
 * @throws InputError as readRegister, with the file named
 */
export async function readForConvert(options: Options, note: (line: string) => void): Promise<ConvertRegister> {
  // Read as check and map read it (stray quotes, limits, notes), so a file reads the same in every command.
  const register = await readRegister(options.file, { keep: true });
  for (const line of register.notes) note(line);
  const found = await foundRegister(register, options, note);
  const others = new Map([...register.sheets].filter(([name]) => name !== found.sheet));
  const order = [...register.sheets.keys()];
  // The register's rows are moved into columns (convert reads them a column at a time), and only
  // the rows down to the header row stay as rows, for what is said of the headers.
  const header = found.rows.slice(0, found.mapping.headerRow + 1);
  // The file's text (split, and let go) is collected before the columns are made beside the rows.
  collectBetweenSteps(found.rows.length);
  const rows = heldRows(found.rows);
  collectBetweenSteps(rows.length);
  return { found: { ...found, rows: header }, rows, formats: found.numberFormats, others, otherFormats: register.numberFormats, order, ...(register.kept ? { kept: register.kept } : {}) };
}

/** Each column's typed cells, where typing changed them: a value and a number format a cell. */
class TypedOverlay {
  private readonly columns: ({ kinds: Uint8Array; numbers: Float64Array; formats: Uint16Array } | undefined)[] = [];
  private readonly formatList: string[] = [];
  private readonly formatIds = new Map<string, number>();

  constructor(private readonly length: number) {}

  set(column: number, index: number, value: number | boolean, numberFormat: string | undefined): void {
    let typed = this.columns[column];
    if (!typed) this.columns[column] = typed = { kinds: new Uint8Array(this.length), numbers: new Float64Array(this.length), formats: new Uint16Array(this.length) };
    typed.kinds[index] = typeof value === "number" ? 1 : 2;
    typed.numbers[index] = typeof value === "number" ? value : value ? 1 : 0;
    if (numberFormat) {
      let id = this.formatIds.get(numberFormat);
      if (id === undefined) {
        this.formatList.push(numberFormat);
        this.formatIds.set(numberFormat, (id = this.formatList.length));
      }
      typed.formats[index] = id;
    }
  }

  /** The typed value at a cell, or undefined where typing left it as it was. */
  value(column: number, index: number): number | boolean | undefined {
    const typed = this.columns[column];
    const kind = typed?.kinds[index] ?? 0;
    if (!typed || kind === 0) return undefined;
    return kind === 1 ? typed.numbers[index] : typed.numbers[index] === 1;
  }

  /** The number format typing gave a cell, if any. */
  format(column: number, index: number): string | undefined {
    const id = this.columns[column]?.formats[index] ?? 0;
    return id === 0 ? undefined : this.formatList[id - 1];
  }
}

/** What a streaming convert did, for its report. */
export interface StreamedConvert {
  report: SetUpReport;
  /** Data rows in the table. */
  rows: number;
  /** Contracts: the data rows that are not wholly blank (check and summary skip those too). */
  contracts: number;
  issues: number;
  readAtSetUp: { column: string; rows: number }[];
  /** What of the register's formulas, notes, links, merges and hidden parts the tracker kept. */
  kept: KeptCounts;
}

// A cell that stands in, in the workbook set-up sees, for the data rows' widest extent (never written).
const EXTENT = "\u2026";

/**
 * Converts a register (readForConvert) into the tracker at `outFile`, a row at a time (see the top of
 * this file). `setUp`: set-up's options but the sheet, mapping and date orders, which come from the
 * register; `fallbackOrder`: the user's --date-order, else day-first.
 * @example const done = await streamConvert(register, { asOf, fixedAsOf: true, createTables: [...], formulas: "native" }, "dmy", "tracker.xlsx"); done.rows → 100000
 */
export async function streamConvert(register: ConvertRegister, setUp: Omit<SetUpOptions, "sheet" | "mapping" | "dateOrder" | "registerDateOrder">, fallbackOrder: DateOrder, outFile: string): Promise<StreamedConvert> {
  const { found, rows, formats } = register;
  const first = found.mapping.headerRow + 1;
  const length = Math.max(0, rows.length - first);
  // The register's day/month order, decided as check and set-up decide it (what most of its dates
  // prove, else --date-order, else day-first), before its text dates become date cells.
  const registerOrder = workbookDateOrderOfColumns((c) => rows.column(c, first), fieldColumns(found.mapping), CONTRACTS.fields, fallbackOrder);
  // Dates, money, numbers and TRUE/FALSE written as text become typed cells; the data rows' extent is found on the way.
  const overlay = new TypedOverlay(length);
  let lastRow = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  const typing = typeRegisterColumns(
    (c) => {
      const values = rows.column(c, first);
      for (let i = values.length - 1; i >= 0; i--) {
        if (values[i] === null || values[i] === "") continue;
        lastRow = Math.max(lastRow, i);
        left = Math.min(left, c);
        right = Math.max(right, c);
        break;
      }
      return values;
    },
    rows.width,
    found,
    registerOrder,
    (c, i, value, numberFormat) => {
      // A cell formatted as text (`@`) in the workbook stays text: its owner said so.
      if (formats?.[first + i]?.[c] !== "@") overlay.set(c, i, value, numberFormat);
    },
  );
  const count = lastRow + 1;
  collectBetweenSteps(rows.length);

  // The tracker's structure, set up by set-up itself on the rows above the data and one row that
  // spans the data's extent (so the table is as wide as the register's used range, as it would be).
  const head: CellValue[][] = [];
  for (let r = 0; r < first && r < rows.length; r++) head.push(rows.row(r));
  if (count > 0) {
    const extent: CellValue[] = new Array<CellValue>(right + 1).fill(null);
    extent[left] = EXTENT;
    extent[right] = EXTENT;
    head.push(extent);
  }
  const sheets = new Map<string, CellValue[][]>(register.order.map((name) => [name, name === found.sheet ? head : (register.others.get(name) ?? [])]));
  const book = MemoryWorkbook.fromSheets(Object.fromEntries(sheets));
  book.active = found.sheet;
  // An .xlsx register's number formats go with its cells: dates stay dates, money keeps its currency.
  for (const [sheet, lines] of [...register.otherFormats].filter(([name]) => name !== found.sheet).concat(formats ? [[found.sheet, formats.slice(0, first)]] : [])) {
    const grid = book.sheets.get(sheet) ?? [];
    lines.forEach((line, r) => line?.forEach((format, c) => {
      const cell = grid[r]?.[c];
      if (cell && format) cell.numberFormat = format;
    }));
  }
  const report = await setUpTracker(book, { ...setUp, sheet: found.sheet, mapping: found.mapping, dateOrder: typing.dateOrder, registerDateOrder: typing.dateOrder });
  const table = book.tables.get(report.table);
  if (!table) throw new Error(`set-up made no ${report.table} table`);
  table.rowCount = count;
  // Computed columns' notes set-up drew from the stand-in row are the rows' to give (a renamed header's note stays).
  const computedHeaders = new Set(report.rowRules.columns.map((c) => c.header));
  for (let i = book.notes.length - 1; i >= 0; i--) if (book.notes[i].table === report.table && computedHeaders.has(book.notes[i].column)) book.notes.splice(i, 1);

  const { columns, fieldColumns: fields, dateOrder, rules, asOf, firstRow } = report.rowRules;
  const width = table.columnCount - columns.length;
  const typedRow = (i: number): CellValue[] => {
    const cells = rows.row(first + i);
    for (let c = 0; c < cells.length; c++) {
      const typed = overlay.value(c, i);
      if (typed !== undefined) cells[c] = typed;
    }
    return cells;
  };
  const tableColumn = (c: number): CellValue[] => {
    const values = rows.column(table.column + c, first);
    values.length = count;
    for (let i = 0; i < values.length; i++) values[i] = overlay.value(table.column + c, i) ?? values[i];
    return values;
  };
  const plan = normalisePlan(tableColumn, CONTRACTS, fields, { dateOrder, firstRow });
  collectBetweenSteps(rows.length);
  const problems = new RegisterProblems(plan, (row, index) => typedRow(row - firstRow)[table.column + index]);
  const computed = new ComputedRows(columns, fields, rules, asOf);
  let issues = 0;
  let blankRows = 0;
  const formatOf = (r: number, c: number): string | undefined => overlay.format(c, r) ?? formats?.[first + r]?.[c];
  const kept = await writeTracker(book, outFile, {
    sheet: found.sheet,
    from: first,
    count,
    width: table.column + table.columnCount,
    row: (i) => {
      const cells = typedRow(i);
      const inTable = cells.slice(table.column, table.column + width);
      while (inTable.length < width) inTable.push(null);
      if (inTable.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) blankRows++;
      let unreadableEnd: string | undefined;
      const normalised = normaliseRow(plan, inTable, i, undefined, (issue: DataQualityIssue) => {
        issues++;
        if (issue.field === "endDate" && issue.problem === "unparseable-date") unreadableEnd = issue.value;
      });
      if (normalised) problems.add(normalised, inTable);
      const out: (MemoryCell | null)[] = cells.map((value, c) => (value === null || value === "" ? null : { value, numberFormat: formatOf(i, c) }));
      const rowCells = computed.row(inTable, normalised?.fields, unreadableEnd);
      columns.forEach((column, k) => {
        out[table.column + width + k] = { value: rowCells.values[k], formula: rowCells.formulas[k] ?? column.formula, numberFormat: column.numberFormat };
      });
      return out;
    },
    done: () => {
      columns.forEach((column, k) => {
        const text = computed.note(k);
        if (text !== undefined) book.notes.push({ table: report.table, column: column.header, text });
      });
    },
  }, register.kept);
  issues += problems.issues().length;
  return { report, rows: count, contracts: count - blankRows, issues, readAtSetUp: computed.readAtSetUp(), kept };
}
