/**
 * How Excel reads and shows cells: A1 addresses, R1C1 formulas, what typed input becomes, and
 * the byte size of values in a request or response.
 */

/** A cell's content as stored: text, a number, a boolean; empty cells are not stored. */
export type Stored = string | number | boolean;

/** A cell that is more than a constant: a formula (its value is not calculated here) or a number format. */
export interface CellObject {
  value: Stored | "";
  formula?: string;
  numberFormat?: string;
}

/** A stored cell: a bare constant, or an object when it has a formula or format. */
export type Slot = Stored | CellObject;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A 0-based rectangle of cells. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1`, `$B$2:C10` (no sheet part) → a rectangle, or null when it is not an address. */
export function parseA1(address: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  if (r1 < 0 || r2 < 0 || c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

export function formatA1(rect: Rect): string {
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}

/** A sheet name as Excel writes it before `!`: quoted unless plain letters, digits and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseA1(name) === null ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.column >= outer.column && inner.row + inner.rowCount <= outer.row + outer.rowCount && inner.column + inner.columnCount <= outer.column + outer.columnCount;
}

/** `a` without the cells of `b`, as up to four rectangles (how Excel trims a rule when part of its range is cleared). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  if (b.row > a.row) out.push({ row: a.row, column: a.column, rowCount: b.row - a.row, columnCount: a.columnCount });
  if (b.row + b.rowCount < a.row + a.rowCount) out.push({ row: b.row + b.rowCount, column: a.column, rowCount: a.row + a.rowCount - (b.row + b.rowCount), columnCount: a.columnCount });
  if (b.column > a.column) out.push({ row: top, column: a.column, rowCount: bottom - top, columnCount: b.column - a.column });
  if (b.column + b.columnCount < a.column + a.columnCount) out.push({ row: top, column: b.column + b.columnCount, rowCount: bottom - top, columnCount: a.column + a.columnCount - (b.column + b.columnCount) });
  return out;
}

/** A date typed as yyyy-mm-dd or dd/mm/yyyy (an en-GB Excel), as a 1900-system serial. */
function typedDate(text: string): number | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const gb = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (gb) [d, m, y] = [Number(gb[1]), Number(gb[2]), Number(gb[3])];
  else return null;
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d || y < 1900) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A typed number: `12`, `-1,234.5`, `1e3`, `50%`, `£3,330`, `(3728)`. */
function typedNumber(text: string): number | null {
  let t = text.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-")) {
    sign = -sign;
    t = t.slice(1);
  } else if (t.startsWith("+")) t = t.slice(1);
  t = t.replace(/^[£$€]/, "");
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?$/i.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? (sign * n) / (percent ? 100 : 1) : null;
}

/** What Excel makes of a value written to `values` (or `rows.add`): typed input, as if a person typed it. */
export type TypedInput = { kind: "keep" } | { kind: "blank" } | { kind: "constant"; value: Stored } | { kind: "formula"; formula: string };

export function readTypedInput(input: unknown): TypedInput {
  if (input === null || input === undefined) return { kind: "keep" };
  if (typeof input === "number") return { kind: "constant", value: input };
  if (typeof input === "boolean") return { kind: "constant", value: input };
  if (typeof input !== "string") return { kind: "constant", value: String(input) };
  if (input === "") return { kind: "blank" };
  // The apostrophe prefix: everything after it is text, and the apostrophe is not part of the value.
  if (input.startsWith("'")) return input.length === 1 ? { kind: "blank" } : { kind: "constant", value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  const n = typedNumber(input);
  if (n !== null) return { kind: "constant", value: n };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) return { kind: "formula", formula: `=${input}` };
  if (input.startsWith("@") && input.length > 1) return { kind: "formula", formula: `=${input.slice(1)}` };
  if (/^(true|false)$/i.test(input)) return { kind: "constant", value: input.toLowerCase() === "true" };
  const date = typedDate(input);
  if (date !== null) return { kind: "constant", value: date };
  return { kind: "constant", value: input };
}

// Cell references outside string literals and [structured] parts, not followed by "(" (a function).
const SKIP = /"(?:[^"]|"")*"|\[(?:[^[\]]|\[[^\]]*\])*\]/y;

function mapReferences(formula: string, pattern: RegExp, replace: (m: RegExpExecArray) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    SKIP.lastIndex = i;
    const skipped = SKIP.exec(formula);
    if (skipped) {
      out += skipped[0];
      i += skipped[0].length;
      continue;
    }
    pattern.lastIndex = i;
    const before = i === 0 ? "" : formula[i - 1];
    const m = /[A-Za-z0-9_.$!]/.test(before) ? null : pattern.exec(formula);
    const after = m ? formula[i + m[0].length] ?? "" : "";
    if (m && !/[A-Za-z0-9_.(]/.test(after)) {
      out += replace(m);
      i += m[0].length;
    } else {
      out += formula[i];
      i++;
    }
  }
  return out;
}

/** An A1 formula as Excel shows it in R1C1 notation from the cell at (row, column). */
export function toR1C1(formula: string, row: number, column: number): string {
  return mapReferences(formula, /(\$?)([A-Za-z]{1,3})(\$?)(\d+)/y, (m) => {
    const c = columnIndex(m[2]);
    const r = Number(m[4]) - 1;
    const rowPart = m[3] ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
    const colPart = m[1] ? `C${c + 1}` : c === column ? "C" : `C[${c - column}]`;
    return rowPart + colPart;
  });
}

/** An R1C1 formula as the A1 formula it is in the cell at (row, column). */
export function fromR1C1(formula: string, row: number, column: number): string {
  return mapReferences(formula, /R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?/y, (m) => {
    const part = (text: string | undefined, here: number): { index: number; absolute: boolean } => {
      if (text === undefined) return { index: here, absolute: false };
      if (text.startsWith("[")) return { index: here + Number(text.slice(1, -1)), absolute: false };
      return { index: Number(text) - 1, absolute: true };
    };
    const r = part(m[1], row);
    const c = part(m[2], column);
    return `${c.absolute ? "$" : ""}${columnLetters(c.index)}${r.absolute ? "$" : ""}${r.index + 1}`;
  });
}

/** Bytes a value takes in the JSON of a request or response (UTF-8). */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), "utf8");
}
