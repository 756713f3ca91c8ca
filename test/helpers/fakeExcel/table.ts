/** Excel.Table, its collections, columns and rows. */
import type { FakeRequestContext } from "./context";
import { Rect, contains, fromR1C1, intersects, parseA1, toR1C1 } from "./cells";
import { invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound, notModelled } from "./errors";
import { SheetModel, TableAddedArgs, TableChangedArgs, TableModel, WorkbookModel, isValidName } from "./model";
import { FakeEventHandlers } from "./events";
import { FakeCollection, FakeProxy, cellsIn } from "./proxy";
import { FakeRange, RangeTarget, applyTypedInput } from "./range";
import { FakeWorksheet } from "./worksheet";
import { FakeFilter } from "./filter";

/** Which tables a collection holds: the workbook's, a sheet's, or those meeting a range. */
export interface TableScope {
  model: WorkbookModel;
  sheet?: SheetModel;
  rect?: Rect;
  fullyContained?: boolean;
}

function inScope(scope: TableScope, table: TableModel): boolean {
  if (scope.sheet && table.sheet !== scope.sheet) return false;
  if (scope.rect) return scope.fullyContained ? contains(scope.rect, table.rect) : intersects(scope.rect, table.rect);
  return true;
}

/** The header names Excel gives a new table: blanks become ColumnN, repeats get 2, 3… */
function tableHeaders(sheet: SheetModel, rect: Rect): string[] {
  const names: string[] = [];
  for (let c = 0; c < rect.columnCount; c++) {
    const value = sheet.value(rect.row, rect.column + c);
    let name = value === "" ? `Column${c + 1}` : String(value);
    const base = name;
    for (let n = 2; names.some((other) => other.toLowerCase() === name.toLowerCase()); n++) name = `${base}${n}`;
    names.push(name);
  }
  return names;
}

export class FakeTableCollection extends FakeCollection<TableScope, TableModel, FakeTable> {
  /** Occurs when cells of any table of the workbook change (ExcelApi 1.7). */
  readonly onChanged: FakeEventHandlers<TableChangedArgs>;
  /** Occurs when a table is added to the workbook (ExcelApi 1.7). */
  readonly onAdded: FakeEventHandlers<TableAddedArgs>;

  constructor(context: FakeRequestContext, locate: () => TableScope | null) {
    super(context, locate, "lazy", "TableCollection");
    this.onChanged = new FakeEventHandlers(context, () => context.model.tableChanged, "TableCollection.onChanged");
    this.onAdded = new FakeEventHandlers(context, () => context.model.tableAdded, "TableCollection.onAdded");
  }

  protected itemsOf(scope: TableScope): TableModel[] {
    return scope.model.tables.filter((t) => inScope(scope, t));
  }

  protected wrap(table: TableModel): FakeTable {
    return new FakeTable(this.context, () => table, { bound: table });
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.queue("add", typeof address === "string" ? address : "range", (scope) => {
      if (!hasHeaders) throw notModelled("tables.add(…, false)");
      const where = this.where(scope, address);
      const { model } = scope;
      const clash = model.tables.find((t) => t.sheet === where.sheet && intersects(t.rect, where.rect));
      if (clash) throw invalidArgument(`A table can't overlap another table (${clash.name}).`);
      const headers = tableHeaders(where.sheet, where.rect);
      headers.forEach((name, c) => where.sheet.setContent(where.rect.row, where.rect.column + c, { value: name }));
      let n = model.tables.length + 1;
      while (model.nameTaken(`Table${n}`)) n++;
      // A header row alone still gets one (blank) data row: Excel tables always have a body.
      created = new TableModel(model.newTableId(), `Table${n}`, where.sheet, where.rect.row, where.rect.column, Math.max(2, where.rect.rowCount), where.rect.columnCount);
      model.tables.push(created);
      model.tableAdded.fire(created);
    });
    return new FakeTable(this.context, () => created, "eager");
  }

  private where(scope: TableScope, address: string | FakeRange): RangeTarget {
    if (typeof address !== "string") {
      const target = address.resolve();
      if (target === null) throw invalidOperation("tables.add on a null range");
      if (scope.sheet && target.sheet !== scope.sheet) throw invalidArgument("The range is on another sheet");
      return target;
    }
    const bang = address.lastIndexOf("!");
    const sheetPart = bang < 0 ? null : address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const sheet = sheetPart === null ? (scope.sheet ?? scope.model.activeSheet) : scope.model.sheet(sheetPart);
    const rect = parseA1(bang < 0 ? address : address.slice(bang + 1));
    if (sheet === null || rect === null) throw invalidArgument(`address "${address}"`);
    return { sheet, rect };
  }

