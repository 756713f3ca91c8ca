import { currencyDecimals, currencyOfSymbol, currencySymbol, isCurrencyCode } from "./currencies";

/**
 * Excel number formats that show money, both ways: the format to write for a currency, and the
 * currency a register's own format shows. Format codes follow ECMA-376 Part 1 §18.8.31: a currency
 * is `[$<symbol>]` or `[$<symbol>-<locale id>]`, or a literal (`"£"`, or `£` written bare).
 */

// Asked once per money cell of a register: each is worked out once (Intl formatters are slow to make).
const formats = new Map<string, string>();

const groupedDecimals = (decimals: number): string => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");

/**
 * The number format for amounts in a currency: its symbol first (`[$£]#,##0.00`, `[$US$]#,##0.00`,
 * `[$CHF] #,##0.00`) with the currency's own decimals (`[$JP¥]#,##0` for JPY); grouped, two decimals
 * when the currency is not known.
 * @example currencyFormat("GBP") → "[$£]#,##0.00"; currencyFormat(null) → "#,##0.00"
 */
export function currencyFormat(code: string | null): string {
  if (code === null) return groupedDecimals(2);
  let format = formats.get(code);
  if (format === undefined) {
    const symbol = currencySymbol(code);
    // Letters need a space before the digits (`CHF 1,234.00`); a sign does not (`£1,234.00`).
    const gap = /[A-Za-z]$/.test(symbol) ? " " : "";
    format = `[$${symbol.replace(/[\]"]/g, "")}]${gap}${groupedDecimals(currencyDecimals(code))}`;
    formats.set(code, format);
  }
  return format;
}

// The currency string of `[$£-809]`, `[$€-x-euro2]` or `[$USD]`; `[$-409]` (a locale only) has none.
const BRACKETED = /\[\$([^\]-]+)(?:-[^\]]*)?\]/;
const QUOTED = /"([^"]*)"/g;
const BARE_SYMBOL = /\p{Sc}/u;

/**
 * The ISO code of the currency a number format shows, or null when it shows none.
 * @example currencyOfFormat('"£"#,##0.00') → "GBP"; currencyOfFormat("[$€-x-euro2] #,##0.00") → "EUR"; currencyOfFormat("#,##0") → null
 */
export function currencyOfFormat(format: string | undefined | null): string | null {
  if (!format) return null;
  const named = (text: string): string | null => {
    const t = text.trim();
    if (t === "") return null;
    return isCurrencyCode(t) ? t.toUpperCase() : (currencyOfSymbol(t.toUpperCase()) ?? currencyOfSymbol(t));
  };
  const bracketed = BRACKETED.exec(format);
  if (bracketed) return named(bracketed[1]);
  for (const m of format.matchAll(QUOTED)) {
    const found = named(m[1]);
    if (found) return found;
  }
  // A bare sign outside quotes is a literal too (`£#,##0`); escaped (`\£`) or not.
  const bare = BARE_SYMBOL.exec(format.replace(QUOTED, "").replace(/\[[^\]]*\]/g, ""));
  return bare ? currencyOfSymbol(bare[0]) : null;
}
