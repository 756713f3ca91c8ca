import type { CellInput, CellValue } from "../workbook/port";

/** A value as handed to Excel's `values` or `rows.add` ("" is a blank cell). */
export type ExcelInput = string | number | boolean;

/**
 * A cell value as Excel must be given it so that it lands exactly as the feature meant.
 *
 * Excel treats text written through `values` (or `rows.add`) as if a person had typed it: `=…`,
 * `+…`, `-…` and `@…` become formulas, `00123` becomes 123, `TRUE` a boolean, `(3728)` −3728,
 * `31/03/2025` and `March 2025` dates. A contract title such as `=HYPERLINK("http://evil")` or an
 * ID such as `0012` copied from a register must stay the text it was, so every non-empty text
 * goes with a leading apostrophe: Excel keeps the rest as text and does not store the apostrophe.
 * Formulas are only ever written through `formulas`, for computed columns.
 * @example toExcelInput("=1+1") → "'=1+1"; toExcelInput(45747) → 45747; toExcelInput(null) → ""
 */
export function toExcelInput(value: CellValue, where: () => string): ExcelInput {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${where()} is ${value}, which Excel cannot hold: it needs a finite number or a blank`);
  return value;
}

/**
 * A cell the tracker writes, as input for a range's `formulas`: a formula as itself, a value as
 * `toExcelInput` gives it (through `formulas`, Excel reads constants as typed input too).
 * @example toExcelFormulaInput({ formula: "=TODAY()" }) → "=TODAY()"; toExcelFormulaInput("=1+1") → "'=1+1"
 */
export function toExcelFormulaInput(input: CellInput, where: () => string): ExcelInput {
  if (input !== null && typeof input === "object") return input.formula.startsWith("=") ? input.formula : `=${input.formula}`;
  return toExcelInput(input, where);
}

/** A row of cells, padded with blanks or cut to the table's width, as Excel input (for `values`, or `formulas` when it holds formula cells). */
export function toExcelRow(row: readonly CellInput[], width: number, where: (column: number) => string): ExcelInput[] {
  const line: ExcelInput[] = [];
  for (let c = 0; c < width; c++) line.push(toExcelFormulaInput(c < row.length ? row[c] : null, () => where(c)));
  return line;
}

/** A value read from Excel's `values` as the port sees it: an empty cell ("") is null. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** A block of Excel values as port cell values. */
export function fromExcelValues(values: readonly (readonly unknown[])[]): CellValue[][] {
  return values.map((row) => row.map(fromExcelValue));
}

/**
 * Which cells of a row hold formulas, given the row's `values` and `formulas` (or `formulasR1C1`):
 * the formula text where there is one, else null. Excel's `formulas` shows a constant as itself,
 * so a text cell reading `=expired` looks like a formula; its value gives it away, being the same
 * text, where a real formula's value is what it calculates.
 * @example formulaCells(["=expired", 12], ["=expired", "=B2*1.2"]) → [null, "=B2*1.2"]
 */
export function formulaCells(values: readonly unknown[], formulas: readonly unknown[]): (string | null)[] {
  return formulas.map((f, c) => (typeof f === "string" && f.startsWith("=") && f !== values[c] ? f : null));
}

/** Whether a row read from a table holds nothing but blanks and the table's own formulas. */
export function isBlankRow(values: readonly unknown[], formulas: readonly (string | null)[]): boolean {
  return values.every((value, c) => value === "" || value === null || formulas[c] !== null);
}
