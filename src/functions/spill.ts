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
 * #VALUE! for an end date that is not a date, and the end date beside it says why).
 */
export function spill(args: readonly CellInput[], cell: (values: readonly unknown[]) => CellOutput, errorsTo: readonly number[] = []): CellOutput[][] {
  const grids = args.map(toGrid);
  let rows = 1;
  let cols = 1;
  for (const grid of grids) {
    rows = Math.max(rows, grid.length);
    cols = Math.max(cols, grid[0].length);
  }
  const values: unknown[] = new Array(grids.length);
  const out: CellOutput[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: CellOutput[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let result: CellOutput | undefined;
      for (let i = 0; i < grids.length; i++) {
        const grid = grids[i];
        const gr = grid.length === 1 ? 0 : r;
        const row = grid[gr];
        const gc = row === undefined || row.length === 1 ? 0 : c;
        if (row === undefined || gc >= row.length) {
          result = notAvailable(`Argument ${i + 1} is ${grid.length}×${grid[0].length}; it does not reach this cell of a ${rows}×${cols} result`);
          break;
        }
        const value = row[gc];
        if (isExcelError(value) && !errorsTo.includes(i)) {
          result = shownError(value);
          break;
        }
        values[i] = value;
      }
      line[c] = result ?? safely(cell, values);
    }
    out[r] = line;
  }
  return out;
}

// A defect in one cell's rule must show as that cell's #VALUE!, never take down the whole spill.
function safely(cell: (values: readonly unknown[]) => CellOutput, values: readonly unknown[]): CellOutput {
  try {
    return cell(values);
  } catch (e) {
    return valueError(`Could not work this out: ${e instanceof Error ? e.message : String(e)}`);
  }
}
