/**
 * A hand-written fake of the parts of Excel's JavaScript API the Office adapter uses, faithful
 * where it matters to the adapter: proxies and `load`/`sync` (unloaded properties throw), writes
 * applied at sync in order, null objects, typed input (`=…` becomes a formula, `'…` stays text),
 * tables that always keep a data row, and Excel on the web's 5 MB limit on each request and
 * response. office-addin-mock has no collections, tables or ranges, so none of it is reused here:
 * its property bags return error strings instead of throwing, which would hide the very bugs
 * (reading before sync) this fake exists to catch.
 *
 * `run` stands in for `Excel.run`; `syncLog` records every trip; the rest inspects the workbook.
 */
import type { ExcelRun } from "../../../src/office/excelWorkbook";
import type { CellValue } from "../../../src/workbook/port";
import { Rect, Stored, columnIndex, formatA1, parseA1 } from "./cells";
import { FakeHost, FakeRequestContext, SyncRecord } from "./context";
import { ChartView, viewChart } from "./chart";
import { visibleRows } from "./filter";
import { applyTypedInput } from "./range";
import { versionAtLeast } from "./notes";
import { ConditionalFormatModel, FilterModel, SheetModel, TableModel, ValidationModel, WorkbookModel } from "./model";

export { FakeRequestContext } from "./context";
export type { SyncRecord } from "./context";
export { FakeOfficeError } from "./errors";
export type { ChartView } from "./chart";

/** Excel on the web's limit on one request and one response. */
export const EXCEL_WEB_LIMIT_BYTES = 5_000_000;

export class FakeExcel implements FakeHost {
  readonly model = new WorkbookModel();
  readonly syncLog: SyncRecord[] = [];
  payloadLimit = EXCEL_WEB_LIMIT_BYTES;
  /** The newest ExcelApi set this Excel supports: "1.18" has notes, "1.10" threaded comments, "1.9" neither. */
  apiVersion = "1.18";

  /** Office.context.requirements.isSetSupported as this Excel answers it. */
  readonly supports = (set: string, version: string): boolean => set === "ExcelApi" && versionAtLeast(this.apiVersion, version);

  /** A workbook of plain constants, as opened from a file (text stays text). */
  static fromSheets(sheets: Record<string, readonly (readonly CellValue[])[]>): FakeExcel {
    const excel = new FakeExcel();
    for (const [name, rows] of Object.entries(sheets)) excel.addSheet(name, rows);
    if (excel.model.sheets.length === 0) excel.addSheet("Sheet1", []);
    return excel;
  }

  addSheet(name: string, rows: readonly (readonly CellValue[])[] = []): SheetModel {
    const sheet = new SheetModel(name);
    rows.forEach((line, r) => line.forEach((value, c) => value !== null && value !== "" && sheet.setSlot(r, c, value)));
    this.model.sheets.push(sheet);
    this.model.activeSheet ??= sheet;
    return sheet;
  }

