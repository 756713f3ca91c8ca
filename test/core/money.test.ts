import fc from "fast-check";
import { decimalMarkEvidence, parseMoney } from "../../src/core/money";

const NBSP = "\u00a0";
const NARROW_NBSP = "\u202f";

test.each([
  // The forms registers have always had.
  ["£3,330", 3330, "GBP"], ["$1,317,169.92 CAD", 1317169.92, "CAD"], ["29,810.22 ", 29810.22, null], ["(3728)", -3728, null],
  ["$0", 0, "USD"], ["£1.2m", 1200000, "GBP"], ["€ 2.5 million", 2500000, "EUR"], ["-£50", -50, "GBP"], ["942467.", 942467, null],
  ["771,931.57", 771931.57, null], [77593.29, 77593.29, null], ["GBP 12,000", 12000, "GBP"], ["£64,557,931", 64557931, "GBP"],
  // Issue 8: continental registers, codes either side, scale words, every place a minus goes.
  ["€1,500", 1500, "EUR"], ["1.234.567,89 €", 1234567.89, "EUR"], ["1 234 567,89", 1234567.89, null],
  [`1${NBSP}234${NBSP}567,89${NBSP}€`, 1234567.89, "EUR"], [`1${NARROW_NBSP}234${NARROW_NBSP}567,89`, 1234567.89, null],
  ["£3.3m", 3300000, "GBP"], ["USD 1,200", 1200, "USD"], ["1,200 USD", 1200, "USD"], ["usd1200", 1200, "USD"], ["(3,728)", -3728, null],
  ["-£500", -500, "GBP"], ["£-500", -500, "GBP"], ["−£500", -500, "GBP"], ["(£3,728)", -3728, "GBP"], ["£(3,728)", -3728, "GBP"],
  ["500-", -500, null], ["EUR -1.500,50", -1500.5, "EUR"], ["1'234'567.50 CHF", 1234567.5, "CHF"], ["CHF 1’234.50", 1234.5, "CHF"],
  ["US$2,000", 2000, "USD"], ["CA$2,000", 2000, "CAD"], ["C$2,000", 2000, null], ["A$ 12k", 12000, "AUD"], ["£1.5bn", 1500000000, "GBP"],
  ["12,34", 12.34, null], ["0,125", 0.125, null], ["1.500", 1500, null], ["+250", 250, null], ["£0.99", 0.99, "GBP"], ["£-0", 0, "GBP"],
])("%p is %d %s", (input, amount, currency) => {
  expect(parseMoney(input)).toEqual({ ok: true, value: { amount, currency } });
});

test.each(["", "  ", "N/A", "None", "TBC", "-", "not known", null])("%p is not known", (input) => {
  expect(parseMoney(input)).toEqual({ ok: true, value: null });
});

test.each([
  "1,2,3", "3501.872.63", "31.65/MT", "lots", true, "12%", "£", "1,23,456", "1.234,567,89", "1 234.567.89", "--500", "-(500)-",
  "£500 €", "GBP 500 USD", "500 miles", "Approx 500", "5 x £100", "1..5", "1,,000",
])("%p is reported, never turned into a wrong number", (input) => {
  expect(parseMoney(input).ok).toBe(false);
});

test("the column's decimal mark settles the one ambiguous form, 1,234 against 1.234", () => {
  expect(parseMoney("1,234", { decimalMark: "," })).toEqual({ ok: true, value: { amount: 1.234, currency: null } });
  expect(parseMoney("1.234", { decimalMark: "." })).toEqual({ ok: true, value: { amount: 1.234, currency: null } });
  expect(parseMoney("1,234", { decimalMark: "." })).toEqual({ ok: true, value: { amount: 1234, currency: null } });
  expect(parseMoney("1.234", { decimalMark: "," })).toEqual({ ok: true, value: { amount: 1234, currency: null } });
  // In a column that uses the decimal point, 12,34 is a slip, not twelve and a bit.
  expect(parseMoney("12,34", { decimalMark: "." }).ok).toBe(false);
  // A form that can be read one way only ignores the hint.
  expect(parseMoney("1.234,56", { decimalMark: "." })).toEqual({ ok: true, value: { amount: 1234.56, currency: null } });
});

test.each([
  ["1.234,5", ","], ["12.50", "."], ["£1,234.56", "."], ["1 234,56 €", ","], ["1,234", null], ["1.234", null], ["1234", null], ["1,234,567", null], ["0.125", "."],
])("%p shows the decimal mark %p", (text, mark) => {
  expect(decimalMarkEvidence(text)).toBe(mark);
});

// Every locale's own way of writing money, as Intl (CLDR) writes it, reads back to the amount and
// currency: grouping by `,` `.` space, no-break space, narrow no-break space or apostrophe, symbol
// or code before or after, minus or accounting brackets. Amounts carry at most two decimals, as money does.
const LOCALES: [string, string][] = [["en-GB", "GBP"], ["en-US", "USD"], ["de-DE", "EUR"], ["fr-FR", "EUR"], ["es-ES", "EUR"], ["nl-NL", "EUR"], ["en-IE", "EUR"], ["de-CH", "CHF"], ["it-IT", "EUR"], ["de-AT", "EUR"], ["fr-CH", "CHF"], ["pt-PT", "EUR"]];

test("money written in any of these locales' forms reads back exactly", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...LOCALES),
      fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
      fc.constantFrom("symbol" as const, "code" as const, "none" as const),
      fc.constantFrom("standard" as const, "accounting" as const),
      ([locale, currency], cents, display, sign) => {
        const amount = cents / 100;
        const written =
          display === "none"
            ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)
            : new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: display, currencySign: sign }).format(amount);
        const read = parseMoney(written);
        expect({ written, read }).toEqual({ written, read: { ok: true, value: { amount, currency: display === "none" ? null : currency } } });
      },
    ),
    { numRuns: 3000 },
  );
});

test("never throws, and what it reads is a finite number", () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.stringMatching(/^[-(£$€ ]{0,3}[\d., ']{1,12}[ )kmKM€]{0,3}$/)), (v) => {
    const r = parseMoney(v);
    if (r.ok && r.value) expect(Number.isFinite(r.value.amount)).toBe(true);
  }), { numRuns: 3000 });
});