  getItem(name: string): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        const scope = this.resolve();
        const table = scope === null ? null : scope.model.table(name);
        if (scope !== null && (table === null || !inScope(scope, table))) throw itemNotFound(`table "${name}"`);
        return table;
      },
      "eager",
    );
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        const scope = this.resolve();
        const table = scope === null ? null : scope.model.table(name);
        return scope !== null && table !== null && inScope(scope, table) ? table : null;
      },
      "eager",
    );
  }
}

export class FakeTable extends FakeProxy<TableModel> {
  private sheetProxy?: FakeWorksheet;
  private columnsProxy?: FakeTableColumnCollection;
  private rowsProxy?: FakeTableRowCollection;

  constructor(context: FakeRequestContext, locate: () => TableModel | null, binding: "eager" | { bound: TableModel }) {
    super(context, locate, binding, "Table");
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.queue("rename", name, (table) => {
      if (!isValidName(name)) throw invalidArgument(`"${name}" is not a valid table name`);
      if (this.context.model.nameTaken(name, table)) throw itemAlreadyExists(`A table or name "${name}" already exists`);
      table.name = name;
    });
  }

  /** Excel's id of the table: the same after a rename; the one TableCollection events name. */
  get id(): string {
    return this.read("id");
  }

  get worksheet(): FakeWorksheet {
    return (this.sheetProxy ??= new FakeWorksheet(this.context, () => this.resolve()?.sheet ?? null, "lazy"));
  }

  get columns(): FakeTableColumnCollection {
    return (this.columnsProxy ??= new FakeTableColumnCollection(this.context, () => this.resolve()));
  }

  get rows(): FakeTableRowCollection {
    return (this.rowsProxy ??= new FakeTableRowCollection(this.context, () => this.resolve()));
  }

  private part(rect: (table: TableModel) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.resolve();
      return table === null ? null : { sheet: table.sheet, rect: rect(table) };
    });
  }

  getRange(): FakeRange {
    return this.part((t) => t.rect);
  }

  /** Clears the filters of every column, showing every row. */
  clearFilters(): void {
    this.queue("clearFilters", null, (table) => table.filters.clear());
  }

  getHeaderRowRange(): FakeRange {
    return this.part((t) => t.headerRect);
  }

  getDataBodyRange(): FakeRange {
    return this.part((t) => t.bodyRect);
  }

  protected override navigate(name: string): FakeProxy<unknown> {
    if (name === "worksheet") return this.worksheet as FakeProxy<unknown>;
    return super.navigate(name);
  }

  protected scalar(name: string, table: TableModel): unknown {
    if (name === "name") return table.name;
    if (name === "id") return String(table.id);
    if (name === "showHeaders") return true;
    if (name === "showTotals") return false;
    throw notModelled(`Table.${name}`);
  }
}

/** A table column: its table and position. */
export interface ColumnRef {
  table: TableModel;
  index: number;
}

export class FakeTableColumnCollection extends FakeCollection<TableModel, ColumnRef, FakeTableColumn> {
  constructor(context: FakeRequestContext, locate: () => TableModel | null) {
    super(context, locate, "lazy", "TableColumnCollection");
  }

  protected itemsOf(table: TableModel): ColumnRef[] {
    return table.columnNames().map((_, index) => ({ table, index }));
  }

  protected wrap(column: ColumnRef): FakeTableColumn {
    return new FakeTableColumn(this.context, () => column, { bound: column });
  }

