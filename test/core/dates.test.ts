import fc from "fast-check";
import { addMonths, dateOrderEvidence, dateToSerial, daysInMonth, formatSerial, isExcelLeapYear, parseDateText, placeholderReason, serialToDate, todaySerial } from "../../src/core/dates";

const MS_PER_DAY = 86_400_000;
// An independent computation for serials after the fictitious 29 Feb 1900: days since 30 Dec 1899.
const viaJsDate = (serial: number): string => new Date(Date.UTC(1899, 11, 30) + serial * MS_PER_DAY).toISOString().slice(0, 10);
const iso = (serial: number): string => formatSerial(serial, "iso");

describe("Excel serials in the 1900 date system", () => {
  test.each([
    [1, "1900-01-01"], [31, "1900-01-31"], [59, "1900-02-28"], [60, "1900-02-29"], [61, "1900-03-01"],
    [366, "1900-12-31"], [367, "1901-01-01"], [36526, "2000-01-01"], [45747, "2025-03-31"], [2958465, "9999-12-31"],
  ])("serial %i is %s", (serial, date) => {
    expect(iso(serial)).toBe(date);
    const [y, m, d] = date.split("-").map(Number);
    expect(dateToSerial(y, m, d)).toBe(serial);
  });

  test("from 1 March 1900 on, serials agree with an independent calendar", () => {
    for (let serial = 61; serial <= 2958465; serial += 997) expect(iso(serial)).toBe(viaJsDate(serial));
    expect(iso(2958465)).toBe(viaJsDate(2958465));
  });

  test("every serial round-trips", () => {
    for (let serial = 1; serial <= 2958465; serial++) {
      const d = serialToDate(serial);
      if (!d || dateToSerial(d.year, d.month, d.day) !== serial) throw new Error(`serial ${serial} does not round-trip`);
    }
  });

  test.each([0, -1, 2958466, 1.5, Number.NaN])("%p is not a date Excel can show", (serial) => {
    expect(serialToDate(serial)).toBeNull();
  });

  test("impossible calendar dates have no serial", () => {
    expect(dateToSerial(2025, 2, 29)).toBeNull();
    expect(dateToSerial(2100, 2, 29)).toBeNull();
    expect(dateToSerial(2025, 4, 31)).toBeNull();
    expect(dateToSerial(2025, 13, 1)).toBeNull();
    expect(dateToSerial(1899, 12, 31)).toBeNull();
    expect(dateToSerial(10000, 1, 1)).toBeNull();
  });

  test("leap years, with Excel's 1900", () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isExcelLeapYear)).toEqual([true, true, true, false, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([29, 28, 30, 31]);
  });
});

describe("addMonths works like EDATE", () => {
  const s = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? Number.NaN;
  test.each([
    [s(2025, 3, 31), -1, "2025-02-28"], [s(2024, 3, 31), -1, "2024-02-29"], [s(2025, 1, 31), 1, "2025-02-28"],
    [s(2024, 1, 31), 1, "2024-02-29"], [s(2025, 3, 31), 12, "2026-03-31"], [s(2025, 12, 15), 1, "2026-01-15"],
    [s(2025, 1, 15), -1, "2024-12-15"], [s(2024, 2, 29), 12, "2025-02-28"], [s(1900, 3, 31), -1, "1900-02-29"],
  ])("%i + %i months is %s", (serial, months, expected) => {
    const result = addMonths(serial, months);
    expect(result.ok && iso(result.value)).toBe(expected);
  });
  test("out of range fails with a message", () => {
    const before = addMonths(s(1900, 1, 15), -1);
    expect(before.ok ? "" : before.error).toContain("outside 1900–9999");
    expect(addMonths(s(9999, 12, 1), 1).ok).toBe(false);
  });
});

