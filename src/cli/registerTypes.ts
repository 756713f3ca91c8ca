import { ColumnDecision, TypedCell, typeColumn } from "../core/columnTypes";
import { serialsAreDates, textSerial } from "../core/dateColumns";
import { DateOrder, dateOrderEvidence } from "../core/dates";
import { CONTRACTS, FieldKind } from "../core/schema";
import type { MemoryCell } from "../workbook/memoryWorkbook";
import type { FoundRegister } from "./register";

export interface RegisterTyping {
  /** The register's day/month order: what its dates prove, else the order asked for. */
  dateOrder: DateOrder;
  /** Each column's decision, by 0-based column index. */
  columns: ColumnDecision[];
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The first day/month order a column's text dates prove, or null. */
function evidenceOf(grid: readonly (readonly MemoryCell[] | undefined)[], from: number, column: number): DateOrder | null {
  for (let r = from; r < grid.length; r++) {
    const value = grid[r]?.[column]?.value;
    // Numeric dates start with a digit: other text is passed over without a regex.
    if (typeof value !== "string" || !isDigit(value.charCodeAt(0))) continue;
    const evidence = dateOrderEvidence(value);
    if (evidence) return evidence;
  }
  return null;
}

/**
 * Gives the register's cells their types in the workbook `convert` writes: each column of the
 * table (from the row under the headers down) is decided as a whole — dates, money, numbers,
 * TRUE/FALSE or text (core/columnTypes) — and its text cells that read as that type become typed
 * values with a number format; every other cell stays as it was. A cell that already has a type
 * (an .xlsx number) keeps it and its own number format.
 * @example typeRegisterCells(grid, found, "dmy").dateOrder → "mdy" when a date reads 03/25/2025
 */
export function typeRegisterCells(grid: MemoryCell[][], found: FoundRegister, fallback: DateOrder): RegisterTyping {
  const first = found.mapping.headerRow + 1;
  const width = grid.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
  const kinds: (FieldKind | undefined)[] = [];
  for (const field of CONTRACTS.fields) {
    const match = found.mapping.fields[field.key];
    if (match) kinds[match.index] = field.kind;
  }
  // As normalise decides a date field's order: its own evidence, else the other columns', else the setting.
  const own = Array.from({ length: width }, (_, c) => evidenceOf(grid, first, c));
  const dateOrder = own.find((o) => o !== null) ?? fallback;
  const columns: ColumnDecision[] = [];
  for (let c = 0; c < width; c++) {
    const values: TypedCell["value"][] = [];
    for (let r = first; r < grid.length; r++) values.push(grid[r]?.[c]?.value ?? null);
    const order = own[c] ?? dateOrder;
    // Whole numbers written as text are dates only in a column whose every value is a date (core/dateColumns).
    const serials = values.some((v) => typeof v === "string" && textSerial(v) !== null) && serialsAreDates(values, order);
    const typed = typeColumn(values, { kind: kinds[c], order, isSerial: serials ? (t) => textSerial(t) !== null : undefined });
    columns.push(typed.decision);
    typed.cells.forEach((cell, i) => {
      const target = grid[first + i]?.[c];
      // A cell formatted as text (`@`) in the workbook stays text: its owner said so.
      if (!cell || !target || target.numberFormat === "@") return;
      target.value = cell.value;
      if (cell.numberFormat) target.numberFormat = cell.numberFormat;
    });
  }
  return { dateOrder, columns };
}
