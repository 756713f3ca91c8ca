/**
 * The one way the product writes a date in words: day, month name and year, in the order of a
 * locale (`1 Aug 2027` in en-GB, `Aug 1, 2027` in en-US). A month name cannot be read the wrong way
 * round, so a card, the dashboard, the summary and the CLI never show `01/08/2027` beside
 * `08/01/2027`. Cells keep their own number formats; this is for text: reasons, actions, notices,
 * headings. Intl.DateTimeFormat does the work, always with the locale given — never the machine's
 * default, so a test or a CI runner in another locale writes the same words.
 */
import { DateOrder, serialToDate } from "./dates";

/** The locale dates are written in when nothing says otherwise (UK registers are the first users). */
export const DEFAULT_DATE_LOCALE = "en-GB";

// One formatter per locale: Intl.DateTimeFormat is costly to build and the summary writes hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A locale Intl knows, else the default: a host may report a language tag the runtime lacks. */
function usableLocale(locale: string): string {
  try {
    return locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : DEFAULT_DATE_LOCALE;
  } catch {
    return DEFAULT_DATE_LOCALE;
  }
}

function formatterFor(locale: string): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    // UTC: the calendar date of a serial, whatever the machine's time zone.
    formatter = new Intl.DateTimeFormat(usableLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * An Excel serial as a date in words in `locale`; a serial that is no date (before 1900, after
 * 9999) as its number, so nothing is hidden. An unknown locale falls back to en-GB.
 * @example dateInWords(46600, "en-GB") → "1 Aug 2027"; dateInWords(46600, "en-US") → "Aug 1, 2027"
 */
export function dateInWords(serial: number, locale: string = DEFAULT_DATE_LOCALE): string {
  // A portfolio's dates repeat (end, notice and decide-by dates cluster on month ends): each is
  // written once a locale. Intl's format() was a seventh of the summary's time over 100,000 contracts.
  let written = wordsByLocale.get(locale);
  if (!written) wordsByLocale.set(locale, (written = new Map()));
  let words = written.get(serial);
  if (words === undefined) {
    if (written.size >= WORDS_LIMIT) written.clear();
    words = writeDate(serial, locale);
    written.set(serial, words);
  }
  return words;
}

// Every day from 1900 to 2100 is about 73,000: room for all a register holds.
const WORDS_LIMIT = 100_000;
const wordsByLocale = new Map<string, Map<number, string>>();

function writeDate(serial: number, locale: string): string {
  const date = serialToDate(serial);
  if (!date) return String(serial);
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  at.setUTCFullYear(date.year, date.month - 1, date.day);
  return formatterFor(locale).format(at);
}

/**
 * The locale whose order matches a register's date order, for the CLI when no `--locale` is
 * given: month first (mdy) is en-US, day first (dmy) en-GB.
 * @example localeOfDateOrder("mdy") → "en-US"
 */
export function localeOfDateOrder(order: DateOrder): string {
  return order === "mdy" ? "en-US" : DEFAULT_DATE_LOCALE;
}

/**
 * Whether a locale writes the month before the day, as Intl formats it (en-US, en-CA … yes;
 * en-GB, en-AU … no): the order a date typed into a form is read in.
 * @example monthFirst("en-US") → true; monthFirst("en-GB") → false
 */
export function monthFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(usableLocale(locale), { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(0));
  return parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day");
}

/**
 * An Excel number format that shows a date cell as dateInWords writes it, so a sheet's cells and
 * its sentences agree: `d mmm yyyy` or, month first, `mmm d, yyyy`.
 * @example dateWordsNumberFormat("en-US") → "mmm d, yyyy"
 */
export function dateWordsNumberFormat(locale: string): string {
  return monthFirst(locale) ? "mmm d, yyyy" : "d mmm yyyy";
}
