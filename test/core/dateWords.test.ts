import fc from "fast-check";
import { dateToSerial, serialToDate } from "../../src/core/dates";
import { dateInWords, dateWordsNumberFormat, localeOfDateOrder, monthFirst } from "../../src/core/dateWords";
import { escalationSummary } from "../../src/core/escalationSummary";
import { renderHtml, renderMarkdown, renderText } from "../../src/core/summaryRender";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { dateStyles } from "../helpers/dateStyles";
import type { NormalisedRow } from "../../src/core/normalise";

const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? 0;

test("a date in words, in the locale's order: day first in en-GB, month first in en-US", () => {
  expect(dateInWords(d(2027, 8, 1), "en-GB")).toBe("1 Aug 2027");
  expect(dateInWords(d(2027, 8, 1), "en-US")).toBe("Aug 1, 2027");
  expect(dateInWords(d(2026, 12, 28), "en-US")).toBe("Dec 28, 2026");
  expect(dateInWords(d(1900, 1, 1), "en-GB")).toBe("1 Jan 1900");
  expect(dateInWords(d(9999, 12, 31), "en-US")).toBe("Dec 31, 9999");
});

test("never the machine's locale: an unknown or empty locale is en-GB, whatever the runner's", () => {
  expect(dateInWords(d(2027, 8, 1), "")).toBe("1 Aug 2027");
  expect(dateInWords(d(2027, 8, 1), "not a locale!")).toBe("1 Aug 2027");
  expect(dateInWords(d(2027, 8, 1))).toBe("1 Aug 2027");
});

test("a serial that is no date is shown as its number, not hidden", () => {
  expect(dateInWords(-5, "en-GB")).toBe("-5");
  expect(dateInWords(3_000_000, "en-US")).toBe("3000000");
});

test("every day of the calendar reads back to itself and is never in figures (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: d(9999, 12, 31) }), fc.constantFrom("en-GB", "en-US", "en-AU", "en-CA"), (serial, locale) => {
      const words = dateInWords(serial, locale);
      const date = serialToDate(serial);
      expect(words).toContain(String(date?.year));
      expect(words).toMatch(new RegExp(`\\b${date?.day}\\b`));
      expect(dateStyles(words).figures).toBeUndefined();
    }),
  );
});

test("the register's date order gives the CLI's locale; the locale gives the sheet's number format", () => {
  expect(localeOfDateOrder("dmy")).toBe("en-GB");
  expect(localeOfDateOrder("mdy")).toBe("en-US");
  expect([monthFirst("en-US"), monthFirst("en-GB"), monthFirst("en-AU")]).toEqual([true, false, false]);
  expect(dateWordsNumberFormat("en-US")).toBe("mmm d, yyyy");
  expect(dateWordsNumberFormat("en-GB")).toBe("d mmm yyyy");
});

const row = (n: number, fields: NormalisedRow["fields"]): NormalisedRow => ({ row: n, fields });
const AS_OF = d(2026, 11, 25);
// One contract of each kind of dated sentence: notice missed, notice due, expiring, expired, a stand-in end date, probably closed.
const CONTRACTS = [
  row(2, { contractId: "N", title: "Notice missed", endDate: d(2027, 1, 15), noticePeriod: "3 months" }),
  row(3, { contractId: "D", title: "Notice due", endDate: d(2027, 3, 25), noticePeriod: "3 months" }),
  row(4, { contractId: "E", title: "Expiring", endDate: d(2027, 1, 24) }),
  row(5, { contractId: "X", title: "Expired", endDate: d(2026, 11, 11) }),
  row(6, { contractId: "S", title: "Stand-in", endDate: d(2099, 12, 31) }),
  row(7, { contractId: "O", title: "Old", endDate: d(2015, 10, 3) }),
];

test.each([
  ["en-GB", "day first"],
  ["en-US", "month first"],
] as const)("the summary's reasons, actions and every rendering write dates one way in %s", (locale, style) => {
  const summary = escalationSummary({ contracts: CONTRACTS }, DEFAULT_SETTINGS, AS_OF, undefined, locale);
  const sentences = [...summary.contracts.flatMap((c) => [...c.reasons, c.action]), ...summary.unrated.map((c) => c.reason), ...summary.stale.map((c) => c.reason)];
  for (const text of [sentences.join("\n"), renderText(summary), renderMarkdown(summary), renderHtml(summary)]) {
    const found = dateStyles(text);
    expect(found).toEqual({ [style]: found[style] });
    expect(found[style]?.length).toBeGreaterThanOrEqual(5);
  }
  expect(renderText(summary)).toContain(`as of ${dateInWords(AS_OF, locale)}`);
});
