import { sheetKey } from "./sheetNames";
import { headerCellText, renamedHeaderNote, repeatedHeader, tableColumnNames } from "./tableHeaders";
import type { CellBlock, CellInput, CellValue, ColumnNote, ComputedColumn, DropDown, NewTable, NumberFilter, Progress, RagFormat, ReadTablesOptions, ReportChart, ReportSheet, SelectionListener, TableCellUpdate, TableSnapshot, WorkbookPort } from "./port";

/** One cell: its value and, for formula cells, the formula that gives it. */
export interface MemoryCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
}

interface MemoryTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  columnCount: number;
  /** data rows, not counting the header */
  rowCount: number;
  /** Computed columns by offset in the table: new rows get their formula, as Excel's calculated columns do. */
  calculated?: Map<number, { formula: string; numberFormat?: string }>;
  /** Number formats by offset in the table, given to rows added later as Excel does. */
  formats?: Map<number, string>;
}

/** A block of selected cells, 0-based. */
export interface MemorySelection {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** A column by its header, as Excel finds table columns: the exact header, else one differing only in case. */
function columnOf(headers: readonly string[], column: string): number {
  const exact = headers.indexOf(column);
  return exact >= 0 ? exact : headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
}

/** A workbook held in plain arrays: the same port the Office adapter offers, for the CLI, the preview and tests. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemoryCell[][]>();
  readonly tables = new Map<string, MemoryTable>();
  readonly names = new Map<string, string>();
  readonly ragFormats: RagFormat[] = [];
  readonly dropDowns: DropDown[] = [];
  /** Notes on table columns' header cells (ComputedColumn.note). */
  readonly notes: ColumnNote[] = [];
  readonly settings = new Map<string, string>();
  readonly charts: (ReportChart & { sheet: string })[] = [];
  readonly filters = new Map<string, { column: string; filter: NumberFilter }>();
  /** How many times the workbook was recalculated. */
  recalculations = 0;
  /** Set it through `select` for listeners to hear of it. */
  selection: MemorySelection | null = null;
  active: string | null = null;
  private readonly selectionListeners = new Set<SelectionListener>();
  private readonly tableListeners = new Set<{ table: string; listener: () => void }>();
  private readonly workbookListeners = new Set<() => void>();
  private changeQueued = false;

  /** A workbook from sheets of plain values, e.g. one read from a CSV or .xlsx file. */
  static fromSheets(sheets: Record<string, readonly (readonly CellValue[])[]>): MemoryWorkbook {
    const book = new MemoryWorkbook();
    for (const [name, rows] of Object.entries(sheets)) {
      book.sheets.set(name, rows.map((row) => row.map((value) => ({ value }))));
      book.active ??= name;
    }
    return book;
  }

