import type { CellBlock, CellInput, CellValue, ComputedColumn, DropDown, NewTable, NumberFilter, Progress, RagFormat, ReadTablesOptions, ReportSheet, SelectionListener, TableCellUpdate, TableSnapshot, WorkbookPort } from "../workbook/port";
import { BlockToRead, ReadPlan, givenNumberFormat, readBlocksInTrips } from "./chunkedRead";
import { ExcelInput, formulaCells, fromExcelValue, isBlankRow, toExcelInput, toExcelRow } from "./excelCells";
import { explainExcelError } from "./excelErrors";
import { writeRowsInTrips } from "./chunkedWrite";
import { headerCellText, renamedHeaderNote, repeatedHeader, tableColumnNames } from "../workbook/tableHeaders";
import { a1, checkHeaders, deleteQuietly, fillEveryCell } from "./excelEdits";
import { applyDropDown, applyRagFormat, listSource, queueDropDown, queueRagFormat } from "./tableFormats";
import { ACTION_OVERHEAD_BYTES, DEFAULT_TRIP_BUDGET, FIRST_READ_BYTES_PER_CELL, rowBytes, textBytes } from "./requestBudget";
import { writeReport } from "./reportSheet";
import { applyNumberFilter, readSelectedRows, selectBodyCell } from "./tableView";
import { readActiveCell, writeTableCells } from "./tableCells";
import { followTableChanges } from "./tableEvents";
import { CellNote, SupportsApi, addCellNotes, noteKind, officeSupports } from "./headerNotes";
import { FormulaColumn, FormulaColumns, writeOwnFormulas } from "./rowFormulas";

/**
 * Runs a batch of Excel calls: `Excel.run` inside Excel, a fake in tests. Given a context an
 * earlier batch made, runs in that one (`Excel.run(context, batch)`), as removing an event
 * handler must.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, context?: Excel.RequestContext) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Bytes one round trip may carry; defaults to 4,500,000, under Excel on the web's 5 MB limit. */
  tripBudget?: number;
  /** Bytes a cell is assumed to take in a read before any has been measured; defaults to 50. */
  firstReadBytesPerCell?: number;
  /** Which requirement sets the host supports (for notes on computed columns' headers); defaults to asking Office. */
  supports?: SupportsApi;
}

function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, context?: Excel.RequestContext): Promise<T> {
  return context ? Excel.run(context, batch) : Excel.run(batch);
}

/**
 * The workbook port over Excel's JavaScript API. Every method is one `Excel.run`; large reads and
 * writes go in trips that stay under Excel on the web's request limit, so the number of
 * `context.sync()` calls grows with the data's size in megabytes, not with its rows.
 */
export class ExcelWorkbook implements WorkbookPort {
  private readonly tripBudget: number;
  private readonly readPlan: ReadPlan;
  private readonly supports: SupportsApi;

  constructor(
    private readonly run: ExcelRun = runInExcel,
    options: ExcelWorkbookOptions = {},
  ) {
    this.tripBudget = options.tripBudget ?? DEFAULT_TRIP_BUDGET;
    this.supports = options.supports ?? officeSupports;
    this.readPlan = { tripBudget: this.tripBudget, firstBytesPerCell: options.firstReadBytesPerCell ?? FIRST_READ_BYTES_PER_CELL, learned: new Map() };
  }

  private async batch<T>(doing: string, work: (context: Excel.RequestContext) => Promise<T>, inContext?: Excel.RequestContext): Promise<T> {
    try {
      return await this.run(work, inContext);
    } catch (error) {
      throw explainExcelError(error, doing);
    }
  }

