/**
 * The port: the small set of workbook operations features need. The Office adapter implements it
 * over Excel JS, the in-memory workbook over plain arrays (CLI, browser preview, tests).
 */

/** A cell's value as features see it: text, a number (dates are serials), a boolean, or empty. */
export type CellValue = string | number | boolean | null;

/** A cell the tracker writes as a formula (never text typed by a user), with the value it gives now if known. */
export interface FormulaCell {
  formula: string;
  cachedValue?: CellValue;
}

/** What the tracker may write into a new cell: a value (text stays text) or a formula. */
export type CellInput = CellValue | FormulaCell;

/** A block of cells on a sheet; row and column are 0-based (A1 is 0, 0). */
export interface CellBlock {
  sheet: string;
  row: number;
  column: number;
  values: CellValue[][];
}

/** An Excel table as read: its header row and every data row, each cell's value as shown after calculation. */
export interface TableSnapshot {
  name: string;
  sheet: string;
  /** 0-based position of the header row's first cell. */
  row: number;
  column: number;
  headers: string[];
  rows: CellValue[][];
  /**
   * Each row's cell number formats where the reader keeps them (an .xlsx file read by the command
   * line), aligned with `rows`; absent where not read. A money cell's currency can be in its format.
   */
  numberFormats?: readonly (readonly (string | undefined)[] | undefined)[];
}

/** A column of formulas the tracker appends to a table. */
export interface ComputedColumn {
  header: string;
  /** A table formula with structured references, e.g. `=CONTRACT.DAYSTOEXPIRY([@[End date]],AsOf)`. */
  formula: string;
  /** Excel number format, e.g. `dd/mm/yyyy`. */
  numberFormat?: string;
  /** The values the formula gives today, one per data row, for workbooks nobody recalculates before reading (CLI). */
  cachedValues?: readonly CellValue[];
  /**
   * A row's own formula where it differs from `formula`, one entry per data row (null: the column's
   * formula): a native tracker's row whose text Excel's formulas cannot read holds the value read at set-up.
   */
  rowFormulas?: readonly (string | null)[];
  /** A note on the column's header cell saying what a reader of the column needs to know (which rows hold values read at set-up). */
  note?: string;
}

/** A note on a table column's header cell (an Excel note, shown on hover). */
export interface ColumnNote {
  table: string;
  column: string;
  text: string;
}

/** Red/amber/green fills on a table column whose cells say Red, Amber or Green. */
export interface RagFormat {
  table: string;
  column: string;
}

/** A drop-down list on a table column. */
export interface DropDown {
  table: string;
  column: string;
  choices: readonly string[];
}

/** A new sheet holding a new table, with the computed columns, drop-downs and RAG colours it is made with. */
export interface NewTable {
  sheet: string;
  table: string;
  headers: readonly string[];
  rows: readonly CellInput[][];
  /** Appended to the right of `headers`. */
  computed?: readonly ComputedColumn[];
  dropDowns?: readonly { column: string; choices: readonly string[] }[];
  /** The column to colour red, amber and green. */
  ragColumn?: string;
  /** Excel number formats by header, e.g. `{ "Raised at": "dd/mm/yyyy" }`: rows added later keep them. */
  numberFormats?: Readonly<Record<string, string>>;
}

/** A sheet the tracker writes as a report (the escalation summary): heading rows from A1, a table below them, and a chart. */
export interface ReportSheet {
  sheet: string;
  /**
   * A1's text. It marks the sheet as the tracker's own: a sheet of the same name is replaced only
   * when its A1 holds this text, so a sheet the user made is never deleted.
   */
  marker: string;
  /** Rows from A1 down (A1 holds `marker`); text is written as text, never as a formula. */
  heading: CellValue[][];
  /** Put one blank row between the heading and the table. */
  table: ReportTable;
  /** A native column chart of a few labelled numbers (e.g. contracts by RAG), placed beside the heading. */
  chart?: ReportChart;
}

export interface ReportTable {
  name: string;
  headers: readonly string[];
  rows: readonly CellValue[][];
  /** Column coloured red, amber and green. */
  ragColumn?: string;
  /** Excel number formats by header, e.g. `{ "Notice date": "dd/mm/yyyy" }`. */
  numberFormats?: Readonly<Record<string, string>>;
}

export interface ReportChart {
  title: string;
  /** Written as a two-column block (label, value) the chart reads from; colours are #RRGGBB per bar. */
  points: readonly { label: string; value: number; color: string }[];
}

/** A number range a table column is filtered to; either end may be open. */
export interface NumberFilter {
  atLeast?: number;
  atMost?: number;
}

/** One cell of a table's data body to change: its row (0-based within the body) and column (by header). */
export interface TableCellUpdate {
  row: number;
  column: string;
  /** The new content: a value (text stays text, never a formula) or, explicitly, a formula cell. */
  value: CellInput;
}

/**
 * Told where the user's selection moved: the sheet and the 0-based row and column of its active
 * cell (the cell the cursor is on, inside the selected block).
 */
