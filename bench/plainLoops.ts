/**
 * The yardstick for the cell functions: plain loops doing the same arithmetic on the same 2-D
 * inputs, written as someone would write them by hand for one register that is known to hold only
 * date serials and dd/mm/yyyy text. No checks beyond what the answer needs, no messages, no
 * broadcasting: each argument is one column (or one cell for as_of), the result a new column.
 *
 * A date is read as its serial (a number, floored), a blank "" as null, and text by splitting
 * "dd/mm/yyyy" on "/" and counting days from the year, month and day. The rules are the same ones
 * the functions apply, stand-in end dates (31/12/2099 …) included, so both give the same answer on
 * every benchmark row (functions.bench.ts checks that before timing).
 */
import { DEFAULT_SETTINGS } from "../src/core/settings";

type Grid = readonly (readonly unknown[])[];
type Out = unknown[][];

// Days since 1970-01-01 of a Gregorian date (H. Hinnant's days_from_civil), plus 25569: the Excel
// serial of any date from 01/03/1900 on, which is every date a register holds.
function serialOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468 + 25569;
}

function dateOf(value: unknown): number | null {
  if (typeof value === "number") return Math.floor(value);
  if (value === "") return null;
  const parts = (value as string).split("/");
  return serialOf(Number(parts[2]), Number(parts[1]), Number(parts[0]));
}

// core/dates placeholderReason: 1900, 01/01/1904, 02/01/1904, 01/01/1970, 01/01/2000, 31/12/2099 on.
const END_OF_1900 = 366;
const FAR_FUTURE = 73050;
const isStandIn = (serial: number): boolean => serial <= END_OF_1900 || serial >= FAR_FUTURE || serial === 1462 || serial === 1463 || serial === 25569 || serial === 36526;

/** DAYSTOEXPIRY by hand. */
export function daysToExpiryLoop(ends: Grid, asOfCell: Grid): Out {
  const asOf = dateOf(asOfCell[0][0]) ?? 0;
  const out: Out = new Array(ends.length);
  for (let r = 0; r < ends.length; r++) {
    const end = dateOf(ends[r][0]);
    out[r] = [end === null || isStandIn(end) ? "" : end - asOf];
  }
  return out;
}

/**
 * DAYSTOEXPIRY by hand for a column known to hold dd/mm/yyyy and nothing else: digits read by their
 * character codes at fixed places, the fastest loop we could write, to show what the split costs.
 */
export function daysToExpiryByCharactersLoop(ends: Grid, asOfCell: Grid): Out {
  const asOf = dateOf(asOfCell[0][0]) ?? 0;
  const out: Out = new Array(ends.length);
  for (let r = 0; r < ends.length; r++) {
    const v = ends[r][0];
    let end: number | null;
    if (typeof v === "number") end = Math.floor(v);
    else if (v === "") end = null;
    else {
      const t = v as string;
      const year = t.charCodeAt(6) * 1000 + t.charCodeAt(7) * 100 + t.charCodeAt(8) * 10 + t.charCodeAt(9) - 53328; // 48 × 1111
      end = serialOf(year, t.charCodeAt(3) * 10 + t.charCodeAt(4) - 528, t.charCodeAt(0) * 10 + t.charCodeAt(1) - 528); // 48 × 11
    }
    out[r] = [end === null || isStandIn(end) ? "" : end - asOf];
  }
  return out;
}

/** SLIPPAGE by hand: actual, else the later of forecast and overdue, less baseline. */
export function slippageLoop(baselines: Grid, forecasts: Grid, actuals: Grid, asOfCell: Grid): Out {
  const asOf = dateOf(asOfCell[0][0]) ?? 0;
  const out: Out = new Array(baselines.length);
  for (let r = 0; r < baselines.length; r++) {
    const baseline = dateOf(baselines[r][0]);
    const forecast = dateOf(forecasts[r][0]);
    const actual = dateOf(actuals[r][0]);
    let slip: number | string;
    if (baseline === null) slip = "";
    else if (actual !== null) slip = actual - baseline;
    else if (forecast === null) slip = asOf > baseline ? asOf - baseline : "";
    else slip = asOf > baseline && asOf - baseline > forecast - baseline ? asOf - baseline : forecast - baseline;
    out[r] = [slip];
  }
  return out;
}

const S = DEFAULT_SETTINGS;
const STATUS = ["Red", "Amber", "Green"];

/** RAG by hand, given the end date: the worst component; Unrated when the expiry is unknown and nothing is worse than Green. */
export function ragLoop(days: Grid, slips: Grid, kpis: Grid, spends: Grid, ends: Grid): Out {
  const out: Out = new Array(days.length);
  for (let r = 0; r < days.length; r++) {
    const end = dateOf(ends[r][0]);
    const d = days[r][0];
    const s = slips[r][0];
    const k = kpis[r][0];
    const v = spends[r][0];
    const expiryKnown = end !== null && !isStandIn(end) && d !== "";
    let worst = 3;
    if (expiryKnown) {
      const n = Math.round(d as number);
      worst = n <= S.expiryRedDays ? 0 : n <= S.expiryAmberDays ? 1 : 2;
    }
    if (s !== "") {
      const n = Math.round(s as number);
      worst = Math.min(worst, n > S.slippageRedDays ? 0 : n > S.slippageAmberDays ? 1 : 2);
    }
    if (k !== "") worst = Math.min(worst, (k as number) < S.kpiRedBelow ? 0 : (k as number) < S.kpiAmberBelow ? 1 : 2);
    if (v !== "") worst = Math.min(worst, (v as number) > S.spendRedAbove ? 0 : (v as number) > S.spendAmberAbove ? 1 : 2);
    out[r] = [worst < 2 || (worst === 2 && expiryKnown) ? STATUS[worst] : "Unrated"];
  }
  return out;
}

/** PHASE by hand, with the default exit window. */
export function phaseLoop(starts: Grid, goLives: Grid, ends: Grid, asOfCell: Grid): Out {
  const asOf = dateOf(asOfCell[0][0]) ?? 0;
  const window = S.exitWindowDays;
  const out: Out = new Array(starts.length);
  for (let r = 0; r < starts.length; r++) {
    const start = dateOf(starts[r][0]);
    const goLive = dateOf(goLives[r][0]);
    let end = dateOf(ends[r][0]);
    if (end !== null && isStandIn(end)) end = null;
    let phase: string;
    if (start !== null && ((end !== null && end < start) || (goLive !== null && goLive < start))) phase = "#VALUE!";
    else if (end !== null && asOf > end) phase = "Expired";
    else if (start !== null && asOf < start) phase = "Not started";
    else if (goLive !== null && asOf < goLive) phase = start !== null || end !== null ? "Mobilisation" : "";
    else if (end !== null && end - asOf <= window) phase = "Exit";
    else if (start === null && goLive === null && end === null) phase = "";
    else phase = "Delivery";
    out[r] = [phase];
  }
  return out;
}
