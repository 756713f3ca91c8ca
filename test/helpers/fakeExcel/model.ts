/**
 * The workbook behind the fake: what Excel holds between requests. Sheets keep their cells in a
 * sparse grid (a map of rows, each a sparse array), so a 100,000-row sheet costs only its cells.
 */
import { CellObject, Rect, Slot, Stored, contains, formatA1, intersects, subtract } from "./cells";
import { FakeEventSource } from "./events";

export interface ConditionalFormatModel {
  id: number;
  rect: Rect;
  type: string;
  rule?: { operator: string; text: string };
  fill?: string;
  font?: string;
}

/** A note or a threaded comment on one cell (only its text is modelled). */
export interface CellNoteModel {
  row: number;
  column: number;
  content: string;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
}

/** A cell a chart's corner is anchored to (Excel's default "move and size with cells" placement). */
export interface CellAnchor {
  row: number;
  column: number;
}

/** A chart on a sheet: what it plots and which cells it covers. */
export interface ChartModel {
  id: number;
  name: string;
  type: string;
  source: { sheet: SheetModel; rect: Rect };
  seriesBy: "Auto" | "Columns" | "Rows";
  title: string;
  legendVisible: boolean;
  /** Top-left and bottom-right cells the chart covers. */
  from: CellAnchor;
  to: CellAnchor;
  /** Solid fills of single points, by `series:point`. */
  pointFills: Map<string, string>;
}

/** A column filter as Excel's FilterCriteria reports it (only custom filters are modelled). */
export interface FilterModel {
  filterOn: "Custom";
  criterion1: string;
  criterion2?: string;
  operator?: "And" | "Or";
}