export type SelectionListener = (sheet: string, row: number, column: number) => void;

/** Reports progress of long operations: done of total units (rows). */
export type Progress = (done: number, total: number) => void;

/** What readTables reads beside the values. */
export interface ReadTablesOptions {
  /** Tables whose cells' number formats are read too (`General` reads as undefined). */
  numberFormatsOf?: readonly string[];
}

export interface WorkbookPort {
  /** Sheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /** The sheet the user is looking at. */
  activeSheet(): Promise<string>;
  /** The used range of a sheet, from its first used cell. */
  readUsedRange(sheet: string): Promise<CellBlock>;
  /** Names of the workbook's tables with their sheets. */
  tableNames(): Promise<{ name: string; sheet: string }[]>;
  /**
   * Reads several tables in one go; a missing table is absent from the result. The tables named in
   * `options.numberFormatsOf` come with each cell's number format too (`numberFormats`), which costs
   * about as many bytes again as their values: ask for it only for small tables whose formats say
   * how a value is written (a KPI target typed as 95% is the number 0.95 formatted `0%`).
   */
  readTables(names: readonly string[], progress?: Progress, options?: ReadTablesOptions): Promise<Map<string, TableSnapshot>>;
  /**
   * Turns an existing block of cells (header row first) into a table, leaving every value where it
   * is. Header cells that cannot name a table column as they read (blank, repeated, over 255
   * characters) are named as Excel names them (tableHeaders tableColumnNames: Column3, Notes2), each
   * renamed one with a note keeping what it said.
   */
  convertToTable(name: string, sheet: string, row: number, column: number, rowCount: number, columnCount: number): Promise<void>;
  /** Adds a sheet holding a new table with these headers and rows. */
  addTableSheet(sheet: string, table: string, headers: readonly string[], rows: readonly CellInput[][], progress?: Progress): Promise<void>;
  /** Adds several new sheets with their tables at once: the way set-up creates Settings and the other tracker tables. */
  addTables(tables: readonly NewTable[]): Promise<void>;
  /** Appends formula columns to the right of a table. */
  appendComputedColumns(table: string, columns: readonly ComputedColumn[]): Promise<void>;
  /**
   * Appends blank columns, headed as given, to the right of a table: for values users and forms
   * type in later (no formula): Which contract, the Status a register lacked. Refuses, changing nothing, when a cell they would take is not empty
   * or the table has a column of that name.
   */
  appendColumns(table: string, headers: readonly string[]): Promise<void>;
  /** Appends data rows at the bottom of a table. */
  appendRows(table: string, rows: readonly CellValue[][], progress?: Progress): Promise<void>;
  /** Defines or redefines a workbook name, e.g. `AsOf` → `=Settings!$B$2`. */
  defineName(name: string, formula: string): Promise<void>;
  /** Names defined in the workbook. */
  definedNames(): Promise<string[]>;
  addRagFormat(format: RagFormat): Promise<void>;
  addDropDown(dropDown: DropDown): Promise<void>;
  /**
   * Writes a report sheet, replacing the tracker's own sheet of that name (never another sheet).
   * Resolves with whether an earlier one was replaced.
   */
  writeReportSheet(report: ReportSheet): Promise<{ replaced: boolean }>;
  /** Shows only the rows whose column holds a number in the range; null shows every row again. */
  filterTable(table: string, column: string, filter: NumberFilter | null): Promise<void>;
  /** Recalculates every formula of the workbook. */
  recalculate(): Promise<void>;
  /** The table's data rows (0-based within its body) that the user's selection touches; empty when it is outside the table. */
  selectedTableRows(table: string): Promise<number[]>;
  /** Selects one cell of a table's data body: its row (0-based within the body) and column (by header). */
  selectTableCell(table: string, row: number, column: string): Promise<void>;
  /**
   * Changes cells of a table's data body in place (the Settings table's Value cells, say). Every
   * update is checked before any is written, so a missing column or row changes nothing.
   */
  updateTableCells(table: string, updates: readonly TableCellUpdate[]): Promise<void>;
  /**
   * Calls the listener each time the selection moves, whoever moved it (the user, or
   * `selectTableCell`), some time after it moved. Resolves with the function that stops it; after
   * that resolves the listener is not called again.
   */
  onSelectionChanged(listener: SelectionListener): Promise<() => Promise<void>>;
  /**
   * Calls the listener each time the cells of the named table change (typed, pasted, written by an
   * add-in, rows or columns added) and when a table of that name is added to the workbook, some
   * time after it happened. Resolves with the function that stops it; after that resolves the
   * listener is not called again.
   */
  onTableChanged(table: string, listener: () => void): Promise<() => Promise<void>>;
  /** A value the tracker keeps in the workbook (e.g. the saved header mapping), or null. */
  loadSetting(key: string): Promise<string | null>;
  saveSetting(key: string, value: string): Promise<void>;
}
