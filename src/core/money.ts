import { Result, fail, ok } from "./result";

/** An amount of money as a register states it; currency when the cell says. */
export interface Money {
  amount: number;
  currency: string | null;
}

const SYMBOLS: Record<string, string> = { "£": "GBP", "€": "EUR", $: "USD", "¥": "JPY" };
const CODES = /\b(GBP|EUR|USD|CAD|AUD|NZD|JPY|CHF)\b/i;
const NOT_KNOWN = /^(n\/?a|none|nil|null|not applicable|not known|unknown|tbc|tbd|-+|—)$/i;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/**
 * Reads money from a cell: numbers, and text such as `£3,330`, `$1,317,169.92 CAD`, `29,810.22 `,
 * `(3728)` (negative), `£1.2m`. `N/A`, `None`, `TBC` and blanks are null: not known.
 * @example parseMoney("$1,317,169.92 CAD") → ok({ amount: 1317169.92, currency: "CAD" })
 */
export function parseMoney(value: unknown): Result<Money | null> {
  if (typeof value === "number") return Number.isFinite(value) ? ok({ amount: value, currency: null }) : fail(`${value} is not an amount of money`);
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== "string") return fail(`${String(value)} is not an amount of money`);
  const text = value.trim().replace(/\u00a0/g, " ");
  if (text === "" || NOT_KNOWN.test(text)) return ok(null);
  let rest = text;
  let currency: string | null = null;
  const code = CODES.exec(rest);
  if (code) {
    currency = code[1].toUpperCase();
    rest = rest.replace(CODES, "");
  }
  const symbol = /[£€$¥]/.exec(rest);
  if (symbol) {
    currency ??= SYMBOLS[symbol[0]];
    rest = rest.replace(/[£€$¥]/g, "");
  }
  rest = rest.trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(rest);
  if (bracketed) {
    negative = true;
    rest = bracketed[1].trim();
  }
  if (rest.startsWith("-")) {
    negative = !negative;
    rest = rest.slice(1).trim();
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\.?\s*(k|m|mn|million|bn|billion)?$/i.exec(rest);
  if (!m) return fail(`"${text}" is not an amount of money`);
  const amount = Number(m[1].replace(/,/g, "") + (m[2] ?? "")) * (m[3] ? SCALE[m[3].toLowerCase()] : 1);
  return ok({ amount: negative ? -amount : amount, currency });
}
