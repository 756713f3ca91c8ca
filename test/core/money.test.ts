import fc from "fast-check";
import { parseMoney } from "../../src/core/money";

test.each([
  ["£3,330", 3330, "GBP"], ["$1,317,169.92 CAD", 1317169.92, "CAD"], ["29,810.22 ", 29810.22, null], ["(3728)", -3728, null],
  ["$0", 0, "USD"], ["£1.2m", 1200000, "GBP"], ["€ 2.5 million", 2500000, "EUR"], ["-£50", -50, "GBP"], ["942467.", 942467, null],
  ["771,931.57", 771931.57, null], [77593.29, 77593.29, null], ["GBP 12,000", 12000, "GBP"], ["£64,557,931", 64557931, "GBP"],
])("%p is %d %s", (input, amount, currency) => {
  expect(parseMoney(input)).toEqual({ ok: true, value: { amount, currency } });
});

test.each(["", "  ", "N/A", "None", "TBC", "-", "not known", null])("%p is not known", (input) => {
  expect(parseMoney(input)).toEqual({ ok: true, value: null });
});

test.each(["12,34", "1,2,3", "3501.872.63", "31.65/MT", "lots", true])("%p is reported, never turned into a wrong number", (input) => {
  const result = parseMoney(input);
  expect(result.ok).toBe(false);
});

test("never throws", () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null)), (v) => {
    const r = parseMoney(v);
    if (r.ok && r.value) expect(Number.isFinite(r.value.amount)).toBe(true);
  }), { numRuns: 3000 });
});
