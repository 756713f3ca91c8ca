import fc from "fast-check";
import { BLANK_DATE, readDateCell, readDateSerial } from "../../src/core/cellValues";
import { DateOrder, MAX_SERIAL, dateToSerial, isPlaceholderDate, parseDateText, parseDateTextByPatterns, placeholderReason, quickDateText, serialToDate } from "../../src/core/dates";

// The fast paths read the common shapes without regular expressions or Results. They may decline
// (NaN: the full reader then decides), but wherever they answer they must give what the full
// reader gives, over every day of the calendar in every shape and over arbitrary text.

const ORDERS: readonly DateOrder[] = ["dmy", "mdy"];
const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

// What the full reader says, as the fast path says it: the serial, or NaN when it refuses.
function full(text: string, order: DateOrder): number {
  const r = parseDateTextByPatterns(text, order);
  return r.ok ? r.value : NaN;
}

// Every agreement failure, so one failing test names them all (a few at most), not the first.
function disagreements(texts: Iterable<string>, covered: boolean): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const order of ORDERS) {
      const quick = quickDateText(text, order);
      const expected = full(text, order);
      const agrees = Number.isNaN(quick) ? !covered || Number.isNaN(expected) : quick === expected;
      if (!agrees && found.length < 10) found.push(`${JSON.stringify(text)} (${order}): quick ${quick}, full ${expected}`);
    }
  }
  return found;
}

// Each way a register writes a day: the shapes the fast path reads, and the same day in shapes it leaves to the patterns.
function written(year: number, month: number, day: number): { read: string[]; left: string[] } {
  const y = pad4(year);
  const read = [
    `${pad2(day)}/${pad2(month)}/${y}`, `${day}/${month}/${y}`, `${pad2(day)}-${pad2(month)}-${y}`, `${pad2(day)}.${pad2(month)}.${y}`,
    `${pad2(month)}/${pad2(day)}/${y}`, `${month}/${day}/${y}`, `${y}-${pad2(month)}-${pad2(day)}`, `${y}/${month}/${day}`, `${y}-${month}/${day}`,
    `${y}${pad2(month)}${pad2(day)}`,
  ];
  // Two-digit years are read through Excel's window (00–29 → 2000s, 30–99 → 1900s), whatever the year.
  read.push(`${pad2(day)}/${pad2(month)}/${pad2(year % 100)}`, `${day}.${month}.${pad2(year % 100)}`);
  const left = [` ${pad2(day)}/${pad2(month)}/${y}`, `${pad2(day)}/${pad2(month)}/${y} `, `${y}-${pad2(month)}-${pad2(day)}T00:00:00Z`, `${pad2(day)}/${pad2(month)}/${y} 10:15`];
  return { read, left };
}

function* everyDay(fromYear: number, toYear: number): Generator<{ year: number; month: number; day: number }> {
  for (let serial = dateToSerial(fromYear, 1, 1) ?? 1; serial <= (dateToSerial(toYear, 12, 31) ?? MAX_SERIAL); serial++) {
    const d = serialToDate(serial);
    if (d) yield d;
  }
}

