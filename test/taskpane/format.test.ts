import { dateToSerial } from "../../src/core/dates";
import { columnLetters, formatDate, formatMoney, messageOf, paneLocale } from "../../src/taskpane/format";

const SERIAL = dateToSerial(2027, 1, 15) ?? 0;

test("dates are in words, en-GB unless the host gives a display language, month first in en-US", () => {
  expect(paneLocale("")).toBe("en-GB");
  expect(paneLocale(undefined)).toBe("en-GB");
  expect(paneLocale("not a locale!")).toBe("en-GB");
  expect(formatDate(SERIAL, paneLocale(""))).toBe("15 Jan 2027");
  expect(formatDate(SERIAL, "en-US")).toBe("Jan 15, 2027");
  expect(formatDate(SERIAL, "de-DE")).toBe("15. Jan. 2027");
  expect(formatDate(null, "en-GB")).toBe("");
});

test("money is grouped in the locale, whole units, no currency sign", () => {
  expect(formatMoney(173534000.4, "en-GB")).toBe("173,534,000");
  expect(formatMoney(1234567, "de-DE")).toBe("1.234.567");
});

test("columns are named as Excel names them", () => {
  expect([0, 17, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "R", "Z", "AA", "ZZ", "AAA"]);
});

test("a thrown thing becomes a sentence without its full stop", () => {
  expect(messageOf(new Error("The sheet is protected."))).toBe("The sheet is protected");
  expect(messageOf("busy")).toBe("busy");
});
