import type { Result } from "../core/result";
import { shownError } from "./cellErrors";

/** What Excel hands a custom function: a scalar, a 2-D range, or null for an omitted argument. */
export type CellInput = unknown;
/** What one spilled cell can show. */
export type CellOutput = number | string | CustomFunctions.Error;

type Grid = readonly (readonly unknown[])[];

/** A scalar or an omitted argument becomes a 1×1 range so every argument spills the same way. */
export function toGrid(arg: CellInput): Grid {
  if (Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0])) return arg as unknown[][];
  return [[arg ?? null]];
}

/** Excel's error values arrive as CustomFunctions.Error objects; they pass through unchanged. */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  if (typeof value !== "object" || value === null) return false;
  if (typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error) return true;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/** `#VALUE!` carrying a plain-English message. */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/** A core result as a cell: blank (null) as "", a failure as #VALUE! with its reason. */
export function toCell(result: Result<number | string | null>): CellOutput {
  if (!result.ok) return valueError(result.error);
  return result.value === null ? "" : result.value;
}

/**
 * Applies `cell` across the broadcast of the arguments, as Excel's own functions do: a 1-row or
 * 1-column argument repeats along the other's size; where sizes differ otherwise, cells beyond the
 * shorter argument show #N/A. An input cell holding an Excel error gives that error (cellErrors), except in the
 * arguments `errorsTo` lists: their errors reach `cell`, which decides (RAG's days to expiry is
 * #VALUE! for an end date that is not a date, and the end date beside it says why). `cell` gets one
 * array, refilled for each cell: read it, do not keep it.
 * @example spill([[["a"], ["b"]], [["x"]]], ([v, w]) => `${v}${w}`) → [["ax"], ["bx"]]
 */
export function spill(args: readonly CellInput[], cell: (values: readonly unknown[]) => CellOutput, errorsTo: readonly number[] = []): CellOutput[][] {
  const grids = args.map(toGrid);
  let rows = 1;
  let cols = 1;
  for (const grid of grids) {
    rows = Math.max(rows, grid.length);
    cols = Math.max(cols, grid[0].length);
  }
  // A formula filled down a column calls once a row with single cells: no loop to set up.
  if (rows === 1 && cols === 1 && grids.every((grid) => grid.length === 1 && grid[0].length === 1)) return [[oneCell(grids, cell, errorsTo)]];
  const out: CellOutput[][] = new Array(rows);
  const sheet: Sheet = { grids, rows, cols, out, values: new Array(grids.length), cell, errorsTo, fixed: [] };
  // One guard around the whole loop rather than one a cell: a cell whose rule throws shows #VALUE!
  // and the loop carries on from the next cell.
  if (isColumnWork(sheet)) for (let next = 0; next < rows; ) next = fillColumnFrom(sheet, next);
  else for (let next = 0; next < rows * cols; ) next = fillFrom(sheet, next);
  return out;
}

/**
 * Whether the result is one column whose arguments are each a whole column or a single cell (a
 * formula over a tracker's columns, its as-of date in one cell). Each single cell's value is then
 * read once, into `values` and `fixed`. Not when a single cell holds an Excel error: which error a
 * cell shows depends on the order of the arguments, and fillFrom keeps it.
 */
function isColumnWork(sheet: Sheet): boolean {
  const { grids, rows, cols, values, errorsTo, fixed } = sheet;
  if (cols !== 1) return false;
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i];
    if (grid[0].length !== 1 || (grid.length !== 1 && grid.length !== rows)) return false;
    fixed[i] = grid.length === 1;
    if (fixed[i]) {
      const value = grid[0][0];
      if (isExcelError(value) && !errorsTo.includes(i)) return false;
      values[i] = value;
    }
  }
  return true;
}

// fillFrom for column work: the same cells, reading only the arguments that change from row to row.
function fillColumnFrom(sheet: Sheet, start: number): number {
  const { grids, rows, out, values, cell, errorsTo, fixed } = sheet;
  let r = start;
  try {
    for (; r < rows; r++) {
      let result: CellOutput | undefined;
      for (let i = 0; i < grids.length; i++) {
        if (fixed[i]) continue;
        const row = grids[i][r];
        if (row.length === 0) {
          result = beyond(sheet, i);
          break;
        }
        const value = row[0];
        if (typeof value === "object" && value !== null && isExcelError(value) && !errorsTo.includes(i)) {
          result = shownError(value);
          break;
        }
        values[i] = value;
      }
      out[r] = [result ?? cell(values)];
    }
    return rows;
  } catch (e) {
    out[r] = [couldNotWorkOut(e)];
    return r + 1;
  }
}

// #N/A for a cell argument `i` does not reach.
function beyond(sheet: Sheet, i: number): CustomFunctions.Error {
  const grid = sheet.grids[i];
  return notAvailable(`Argument ${i + 1} is ${grid.length}×${grid[0].length}; it does not reach this cell of a ${sheet.rows}×${sheet.cols} result`);
}

interface Sheet {
  grids: readonly Grid[];
  rows: number;
  cols: number;
  out: CellOutput[][];
  values: unknown[];
  cell: (values: readonly unknown[]) => CellOutput;
  errorsTo: readonly number[];
  /** For column work: which arguments are a single cell, read once. */
  fixed: boolean[];
}

// Fills the result from cell `start` (row by row) to the end, or up to a cell whose rule throws: that
// cell gets #VALUE! and the index of the next cell is returned.
function fillFrom(sheet: Sheet, start: number): number {
  const { grids, rows, cols, out, values, cell, errorsTo } = sheet;
  let r = Math.floor(start / cols);
  let c = start - r * cols;
  try {
    for (; r < rows; r++, c = 0) {
      const line: CellOutput[] = c === 0 ? (out[r] = new Array(cols)) : out[r];
      for (; c < cols; c++) {
        let result: CellOutput | undefined;
        for (let i = 0; i < grids.length; i++) {
          const grid = grids[i];
          const row = grid[grid.length === 1 ? 0 : r];
          const gc = row === undefined || row.length === 1 ? 0 : c;
          if (row === undefined || gc >= row.length) {
            result = beyond(sheet, i);
            break;
          }
          const value = row[gc];
          if (typeof value === "object" && value !== null && isExcelError(value) && !errorsTo.includes(i)) {
            result = shownError(value);
            break;
          }
          values[i] = value;
        }
        line[c] = result ?? cell(values);
      }
    }
    return rows * cols;
  } catch (e) {
    out[r][c] = couldNotWorkOut(e);
    return r * cols + c + 1;
  }
}

function oneCell(grids: readonly Grid[], cell: (values: readonly unknown[]) => CellOutput, errorsTo: readonly number[]): CellOutput {
  const values: unknown[] = new Array(grids.length);
  for (let i = 0; i < grids.length; i++) {
    const value = grids[i][0][0];
    if (typeof value === "object" && value !== null && isExcelError(value) && !errorsTo.includes(i)) return shownError(value);
    values[i] = value;
  }
  try {
    return cell(values);
  } catch (e) {
    return couldNotWorkOut(e);
  }
}

function couldNotWorkOut(e: unknown): CustomFunctions.Error {
  return valueError(`Could not work this out: ${e instanceof Error ? e.message : String(e)}`);
}
