import { dateInWords } from "../core/dateWords";

/** The locale the pane formats in when the host's is unknown to the browser (or not yet known). */
export const FALLBACK_LOCALE = "en-GB";

/** The locale to format in: the host's display language when the browser knows it, else en-GB. @example paneLocale("") → "en-GB" */
export function paneLocale(locale: string | undefined | null): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/**
 * An Excel serial as the pane writes every date: in words, in the display locale, the same way the
 * reasons and actions the features write are (core/dateWords). "" for none.
 * @example formatDate(46600, "en-US") → "Aug 1, 2027"; formatDate(46600, "en-GB") → "1 Aug 2027"
 */
export function formatDate(serial: number | null, locale: string): string {
  return serial === null ? "" : dateInWords(serial, locale);
}

/** A whole number with the locale's grouping. @example formatCount(12345, "en-GB") → "12,345" */
export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** A sum of money without a currency sign (registers mix currencies), grouped, whole units. */
export function formatMoney(n: number, locale: string): string {
  return n.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** "1 contract", "3 contracts". */
export function plural(n: number, one: string, locale: string, many = `${one}s`): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

export { columnLetters } from "../core/cellRefs";

/** The message of anything thrown, as a sentence without a trailing full stop. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : String(error);
  return text.trim().replace(/\.$/, "");
}