describe("quickDateText agrees with the full reader", () => {
  test("every day of 1900–1905, 1968–1971, 1998–2031 and 2096–2101, in every shape it reads, in both orders", () => {
    const texts: string[] = [];
    for (const [from, to] of [[1900, 1905], [1968, 1971], [1998, 2031], [2096, 2101]]) {
      for (const d of everyDay(from, to)) texts.push(...written(d.year, d.month, d.day).read);
    }
    expect(texts.length).toBeGreaterThan(200_000);
    expect(disagreements(texts, true)).toEqual([]);
  });

  test("it reads those shapes itself: none is left to the patterns when they are a real date", () => {
    const declined: string[] = [];
    for (const d of everyDay(2024, 2026)) {
      for (const text of written(d.year, d.month, d.day).read) {
        for (const order of ORDERS) {
          if (Number.isNaN(quickDateText(text, order)) && !Number.isNaN(full(text, order)) && declined.length < 5) declined.push(`${text} (${order})`);
        }
      }
    }
    expect(declined).toEqual([]);
    expect(quickDateText("31/03/2025", "dmy")).toBe(45747);
    expect(quickDateText("2025-03-31", "mdy")).toBe(45747);
  });

  test("shapes with spaces, times or zones around the date are left to the patterns, which read them", () => {
    for (const d of everyDay(2025, 2025)) {
      for (const text of written(d.year, d.month, d.day).left) {
        expect(quickDateText(text, "dmy")).toBeNaN();
        expect(parseDateText(text, "dmy")).toEqual(parseDateTextByPatterns(text, "dmy"));
      }
    }
  });

  test("days that do not exist, months over 12, zero days and years outside 1900–9999 are declined, and the patterns say why", () => {
    const texts: string[] = [];
    for (const year of [1899, 1900, 1904, 2000, 2023, 2024, 2100, 9999, 10000, 0]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) texts.push(...written(year, month, day).read);
      }
    }
    expect(disagreements(texts, true)).toEqual([]);
    expect(quickDateText("29/02/1900", "dmy")).toBe(60); // Excel's fictitious leap day, as the patterns read it
    expect(quickDateText("29/02/2100", "dmy")).toBeNaN();
    expect(quickDateText("13/13/2025", "dmy")).toBeNaN();
    const refused = parseDateText("31/04/2025", "dmy");
    expect(refused.ok ? "" : refused.error).toContain("not a real date");
  });

  test("the last days Excel can show, and the years just past them", () => {
    expect(disagreements(["31/12/9999", "9999-12-31", "99991231", "01/01/10000", "10000-01-01", "1/1/1900", "1900-1-1", "19000101", "31/12/1899"], true)).toEqual([]);
    expect(quickDateText("31/12/9999", "dmy")).toBe(MAX_SERIAL);
    expect(quickDateText("1/1/1900", "dmy")).toBe(1);
  });

  test("odd shapes: three-digit groups, mixed separators, signs, letters, short and long text", () => {
    const texts = [
      "031/03/2025", "31/003/2025", "31/03/025", "31/03/20250", "31/03-2025", "31-03/2025", "2025.03.31", "2025-03.31", "2025--03-31", "+31/03/2025",
      "31/03/+025", "3l/03/2025", "31/O3/2025", "1/1/1", "1/1/25", "1/1/5", "//2025", "31//2025", "/03/2025", "2025-3-", "2025-03-31-", "20250331 ",
      "2025033", "202503310", "0/0/00", "00/00/0000", "12345678", "99999999", "00000000", "1e5/1/2025", "٣١/٠٣/٢٠٢٥", "31/03/2025\n", "31 03 2025",
      "1/001/2025", "1/011/25", "1/123/25", "2025-001-1", "2025-1-001", "001/1/2025", "1/1/025", "1/1/0025", "2025/1/1/", "1/1/2025/1",
    ];
    expect(disagreements(texts, false)).toEqual([]);
  });

  test("any text of digits, separators, spaces and letters", () => {
    const text = fc.stringOf(fc.constantFrom("0", "1", "2", "3", "9", "/", "-", ".", " ", "T", ":", "a", "M"), { maxLength: 14 });
    fc.assert(
      fc.property(text, fc.constantFrom<DateOrder>("dmy", "mdy"), (t, order) => {
        const quick = quickDateText(t, order);
        if (!Number.isNaN(quick)) expect(quick).toBe(full(t, order));
      }),
      { numRuns: 20_000 },
    );
    // Three groups of up to five digits between separators: every near miss of the shapes read.
    const digits = fc.stringOf(fc.constantFrom("0", "1", "2", "3", "5", "9"), { maxLength: 5 });
    const separator = fc.constantFrom("/", "-", ".", " ", "", ":");
    const grouped = fc.tuple(digits, separator, digits, separator, digits).map((parts) => parts.join(""));
    fc.assert(
      fc.property(grouped, fc.constantFrom<DateOrder>("dmy", "mdy"), (t, order) => {
        const quick = quickDateText(t, order);
        if (!Number.isNaN(quick)) expect(quick).toBe(full(t, order));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (t) => {
        const quick = quickDateText(t, "dmy");
        if (!Number.isNaN(quick)) expect(quick).toBe(full(t, "dmy"));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("readDateSerial agrees with readDateCell", () => {
  // readDateCell's answer as readDateSerial gives it: the serial, BLANK_DATE for blank, NaN when it refuses.
  const bySlowReader = (value: unknown, order: DateOrder): number => {
    const r = readDateCell(value, order);
    return r.ok ? (r.value ?? BLANK_DATE) : NaN;
  };
  const agree = (value: unknown, order: DateOrder): void => {
    const quick = readDateSerial(value, order);
    const slow = bySlowReader(value, order);
    if (!Object.is(quick, slow)) throw new Error(`${typeof value} ${String(value)} (${order}): readDateSerial ${quick}, readDateCell ${slow}`);
  };

  test("numbers at and around the serial limits, fractions, and dates written year first", () => {
    const numbers = [
      0, -0, 0.5, 0.99, 1, 1.5, 59, 60, 61, 366, 45747, 45747.99, MAX_SERIAL, MAX_SERIAL + 0.5, MAX_SERIAL + 1, 9_999_999, 10_000_000, 19_000_101,
      20_250_331, 20_250_229, 20_251_301, 99_991_231, 99_999_999, 100_000_000, 123_456_789, -1, -45747, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE,
    ];
    for (const n of numbers) for (const order of ORDERS) agree(n, order);
    fc.assert(fc.property(fc.double(), fc.constantFrom<DateOrder>("dmy", "mdy"), (n, order) => agree(n, order)), { numRuns: 5_000 });
    fc.assert(fc.property(fc.integer({ min: 18_000_000, max: 100_000_000 }), (n) => agree(n, "dmy")), { numRuns: 5_000 });
  });

  test("blank, text in every shape, and what is not a date at all", () => {
    const values: unknown[] = [
      "", " ", "\t", "\u00a0", null, undefined, "31/03/2025", " 31/03/2025 ", "03/31/2025", "2025-03-31", "20250331", "31 March 2025", "TBC", "0", "45747",
      true, false, new Date(Date.UTC(2025, 2, 31)), new Date(Number.NaN), { code: "#N/A" }, new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue), [], {},
    ];
    for (const v of values) for (const order of ORDERS) agree(v, order);
    for (const d of everyDay(2024, 2025)) for (const text of [...written(d.year, d.month, d.day).read, ...written(d.year, d.month, d.day).left]) agree(text, "dmy");
    // What a cell can hold as Excel or a file reader passes it.
    const cell = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constantFrom(null, undefined), fc.date().map((d) => new Date(d.getTime())));
    fc.assert(fc.property(cell, fc.constantFrom<DateOrder>("dmy", "mdy"), (v, order) => agree(v, order)), { numRuns: 5_000 });
  });
});

test("isPlaceholderDate is placeholderReason without its words, over every serial to 2120 and a stride beyond", () => {
  const wrong: number[] = [];
  const serials = [...Array.from({ length: 80_000 }, (_, i) => i + 1), ...Array.from({ length: 3_000 }, (_, i) => 80_000 + i * 959), MAX_SERIAL];
  for (const serial of serials) if (isPlaceholderDate(serial) !== (placeholderReason(serial) !== null) && wrong.length < 5) wrong.push(serial);
  expect(wrong).toEqual([]);
});