  private sheet(name: string): MemoryCell[][] {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`There is no sheet "${name}"`);
    return sheet;
  }

  private table(name: string): MemoryTable {
    const table = this.tables.get(name);
    if (!table) throw new Error(`There is no table "${name}"`);
    return table;
  }

  /** The cell at a 0-based position, created empty if need be. */
  cell(sheet: string, row: number, column: number): MemoryCell {
    const grid = this.sheet(sheet);
    while (grid.length <= row) grid.push([]);
    const line = grid[row];
    while (line.length <= column) line.push({ value: null });
    return line[column];
  }

  private peek(sheet: string, row: number, column: number): CellValue {
    return this.sheets.get(sheet)?.[row]?.[column]?.value ?? null;
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async activeSheet(): Promise<string> {
    const first = this.sheets.keys().next();
    const active = this.active ?? (first.done ? null : first.value);
    if (active === null) throw new Error("The workbook has no sheets");
    return active;
  }

  async readUsedRange(sheet: string): Promise<CellBlock> {
    const grid = this.sheet(sheet);
    let top = -1;
    let bottom = -1;
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    grid.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell.value === null || cell.value === "") return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    if (top < 0) return { sheet, row: 0, column: 0, values: [] };
    const values: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = left; c <= right; c++) line.push(this.peek(sheet, r, c));
      values.push(line);
    }
    return { sheet, row: top, column: left, values };
  }

  async tableNames(): Promise<{ name: string; sheet: string }[]> {
    return [...this.tables.values()].map(({ name, sheet }) => ({ name, sheet }));
  }

  /** A table's header and rows. */
  snapshot(name: string, withNumberFormats = false): TableSnapshot {
    const t = this.table(name);
    const headers: string[] = [];
    for (let c = 0; c < t.columnCount; c++) headers.push(String(this.peek(t.sheet, t.row, t.column + c) ?? ""));
    const rows: CellValue[][] = [];
    const formats: (string | undefined)[][] = [];
    for (let r = 1; r <= t.rowCount; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < t.columnCount; c++) line.push(this.peek(t.sheet, t.row + r, t.column + c));
      rows.push(line);
      if (withNumberFormats) formats.push(line.map((_, c) => this.sheets.get(t.sheet)?.[t.row + r]?.[t.column + c]?.numberFormat));
    }
    return { name: t.name, sheet: t.sheet, row: t.row, column: t.column, headers, rows, ...(withNumberFormats ? { numberFormats: formats } : {}) };
  }

  async readTables(names: readonly string[], progress?: Progress, options: ReadTablesOptions = {}): Promise<Map<string, TableSnapshot>> {
    const result = new Map<string, TableSnapshot>();
    for (const name of names) if (this.tables.has(name)) result.set(name, this.snapshot(name, options.numberFormatsOf?.includes(name) ?? false));
    const rows = [...result.values()].reduce((n, t) => n + t.rows.length, 0);
    progress?.(rows, rows);
    return result;
  }

  async convertToTable(name: string, sheet: string, row: number, column: number, rowCount: number, columnCount: number): Promise<void> {
    if (this.tables.has(name)) throw new Error(`A table named "${name}" already exists`);
    this.sheet(sheet);
    for (const t of this.tables.values()) {
      const overlaps = t.sheet === sheet && row <= t.row + t.rowCount && t.row <= row + rowCount - 1 && column < t.column + t.columnCount && t.column < column + columnCount;
      if (overlaps) throw new Error(`That range overlaps the table "${t.name}"`);
    }
    // A table's columns need valid, unique names, which the header cells show (ECMA-376 §18.5.1.3):
    // named as Excel names them (Column3, Notes2), and a renamed cell's note keeps what it said.
    const texts = Array.from({ length: columnCount }, (_, c) => headerCellText(this.peek(sheet, row, column + c)));
    const { names, renamed } = tableColumnNames(texts);
    names.forEach((header, c) => {
      if (this.peek(sheet, row, column + c) !== header) this.cell(sheet, row, column + c).value = header;
    });
    for (const r of renamed) this.notes.push({ table: name, column: r.name, text: renamedHeaderNote(r) });
    this.tables.set(name, { name, sheet, row, column, columnCount, rowCount: rowCount - 1 });
    this.tableChanged(name);
  }

  /** Whether the workbook has a sheet of this name, as Excel compares sheet names (case ignored). */
  private hasSheet(name: string): boolean {
    return [...this.sheets.keys()].some((s) => sheetKey(s) === sheetKey(name));
  }

  /**
   * A table the workbook's file already holds, put back as it was (the command line reading a
   * tracker it wrote): its place, size and calculated columns' formulas, by column.
   */
  restoreTable(t: { name: string; sheet: string; row: number; column: number; columnCount: number; rowCount: number; formulas: readonly (string | undefined)[] }): void {
    const calculated = new Map<number, { formula: string }>();
    t.formulas.forEach((formula, c) => formula && calculated.set(c, { formula }));
    this.tables.set(t.name, { name: t.name, sheet: t.sheet, row: t.row, column: t.column, columnCount: t.columnCount, rowCount: t.rowCount, ...(calculated.size ? { calculated } : {}) });
  }

  async addTableSheet(sheet: string, table: string, headers: readonly string[], rows: readonly CellInput[][], progress?: Progress): Promise<void> {
    if (this.hasSheet(sheet)) throw new Error(`A sheet named "${sheet}" already exists`);
    if (this.tables.has(table)) throw new Error(`A table named "${table}" already exists`);
    const cellOf = (input: CellInput): MemoryCell =>
      input !== null && typeof input === "object" ? { value: input.cachedValue ?? null, formula: input.formula } : { value: input };
    this.sheets.set(sheet, [headers.map((h) => ({ value: h })), ...rows.map((line) => line.map(cellOf))]);
    this.tables.set(table, { name: table, sheet, row: 0, column: 0, columnCount: headers.length, rowCount: rows.length });
    this.tableChanged(table);
    progress?.(rows.length, rows.length);
  }

  async addTables(tables: readonly NewTable[]): Promise<void> {
    for (const t of tables) {
      if (this.hasSheet(t.sheet)) throw new Error(`A sheet named "${t.sheet}" already exists`);
      if (this.tables.has(t.table)) throw new Error(`A table named "${t.table}" already exists`);
    }
    for (const t of tables) {
      await this.addTableSheet(t.sheet, t.table, t.headers, t.rows);
      if (t.computed?.length) await this.appendComputedColumns(t.table, t.computed);
      for (const d of t.dropDowns ?? []) await this.addDropDown({ table: t.table, column: d.column, choices: d.choices });
      if (t.ragColumn) await this.addRagFormat({ table: t.table, column: t.ragColumn });
      const made = this.table(t.table);
      for (const [header, format] of Object.entries(t.numberFormats ?? {})) {
        const c = t.headers.indexOf(header);
        if (c < 0) throw new Error(`The table "${t.table}" has no column "${header}"`);
        (made.formats ??= new Map()).set(c, format);
        for (let r = 1; r <= made.rowCount; r++) this.cell(made.sheet, made.row + r, made.column + c).numberFormat = format;
      }
    }
    this.workbookChanged();
  }

  async appendComputedColumns(table: string, columns: readonly ComputedColumn[]): Promise<void> {
    return this.addColumns(table, columns);
  }

  async appendColumns(table: string, headers: readonly string[]): Promise<void> {
    return this.addColumns(table, headers.map((header) => ({ header })));
  }

  /** New columns at the right of a table: formula columns, or blank ones (no formula) for values typed later. */
  private async addColumns(table: string, columns: readonly (Omit<ComputedColumn, "formula"> & { formula?: string })[]): Promise<void> {
    const t = this.table(table);
    // As Excel does, a header the table has already (case ignored) is refused before anything changes.
    const taken = repeatedHeader([...this.snapshot(table).headers, ...columns.map((c) => c.header)]);
    if (taken !== null) throw new Error(`The table "${table}" already has a column "${taken}"`);
    // Every cell the new columns take, header row too, is checked before any is written.
    columns.forEach((spec, k) => {
      for (let r = 0; r <= t.rowCount; r++) {
        // An empty string is a blank cell, as Excel's values give one (a CSV's empty field).
        const there = this.sheets.get(t.sheet)?.[t.row + r]?.[t.column + t.columnCount + k];
        if (there && ((there.value !== null && there.value !== "") || there.formula)) throw new Error(`Cannot add column "${spec.header}": a cell to the right of the table is not empty`);
      }
    });
    for (const spec of columns) {
      const c = t.column + t.columnCount;
      this.cell(t.sheet, t.row, c).value = spec.header;
      if (spec.formula === undefined) {
        t.columnCount++;
        continue;
      }
      (t.calculated ??= new Map()).set(c - t.column, { formula: spec.formula, numberFormat: spec.numberFormat });
      if (spec.note) this.notes.push({ table, column: spec.header, text: spec.note });
      for (let r = 1; r <= t.rowCount; r++) {
        const cell = this.cell(t.sheet, t.row + r, c);
        cell.formula = spec.rowFormulas?.[r - 1] ?? spec.formula;
        cell.value = spec.cachedValues?.[r - 1] ?? null;
        if (spec.numberFormat) cell.numberFormat = spec.numberFormat;
      }
      t.columnCount++;
    }
    this.tableChanged(table);
  }

  async appendRows(table: string, rows: readonly CellValue[][], progress?: Progress): Promise<void> {
    const t = this.table(table);
    // Calculated columns: those set up as computed, else those whose first row holds a formula.
    const formulas: ({ formula: string; numberFormat?: string } | undefined)[] = [];
    for (let c = 0; c < t.columnCount; c++) {
      const first = this.sheets.get(t.sheet)?.[t.row + 1]?.[t.column + c];
      formulas.push(t.calculated?.get(c) ?? (first?.formula ? { formula: first.formula, numberFormat: first.numberFormat } : undefined));
    }
    for (const line of rows) {
      t.rowCount++;
      for (let c = 0; c < t.columnCount; c++) {
        const cell = this.cell(t.sheet, t.row + t.rowCount, t.column + c);
        const calculated = formulas[c];
        if (calculated) {
          cell.formula = calculated.formula;
          cell.value = null;
          if (calculated.numberFormat) cell.numberFormat = calculated.numberFormat;
        } else cell.value = line[c] ?? null;
        const format = t.formats?.get(c);
        if (format && !cell.numberFormat) cell.numberFormat = format;
      }
    }
    this.tableChanged(table);
    progress?.(rows.length, rows.length);
  }

  async writeReportSheet(report: ReportSheet): Promise<{ replaced: boolean }> {
    const existing = this.sheets.get(report.sheet);
    let replaced = false;
    if (existing) {
      const a1 = existing[0]?.[0]?.value;
      if (typeof a1 !== "string" || !a1.startsWith(report.marker)) {
        throw new Error(`A sheet named "${report.sheet}" already exists and was not written by the tracker: rename it and run again`);
      }
      // Refuse before deleting: a taken table name must not cost the user the earlier report.
      const clash = this.tables.get(report.table.name);
      if (clash && clash.sheet !== report.sheet) throw new Error(`A table named "${report.table.name}" already exists`);
      this.removeSheet(report.sheet);
      replaced = true;
    }
    const t = report.table;
    if (this.tables.has(t.name)) throw new Error(`A table named "${t.name}" already exists`);
    const headerRow = report.heading.length + 1;
    const grid: MemoryCell[][] = report.heading.map((line) => line.map((value) => ({ value })));
    grid.push([]);
    grid.push(t.headers.map((h) => ({ value: h })));
    const formats = t.headers.map((h) => t.numberFormats?.[h]);
    for (const line of t.rows) grid.push(t.headers.map((_, c) => ({ value: line[c] ?? null, ...(formats[c] ? { numberFormat: formats[c] } : {}) })));
    this.sheets.set(report.sheet, grid);
    this.tables.set(t.name, { name: t.name, sheet: report.sheet, row: headerRow, column: 0, columnCount: t.headers.length, rowCount: t.rows.length });
    if (t.ragColumn) await this.addRagFormat({ table: t.name, column: t.ragColumn });
    if (report.chart) this.charts.push({ sheet: report.sheet, ...report.chart });
    this.active = report.sheet;
    this.tableChanged(t.name);
    return { replaced };
  }

  /** Removes a sheet with its tables and what hangs on them. */
  private removeSheet(name: string): void {
    for (const t of [...this.tables.values()].filter((x) => x.sheet === name)) {
      this.tables.delete(t.name);
      this.filters.delete(t.name);
      for (const list of [this.ragFormats, this.dropDowns, this.notes]) {
        for (let i = list.length - 1; i >= 0; i--) if (list[i].table === t.name) list.splice(i, 1);
      }
    }
    for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheet === name) this.charts.splice(i, 1);
    this.sheets.delete(name);
  }

  async filterTable(table: string, column: string, filter: NumberFilter | null): Promise<void> {
    if (!this.snapshot(table).headers.includes(column)) throw new Error(`The table "${table}" has no column "${column}"`);
    if (filter === null) this.filters.delete(table);
    else this.filters.set(table, { column, filter });
    this.workbookChanged();
  }

  /** The rows a table shows under its filter (0-based within the body). */
  visibleRows(table: string): number[] {
    const snapshot = this.snapshot(table);
    const applied = this.filters.get(table);
    const c = applied ? snapshot.headers.indexOf(applied.column) : -1;
    return snapshot.rows.flatMap((line, i) => {
      if (!applied) return [i];
      const v = line[c];
      if (typeof v !== "number") return [];
      const { atLeast, atMost } = applied.filter;
      return (atLeast === undefined || v >= atLeast) && (atMost === undefined || v <= atMost) ? [i] : [];
    });
  }

  async recalculate(): Promise<void> {
    this.recalculations++;
  }

  async selectedTableRows(table: string): Promise<number[]> {
    const t = this.table(table);
    const s = this.selection;
    if (!s || s.sheet !== t.sheet) return [];
    if (s.column + s.columnCount <= t.column || s.column >= t.column + t.columnCount) return [];
    const rows: number[] = [];
    for (let r = Math.max(s.row, t.row + 1); r < Math.min(s.row + s.rowCount, t.row + 1 + t.rowCount); r++) rows.push(r - t.row - 1);
    return rows;
  }

  async selectTableCell(table: string, row: number, column: string): Promise<void> {
    const t = this.table(table);
    const c = this.snapshot(table).headers.indexOf(column);
    if (c < 0) throw new Error(`The table "${table}" has no column "${column}"`);
    if (row < 0 || row >= t.rowCount) throw new Error(`The table "${table}" has no row ${row + 1}`);
    this.select(t.sheet, t.row + 1 + row, t.column + c);
  }

  /**
   * Selects a block (0-based) as a user would, bringing its sheet into view; selection listeners
   * hear of it once the current task is done, as Excel tells add-ins after the selection moved.
   */
  select(sheet: string, row: number, column: number, rowCount = 1, columnCount = 1): void {
    this.sheet(sheet);
    this.selection = { sheet, row, column, rowCount, columnCount };
    this.active = sheet;
    this.workbookChanged();
    for (const listener of [...this.selectionListeners]) {
      queueMicrotask(() => {
        if (this.selectionListeners.has(listener)) listener(sheet, row, column);
      });
    }
  }

  async onSelectionChanged(listener: SelectionListener): Promise<() => Promise<void>> {
    // Each subscription is its own entry, so the same function subscribed twice is stopped once per stop.
    const entry: SelectionListener = (sheet, row, column) => listener(sheet, row, column);
    this.selectionListeners.add(entry);
    return async () => {
      this.selectionListeners.delete(entry);
    };
  }

  async updateTableCells(table: string, updates: readonly TableCellUpdate[]): Promise<void> {
    const t = this.table(table);
    const headers = this.snapshot(table).headers;
    // Every update is checked before any is written.
    const targets = updates.map((u) => {
      const c = columnOf(headers, u.column);
      if (c < 0) throw new Error(`The table "${table}" has no column "${u.column}"`);
      if (!Number.isInteger(u.row) || u.row < 0 || u.row >= t.rowCount) throw new Error(`The table "${table}" has no row ${u.row + 1}`);
      return { cell: this.cell(t.sheet, t.row + 1 + u.row, t.column + c), value: u.value };
    });
    for (const { cell, value } of targets) {
      if (value !== null && typeof value === "object") {
        cell.formula = value.formula;
        cell.value = value.cachedValue ?? null;
      } else {
        delete cell.formula;
        cell.value = value;
      }
    }
    this.tableChanged(table);
  }

  /**
   * Calls the listener whenever anything a view of the whole workbook shows changes: a sheet, a
   * table's cells or size, its formats, the active sheet or the selection (the preview's grid).
   * Changes made in one task are told once, after it. Returns the function that stops it.
   * @example const stop = book.onWorkbookChanged(() => redraw()); … stop();
   */
  onWorkbookChanged(listener: () => void): () => void {
    const entry = (): void => listener();
    this.workbookListeners.add(entry);
    return () => {
      this.workbookListeners.delete(entry);
    };
  }

  /** Brings a sheet into view, as pressing its tab does; the selection stays where it was. */
  activate(sheet: string): void {
    this.sheet(sheet);
    this.active = sheet;
    this.workbookChanged();
  }

  private workbookChanged(): void {
    if (this.changeQueued || this.workbookListeners.size === 0) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      for (const listener of [...this.workbookListeners]) listener();
    });
  }

  /** Table listeners hear of a change to a table (or its making) once the current task is done, as Excel tells add-ins. */
  private tableChanged(table: string): void {
    this.workbookChanged();
    for (const entry of [...this.tableListeners]) {
      if (entry.table !== table.toLowerCase()) continue;
      queueMicrotask(() => {
        if (this.tableListeners.has(entry)) entry.listener();
      });
    }
  }

  async onTableChanged(table: string, listener: () => void): Promise<() => Promise<void>> {
    const entry = { table: table.toLowerCase(), listener };
    this.tableListeners.add(entry);
    return async () => {
      this.tableListeners.delete(entry);
    };
  }

  async defineName(name: string, formula: string): Promise<void> {
    this.names.set(name, formula);
  }

  async definedNames(): Promise<string[]> {
    return [...this.names.keys()];
  }

  async addRagFormat(format: RagFormat): Promise<void> {
    if (!this.ragFormats.some((f) => f.table === format.table && f.column === format.column)) this.ragFormats.push(format);
    this.workbookChanged();
  }

  async addDropDown(dropDown: DropDown): Promise<void> {
    const existing = this.dropDowns.findIndex((d) => d.table === dropDown.table && d.column === dropDown.column);
    if (existing >= 0) this.dropDowns.splice(existing, 1, dropDown);
    else this.dropDowns.push(dropDown);
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
}