  async sheetNames(): Promise<string[]> {
    return this.batch("Could not list the workbook's sheets", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async activeSheet(): Promise<string> {
    return this.batch("Could not find the sheet in view", async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  }

  async readUsedRange(sheet: string): Promise<CellBlock> {
    return this.batch(`Could not read the sheet "${sheet}"`, async (context) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
      const used = worksheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (worksheet.isNullObject) throw new Error(`There is no sheet "${sheet}"`);
      if (used.isNullObject) return { sheet, row: 0, column: 0, values: [] };
      const block: BlockToRead = { sheet: worksheet, sheetName: sheet.toLowerCase(), row: used.rowIndex, column: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount, values: [] };
      await readBlocksInTrips(context, [block], this.readPlan, { done: 0, total: block.rowCount });
      return { sheet, row: block.row, column: block.column, values: block.values };
    });
  }

  async tableNames(): Promise<{ name: string; sheet: string }[]> {
    return this.batch("Could not list the workbook's tables", async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();
      return tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name }));
    });
  }

  async readTables(names: readonly string[], progress?: Progress, options: ReadTablesOptions = {}): Promise<Map<string, TableSnapshot>> {
    if (names.length === 0) {
      progress?.(0, 0);
      return new Map();
    }
    return this.batch(`Could not read the tables ${names.map((n) => `"${n}"`).join(", ")}`, async (context) => {
      // Trip 1: which tables exist, where they are, their headers and first data row.
      const lookups = [...new Set(names)].map((requested) => {
        const table = context.workbook.tables.getItemOrNullObject(requested);
        table.load("name,worksheet/name");
        const header = table.getHeaderRowRange();
        header.load("values,rowIndex,columnIndex,columnCount");
        const body = table.getDataBodyRange();
        body.load("rowIndex,rowCount");
        const firstRow = body.getRow(0);
        const withFormats = options.numberFormatsOf?.includes(requested) ?? false;
        if (withFormats) firstRow.load("values,formulas,numberFormat");
        else firstRow.load("values,formulas");
        return { requested, table, header, body, firstRow, withFormats };
      });
      await context.sync();
      const found = lookups.filter((l) => !l.table.isNullObject);
      // Excel keeps one blank row in a table with no data; it reads as no rows, as in memory.
      const blocks = found.map((l): BlockToRead => {
        const only = l.body.rowCount === 1;
        const rows = only && !isBlankRow(l.firstRow.values[0], formulaCells(l.firstRow.values[0], l.firstRow.formulas[0])) ? [l.firstRow.values[0].map(fromExcelValue)] : [];
        const formats = l.withFormats ? { numberFormats: rows.length > 0 ? [l.firstRow.numberFormat[0].map(givenNumberFormat)] : [] } : {};
        return { sheet: l.table.worksheet, sheetName: l.table.worksheet.name.toLowerCase(), row: l.body.rowIndex, column: l.header.columnIndex, rowCount: only ? 0 : l.body.rowCount, columnCount: l.header.columnCount, values: rows, ...formats };
      });
      const total = blocks.reduce((n, b) => n + Math.max(b.rowCount, b.values.length), 0);
      const alreadyRead = total - blocks.reduce((n, b) => n + b.rowCount, 0);
      const trips = await readBlocksInTrips(context, blocks.filter((b) => b.rowCount > 0), this.readPlan, { done: alreadyRead, total, report: progress });
      if (trips === 0) progress?.(total, total);
      const result = new Map<string, TableSnapshot>();
      found.forEach((l, i) => {
        const headers = l.header.values[0].map((h) => String(h ?? ""));
        const formats = blocks[i].numberFormats;
        result.set(l.requested, { name: l.table.name, sheet: l.table.worksheet.name, row: l.header.rowIndex, column: l.header.columnIndex, headers, rows: blocks[i].values, ...(formats ? { numberFormats: formats } : {}) });
      });
      return result;
    });
  }

  async convertToTable(name: string, sheet: string, row: number, column: number, rowCount: number, columnCount: number): Promise<void> {
    const where = rowCount > 0 && columnCount > 0 ? a1(row, column, rowCount, columnCount) : "an empty range";
    return this.batch(`Could not turn ${where} on sheet "${sheet}" into the table "${name}"`, async (context) => {
      if (rowCount < 1 || columnCount < 1) throw new Error(`The table "${name}" needs at least a header row and one column`);
      const existing = context.workbook.tables.getItemOrNullObject(name);
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
      const range = worksheet.getRangeByIndexes(row, column, rowCount, columnCount);
      const overlapping = range.getTables(false);
      overlapping.load("items/name");
      const headerRow = range.getRow(0);
      headerRow.load("values");
      await context.sync();
      if (!existing.isNullObject) throw new Error(`A table named "${name}" already exists`);
      if (worksheet.isNullObject) throw new Error(`There is no sheet "${sheet}"`);
      const inTheWay = overlapping.items[0]?.name;
      if (inTheWay !== undefined) throw new Error(`That range overlaps the table "${inTheWay}"`);
      // A table's columns need valid, unique names, which its header cells show: named as Excel names
      // them (Notes2, Column3, cut to 255 characters), written before the table is made so Excel keeps
      // them, and each renamed cell's note says what it read.
      const cells = (headerRow.values[0] as unknown[]).map((v) => headerCellText(fromExcelValue(v)));
      const { names, renamed } = tableColumnNames(cells);
      // Text stays text: a header "=SUM" renamed "=SUM2" is no formula.
      for (const r of renamed) worksheet.getRangeByIndexes(row, column + r.column, 1, 1).values = [[toExcelInput(names[r.column], () => `The header of column ${r.column + 1}`)]];
      const table = worksheet.tables.add(range, true);
      table.name = name;
      await context.sync();
      if (renamed.length) await addCellNotes(context, worksheet, renamed.map((r) => ({ row, column: column + r.column, text: renamedHeaderNote(r) })), noteKind(this.supports));
    });
  }

  async addTableSheet(sheet: string, table: string, headers: readonly string[], rows: readonly CellInput[][], progress?: Progress): Promise<void> {
    return this.batch(`Could not add the sheet "${sheet}" with the table "${table}"`, (context) => this.createTables(context, [{ sheet, table, headers, rows }], progress));
  }

  async addTables(tables: readonly NewTable[]): Promise<void> {
    if (tables.length === 0) return;
    return this.batch(`Could not add the tables ${tables.map((t) => `"${t.table}"`).join(", ")}`, (context) => this.createTables(context, tables));
  }

  /**
   * One trip checks that no sheet or table of these names exists; then small tables go together,
   * as many to a trip as the budget allows (set-up's six tables take one), and a large one goes in
   * trips of its own. Values first, then the table over them, then its formulas and formats.
   */
  private async createTables(context: Excel.RequestContext, specs: readonly NewTable[], progress?: Progress): Promise<void> {
    const sources = specs.map((spec) => {
      checkHeaders(spec.table, [...spec.headers, ...(spec.computed ?? []).map((c) => c.header)]);
      return (spec.dropDowns ?? []).map((d) => ({ column: d.column, source: listSource(d.choices) }));
    });
    const checks = specs.map((spec) => ({ sheet: context.workbook.worksheets.getItemOrNullObject(spec.sheet), table: context.workbook.tables.getItemOrNullObject(spec.table) }));
    await context.sync();
    specs.forEach((spec, i) => {
      if (!checks[i].sheet.isNullObject) throw new Error(`A sheet named "${spec.sheet}" already exists`);
      if (!checks[i].table.isNullObject) throw new Error(`A table named "${spec.table}" already exists`);
    });

    const added: string[] = [];
    const noted: { worksheet: Excel.Worksheet; notes: CellNote[] }[] = [];
    let queued = 0;
    try {
      for (const [i, spec] of specs.entries()) {
        const computed = spec.computed ?? [];
        const headers = [...spec.headers, ...computed.map((c) => c.header)];
        const width = headers.length;
        const headerLine = headers.map((h) => toExcelInput(h, () => `The header "${h}"`));
        const lines = spec.rows.map((line, r) => toExcelRow(line, spec.headers.length, (c) => `Row ${r + 1}, column "${headers[c]}" of the table "${spec.table}"`));
        const worksheet = context.workbook.worksheets.add(spec.sheet);
        added.push(spec.sheet);
        worksheet.getRangeByIndexes(0, 0, 1, width).values = [headerLine];
        const finish = (): void => {
          const created = worksheet.tables.add(worksheet.getRangeByIndexes(0, 0, spec.rows.length + 1, width), true);
          created.name = spec.table;
          // Excel keeps one (blank) data row in an empty table: formulas and formats go on it, and new rows inherit them.
          const body = (column: number): Excel.Range => worksheet.getRangeByIndexes(1, column, Math.max(1, spec.rows.length), 1);
          computed.forEach((c, k) => {
            fillEveryCell(body(spec.headers.length + k), "formulas", c.formula);
            if (c.numberFormat) fillEveryCell(body(spec.headers.length + k), "numberFormat", c.numberFormat);
          });
          const at = (column: string): number => {
            const index = headers.indexOf(column);
            if (index < 0) throw new Error(`The table "${spec.table}" has no column "${column}"`);
            return index;
          };
          for (const d of sources[i]) queueDropDown(body(at(d.column)), d.source);
          if (spec.ragColumn) queueRagFormat(body(at(spec.ragColumn)));
          // Formats on the table's rows: Excel gives each row added later the format of the row above.
          for (const [header, format] of Object.entries(spec.numberFormats ?? {})) fillEveryCell(body(at(header)), "numberFormat", format);
        };
        const write = (start: number, chunk: ExcelInput[][]): void => {
          // `formulas` so that formula cells (Settings' =TODAY()) are formulas; text keeps its apostrophe and stays text.
          worksheet.getRangeByIndexes(1 + start, 0, chunk.length, spec.headers.length).formulas = chunk;
        };
        // Rows of a computed column with a formula of their own, written over the column's once the table is there.
        const own: FormulaColumns = { row: 1, columns: computed.map((c, k) => ({ header: c.header, column: spec.headers.length + k, formula: c.formula, rowFormulas: c.rowFormulas })) };
        const beyond = computed.find((c) => (c.rowFormulas ?? []).slice(spec.rows.length).some((f) => f !== null));
        if (beyond) throw new Error(`The column "${beyond.header}" of the table "${spec.table}" has formulas for more rows than the table's ${spec.rows.length}`);
        const notes = computed.flatMap((c, k) => (c.note ? [{ row: 0, column: spec.headers.length + k, text: c.note }] : []));
        if (notes.length > 0) noted.push({ worksheet, notes });
        const bytes = lines.reduce((n, line) => n + rowBytes(line), rowBytes(headerLine) + (4 + computed.length * 2 + sources[i].length * 2) * ACTION_OVERHEAD_BYTES);
        if (queued + bytes <= this.tripBudget) {
          if (lines.length > 0) write(0, lines);
          finish();
          queued = await writeOwnFormulas(context, worksheet, own, this.tripBudget, queued + bytes);
          continue;
        }
        await writeRowsInTrips(context, lines, {
          budget: this.tripBudget,
          what: `the table "${spec.table}"`,
          firstTripUsed: queued + rowBytes(headerLine) + 2 * ACTION_OVERHEAD_BYTES,
          write,
          beforeLastTrip: finish,
          afterTrip: (done) => progress?.(done, spec.rows.length),
        });
        queued = await writeOwnFormulas(context, worksheet, own, this.tripBudget, 0);
      }
      if (queued > 0) await context.sync();
      for (const { worksheet, notes } of noted) await addCellNotes(context, worksheet, notes, noteKind(this.supports));
      progress?.(specs.reduce((n, t) => n + t.rows.length, 0), specs.reduce((n, t) => n + t.rows.length, 0));
    } catch (error) {
      // Leave no half-built sheet behind: running again would find the name taken. These sheets
      // were not there before, so any of them there now this call made (perhaps in the very trip
      // that failed: Excel keeps what a failed request did before the failing action).
      for (const sheet of added) await deleteQuietly(context, sheet);
      throw error;
    }
  }

  async appendComputedColumns(table: string, columns: readonly ComputedColumn[]): Promise<void> {
    return this.addColumns(table, columns, `Could not add computed columns to the table "${table}"`);
  }

  async appendColumns(table: string, headers: readonly string[]): Promise<void> {
    return this.addColumns(table, headers.map((header) => ({ header })), `Could not add columns to the table "${table}"`);
  }

  /** New columns at the right of a table: formula columns, or blank ones (no formula) for values typed later. */
  private async addColumns(table: string, columns: readonly (Omit<ComputedColumn, "formula"> & { formula?: string })[], doing: string): Promise<void> {
    return this.batch(doing, async (context) => {
      const found = context.workbook.tables.getItemOrNullObject(table);
      const header = found.getHeaderRowRange();
      header.load("values");
      const whole = found.getRange();
      whole.load("rowIndex,columnIndex,columnCount");
      const dataBody = found.getDataBodyRange();
      dataBody.load("rowCount");
      // One read answers "is anything to the right?": the used part of the columns the new ones will take.
      const right = whole.getColumnsAfter(Math.max(1, columns.length)).getUsedRangeOrNullObject(true);
      right.load("columnIndex");
      await context.sync();
      if (found.isNullObject) throw new Error(`There is no table "${table}"`);
      if (columns.length === 0) return;
      // Excel would call a second "RAG" column "RAG2"; a feature asking for it twice has a bug to hear about.
      const taken = repeatedHeader([...header.values[0], ...columns.map((c) => c.header)]);
      if (taken !== null) throw new Error(`The table "${table}" already has a column "${taken}"`);
      if (!right.isNullObject) {
        const blocked = columns[Math.max(0, right.columnIndex - (whole.columnIndex + whole.columnCount))];
        throw new Error(`Cannot add column "${blocked.header}": a cell to the right of the table is not empty`);
      }
      // The new columns' place on the sheet: the first to the table's right, the rest after it.
      const at = (k: number): number => whole.columnIndex + whole.columnCount + k;
      const bodyRow = whole.rowIndex + 1;
      const notes: CellNote[] = [];
      const formulaColumns: FormulaColumn[] = [];
      let queued = 0;
      columns.forEach((spec, k) => {
        // Checked before anything is written: a formula meant for a row the table lacks would land below it.
        if (spec.rowFormulas && spec.rowFormulas.slice(dataBody.rowCount).some((f) => f !== null)) {
          throw new Error(`The column "${spec.header}" has formulas for ${spec.rowFormulas.length} rows; the table has ${dataBody.rowCount}`);
        }
        if (spec.formula !== undefined) formulaColumns.push({ header: spec.header, column: at(k), formula: spec.formula, rowFormulas: spec.rowFormulas });
        if (spec.note) notes.push({ row: whole.rowIndex, column: at(k), text: spec.note });
      });
      for (const spec of columns) {
        const column = found.columns.add(undefined, undefined, spec.header);
        queued += ACTION_OVERHEAD_BYTES + textBytes(spec.header);
        if (spec.formula === undefined) continue;
        const body = column.getDataBodyRange();
        // One formula for the whole column: Excel fills it down as a calculated column, and the
        // request stays a few hundred bytes however many rows the table has.
        fillEveryCell(body, "formulas", spec.formula);
        if (spec.numberFormat) fillEveryCell(body, "numberFormat", spec.numberFormat);
        queued += 2 * ACTION_OVERHEAD_BYTES + textBytes(spec.formula) + textBytes(spec.numberFormat ?? "");
      }
      // Rows with a formula of their own get it over the column's, in the columns' trip while it has
      // room. (appendColumns' blank columns have no formula, and no rows of their own.)
      if (formulaColumns.length === columns.length) await writeOwnFormulas(context, found.worksheet, { row: bodyRow, columns: formulaColumns }, this.tripBudget, queued);
      await context.sync();
      await addCellNotes(context, found.worksheet, notes, noteKind(this.supports));
    });
  }

  async appendRows(table: string, rows: readonly CellValue[][], progress?: Progress): Promise<void> {
    return this.batch(`Could not add rows to the table "${table}"`, async (context) => {
      const found = context.workbook.tables.getItemOrNullObject(table);
      const header = found.getHeaderRowRange();
      header.load("values");
      const body = found.getDataBodyRange();
      body.load("rowIndex,columnIndex,rowCount");
      const firstRow = body.getRow(0);
      firstRow.load("values,formulasR1C1");
      await context.sync();
      if (found.isNullObject) throw new Error(`There is no table "${table}"`);
      const sheet = found.worksheet;
      if (rows.length === 0) {
        progress?.(0, 0);
        return;
      }
      const headers = header.values[0].map((h) => String(h ?? ""));
      // Columns whose first row holds a formula are calculated columns. In R1C1 notation the
      // formula is the same on every row, so it can be filled down the new rows as one value.
      const calculated = formulaCells(firstRow.values[0], firstRow.formulasR1C1[0]);
      const lines = rows.map((line, r) => toExcelRow(line, headers.length, (c) => `Row ${r + 1}, column "${headers[c]}"`).map((value, c) => (calculated[c] === null ? value : "")));
      // A table with no data still has one blank row in Excel: the first new row goes there.
      let fillBlankRow = body.rowCount === 1 && isBlankRow(firstRow.values[0], calculated);
      const rowsBefore = fillBlankRow ? 0 : body.rowCount;
      await writeRowsInTrips(context, lines, {
        budget: this.tripBudget,
        what: `the rows for the table "${table}"`,
        write: (start, chunk) => {
          let at = rowsBefore + start;
          let added = chunk;
          if (fillBlankRow) {
            // null leaves a cell as it is: the blank row's calculated cells keep their formulas.
            firstRow.values = [chunk[0].map((value, c) => (calculated[c] === null ? value : null))];
            fillBlankRow = false;
            added = chunk.slice(1);
            at += 1;
          }
          if (added.length === 0) return;
          found.rows.add(undefined, added);
          // Whatever Excel does with a value given for a calculated column, its formula ends up on every new row.
          calculated.forEach((formula, c) => {
            if (formula !== null) fillEveryCell(sheet.getRangeByIndexes(body.rowIndex + at, body.columnIndex + c, added.length, 1), "formulasR1C1", formula);
          });
        },
        afterTrip: (done) => progress?.(done, rows.length),
      });
    });
  }

  async defineName(name: string, formula: string): Promise<void> {
    return this.batch(`Could not define the name "${name}" as ${formula}`, async (context) => {
      const existing = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (existing.isNullObject) context.workbook.names.add(name, formula);
      else existing.formula = formula;
      await context.sync();
    });
  }

  async definedNames(): Promise<string[]> {
    return this.batch("Could not list the workbook's names", async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/visible");
      await context.sync();
      return names.items.filter((n) => n.visible).map((n) => n.name);
    });
  }

  async addRagFormat(format: RagFormat): Promise<void> {
    return this.batch(`Could not colour column "${format.column}" of the table "${format.table}" red, amber and green`, (context) => applyRagFormat(context, format));
  }

  async addDropDown(dropDown: DropDown): Promise<void> {
    return this.batch(`Could not add a drop-down list to column "${dropDown.column}" of the table "${dropDown.table}"`, (context) => applyDropDown(context, dropDown));
  }

  async writeReportSheet(report: ReportSheet): Promise<{ replaced: boolean }> {
    return this.batch(`Could not write the report sheet "${report.sheet}"`, (context) => writeReport(context, report, this.tripBudget));
  }

  async filterTable(table: string, column: string, filter: NumberFilter | null): Promise<void> {
    const doing = filter === null ? `Could not show every row of the table "${table}"` : `Could not filter the table "${table}" on column "${column}"`;
    return this.batch(doing, (context) => applyNumberFilter(context, table, column, filter));
  }

  async recalculate(): Promise<void> {
    return this.batch("Could not recalculate the workbook", async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }

  async selectedTableRows(table: string): Promise<number[]> {
    return this.batch(`Could not find which rows of the table "${table}" are selected`, (context) => readSelectedRows(context, table));
  }

  async selectTableCell(table: string, row: number, column: string): Promise<void> {
    return this.batch(`Could not select row ${row + 1}, column "${column}" of the table "${table}"`, (context) => selectBodyCell(context, table, row, column));
  }

  async updateTableCells(table: string, updates: readonly TableCellUpdate[]): Promise<void> {
    return this.batch(`Could not change cells of the table "${table}"`, (context) => writeTableCells(context, table, updates, this.tripBudget));
  }

  /**
   * Follows the selection through the workbook's SelectionChanged event (ExcelApi 1.2). The event
   * says only that the selection moved, so each time the handler reads the active cell in a batch
   * of its own. Stopping removes the handler in the context that added it.
   */
  async onSelectionChanged(listener: SelectionListener): Promise<() => Promise<void>> {
    let listening = true;
    const handler = async (): Promise<void> => {
      if (!listening) return;
      const at = await this.batch("Could not find where the selection moved", readActiveCell);
      // Stopped while the read was under way: the listener has been promised silence.
      if (listening) listener(at.sheet, at.row, at.column);
    };
    const registration = await this.batch("Could not follow the selection", async (context) => {
      const added = context.workbook.onSelectionChanged.add(handler);
      await context.sync();
      return { added, context };
    });
    return async () => {
      if (!listening) return;
      listening = false;
      await this.batch(
        "Could not stop following the selection",
        async (context) => {
          registration.added.remove();
          await context.sync();
        },
        registration.context,
      );
    };
  }

  /** Follows the table through the workbook's TableCollection onChanged and onAdded events (ExcelApi 1.7). */
  async onTableChanged(table: string, listener: () => void): Promise<() => Promise<void>> {
    return followTableChanges((doing, work, inContext) => this.batch(doing, work, inContext), table, listener);
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.batch(`Could not read the saved setting "${key}"`, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      if (setting.isNullObject) return null;
      const value: unknown = setting.value;
      return typeof value === "string" ? value : JSON.stringify(value);
    });
  }

  async saveSetting(key: string, value: string): Promise<void> {
    return this.batch(`Could not save the setting "${key}"`, async (context) => {
      // SettingCollection.add replaces a setting of the same name.
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }
}
