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
