/**
 * Rows of computed columns that have a formula of their own (ComputedColumn.rowFormulas: a native
 * tracker's row whose text Excel's formulas cannot read holds the value read at set-up). Each column
 * keeps its one formula, Excel's calculated column; these cells then get theirs on top, as the
 * exceptions Excel allows in a calculated column, and every other cell keeps the column's.
 *
 * Cells go in blocks, one range and one action each: a row's own cells in neighbouring columns form
 * one run (a column between them that keeps its formula gets that same formula again, when that
 * costs less than another action), and consecutive rows with the same run form one block. Blocks are
 * packed into as few requests as Excel on the web's limit allows: a 100,000-row register with a third
 * of its rows their own takes a handful of trips, not one a row.
 */
import { ExcelInput, toExcelFormulaInput } from "./excelCells";
import { ACTION_OVERHEAD_BYTES, cellBytes, rowBytes } from "./requestBudget";

/** A computed column as written: where it is on the sheet, its formula, and its rows' own formulas (null: the column's). */
export interface FormulaColumn {
  header: string;
  /** 0-based sheet column. */
  column: number;
  /** The column's formula, one text for every row (structured references and names, as a table's calculated column has). */
  formula: string;
  rowFormulas?: readonly (string | null)[];
}

/** Neighbouring computed columns, left to right, and the sheet row of their first data row (0-based). */
export interface FormulaColumns {
  row: number;
  columns: readonly FormulaColumn[];
}

/** A block of cells written in one action: its first row (0-based in the body), its first column (index among the columns), and its formulas, row by row. */
export interface FormulaBlock {
  row: number;
  column: number;
  formulas: ExcelInput[][];
}

/** The own cells of one row, as runs of neighbouring columns: [first, last] column indexes. */
function runsOf(own: readonly (string | null)[], bridgeBytes: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  let gap = 0;
  own.forEach((formula, c) => {
    if (formula === null) {
      gap += bridgeBytes[c];
      return;
    }
    const last = runs[runs.length - 1];
    // Writing the column's formula again over the gap costs less than another action: one run.
    if (last !== undefined && gap < ACTION_OVERHEAD_BYTES) last[1] = c;
    else runs.push([c, c]);
    gap = 0;
  });
  return runs;
}

/**
 * The blocks of cells to write, in the order found: rows top to bottom, runs left to right within
 * a row, and a run that continues the same columns on the next row grows its block down.
 * @example formulaBlocks([{ header: "Days to expiry", column: 20, formula: "=A", rowFormulas: [null, "=1", "=2"] }])
 *   → [{ row: 1, column: 0, formulas: [["=1"], ["=2"]] }]
 */
export function formulaBlocks(columns: readonly FormulaColumn[]): FormulaBlock[] {
  const rows = Math.max(0, ...columns.map((c) => c.rowFormulas?.length ?? 0));
  const inputs = columns.map((c) => toExcelFormulaInput({ formula: c.formula }, () => `The column "${c.header}"`));
  const bridgeBytes = inputs.map((input) => cellBytes(input));
  const blocks: FormulaBlock[] = [];
  // Blocks still growing, by their columns; one not continued on a row is finished.
  let open = new Map<string, FormulaBlock>();
  for (let r = 0; r < rows; r++) {
    const own = columns.map((c) => c.rowFormulas?.[r] ?? null);
    const next = new Map<string, FormulaBlock>();
    for (const [first, last] of runsOf(own, bridgeBytes)) {
      const cells = own.slice(first, last + 1).map((formula, k) =>
        formula === null ? inputs[first + k] : toExcelFormulaInput({ formula }, () => `Row ${r + 1} of the column "${columns[first + k].header}"`),
      );
      const key = `${first}:${last}`;
      const growing = open.get(key);
      if (growing) growing.formulas.push(cells);
      const block = growing ?? { row: r, column: first, formulas: [cells] };
      if (!growing) blocks.push(block);
      next.set(key, block);
    }
    open = next;
  }
  return blocks;
}

