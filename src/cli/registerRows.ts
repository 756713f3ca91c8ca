import type { CellValue } from "../workbook/port";

/**
 * A register's rows as convert reads them: any number of times, by row (to write it) or by column
 * (the whole-column decisions: types, date orders, decimal marks). Rows count from the sheet's
 * first row; a row shorter than `width` has blanks to the right.
 */
export interface RegisterRows {
  readonly length: number;
  readonly width: number;
  /** The cells of row `index` (a new array each time). */
  row(index: number): CellValue[];
  /** The values of column `column` from row `from` to the last (a new array). */
  column(column: number, from: number): CellValue[];
}

/** Rows already held as arrays (an .xlsx register read whole): nothing copied. */
export class ArrayRows implements RegisterRows {
  readonly width: number;

  constructor(private readonly rows: readonly (readonly CellValue[])[]) {
    this.width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  }

  get length(): number {
    return this.rows.length;
  }

  row(index: number): CellValue[] {
    return [...(this.rows[index] ?? [])];
  }

  column(column: number, from: number): CellValue[] {
    const values: CellValue[] = [];
    for (let r = from; r < this.rows.length; r++) values.push(this.rows[r]?.[column] ?? null);
    return values;
  }
}

/**
 * Rows held a column at a time: what convert reads most (each whole-column decision walks a
 * column, and a column of a row-held register is a million scattered reads), and a million rows
 * become a few long arrays instead of a million short ones for the collector to trace. The rows
 * given are moved in, not copied: `rows` is emptied as it is read, so each row can be let go as
 * soon as its cells are in the columns.
 * @example const held = ColumnRows.take([["Ref", "End"], ["C1", "31/03/2026"]]); held.column(1, 1) → ["31/03/2026"]; held.row(0) → ["Ref", "End"]
 */
export class ColumnRows implements RegisterRows {
  readonly width: number;
  readonly length: number;
  private readonly columns: CellValue[][];
  /** Each row's own length: a row shorter than the widest reads back as short as it was. */
  private readonly lengths: Uint32Array;

  private constructor(rows: (readonly CellValue[] | undefined)[]) {
    this.length = rows.length;
    let width = 0;
    for (const row of rows) if (row && row.length > width) width = row.length;
    this.width = width;
    this.lengths = new Uint32Array(rows.length);
    // Each column made at its full length at once (grown by push, it would be copied as it grows
    // and keep up to half as much again unused), and every place in it set, in order.
    this.columns = Array.from({ length: width }, () => new Array<CellValue>(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      rows[r] = undefined;
      const length = row ? row.length : 0;
      this.lengths[r] = length;
      for (let c = 0; c < width; c++) this.columns[c][r] = row && c < length ? row[c] : null;
    }
    rows.length = 0;
  }

  /** The rows moved into columns; `rows` is left empty. */
  static take(rows: (readonly CellValue[] | undefined)[]): ColumnRows {
    return new ColumnRows(rows);
  }

  row(index: number): CellValue[] {
    const length = index < this.length ? this.lengths[index] : 0;
    const cells: CellValue[] = [];
    for (let c = 0; c < length; c++) cells.push(this.columns[c][index]);
    return cells;
  }

  column(column: number, from: number): CellValue[] {
    const held = this.columns[column] as CellValue[] | undefined;
    if (!held) return Array.from({ length: Math.max(0, this.length - from) }, () => null);
    // A copy (memory copied whole), a missing cell read as null as ArrayRows reads it (only an
    // .xlsx row's gaps can be missing: a CSV's never are, and its copy is not walked again).
    const values = held.slice(from);
    if ((values as (CellValue | undefined)[]).includes(undefined)) for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    return values;
  }
}

/**
 * A register's rows held for convert: as columns (ColumnRows) when its rows are about as long as
 * each other, as they are (ArrayRows) when a few rows are far longer than the rest — columns are as
 * long as the register, so one row of 10,000 cells among a million of 20 would make 10,000 columns
 * of a million places each (80 GB). Either way the cells read back the same.
 * @example heldRows([["Ref", "End"], ["C1", "31/03/2026"]]) instanceof ColumnRows → true
 */
export function heldRows(rows: (readonly CellValue[] | undefined)[]): RegisterRows {
  let cells = 0;
  let width = 0;
  for (const row of rows) {
    if (!row) continue;
    cells += row.length;
    if (row.length > width) width = row.length;
  }
  // Columns are worth it while at least half their places hold a cell of some row.
  if (cells * 2 >= width * rows.length) return ColumnRows.take(rows);
  return new ArrayRows(rows.map((row) => row ?? []));
}
