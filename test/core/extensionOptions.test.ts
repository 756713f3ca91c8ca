import fc from "fast-check";
import { parseExtensionOptions } from "../../src/core/extensionOptions";

// PRODUCT.md's forms, and the rules that make real registers' wording readable.
test.each([
  ["", 0], ["none", 0], ["None.", 0], ["N/A", 0], ["no extension", 0], ["nil", 0],
  ["1+1", 12], ["2+1+1", 24], ["3+1+1", 24], ["3 + 1 + 1", 24], ["2 x 12 months", 24], ["2 × 12 months", 24],
  ["24 months", 24], ["up to 12 months", 12], ["2 separate one year extension options", 24],
  ["2 one-year extension options", 24], ["Two 48 month extensions", 96], ["1 x 6 months", 6],
  ["Option to extend for a further 2 years", 24], ["extend by up to two (2) periods of twelve (12) months", 24],
  ["12 months + 12 months", 12], ["+1 +1", 24], ["A further 1 + 1 years", 24], ["Possible 18 month extension", 18],
  ["Option to extend for 90 days", 0],
])("%p adds %i months", (text, months) => {
  const result = parseExtensionOptions(text);
  expect(result.ok && result.value.months).toBe(months);
});

test("days are kept as days", () => {
  expect(parseExtensionOptions("Option to extend for 90 days")).toEqual({ ok: true, value: { months: 0, days: 90 } });
  expect(parseExtensionOptions("Option to extend for 6 weeks")).toEqual({ ok: true, value: { months: 0, days: 42 } });
});

test.each(["soon", "TBC", "Expected renewal at end of contract period", "24", "renewed annually"])("%p is reported, with the forms understood", (text) => {
  const result = parseExtensionOptions(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toContain(`Extension options "${text}" could not be read`);
});

test("never throws; months and days are whole and not negative", () => {
  const words = fc.constantFrom("option", "extend", "for", "up to", "a further", "x", "+", "1", "2", "12", "months", "years", "one", "two", "(2)", ";", ",", "periods of", "each");
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.array(words, { maxLength: 12 }).map((w) => w.join(" "))), (text) => {
      const result = parseExtensionOptions(text);
      if (result.ok) {
        expect(Number.isInteger(result.value.months) && result.value.months >= 0).toBe(true);
        expect(Number.isInteger(result.value.days) && result.value.days >= 0).toBe(true);
      } else expect(result.error.length).toBeGreaterThan(0);
    }),
    { numRuns: 3000 },
  );
});
