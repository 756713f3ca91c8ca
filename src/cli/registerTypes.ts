import { ColumnDecision, TypedCell, typeColumn } from "../core/columnTypes";
import { columnDateOrder, serialsAreDates, textSerial } from "../core/dateColumns";
import type { DateOrder } from "../core/dates";
import { CONTRACTS, FieldKind } from "../core/schema";
import type { MemoryCell } from "../workbook/memoryWorkbook";
import type { FoundRegister } from "./register";

export interface RegisterTyping {
  /** The register's day/month order (as given): each column's own evidence overrides it for that column. */
  dateOrder: DateOrder;
  /** Each column's decision, by 0-based column index. */
  columns: ColumnDecision[];
}

/** Receives a cell that typing changes: its column, 0-based place among the data rows, typed value and number format. */
export type TypedCellsSink = (column: number, index: number, value: number | boolean, numberFormat: string | undefined) => void;

/**
 * Gives the register's cells their types in the workbook `convert` writes: each column of the
 * table (from the row under the headers down) is decided as a whole — dates, money, numbers,
 * TRUE/FALSE or text (core/columnTypes) — and its text cells that read as that type become typed
 * values with a number format; every other cell stays as it was. A cell that already has a type
 * (an .xlsx number) keeps it and its own number format.
 * @example typeRegisterCells(grid, found, "mdy").columns[4] → { kind: "date", … } for a column of 03/25/2025 dates
 */
export function typeRegisterCells(grid: MemoryCell[][], found: FoundRegister, registerOrder: DateOrder): RegisterTyping {
  const first = found.mapping.headerRow + 1;
  let width = 0;
  for (let r = first; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  // Each column's values, gathered row by row in one pass (a row's cells lie together in memory).
  const columnValues: TypedCell["value"][][] = Array.from({ length: width }, () => new Array<TypedCell["value"]>(Math.max(0, grid.length - first)).fill(null));
  for (let r = first; r < grid.length; r++) {
    const line = grid[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) columnValues[c][r - first] = line[c]?.value ?? null;
  }
  return typeRegisterColumns((c) => columnValues[c], width, found, registerOrder, (c, i, value, numberFormat) => {
    const target = grid[first + i]?.[c];
    // A cell formatted as text (`@`) in the workbook stays text: its owner said so.
    if (!target || target.numberFormat === "@") return;
    target.value = value;
    if (numberFormat) target.numberFormat = numberFormat;
  });
}

/**
 * typeRegisterCells over a register read a column at a time (`column(c)`: column c's values from
 * the row under the headers down), each typed cell handed to `sink`: how a register too long to
 * hold as cells is typed.
 * @example typeRegisterColumns((c) => values[c], 20, found, "dmy", (c, i, value) => …).columns[6].type → "date"
 */
export function typeRegisterColumns(column: (c: number) => readonly TypedCell["value"][], width: number, found: FoundRegister, registerOrder: DateOrder, sink: TypedCellsSink): RegisterTyping {
  const kinds: (FieldKind | undefined)[] = [];
  for (const field of CONTRACTS.fields) {
    const match = found.mapping.fields[field.key];
    if (match) kinds[match.index] = field.kind;
  }
  const dateOrder = registerOrder;
  const columns: ColumnDecision[] = [];
  for (let c = 0; c < width; c++) {
    const values = column(c);
    // As normalise decides a date field's order: its own evidence, else the register's.
    const order = columnDateOrder(values) ?? dateOrder;
    // Whole numbers written as text are dates only in a column whose every value is a date
    // (core/dateColumns): asked once, when the column first shows such a number.
    let serials: boolean | undefined;
    const isSerial = (text: string): boolean => textSerial(text) !== null && (serials ??= serialsAreDates(values, order));
    const typed = typeColumn(values, { kind: kinds[c], order, isSerial });
    columns.push(typed.decision);
    typed.forEachTyped((i, value, numberFormat) => sink(c, i, value, numberFormat));
  }
  return { dateOrder, columns };
}
