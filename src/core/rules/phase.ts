import { dateInWords } from "../dateWords";
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
  const problem = phaseDatesProblem(start, goLive, end);
  return problem === null ? ok(phaseOn(start, goLive, end, asOf, exitWindowDays)) : fail(problem);
}

/**
 * Why a contract's dates cannot give a phase (an end or go-live before the start), or null when
 * they can. @example phaseDatesProblem(45800, null, 45000) → "The end date 15/03/2023 is before the start date 23/05/2025"
 */
export function phaseDatesProblem(start: number | null, goLive: number | null, end: number | null): string | null {
  if (start !== null && end !== null && end < start) {
    return `The end date ${dateInWords(end)} is before the start date ${dateInWords(start)}`;
  }
  if (start !== null && goLive !== null && goLive < start) {
    return `The go-live date ${dateInWords(goLive)} is before the start date ${dateInWords(start)}`;
  }
  return null;
}

/**
 * contractPhase's answer for dates phaseDatesProblem accepts, without a Result: PHASE reads whole
 * columns. @example phaseOn(45000, null, 45800, 45700, 180) → "Exit"
 */
export function phaseOn(start: number | null, goLive: number | null, end: number | null, asOf: number, exitWindowDays: number): Phase | null {
  if (end !== null && asOf > end) return "Expired";
  if (start !== null && asOf < start) return "Not started";
  if (goLive !== null && asOf < goLive) return start !== null || end !== null ? "Mobilisation" : null;
  if (end !== null && end - asOf <= exitWindowDays) return "Exit";
  if (start === null && goLive === null && end === null) return null;
  return "Delivery";
}
