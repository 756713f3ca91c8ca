import { addMonths, dateToSerial, daysInMonth, serialToDate } from "../../../src/core/dates";
import { finalExpiry, noticeDate } from "../../../src/core/rules/expiry";

// An extension of N months is a further term from the day after the current end to the day before
// the same date N months on. Checked over every day of 2023–2029 (two leap days among them).
const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? NaN;
const FIRST = d(2023, 1, 1);
const LAST = d(2029, 12, 31);
const isMonthEnd = (serial: number): boolean => {
  const date = serialToDate(serial);
  return date !== null && date.day === daysInMonth(date.year, date.month);
};

describe("finalExpiry: an extension runs from the day after the end", () => {
  test.each([1, 3, 6, 12, 24])("every day of 2023–2029 extended by %i months", (months) => {
    for (let end = FIRST; end <= LAST; end++) {
      const result = finalExpiry(end, { months, days: 0 });
      if (!result.ok) throw new Error(result.error);
      const from = serialToDate(end);
      const to = serialToDate(result.value);
      if (!from || !to) throw new Error("not a date");
      // A month end lands on a month end, N months later …
      if (isMonthEnd(end)) expect({ end: from, to, monthEnd: isMonthEnd(result.value) }).toEqual({ end: from, to, monthEnd: true });
      // … any other day keeps its day of the month, as EDATE does (the day before the next day, N months on).
      else expect({ end: from, to }).toEqual({ end: from, to: serialToDate((addMonths(end, months) as { value: number }).value) });
      // Either way it is N months on: the months between agree.
      expect((to.year - from.year) * 12 + to.month - from.month).toBe(months);
    }
  });

  test("the cases a contract manager would check by hand", () => {
    const ext = (end: number, months: number, days = 0): number => {
      const r = finalExpiry(end, { months, days });
      return r.ok ? r.value : NaN;
    };
    expect(ext(d(2025, 9, 30), 3)).toBe(d(2025, 12, 31));
    expect(ext(d(2025, 6, 30), 6)).toBe(d(2025, 12, 31));
    expect(ext(d(2027, 2, 28), 12)).toBe(d(2028, 2, 29));
    expect(ext(d(2028, 2, 29), 12)).toBe(d(2029, 2, 28));
    expect(ext(d(2025, 4, 30), 1)).toBe(d(2025, 5, 31));
    expect(ext(d(2025, 3, 15), 1)).toBe(d(2025, 4, 15));
    expect(ext(d(2025, 3, 31), 0, 90)).toBe(d(2025, 6, 29));
    expect(finalExpiry(d(9999, 6, 30), { months: 12, days: 0 }).ok).toBe(false);
  });
});

describe("noticeDate keeps EDATE: never later than the last day notice can be given", () => {
  // A notice period runs from the day after notice is given to the corresponding date N months on
  // (Dodds v Walker), or the month's last day where it has none: the last day to give it is the
  // latest day whose period runs out by the end date. EDATE back from the end date is that day, or
  // at a month end a little earlier.
  test("every day of 2023–2029, notice periods of 1, 3, 6 and 12 months", () => {
    for (let end = FIRST; end <= LAST; end++) {
      for (const months of [1, 3, 6, 12]) {
        const notice = noticeDate(end, { unit: "months", amount: months });
        if (!notice.ok) throw new Error(notice.error);
        let lastDay = end;
        while ((addMonths(lastDay, months) as { value: number }).value > end) lastDay--;
        // Never later than that day; earlier only when the end date is a month's last day (from 31/01,
        // a month's notice runs out on 28/02), and then by three days at most: on the safe side.
        const early = lastDay - notice.value;
        expect({ end, months, early: early === 0 || (isMonthEnd(end) && early > 0 && early <= 3) }).toEqual({ end, months, early: true });
      }
    }
  });
});
