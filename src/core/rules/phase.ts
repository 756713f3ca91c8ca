import { formatSerial } from "../dates";
import { Result, fail, ok } from "../result";

/** The contract life-cycle phases of UK contract management guidance, plus before and after. */
export type Phase = "Not started" | "Mobilisation" | "Delivery" | "Exit" | "Expired";

/** A contract's key dates as serials; null where not known. */
export interface ContractDates {
  start: number | null;
  goLive: number | null;
  end: number | null;
}

/**
 * Where a contract is in its life at `asOf`. Phases follow one another, so a contract that has not
 * gone live is in Mobilisation even inside the exit window; Expired and Not started come first.
 * Null when the dates known cannot say (nothing known, or only dates still ahead).
 * @example contractPhase({ start: 45000, goLive: null, end: 45800 }, 45700, 180) → ok("Exit")
 */
export function contractPhase(dates: ContractDates, asOf: number, exitWindowDays: number): Result<Phase | null> {
  const { start, goLive, end } = dates;
  if (start !== null && end !== null && end < start) {
    return fail(`The end date ${formatSerial(end)} is before the start date ${formatSerial(start)}`);
  }
  if (start !== null && goLive !== null && goLive < start) {
    return fail(`The go-live date ${formatSerial(goLive)} is before the start date ${formatSerial(start)}`);
  }
  if (end !== null && asOf > end) return ok("Expired");
  if (start !== null && asOf < start) return ok("Not started");
  if (goLive !== null && asOf < goLive) return ok(start !== null || end !== null ? "Mobilisation" : null);
  if (end !== null && end - asOf <= exitWindowDays) return ok("Exit");
  if (start === null && goLive === null && end === null) return ok(null);
  return ok("Delivery");
}