  /** Adds a column at the right of the table (cells to its right move right, as Excel inserts them). */
  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    let created: ColumnRef | null = null;
    this.queue("add", { index, values, name }, (table) => {
      if (index !== undefined && index !== null && index !== table.columnCount) throw notModelled("columns.add in the middle of a table");
      if (values !== undefined && values !== null) throw notModelled("columns.add with values");
      const { sheet } = table;
      const at = table.column + table.columnCount;
      const used = sheet.usedRect(false, { row: table.row, column: at, rowCount: table.rowCount, columnCount: 1 });
      if (used !== null) sheet.insertCellsRight(table.row, table.rowCount, at, 1);
      const names = table.columnNames();
      let header = name ?? `Column${names.length + 1}`;
      for (let n = 2; names.some((other) => other.toLowerCase() === header.toLowerCase()); n++) header = `${name ?? "Column"}${n}`;
      sheet.setContent(table.row, at, { value: header });
      table.columnCount++;
      created = { table, index: table.columnCount - 1 };
      this.context.model.cellsChanged(sheet, { row: table.row, column: at, rowCount: table.rowCount, columnCount: 1 }, "ColumnInserted");
    });
    return new FakeTableColumn(this.context, () => created, "eager");
  }

  private find(key: string | number): ColumnRef | null {
    const table = this.resolve();
    if (table === null) return null;
    const index = typeof key === "number" ? key - 1 : table.columnIndexOf(key);
    return index >= 0 && index < table.columnCount ? { table, index } : null;
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      () => {
        if (this.resolve() === null) return null;
        const found = this.find(key);
        if (found === null) throw itemNotFound(`column "${key}"`);
        return found;
      },
      "eager",
    );
  }

  getItemOrNullObject(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => this.find(key), "eager");
  }
}

export class FakeTableColumn extends FakeProxy<ColumnRef> {
  readonly filter: FakeFilter;

  constructor(context: FakeRequestContext, locate: () => ColumnRef | null, binding: "eager" | { bound: ColumnRef }) {
    super(context, locate, binding, "TableColumn");
    this.filter = new FakeFilter(context, () => this.resolve());
  }

  get name(): string {
    return this.read("name");
  }

  get index(): number {
    return this.read("index");
  }

  private part(rows: (table: TableModel) => { row: number; rowCount: number }): FakeRange {
    return new FakeRange(this.context, () => {
      const ref = this.resolve();
      return ref === null ? null : { sheet: ref.table.sheet, rect: { ...rows(ref.table), column: ref.table.column + ref.index, columnCount: 1 } };
    });
  }

  getRange(): FakeRange {
    return this.part((t) => ({ row: t.row, rowCount: t.rowCount }));
  }

  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ row: t.row, rowCount: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ row: t.row + 1, rowCount: t.rowCount - 1 }));
  }

  protected scalar(name: string, ref: ColumnRef): unknown {
    if (name === "name") return ref.table.columnNames()[ref.index];
    if (name === "index") return ref.index;
    if (name === "id") return ref.index + 1;
    throw notModelled(`TableColumn.${name}`);
  }
}

export class FakeTableRowCollection extends FakeProxy<TableModel> {
  constructor(context: FakeRequestContext, locate: () => TableModel | null) {
    super(context, locate, "lazy", "TableRowCollection");
  }

  get count(): number {
    return this.read("count");
  }

  /**
   * Adds rows at the bottom of the table; cells below it move down, as when Excel inserts table
   * rows. Values are typed input. A null leaves the new cell to the table: a calculated column's
   * formula (the first data row's, moved down), else blank; any other value replaces the formula.
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.queue("add", values ?? null, (table) => {
      if (index !== undefined && index !== null) throw notModelled("rows.add at an index");
      if (!Array.isArray(values) || values.length === 0) throw notModelled("rows.add without values");
      if (!values.every((row) => Array.isArray(row) && row.length === table.columnCount)) throw invalidArgument("Each row must have a value for every column of the table");
      const { sheet } = table;
      const body = table.bodyRect;
      const at = table.row + table.rowCount;
      sheet.insertCellsDown(at, table.column, table.columnCount, values.length);
      values.forEach((line, r) => {
        line.forEach((input, c) => {
          const column = table.column + c;
          const calculated = sheet.formula(body.row, column);
          if ((input === null || input === undefined) && calculated !== undefined) sheet.setContent(at + r, column, { value: "", formula: fromR1C1(toR1C1(calculated, body.row, column), at + r, column) });
          else applyTypedInput(sheet, at + r, column, input);
          // Excel formats a new table row like the row above it (a date column stays a date column).
          const above = sheet.numberFormat(at - 1, column);
          if (above !== "General" && sheet.numberFormat(at + r, column) === "General") sheet.setNumberFormat(at + r, column, above);
        });
      });
      table.rowCount += values.length;
      sheet.growWithTable(body, values.length);
      this.context.model.cellsChanged(sheet, { row: at, column: table.column, rowCount: values.length, columnCount: table.columnCount }, "RowInserted");
    }, Array.isArray(values) ? cellsIn(values) : 0);
  }

  protected scalar(name: string, table: TableModel): unknown {
    if (name === "count") return table.rowCount - 1;
    throw notModelled(`TableRowCollection.${name}`);
  }
}
