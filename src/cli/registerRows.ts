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

/**
 * Something that hands over a register's rows once, in order: the reader of a file. The command
 * line's readers (or a streaming reader) plug in here; `rowsOf` keeps what they give compactly.
 */
export interface RowSource {
  forEachRow(visit: (cells: readonly CellValue[]) => void): Promise<void>;
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

// Rows a block: each column of a block is one string and the end of each value in it.
const BLOCK_ROWS = 4096;

/**
 * The text rows of a CSV register kept column by column: each column of each block of 4,096 rows
 * is one string with the end of every value in a Uint16Array (Uint32Array past 64 K characters). A million rows of 20 columns are
 * then some 40,000 strings, about the size of the file, where 20 million separate strings (and
 * 1 million arrays) took over three times as much and most of the collector's time. A value is cut
 * out only when asked for, and dropped after use.
 * @example const rows = new TextColumns(); rows.add(["Ref", "End"]); rows.row(0) → ["Ref", "End"]
 */
export class TextColumns implements RegisterRows {
  length = 0;
  width = 0;
  private readonly blocks: { text: string[]; ends: (Uint16Array | Uint32Array)[] }[] = [];
  // The block being filled: each column's values so far.
  private pending: string[][] = [];

  /** Appends one row of text cells. */
  add(cells: readonly CellValue[]): void {
    const at = this.length % BLOCK_ROWS;
    if (cells.length > this.width) {
      for (let c = this.pending.length; c < cells.length; c++) this.pending.push(new Array<string>(at).fill(""));
      this.width = cells.length;
    }
    for (let c = 0; c < this.width; c++) {
      const value = cells[c];
      this.pending[c].push(value === null || value === undefined ? "" : String(value));
    }
    this.length++;
    if (this.length % BLOCK_ROWS === 0) this.seal();
  }

  private seal(): void {
    const text: string[] = [];
    const ends: (Uint16Array | Uint32Array)[] = [];
    for (const values of this.pending) {
      // Most columns of a block hold under 64 K characters: two bytes a value say where each ends.
      const total = values.reduce((n, v) => n + v.length, 0);
      const positions = total < 0x10000 ? new Uint16Array(values.length) : new Uint32Array(values.length);
      let end = 0;
      values.forEach((v, i) => {
        end += v.length;
        positions[i] = end;
      });
      text.push(values.join(""));
      ends.push(positions);
    }
    this.blocks.push({ text, ends });
    this.pending = this.pending.map(() => []);
  }

  private value(row: number, column: number): string {
    const b = Math.floor(row / BLOCK_ROWS);
    const i = row % BLOCK_ROWS;
    const block = this.blocks[b];
    if (!block) return this.pending[column]?.[i] ?? "";
    const ends = block.ends[column];
    // A column first seen in a later block is blank in this one.
    if (!ends) return "";
    return block.text[column].slice(i === 0 ? 0 : ends[i - 1], ends[i]);
  }

  row(index: number): CellValue[] {
    const cells: CellValue[] = [];
    for (let c = 0; c < this.width; c++) cells.push(this.value(index, c));
    return cells;
  }

  column(column: number, from: number): CellValue[] {
    const values: CellValue[] = [];
    for (let r = from; r < this.length; r++) values.push(this.value(r, column));
    return values;
  }
}

/**
 * The rows a source hands over, kept compactly (TextColumns).
 * @example const rows = await rowsOf(csvFileRows("register.csv")); rows.length → 100001
 */
export async function rowsOf(source: RowSource): Promise<TextColumns> {
  const rows = new TextColumns();
  await source.forEachRow((cells) => rows.add(cells));
  return rows;
}
