/**
 * Finds every date a text writes and says in which style, so a test can ask "one style in this
 * view?": dates in words day first (`1 Aug 2027`), month first (`Aug 1, 2027`), and in figures
 * (`01/08/2027`, `2027-08-01`), which the product must not write in words.
 */
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?";

const STYLES = {
  "day first": new RegExp(`\\b\\d{1,2} ${MONTH} \\d{4}\\b`, "g"),
  "month first": new RegExp(`\\b${MONTH} \\d{1,2}, \\d{4}\\b`, "g"),
  figures: /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g,
} as const;

export type DateStyle = keyof typeof STYLES;

/** Each style with the dates of the text written in it; styles it does not use are left out. */
export function dateStyles(text: string): Partial<Record<DateStyle, string[]>> {
  const found: Partial<Record<DateStyle, string[]>> = {};
  for (const [style, pattern] of Object.entries(STYLES) as [DateStyle, RegExp][]) {
    const dates = text.match(pattern);
    if (dates) found[style] = dates;
  }
  return found;
}
