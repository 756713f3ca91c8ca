import { LOWEST_TEXT_SERIAL } from "./dateColumns";
import { MAX_SERIAL } from "./dates";
import { formatKind } from "./numberFormats";

/**
 * Why a number cell's number format says it is not a value of the field's kind, or null when it
 * may be. Excel tells a date from an amount only by the format: 45747 formatted `dd/mm/yyyy` is
 * 31/03/2025, formatted `"£"#,##0.00` it is £45,747.00, formatted General it shows as 45747.
 * - A date field takes a date-formatted number; a General one only in the range a column of serials
 *   takes (from 10000, 18/05/1927: `2026` is a year, not 18/07/1905); never money, a percentage,
 *   a time of day or an elapsed time.
 * - A money field takes any number but one formatted as a date or a time.
 * `format` is the cell's format code where the file keeps formats (an .xlsx: `General` when none),
 * or undefined where they are not known (a CSV, values read without formats): then nothing is said.
 * @example formatMismatch("date", 2026, "General", "end date") → "The end date 2026 is a plain number, not a date: …"; formatMismatch("date", 45747, "dd/mm/yyyy", "end date") → null
 */
export function formatMismatch(kind: "date" | "money", value: number, format: string | undefined, what: string): string | null {
  if (format === undefined) return null;
  const shows = formatKind(format);
  if (kind === "money") {
    return shows === "date" || shows === "time" || shows === "elapsed" ? `The ${what} ${value} is formatted as a ${shows === "date" ? "date" : "time"} ("${format}"), not as money` : null;
  }
  if (shows === "date") return null;
  if (shows === "general") {
    return value >= LOWEST_TEXT_SERIAL && value <= MAX_SERIAL ? null : `The ${what} ${value} is a plain number, not a date: format the cell as a date, or write the date out (31/03/2025)`;
  }
  return `The ${what} ${value} is formatted as "${format}", not as a date`;
}
