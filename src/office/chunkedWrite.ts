import type { ExcelInput } from "./excelCells";
import { planWriteTrips, rowBytes } from "./requestBudget";

export interface WritePlan {
  /** Bytes one trip may carry. */
  budget: number;
  /** What the rows belong to, for the message when one row alone is too big. */
  what: string;
  /** Bytes of other work already queued for the first trip (a new sheet, its header row). */
  firstTripUsed?: number;
  /** Queues the write of rows `start`… (0-based among the rows given). */
  write: (start: number, chunk: ExcelInput[][]) => void;
  /** Queues work that must ride with the last rows (e.g. the table over them). */
  beforeLastTrip?: () => void;
  /** Called after each trip with the number of rows written so far. */
  afterTrip?: (done: number) => void;
}

/**
 * Writes rows in as few trips as Excel on the web's request limit allows, each trip measured byte
 * for byte from the rows' own text. Returns the number of trips made.
 */
export async function writeRowsInTrips(context: Excel.RequestContext, lines: readonly ExcelInput[][], plan: WritePlan): Promise<number> {
  const trips = planWriteTrips(lines.map(rowBytes), plan.budget, plan.what, plan.firstTripUsed);
  for (let i = 0; i < trips.length; i++) {
    const { start, count } = trips[i];
    if (count > 0) plan.write(start, lines.slice(start, start + count));
    if (i === trips.length - 1) plan.beforeLastTrip?.();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB is the point: Excel on the web refuses a request over 5 MB, so 100,000 rows cannot go in one trip.
    await context.sync();
    plan.afterTrip?.(start + count);
  }
  return trips.length;
}