/** Excel's default column width (8.43 characters of Calibri 11) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export class SheetModel {
  private static nextId = 1;
  /** Excel's worksheet id: stays the same when the sheet is renamed; a new sheet of the same name gets a new one. */
  readonly id = `{FAKE-SHEET-${SheetModel.nextId++}}`;
  readonly rows = new Map<number, Slot[]>();
  conditionalFormats: ConditionalFormatModel[] = [];
  validations: ValidationModel[] = [];
  charts: ChartModel[] = [];
  /** Notes (ExcelApi 1.18) and threaded comments (1.10) by cell, keyed `row,column`. */
  readonly notes = new Map<string, CellNoteModel>();
  readonly comments = new Map<string, CellNoteModel>();
  /** Cells whose font is bold. */
  bold: Rect[] = [];
  /** Widths set on columns, in points; other columns have the default. */
  readonly columnWidths = new Map<number, number>();
  /** The selected areas, as Excel keeps one selection per sheet (A1 in a new sheet). */
  selection: Rect[] = [{ row: 0, column: 0, rowCount: 1, columnCount: 1 }];
  deleted = false;

  constructor(public name: string) {}

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  isBold(row: number, column: number): boolean {
    return this.bold.some((rect) => contains(rect, { row, column, rowCount: 1, columnCount: 1 }));
  }

  setBold(rect: Rect, bold: boolean): void {
    this.bold = this.bold.flatMap((b) => subtract(b, rect));
    if (bold) this.bold.push({ ...rect });
  }

  slot(row: number, column: number): Slot | undefined {
    return this.rows.get(row)?.[column];
  }

  value(row: number, column: number): Stored | "" {
    const slot = this.slot(row, column);
    if (slot === undefined) return "";
    return typeof slot === "object" ? slot.value : slot;
  }

  formula(row: number, column: number): string | undefined {
    const slot = this.slot(row, column);
    return typeof slot === "object" ? slot.formula : undefined;
  }

  numberFormat(row: number, column: number): string {
    const slot = this.slot(row, column);
    return (typeof slot === "object" ? slot.numberFormat : undefined) ?? "General";
  }

  setSlot(row: number, column: number, slot: Slot | undefined): void {
    let line = this.rows.get(row);
    if (slot === undefined) {
      if (line && line[column] !== undefined) delete line[column];
      return;
    }
    if (!line) {
      line = [];
      this.rows.set(row, line);
    }
    line[column] = slot;
  }

  /** Replaces a cell's content (constant or formula), keeping its number format. */
  setContent(row: number, column: number, content: { value: Stored | ""; formula?: string }): void {
    const numberFormat = this.numberFormat(row, column);
    const keepFormat = numberFormat !== "General";
    if (content.formula === undefined && !keepFormat) {
      this.setSlot(row, column, content.value === "" ? undefined : content.value);
      return;
    }
    const cell: CellObject = { value: content.value };
    if (content.formula !== undefined) cell.formula = content.formula;
    if (keepFormat) cell.numberFormat = numberFormat;
    this.setSlot(row, column, cell);
  }

  setNumberFormat(row: number, column: number, numberFormat: string): void {
    const slot = this.slot(row, column);
    const cell: CellObject = typeof slot === "object" ? { ...slot } : { value: slot ?? "" };
    cell.numberFormat = numberFormat;
    this.setSlot(row, column, cell);
  }

  /** Whether a cell holds a value or a formula (what `getUsedRange(true)` counts). */
  hasContent(row: number, column: number): boolean {
    const slot = this.slot(row, column);
    if (slot === undefined) return false;
    return typeof slot === "object" ? slot.value !== "" || slot.formula !== undefined : true;
  }

  /** The smallest rectangle holding every cell with content (or, unless valuesOnly, a format), within `within`. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, line] of this.rows) {
      if (within && (r < within.row || r >= within.row + within.rowCount)) continue;
      line.forEach((slot, c) => {
        if (within && (c < within.column || c >= within.column + within.columnCount)) return;
        if (valuesOnly && !this.hasContent(r, c)) return;
        if (slot === undefined) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    }
    return bottom < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Inserts `count` blank rows of cells at `row` in columns `column`… (cells below move down), as a table does when it grows. */
  insertCellsDown(row: number, column: number, columnCount: number, count: number): void {
    const rows = [...this.rows.keys()].filter((r) => r >= row).sort((a, b) => b - a);
    for (const r of rows) {
      for (let c = column; c < column + columnCount; c++) {
        const slot = this.slot(r, c);
        if (slot === undefined) continue;
        this.setSlot(r, c, undefined);
        this.setSlot(r + count, c, slot);
      }
    }
  }

  /** Inserts `count` blank columns of cells at `column` in rows `row`… (cells to the right move right). */
  insertCellsRight(row: number, rowCount: number, column: number, count: number): void {
    for (let r = row; r < row + rowCount; r++) {
      const line = this.rows.get(r);
      if (!line) continue;
      for (let c = line.length - 1; c >= column; c--) {
        const slot = line[c];
        if (slot === undefined) continue;
        delete line[c];
        line[c + count] = slot;
      }
    }
  }

  clearConditionalFormats(rect: Rect): void {
    this.conditionalFormats = this.conditionalFormats.flatMap((cf) => subtract(cf.rect, rect).map((part) => ({ ...cf, rect: part })));
  }

  clearValidation(rect: Rect): void {
    this.validations = this.validations.flatMap((v) => subtract(v.rect, rect).map((part) => ({ ...v, rect: part })));
  }

  conditionalFormatsOn(rect: Rect): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((cf) => intersects(cf.rect, rect));
  }

  validationsOn(rect: Rect): ValidationModel[] {
    return this.validations.filter((v) => intersects(v.rect, rect));
  }

  /** Rules that cover a table's whole data body grow with it when rows are added. */
  growWithTable(body: Rect, added: number): void {
    const grow = <T extends { rect: Rect }>(item: T): T =>
      item.rect.row === body.row && item.rect.rowCount === body.rowCount && contains(body, { ...item.rect, rowCount: body.rowCount }) ? { ...item, rect: { ...item.rect, rowCount: item.rect.rowCount + added } } : item;
    this.conditionalFormats = this.conditionalFormats.map(grow);
    this.validations = this.validations.map(grow);
  }
}

export class TableModel {
  deleted = false;
  /** AutoFilter criteria by column offset in the table. */
  readonly filters = new Map<number, FilterModel>();

