import { serialToDate } from "./dates";
import { DEFAULT_DATE_LOCALE, dateInWords } from "./dateWords";

/** A date that stands in for "not known" in one column: the date, how many rows hold it, of how many dated rows. */
export interface StandInDate {
  serial: number;
  count: number;
  of: number;
}

// A stand-in is a round date a person types when the real one is not known: the first or last day
// of a year (01/01/2000, 31/12/2099 aside from the fixed placeholders). It is outsized when it
// holds at least this many rows, this share of the column's dates, and this many times the rows
// an ordinary date of the column holds.
const AT_LEAST = 10;
const SHARE = 0.02;
const TIMES_USUAL = 10;

const isYearBoundary = (serial: number): boolean => {
  const date = serialToDate(serial);
  return date !== null && ((date.month === 1 && date.day === 1) || (date.month === 12 && date.day === 31));
};

/**
 * The round date (1 January or 31 December) that an outsized share of a date column holds: a
 * start date of 01/01/2000 on 226 of 5,329 rows, an end date of 01/01/2035 on every open-ended
 * contract. Real dates cluster too (many contracts start on 1 April), so only year boundaries
 * count, and only when one holds at least 10 rows, 2% of the column's dates and ten times what an
 * ordinary date of the column holds, and lies beyond the 5th–95th percentile of the column's other
 * dates (a year end in the midst of them is real). Null when there is none. Dates are Excel serials (whole days).
 * @example standInDate([36526 × 226 rows, …5,103 varied dates]) → { serial: 36526, count: 226, of: 5329 }
 */
export function standInDate(serials: readonly number[]): StandInDate | null {
  const counts = new Map<number, number>();
  for (const s of serials) {
    const day = Math.floor(s);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  if (counts.size < 3) return null;
  let best: { serial: number; count: number } | null = null;
  for (const [serial, count] of counts) if (isYearBoundary(serial) && (best === null || count > best.count)) best = { serial, count };
  if (!best) return null;
  const usual = (serials.length - best.count) / (counts.size - 1);
  if (best.count < AT_LEAST || best.count < SHARE * serials.length || best.count < TIMES_USUAL * usual) return null;
  // A stand-in lies apart from the real dates (01/01/2035 beyond every real end, 01/01/2000 before
  // every real start); a round date among them (31/12/2025 while the rest end in 2025–2027) is a
  // calendar- or year-end many contracts really share.
  if (!outside(best.serial, serials)) return null;
  return { ...best, of: serials.length };
}

// The share of the other dates either side that a stand-in lies beyond.
const TAIL = 0.05;

/** Whether `serial` lies beyond the 5th–95th percentile of the column's other dates. */
function outside(serial: number, serials: readonly number[]): boolean {
  const others = serials.filter((s) => Math.floor(s) !== serial).sort((a, b) => a - b);
  if (others.length === 0) return true;
  const low = others[Math.floor(TAIL * (others.length - 1))];
  const high = others[Math.ceil((1 - TAIL) * (others.length - 1))];
  return serial < low || serial > high;
}

/** What `check` says of a stand-in date, its date in words in `locale`. @example standInMessage({ serial: 36526, count: 226, of: 5329 }, "start date") → "1 Jan 2000 is the start date on 226 of 5,329 rows: …" */
export function standInMessage(standIn: StandInDate, what: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return `${dateInWords(standIn.serial, locale)} is the ${what} on ${standIn.count.toLocaleString(locale)} of ${standIn.of.toLocaleString(locale)} rows: a round date shared this widely is likely a stand-in for "not known"`;
}
