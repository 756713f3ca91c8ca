import fc from "fast-check";
import { parsePeriod } from "../../src/core/periods";

test.each([
  [90, "days", 90], ["90", "days", 90], ["90 days", "days", 90], ["90d", "days", 90], [" 1 day ", "days", 1],
  ["12 weeks", "days", 84], ["2w", "days", 14], ["3 months", "months", 3], ["3 month", "months", 3], ["6m", "months", 6],
  ["6 mths", "months", 6], ["1 calendar month", "months", 1], ["3 months'", "months", 3], ["1 year", "months", 12],
  ["2 yrs", "months", 24], ["1y", "months", 12], ["1.5 years", "months", 18], ["three months", "months", 3],
  ["Twenty four months", "months", 24], ["SIX MONTHS", "months", 6], [0, "days", 0],
])("%p is %s %i", (input, unit, amount) => {
  expect(parsePeriod(input)).toEqual({ ok: true, value: { unit, amount } });
});

test.each([
  ["", "blank"], ["3 fortnights", "is not a period"], ["-3 months", "negative"], [-5, "not a whole number"],
  [1.5, "not a whole number"], ["0.5 months", "not a whole number of months"], ["30 working days", "working days"],
  ["soon", "is not a period"], ["999999 years", "longer than any contract"], [Number.NaN, "not a whole number"],
])("%p is refused (%s)", (input, message) => {
  const result = parsePeriod(input);
  expect(result.ok ? "" : result.error).toContain(message);
});

test("never throws; amounts are whole and not negative", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (input) => {
      const result = parsePeriod(input);
      if (result.ok) expect(Number.isInteger(result.value.amount) && result.value.amount >= 0).toBe(true);
      else expect(result.error.length).toBeGreaterThan(0);
    }),
    { numRuns: 2000 },
  );
});