  constructor(
    readonly id: number,
    public name: string,
    readonly sheet: SheetModel,
    public row: number,
    public column: number,
    /** the header row and the data rows (at least one) */
    public rowCount: number,
    public columnCount: number,
  ) {}

  get rect(): Rect {
    return { row: this.row, column: this.column, rowCount: this.rowCount, columnCount: this.columnCount };
  }

  get headerRect(): Rect {
    return { row: this.row, column: this.column, rowCount: 1, columnCount: this.columnCount };
  }

  get bodyRect(): Rect {
    return { row: this.row + 1, column: this.column, rowCount: this.rowCount - 1, columnCount: this.columnCount };
  }

  columnNames(): string[] {
    const names: string[] = [];
    for (let c = 0; c < this.columnCount; c++) names.push(String(this.sheet.value(this.row, this.column + c)));
    return names;
  }

  columnIndexOf(name: string): number {
    return this.columnNames().findIndex((n) => n.toLowerCase() === name.toLowerCase());
  }
}

export interface NamedItemModel {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

/** TableChangedEventArgs as Excel gives them (ExcelApi 1.7), for the parts handlers read. */
export interface TableChangedArgs {
  type: "TableChanged";
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "ColumnInserted";
  source: "Local";
}

/** TableAddedEventArgs (ExcelApi 1.7). */
export interface TableAddedArgs {
  type: "TableAdded";
  tableId: string;
  worksheetId: string;
  source: "Local";
}

/** What a change of a table's cells tells its event. */
export interface TableChange {
  table: TableModel;
  rect: Rect;
  changeType: TableChangedArgs["changeType"];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names = new Map<string, NamedItemModel>();
  readonly settings = new Map<string, unknown>();
  /** Every `application.calculate(type)` call, in order. */
  readonly calculations: string[] = [];
  activeSheet: SheetModel | null = null;
  /** Workbook.onSelectionChanged: fired whenever the selection is set, by the user or by `range.select()`. */
  readonly selectionChanged = new FakeEventSource<{ workbook: unknown }>((context) => ({ workbook: context.workbook }));
  /** TableCollection.onChanged: cells of a table changed, typed by the user or written through the API. */
  readonly tableChanged = new FakeEventSource<TableChangedArgs, TableChange>((_, { table, rect, changeType }) => ({
    type: "TableChanged",
    tableId: String(table.id),
    worksheetId: table.sheet.id,
    address: formatA1(rect),
    changeType,
    source: "Local",
  }));
  /** TableCollection.onAdded: a table was added (its name is the one it has when handlers run). */
  readonly tableAdded = new FakeEventSource<TableAddedArgs, TableModel>((_, table) => ({ type: "TableAdded", tableId: String(table.id), worksheetId: table.sheet.id, source: "Local" }));
  private nextTableId = 1;

  sheet(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  table(name: string): TableModel | null {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** Cells of a sheet changed: each table they touch fires its TableChanged event, for the part of it that changed. */
  cellsChanged(sheet: SheetModel, rect: Rect, changeType: TableChange["changeType"] = "RangeEdited"): void {
    for (const table of this.tables) {
      if (table.deleted || table.sheet !== sheet || !intersects(table.rect, rect)) continue;
      const row = Math.max(rect.row, table.row);
      const column = Math.max(rect.column, table.column);
      const rowCount = Math.min(rect.row + rect.rowCount, table.row + table.rowCount) - row;
      const columnCount = Math.min(rect.column + rect.columnCount, table.column + table.columnCount) - column;
      this.tableChanged.fire({ table, rect: { row, column, rowCount, columnCount }, changeType });
    }
  }

  newTableId(): number {
    return this.nextTableId++;
  }

  /** Tables, defined names and each other share one namespace in Excel. */
  nameTaken(name: string, except?: TableModel): boolean {
    return this.names.has(name.toLowerCase()) || this.tables.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase());
  }
}

/** Excel's rule for table and defined names: a letter, _ or \ first; letters, digits, _ . \ after; not a cell reference. */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}

/** Excel's rule for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}
