import { digitsForWords } from "./numberWords";
import { Result, fail, ok } from "./result";

/** A length of time as contracts state it; years are kept as months, weeks as days. */
export interface Period {
  unit: "days" | "months";
  amount: number;
}

const UNIT = String.raw`(d|days?|w|wks?|weeks?|m|mths?|mnths?|months?|y|yrs?|years?)`;
const PERIOD = new RegExp(String.raw`^(\d+(?:\.\d+)?)\s*(?:calendar\s+)?${UNIT}?\.?'?$`, "i");
const HINT = 'use days (90), "90 days", "12 weeks", "3 months" or "1 year"';

/** A unit word as days or months and the factor to apply. */
function unitOf(word: string): { unit: Period["unit"]; factor: number } {
  const w = word.toLowerCase();
  if (w.startsWith("y")) return { unit: "months", factor: 12 };
  if (w.startsWith("m")) return { unit: "months", factor: 1 };
  if (w.startsWith("w")) return { unit: "days", factor: 7 };
  return { unit: "days", factor: 1 };
}

/**
 * Reads a notice period: a number of days, or text such as `90 days`, `12 weeks`, `3 months`, `6m`,
 * `1 year`, `three months`.
 * @example parsePeriod("3 months") → ok({ unit: "months", amount: 3 }); parsePeriod(90) → ok({ unit: "days", amount: 90 })
 */
export function parsePeriod(input: string | number): Result<Period> {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0 || !Number.isInteger(input)) return fail(`Notice period ${input} is not a whole number of days: ${HINT}`);
    return ok({ unit: "days", amount: input });
  }
  const text = digitsForWords(input.trim()).replace(/\s+/g, " ");
  if (text === "") return fail(`The notice period is blank: ${HINT}`);
  if (/^-/.test(text)) return fail(`Notice period "${input.trim()}" is negative: ${HINT}`);
  // Working days depend on the calendar of holidays; counting them as calendar days would be wrong.
  if (/\b(working|business)\s+days?\b/i.test(text)) return fail(`Notice period "${input.trim()}" is in working days: give it in calendar days or months`);
  const m = PERIOD.exec(text);
  if (!m) return fail(`Notice period "${input.trim()}" is not a period: ${HINT}`);
  const amount = Number(m[1]);
  const { unit, factor } = unitOf(m[2] ?? "days");
  const total = amount * factor;
  if (!Number.isInteger(total)) return fail(`Notice period "${input.trim()}" is not a whole number of ${unit}: ${HINT}`);
  if (total > 120000) return fail(`Notice period "${input.trim()}" is longer than any contract: ${HINT}`);
  return ok({ unit, amount: total });
}
