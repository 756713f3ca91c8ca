/**
 * How big one round trip to Excel may be, and how to split large reads and writes into trips.
 *
 * Excel on the web refuses a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`); one `context.sync()` is one request and its response, so
 * everything queued before a sync counts together. Desktop Excel has no such limit, but the same
 * workbook must work in a browser, so every large read or write is planned against it.
 */

/** Excel on the web's limit, read as decimal megabytes: the stricter reading of "5 MB". */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;

/**
 * What one trip may carry. Cell data is measured (or, for reads, estimated) byte for byte; the
 * remaining fifth of the limit covers the JSON envelope of each queued action that is not.
 */
export const DEFAULT_TRIP_BUDGET = 4_500_000;

/** Envelope of one queued read or write (object path, action id, address), counted generously. */
export const ACTION_OVERHEAD_BYTES = 400;

/**
 * A read's first guess at the size of one cell in Excel's JSON response. Long text is rare in a
 * register but possible, so the guess is generous; later trips use what earlier trips measured.
 */
export const FIRST_READ_BYTES_PER_CELL = 50;

/**
 * Later trips assume cells up to this much bigger than the biggest average measured so far: a
 * trip planned at 4 MB then carries about 3.2 MB, and Excel refuses it only if its rows average
 * over 1.5 times the worst seen yet, which the read survives by planning that trip again.
 */
export const READ_SAFETY_FACTOR = 1.25;

/** No estimate goes below this: even an empty cell costs `"",` and numbers are rarely shorter. */
export const MIN_READ_BYTES_PER_CELL = 8;

/** Excel reads at most five million cells in one get. */
export const MAX_CELLS_PER_READ = 5_000_000;

/**
 * Bytes a string takes inside Excel's JSON, counted so as never to be under: quotes, escapes, and
 * six bytes for anything outside ASCII (the length of a `\uXXXX` escape, twice UTF-8's worst).
 * @example textBytes("Acme") → 6; textBytes("Café") → 11
 */
export function textBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) bytes += code === 0x22 || code === 0x5c ? 2 : 1;
    else bytes += 6;
  }
  return bytes;
}

/** Bytes one cell value takes in a JSON array, with its comma. @example cellBytes(45747) → 6 */
export function cellBytes(value: unknown): number {
  if (typeof value === "string") return textBytes(value) + 1;
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return value ? 5 : 6;
  return 5; // null
}

/** Bytes one row of cell values takes in a JSON array, with its brackets and comma. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 3;
  for (const value of row) bytes += cellBytes(value);
  return bytes;
}

/** A slice of rows: the first row's index and how many. */
export interface RowSlice {
  start: number;
  count: number;
}

/**
 * Splits rows into runs that each fit one trip, given every row's size in bytes. The first trip
 * may already carry other work (a new sheet, its header row): `firstTripUsed` bytes of it. There is
 * always at least one trip, possibly with no rows, for that other work.
 * @example planWriteTrips([1e6, 1e6, 1e6, 1e6, 1e6], 4e6, "the table") → [{start: 0, count: 3}, {start: 3, count: 2}]
 */
export function planWriteTrips(sizes: readonly number[], budget: number, what: string, firstTripUsed = 0): RowSlice[] {
  const trips: RowSlice[] = [];
  let start = 0;
  let used = firstTripUsed + ACTION_OVERHEAD_BYTES;
  for (let i = 0; i < sizes.length; i++) {
    if (ACTION_OVERHEAD_BYTES + sizes[i] > budget) {
      throw new Error(`Row ${i + 1} of ${what} holds more text than Excel on the web accepts in one request (about ${Math.ceil(sizes[i] / 1_000_000)} MB): shorten it and try again`);
    }
    if (used + sizes[i] > budget) {
      trips.push({ start, count: i - start });
      start = i;
      used = ACTION_OVERHEAD_BYTES;
    }
    used += sizes[i];
  }
  trips.push({ start, count: sizes.length - start });
  return trips;
}

/** A block of cells being read in trips: its size, how far it has got, and what its cells cost. */
export interface ReadCursor {
  rowCount: number;
  columnCount: number;
  /** rows already read */
  done: number;
  bytesPerCell: number;
}

/** One cursor's share of a trip. */
export interface ReadChunk extends RowSlice {
  cursor: number;
}

/**
 * The next trip of a read over several blocks: as many rows of each unfinished block, in order,
 * as the budget allows at each block's bytes-per-cell estimate. A trip always carries at least one
 * row, however wide, so the read ends.
 */
export function planReadTrip(cursors: readonly ReadCursor[], budget: number): ReadChunk[] {
  const chunks: ReadChunk[] = [];
  let left = budget;
  cursors.forEach((c, index) => {
    const remaining = c.rowCount - c.done;
    if (remaining <= 0 || c.columnCount <= 0) return;
    const rowCost = c.columnCount * c.bytesPerCell + 3;
    const fits = Math.floor((left - ACTION_OVERHEAD_BYTES) / rowCost);
    const byCells = Math.floor(MAX_CELLS_PER_READ / c.columnCount);
    const count = Math.min(remaining, byCells, chunks.length === 0 ? Math.max(1, fits) : fits);
    if (count <= 0) return;
    chunks.push({ cursor: index, start: c.done, count });
    left -= ACTION_OVERHEAD_BYTES + count * rowCost;
  });
  return chunks;
}

/**
 * A block's estimate once a trip has measured its cells: the safety factor over the worst average
 * seen so far, so a block whose early rows are short does not plan oversized later trips.
 * @example nextReadEstimate(12) → 15
 */
export function nextReadEstimate(worstMeasuredBytesPerCell: number): number {
  return Math.max(MIN_READ_BYTES_PER_CELL, Math.ceil(worstMeasuredBytesPerCell * READ_SAFETY_FACTOR));
}
