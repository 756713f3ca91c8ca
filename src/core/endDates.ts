import { placeholderReason } from "./dates";
import { DEFAULT_DATE_LOCALE, dateInWords } from "./dateWords";
import type { DataQualityIssue, NormalisedRow, TypedValue } from "./normalise";
import { StandInDate, standInDate } from "./standInDates";

/**
 * What the whole Contracts table says about its end dates, for judging one contract's: whether
 * the register has an end date column, the round date an outsized share of it holds (a likely
 * stand-in, core/standInDates), and the text of each end date that could not be read, by row.
 */
export interface EndDateFacts {
  hasColumn: boolean;
  standIn: StandInDate | null;
  /** Sheet row → the end date cell as written, where it is not a date (`TBC`, `31/02/2026`). */
  unreadable: ReadonlyMap<number, string>;
}

/** Facts for a contract judged alone, by its own value: a column is assumed, nothing else known. */
export const LONE_END_DATE: EndDateFacts = Object.freeze({ hasColumn: true, standIn: null, unreadable: new Map() });

/**
 * The end date facts of a Contracts table: one pass over its end dates for a likely stand-in,
 * and the unreadable ones from normalise's issues.
 * @example endDateFacts(rows, issues, true).standIn → { serial: 49310, count: 21, of: 500 }
 */
export function endDateFacts(contracts: readonly NormalisedRow[], issues: readonly DataQualityIssue[], hasColumn: boolean): EndDateFacts {
  const serials: number[] = [];
  for (const c of contracts) {
    const end = c.fields.endDate;
    if (typeof end === "number") serials.push(end);
  }
  const found = standInDate(serials);
  const unreadable = new Map<number, string>();
  for (const issue of issues) if (issue.field === "endDate" && issue.problem === "unparseable-date") unreadable.set(issue.row, issue.value);
  // A fixed placeholder (31/12/2099 …) is judged by its own value.
  return { hasColumn, standIn: found && placeholderReason(found.serial) === null ? found : null, unreadable };
}

/** Why an end date cannot be rated on: no column, blank, not a date, a fixed stand-in, the column's likely stand-in. */
export type EndDateGapKind = "no-column" | "blank" | "unreadable" | "stand-in" | "likely-stand-in";

/**
 * Why a contract's end date cannot be rated on, in words and by kind, or null when it is a real
 * date. Blank, unreadable, a fixed placeholder (core/dates placeholderReason: 31/12/2099 and later,
 * 1900, the 1904 and Unix epochs, 01/01/2000) or the column's likely stand-in. Such a contract is
 * Unrated rather than Green (rules/rag contractRag).
 * @example endDateGapOf(73050) → { kind: "stand-in", words: "No real end date: 31 Dec 2099 is a stand-in" }
 */
export function endDateGapOf(end: TypedValue | undefined, facts: EndDateFacts = LONE_END_DATE, row = 0, locale: string = DEFAULT_DATE_LOCALE): { kind: EndDateGapKind; words: string } | null {
  if (!facts.hasColumn) return { kind: "no-column", words: "No end date: the register has no end date column" };
  if (typeof end === "number") {
    const day = Math.floor(end);
    if (placeholderReason(day) !== null) return { kind: "stand-in", words: `No real end date: ${dateInWords(day, locale)} is a stand-in` };
    const standIn = facts.standIn;
    if (standIn !== null && day === standIn.serial) {
      const share = `${standIn.count.toLocaleString(locale)} of ${standIn.of.toLocaleString(locale)}`;
      return { kind: "likely-stand-in", words: `No real end date: ${dateInWords(day, locale)} is the end date of ${share} contracts, likely a stand-in` };
    }
    return null;
  }
  const written = facts.unreadable.get(row) ?? (typeof end === "string" ? end : undefined);
  if (written !== undefined && written.trim() !== "") return { kind: "unreadable", words: `No real end date: "${written}" is not a date` };
  return { kind: "blank", words: "No end date" };
}

/**
 * endDateGapOf's words alone, or null when the end date is real.
 * @example endDateGap(73050) → "No real end date: 31 Dec 2099 is a stand-in"
 * @example endDateGap(null) → "No end date"
 */
export function endDateGap(end: TypedValue | undefined, facts: EndDateFacts = LONE_END_DATE, row = 0, locale: string = DEFAULT_DATE_LOCALE): string | null {
  return endDateGapOf(end, facts, row, locale)?.words ?? null;
}
