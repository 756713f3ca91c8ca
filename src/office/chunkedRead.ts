import type { CellValue, Progress } from "../workbook/port";
import { fromExcelValue } from "./excelCells";
import { isPayloadTooLarge } from "./excelErrors";
import { ReadCursor, nextReadEstimate, planReadTrip, rowBytes } from "./requestBudget";

/** A rectangle of cells to read (0-based), and the rows read so far. */
export interface BlockToRead {
  sheet: Excel.Worksheet;
  /** The sheet's name: what its cells measured in earlier reads is remembered under it. */
  sheetName: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Filled in, in order, as trips come back. */
  values: CellValue[][];
  /** Present when the block's number formats are read too: filled in beside `values` (`General` as undefined). */
  numberFormats?: (string | undefined)[][];
}

/** A cell's number format as the port gives it: Excel's `General` (no format) as undefined. */
export const givenNumberFormat = (format: unknown): string | undefined => (typeof format === "string" && format !== "General" ? format : undefined);

export interface ReadPlan {
  /** Bytes one trip may carry. */
  tripBudget: number;
  /** Bytes per cell assumed before anything of a block's sheet has been measured. */
  firstBytesPerCell: number;
  /** Estimates learned by earlier reads, by sheet name; updated as this read measures. */
  learned: Map<string, number>;
}

/** Rows already counted as read before these blocks (read with the geometry), and the total. */
export interface ReadProgress {
  done: number;
  total: number;
  report?: Progress;
}

// Each refusal doubles a block's estimate: six in a row cover cells 64 times bigger than measured.
const MAX_REFUSALS_IN_A_ROW = 6;

/**
 * Reads the values of several blocks in as few trips as the request limit allows: every trip loads
 * a run of rows from each unfinished block, sized from the bytes its cells have measured so far
 * (in this read, or an earlier read of the same sheet).
 * Should Excel still refuse a trip for its size (a block whose later rows hold far longer text),
 * the trip is planned again with a bigger estimate: reads change nothing, so that is safe.
 * Returns the number of trips made.
 */
export async function readBlocksInTrips(context: Excel.RequestContext, blocks: readonly BlockToRead[], plan: ReadPlan, progress: ReadProgress): Promise<number> {
  const cursors: ReadCursor[] = blocks.map((b) => ({ rowCount: b.rowCount, columnCount: b.columnCount, done: 0, bytesPerCell: plan.learned.get(b.sheetName) ?? plan.firstBytesPerCell }));
  const worstBytesPerCell = blocks.map(() => 0);
  // After a refusal a block never again plans below the estimate that worked: its rows vary too much to trust an average.
  const floors = blocks.map(() => 0);
  let done = progress.done;
  let trips = 0;
  let refusals = 0;
  for (let trip = planReadTrip(cursors, plan.tripBudget); trip.length > 0; trip = planReadTrip(cursors, plan.tripBudget)) {
    const ranges = trip.map((chunk) => {
      const block = blocks[chunk.cursor];
      const range = block.sheet.getRangeByIndexes(block.row + chunk.start, block.column, chunk.count, block.columnCount);
      if (block.numberFormats) range.load("values,numberFormat");
      else range.load("values");
      return range;
    });
    try {
      trips++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB is the point: Excel on the web refuses a request or response over 5 MB, so a 100,000-row table cannot come back in one trip.
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || refusals >= MAX_REFUSALS_IN_A_ROW || trip.every((chunk) => chunk.count === 1)) throw error;
      refusals++;
      for (const chunk of trip) floors[chunk.cursor] = cursors[chunk.cursor].bytesPerCell *= 2;
      continue;
    }
    refusals = 0;
    trip.forEach((chunk, i) => {
      const block = blocks[chunk.cursor];
      const cursor = cursors[chunk.cursor];
      let bytes = 0;
      for (const row of ranges[i].values) {
        bytes += rowBytes(row);
        block.values.push(row.map(fromExcelValue));
      }
      if (block.numberFormats) {
        // The formats come back in the same response: their bytes count against the next trip's budget too.
        for (const row of ranges[i].numberFormat) {
          bytes += rowBytes(row);
          block.numberFormats.push(row.map(givenNumberFormat));
        }
      }
      worstBytesPerCell[chunk.cursor] = Math.max(worstBytesPerCell[chunk.cursor], bytes / (chunk.count * block.columnCount));
      cursor.bytesPerCell = Math.max(floors[chunk.cursor], nextReadEstimate(worstBytesPerCell[chunk.cursor]));
      plan.learned.set(block.sheetName, cursor.bytesPerCell);
      cursor.done += chunk.count;
      done += chunk.count;
    });
    progress.report?.(done, progress.total);
  }
  return trips;
}
