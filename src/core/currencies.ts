/**
 * Currencies as ISO 4217 and the Unicode CLDR publish them, read from the platform's `Intl` (every
 * browser Office runs in, and Node) rather than from a list of our own: codes, their symbols, and
 * how many decimals each has (JPY none, GBP two).
 */

interface CurrencyTables {
  codes: ReadonlySet<string>;
  /** Symbol as written in a cell (`£`, `€`, `$`, `CA$`, `US$`) → ISO code. */
  bySymbol: ReadonlyMap<string, string>;
}

// ISO 4217 codes, for a platform whose Intl cannot list them (supportedValuesOf is ES2022).
const FALLBACK_CODES = ["AUD", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP", "HKD", "INR", "JPY", "NOK", "NZD", "SEK", "SGD", "USD", "ZAR"];

let tables: CurrencyTables | null = null;

const symbolOf = (code: string, locale: string): string | null => {
  try {
    const part = new Intl.NumberFormat(locale, { style: "currency", currency: code }).formatToParts(1).find((p) => p.type === "currency");
    return part ? part.value : null;
  } catch {
    return null;
  }
};

// Built once, on first use: a few hundred formatters cost milliseconds, not worth paying per cell.
function currencyTables(): CurrencyTables {
  if (tables) return tables;
  const list = (Intl as { supportedValuesOf?: (key: "currency") => string[] }).supportedValuesOf?.("currency") ?? FALLBACK_CODES;
  const codes = new Set(list.map((c) => c.toUpperCase()));
  const bySymbol = new Map<string, string>();
  // "en" first so a bare `$` is the US dollar and `¥` the yen, as English-speaking registers mean them;
  // en-GB and en-CA add the prefixed forms (`US$`, `JP¥`, `CA$`) that name one currency for certain.
  for (const locale of ["en", "en-GB", "en-CA"]) {
    for (const code of codes) {
      const symbol = symbolOf(code, locale);
      if (symbol && symbol !== code && !/^[A-Za-z]+$/.test(symbol) && !bySymbol.has(symbol)) bySymbol.set(symbol, code);
    }
  }
  tables = { codes, bySymbol };
  return tables;
}

/** Whether three letters are an ISO 4217 currency code. @example isCurrencyCode("usd") → true; isCurrencyCode("MIO") → false */
export function isCurrencyCode(text: string): boolean {
  return text.length === 3 && currencyTables().codes.has(text.toUpperCase());
}

/**
 * The ISO code a currency symbol stands for in English-language registers, or null.
 * @example currencyOfSymbol("£") → "GBP"; currencyOfSymbol("CA$") → "CAD"; currencyOfSymbol("$") → "USD"
 */
export function currencyOfSymbol(symbol: string): string | null {
  return currencyTables().bySymbol.get(symbol) ?? null;
}

/**
 * The symbol an en-GB reader knows a currency by (CLDR): `£`, `€`, `US$`, `CA$`; the code itself
 * where there is none (`CHF`).
 * @example currencySymbol("GBP") → "£"; currencySymbol("USD") → "US$"
 */
export function currencySymbol(code: string): string {
  return symbolOf(code, "en-GB") ?? code;
}

/** Decimals of a currency's minor unit (ISO 4217): 2 for GBP, 0 for JPY. @example currencyDecimals("JPY") → 0 */
export function currencyDecimals(code: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount with its currency for people to read, in whole units: `£1,234,567`, `US$5,000`, or a
 * plain grouped number when the currency is not known.
 * @example formatAmount(1234567.4, "GBP") → "£1,234,567"; formatAmount(1234567.4, null) → "1,234,567"
 */
export function formatAmount(amount: number, currency: string | null, locale = "en-GB"): string {
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
    } catch {
      // A code Intl does not know is still shown, after the amount.
      return `${amount.toLocaleString(locale, { maximumFractionDigits: 0 })} ${currency}`;
    }
  }
  return amount.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** What the register did not say of an amount, written beside it where amounts in currencies stand apart. */
export const CURRENCY_NOT_STATED = "(currency not stated)";

/**
 * Totals in several currencies in words, each with its symbol, joined by " + " (amounts in
 * different currencies are never added). Beside amounts in a currency, one whose register named no
 * currency says so, so a reader sees why it stands apart; alone it is a plain number.
 * @example formatTotals([{ currency: null, amount: 23959235 }, { currency: "GBP", amount: 42000 }]) → "23,959,235 (currency not stated) + £42,000"
 * @example formatTotals([{ currency: null, amount: 1500 }]) → "1,500"
 */
export function formatTotals(totals: readonly { currency: string | null; amount: number }[], locale = "en-GB"): string {
  const mixed = totals.some((t) => t.currency !== null) && totals.some((t) => t.currency === null);
  return totals.map((t) => (t.currency === null && mixed ? `${formatAmount(t.amount, null, locale)} ${CURRENCY_NOT_STATED}` : formatAmount(t.amount, t.currency, locale))).join(" + ");
}