/**
 * The blocks in trips: packed in order, and a block that does not fit what is left of a trip split
 * there by rows. The first trip may already carry `firstTripUsed` bytes of other work; there is
 * always at least one trip (maybe with no block) so that work is sent. Each block counts an
 * action's envelope and its cells byte for byte.
 * @example planOwnFormulaTrips([{ row: 1, column: 0, formulas: [["=1"], ["=2"]] }], 4_500_000) → [[{ row: 1, column: 0, formulas: [["=1"], ["=2"]] }]]
 */
export function planOwnFormulaTrips(blocks: readonly FormulaBlock[], budget: number, firstTripUsed = 0, what = "the computed columns"): FormulaBlock[][] {
  const trips: FormulaBlock[][] = [[]];
  let used = firstTripUsed;
  for (const block of blocks) {
    let piece: FormulaBlock | null = null;
    for (const [k, cells] of block.formulas.entries()) {
      const bytes = rowBytes(cells);
      if (ACTION_OVERHEAD_BYTES + bytes > budget) throw new Error(`Row ${block.row + k + 1} of ${what} holds formulas longer than Excel on the web accepts in one request`);
      if (used + bytes + (piece === null ? ACTION_OVERHEAD_BYTES : 0) > budget) {
        trips.push([]);
        used = 0;
        piece = null;
      }
      if (piece === null) {
        piece = { row: block.row + k, column: block.column, formulas: [] };
        trips[trips.length - 1].push(piece);
        used += ACTION_OVERHEAD_BYTES;
      }
      piece.formulas.push(cells);
      used += bytes;
    }
  }
  return trips;
}

/** Bytes a trip of blocks takes, as the planner counts them. @example tripBytes([{ row: 0, column: 0, formulas: [["=1"]] }]) → 408 */
export function tripBytes(trip: readonly FormulaBlock[]): number {
  return trip.reduce((n, block) => n + ACTION_OVERHEAD_BYTES + block.formulas.reduce((m, cells) => m + rowBytes(cells), 0), 0);
}

/** Whether a column has a row with a formula of its own. @example hasOwnFormulas([null, "=DATE(2027,3,31)-AsOf"]) → true */
export function hasOwnFormulas(rowFormulas: readonly (string | null)[] | undefined): boolean {
  return rowFormulas !== undefined && rowFormulas.some((f) => f !== null);
}

/**
 * Writes the rows' own formulas over their columns, which already hold the column's formula (queued
 * earlier in this context). The first trip rides with what is already queued (`queuedBytes`); every
 * full trip is synced. Returns the bytes queued in the last trip and not yet sent: the caller's next
 * sync sends them, so a small table's formulas go with the rest of its trip.
 * @example const queued = await writeOwnFormulas(context, sheet, { row: 3, columns }, 4_500_000, 2_000); if (queued > 0) await context.sync();
 */
export async function writeOwnFormulas(context: Excel.RequestContext, sheet: Excel.Worksheet, layout: FormulaColumns, budget: number, queuedBytes: number): Promise<number> {
  if (!layout.columns.some((c) => hasOwnFormulas(c.rowFormulas))) return queuedBytes;
  const trips = planOwnFormulaTrips(formulaBlocks(layout.columns), budget, queuedBytes);
  for (const [i, trip] of trips.entries()) {
    for (const block of trip) {
      const width = block.formulas[0].length;
      // `formulas`: each cell's formula exactly as given, the column's where a gap is bridged.
      sheet.getRangeByIndexes(layout.row + block.row, layout.columns[block.column].column, block.formulas.length, width).formulas = block.formulas;
    }
    if (i === trips.length - 1) return (trips.length === 1 ? queuedBytes : 0) + tripBytes(trip);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB of formulas: Excel on the web refuses a bigger request.
    await context.sync();
  }
  return 0;
}
