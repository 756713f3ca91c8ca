import { describeCell, isBlankCell, readDateCell, readDaysCell, readNumberCell, readTextCell } from "../../src/core/cellValues";

describe("readDateCell", () => {
  test.each([
    [45747, 45747],
    [45747.75, 45747],
    ["31/03/2025", 45747],
    [" 2025-03-31 ", 45747],
    [new Date(Date.UTC(2025, 2, 31)), 45747],
    [20250331, 45747],
    ["20250331", 45747],
  ])("%p is 31/03/2025", (cell, serial) => {
    expect(readDateCell(cell, "dmy")).toEqual({ ok: true, value: serial });
  });
  test.each([[""], ["   "], [null], [undefined], [0]])("%p is not known (blank)", (cell) => {
    expect(readDateCell(cell, "dmy")).toEqual({ ok: true, value: null });
  });
  test.each([
    [-1, "The end date -1 is not a date"],
    [2958466, "The end date 2958466 is after 31/12/9999"],
    [9999999, "The end date 9999999 is after 31/12/9999"],
    [20251301, 'The end date "20251301" is not a real date'],
    [123456789, "The end date 123456789 is after 31/12/9999"],
    [true, "The end date TRUE is not a date"],
    ["soon", 'The end date "soon" is not a date'],
    ["03/31/2025", 'The end date "03/31/2025" has no month 31'],
    [Number.NaN, "The end date NaN is not a date"],
  ])("%p is refused: %s", (cell, message) => {
    const r = readDateCell(cell, "dmy", "end date");
    expect(r.ok ? "" : r.error).toContain(message);
  });
  test("month-first order when the workbook says mdy", () => {
    expect(readDateCell("03/31/2025", "mdy")).toEqual({ ok: true, value: 45747 });
  });
});

describe("readNumberCell and readDaysCell", () => {
  test.each([
    [12, 12], ["12", 12], [" 1,200 ", 1200], ["95%", 0.95], ["-3", -3], ["", null], [null, null],
  ])("%p → %p", (cell, value) => {
    expect(readNumberCell(cell, "value")).toEqual({ ok: true, value });
  });
  test.each([["twelve"], [true], ["12 days"], [Number.POSITIVE_INFINITY]])("%p is refused", (cell) => {
    expect(readNumberCell(cell, "slippage").ok).toBe(false);
  });
  test("days round to the nearest whole day", () => {
    expect(readDaysCell(12.4, "slippage")).toEqual({ ok: true, value: 12 });
    expect(readDaysCell(-0.6, "slippage")).toEqual({ ok: true, value: -1 });
  });
});

test("blank, text and descriptions", () => {
  expect([null, undefined, "", " \t", 0, "0", false].map(isBlankCell)).toEqual([true, true, true, true, false, false, false]);
  expect(readTextCell("  Gold ")).toBe("Gold");
  expect(readTextCell(" ")).toBeNull();
  expect(readTextCell(3)).toBe("3");
  expect(describeCell("x".repeat(80))).toBe(`"${"x".repeat(57)}…"`);
  expect(describeCell(false)).toBe("FALSE");
});