describe("parseDateText", () => {
  test.each([
    ["2025-03-31", "dmy"], ["2025-3-31", "dmy"], ["2025/03/31", "mdy"], ["2025-03-31T00:00:00Z", "dmy"], ["2025-03-31T23:59:59+01:00", "dmy"],
    ["2025-03-31 10:15", "dmy"], ["31 March 2025", "dmy"], ["31 Mar 2025", "mdy"], ["31-Mar-2025", "dmy"], ["31 Mar 25", "dmy"],
    ["31st March 2025", "dmy"], ["Monday 31 March 2025", "dmy"], ["March 31, 2025", "dmy"], ["Mar 31 2025", "dmy"],
    ["31/03/2025", "dmy"], ["31.03.2025", "dmy"], ["31-03-2025", "dmy"], ["31/3/25", "dmy"], ["03/31/2025", "mdy"],
    ["3/31/2025 12:00:00 AM", "mdy"], ["  31/03/2025 ", "dmy"], ["20250331", "dmy"], [" 20250331 ", "mdy"],
  ] as const)("%s (%s) is 31/03/2025", (text, order) => {
    expect(parseDateText(text, order)).toEqual({ ok: true, value: 45747 });
  });
  test("the order decides ambiguous dates", () => {
    expect(iso((parseDateText("04/03/2025", "dmy") as { value: number }).value)).toBe("2025-03-04");
    expect(iso((parseDateText("04/03/2025", "mdy") as { value: number }).value)).toBe("2025-04-03");
  });
  test("two-digit years follow Excel's window", () => {
    expect(iso((parseDateText("01/01/29", "dmy") as { value: number }).value)).toBe("2029-01-01");
    expect(iso((parseDateText("01/01/30", "dmy") as { value: number }).value)).toBe("1930-01-01");
  });
  test.each([
    ["29/02/2025", "not a real date"], ["31/04/2025", "not a real date"], ["13/13/2025", "no month 13"],
    ["03/31/2025", "reads numeric dates day-first"], ["soon", "is not a date"], ["", "blank"], ["45747", "is not a date"],
    ["31 Marchy 2025", "is not a date"], ["1899-12-31", "outside the dates Excel can show"],
    ["20251301", "not a real date"], ["20250229", "not a real date"], ["20250332", "not a real date"], ["18991231", "outside the dates Excel can show"],
    ["2025033", "is not a date"], ["202503310", "is not a date"],
  ])("%p is refused: %s", (text, message) => {
    const result = parseDateText(text, "dmy");
    expect(result.ok ? "" : result.error).toContain(message);
    if (text.trim()) expect(result.ok ? "" : result.error).toContain(`"${text}"`);
  });
  test("never throws", () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const result = parseDateText(text, "dmy");
      expect(result.ok ? result.value >= 1 : result.error.length > 0).toBe(true);
    }), { numRuns: 3000 });
  });
  test("a written date reads back in either order", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
      const d = serialToDate(serial);
      if (!d) return;
      expect(parseDateText(formatSerial(serial), "dmy")).toEqual({ ok: true, value: serial });
      expect(parseDateText(`${d.month}/${d.day}/${d.year}`, "mdy")).toEqual({ ok: true, value: serial });
      expect(parseDateText(formatSerial(serial, "iso"), "mdy")).toEqual({ ok: true, value: serial });
      expect(parseDateText(formatSerial(serial, "iso").replace(/-/g, ""), "dmy")).toEqual({ ok: true, value: serial });
    }));
  });
});

test("dateOrderEvidence", () => {
  expect(["25/03/2015", "03/25/2015", "03/04/2015", "2015-03-25", "soon"].map(dateOrderEvidence)).toEqual(["dmy", "mdy", null, null, null]);
});

test("placeholderReason", () => {
  expect(placeholderReason(1)).toContain("01/01/1900");
  expect(placeholderReason(dateToSerial(2000, 1, 1) ?? 0)).toContain("01/01/2000");
  expect(placeholderReason(dateToSerial(1970, 1, 1) ?? 0)).toContain("Unix epoch");
  expect(placeholderReason(dateToSerial(2099, 12, 31) ?? 0)).toContain("31/12/2099");
  expect(placeholderReason(dateToSerial(2108, 6, 1) ?? 0)).toContain("far-future");
  expect(placeholderReason(45747)).toBeNull();
  expect(placeholderReason(dateToSerial(2099, 12, 30) ?? 0)).toBeNull();
});

test("todaySerial uses the local calendar date", () => {
  expect(todaySerial(new Date(2025, 2, 31, 23, 59))).toBe(45747);
  expect(todaySerial(new Date(2025, 2, 31, 0, 1))).toBe(45747);
});