  /**
   * Excel.run: a fresh context per batch, or the context of an earlier batch when given one
   * (`Excel.run(context, batch)`); what is still queued when the batch ends is synced.
   */
  readonly run: ExcelRun = async (batch, earlier) => {
    const context = earlier === undefined ? new FakeRequestContext(this) : (earlier as unknown as FakeRequestContext);
    if (!(context instanceof FakeRequestContext) || context.host !== this) throw new Error("fake Excel: Excel.run was given a context of another workbook");
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingActions > 0) await context.sync();
    return result;
  };

  /** Resolves once Excel has called every event handler for what happened so far, and each has finished. */
  async eventsDelivered(): Promise<void> {
    const sources = [this.model.selectionChanged, this.model.tableChanged, this.model.tableAdded];
    // A handler may set off another event (a read that changes nothing, a write that does): wait for those too.
    for (let i = 0; i < 10; i++) await Promise.all(sources.map((s) => s.delivered()));
  }

  /** What event handlers threw or rejected with (Excel only logs them). */
  get eventErrors(): readonly unknown[] {
    return [...this.model.selectionChanged.errors, ...this.model.tableChanged.errors, ...this.model.tableAdded.errors];
  }

  /** How many handlers are registered for the workbook's table events (TableCollection onChanged and onAdded). */
  get tableHandlers(): number {
    return this.model.tableChanged.registrations.length + this.model.tableAdded.registrations.length;
  }

  /**
   * Types into cells as a user would (`edit("Settings", "B12", "mdy")`; `=…` is a formula, `'…`
   * stays text), every cell of the block the same; tables the cells are in fire TableChanged after
   * this returns (await `eventsDelivered()`).
   */
  edit(sheet: string, address: string, input: CellValue): void {
    const s = this.sheet(sheet);
    const rect = this.rect(address);
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) applyTypedInput(s, r, c, input);
    this.model.cellsChanged(s, rect);
  }

  /** How many handlers are registered for the workbook's SelectionChanged event. */
  get selectionHandlers(): number {
    return this.model.selectionChanged.registrations.length;
  }

  record(sync: Omit<SyncRecord, "trip">): void {
    this.syncLog.push({ trip: this.syncLog.length + 1, ...sync });
  }

  /** Forgets the trips so far (after setting a workbook up). */
  clearLog(): void {
    this.syncLog.length = 0;
  }

  get trips(): number {
    return this.syncLog.length;
  }

  /** The biggest request or response of any trip so far, in bytes. */
  get largestPayload(): number {
    return Math.max(0, ...this.syncLog.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  }

  /** The biggest request and response of one trip together, in bytes. */
  get largestTrip(): number {
    return Math.max(0, ...this.syncLog.map((s) => s.requestBytes + s.responseBytes));
  }

  sheet(name: string): SheetModel {
    const sheet = this.model.sheet(name);
    if (sheet === null) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  table(name: string): TableModel {
    const table = this.model.table(name);
    if (table === null) throw new Error(`no table ${name}`);
    return table;
  }

  /** A table's address as Excel shows it, e.g. `A1:C4`. */
  tableAddress(name: string): string {
    return formatA1(this.table(name).rect);
  }

  /** Values of a block as stored ("" for empty). */
  values(sheet: string, address: string): (Stored | "")[][] {
    const rect = parseA1(address);
    if (rect === null) throw new Error(`bad address ${address}`);
    const s = this.sheet(sheet);
    const rows: (Stored | "")[][] = [];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      const line: (Stored | "")[] = [];
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) line.push(s.value(r, c));
      rows.push(line);
    }
    return rows;
  }

  /** One cell: its value, formula and number format. */
  cell(sheet: string, address: string): { value: Stored | ""; formula?: string; numberFormat: string } {
    const rect = parseA1(address);
    if (rect === null) throw new Error(`bad address ${address}`);
    const s = this.sheet(sheet);
    const formula = s.formula(rect.row, rect.column);
    return { value: s.value(rect.row, rect.column), ...(formula !== undefined ? { formula } : {}), numberFormat: s.numberFormat(rect.row, rect.column) };
  }

  private rect(address: string): Rect {
    const rect = parseA1(address);
    if (rect === null) throw new Error(`bad address ${address}`);
    return rect;
  }

  /** The charts on a sheet, with the series they plot from their source cells now. */
  charts(sheet: string): ChartView[] {
    return this.sheet(sheet).charts.map(viewChart);
  }

  /** A table's AutoFilter criteria by column header. */
  filters(table: string): Record<string, FilterModel> {
    const t = this.table(table);
    const names = t.columnNames();
    return Object.fromEntries([...t.filters].map(([c, filter]) => [names[c], { ...filter }]));
  }

  /** The data rows (0-based within the body) a table shows under its filters. */
  visibleRows(table: string): number[] {
    return visibleRows(this.table(table));
  }

  /** Every `application.calculate(type)` so far. */
  get calculations(): readonly string[] {
    return this.model.calculations;
  }

  /**
   * Selects cells as a user would: `select("Sheet1", "B3:C5")`, or several blocks with Ctrl
   * (`"B3:C3", "B6:C6"`); the sheet comes into view, and SelectionChanged handlers are called
   * after this returns (await `eventsDelivered()`).
   */
  select(sheet: string, ...addresses: string[]): void {
    const s = this.sheet(sheet);
    if (addresses.length === 0) throw new Error("select what?");
    s.selection = addresses.map((address) => this.rect(address));
    this.model.activeSheet = s;
    this.model.selectionChanged.fire(undefined);
  }

  /** The sheet in view and its selected blocks, e.g. `{ sheet: "Report", address: "C7" }`. */
  selection(): { sheet: string; address: string } {
    const sheet = this.model.activeSheet ?? this.model.sheets[0];
    return { sheet: sheet.name, address: sheet.selection.map(formatA1).join(",") };
  }

  /** Whether a block's cells are bold: true, false, or null when some are. */
  bold(sheet: string, address: string): boolean | null {
    const s = this.sheet(sheet);
    const rect = this.rect(address);
    const cells: boolean[] = [];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) cells.push(s.isBold(r, c));
    return cells.every(Boolean) ? true : cells.some(Boolean) ? null : false;
  }

  /** A column's width in points, by its letters (`"B"`). */
  columnWidth(sheet: string, column: string): number {
    return this.sheet(sheet).columnWidth(columnIndex(column));
  }

  conditionalFormats(sheet: string): (ConditionalFormatModel & { address: string })[] {
    return this.sheet(sheet).conditionalFormats.map((cf) => ({ ...cf, address: formatA1(cf.rect) }));
  }

  /** A sheet's notes, by cell address. */
  notes(sheet: string): Record<string, string> {
    return Object.fromEntries([...this.sheet(sheet).notes.values()].map((n) => [formatA1({ row: n.row, column: n.column, rowCount: 1, columnCount: 1 }), n.content]));
  }

  /** A sheet's threaded comments, by cell address. */
  comments(sheet: string): Record<string, string> {
    return Object.fromEntries([...this.sheet(sheet).comments.values()].map((n) => [formatA1({ row: n.row, column: n.column, rowCount: 1, columnCount: 1 }), n.content]));
  }

  validations(sheet: string): (ValidationModel & { address: string })[] {
    return this.sheet(sheet).validations.map((v) => ({ ...v, address: formatA1(v.rect) }));
  }
}
