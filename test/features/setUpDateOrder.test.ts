import { setUpTracker } from "../../src/features/setUpTracker";
import type { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// The tracker set-up writes says how its own text dates read: Settings' date_order is the order
// the register's dates need, so the CONTRACT functions read 1/2/2026 as check and summary did.

const HEADERS = ["Contract ID", "Supplier", "Start date", "End date"];
const register = (...rows: CellValue[][]): MemoryWorkbook => MemoryWorkbook.fromSheets({ Register: [HEADERS, ...rows] });
const setting = (book: MemoryWorkbook, name: string): { value: CellValue; formula?: string } | undefined => {
  const line = book.sheets.get("Settings")?.find((cells) => cells[0]?.value === name);
  return line?.[1];
};
const dateOrderOf = (book: MemoryWorkbook): CellValue | undefined => setting(book, "date_order")?.value;

test("inside Excel the wizard has no flag: the register's dates decide the order written to Settings", async () => {
  const monthFirst = register(["C1", "Acme", "1/2/2025", "1/13/2026"], ["C2", "Binco", "2/1/2025", "1/2/2026"]);
  const report = await setUpTracker(monthFirst, { asOf: 46023 });
  expect(dateOrderOf(monthFirst)).toBe("mdy");
  expect(report.dateOrder).toBe("mdy");
  // The cached values were worked out the same way: 1/2/2026 is 2 January, 1/13/2026 is 13 January.
  const days = (row: number): CellValue => monthFirst.sheets.get("Register")?.[row]?.[HEADERS.length]?.value ?? null;
  expect([days(1), days(2)]).toEqual([12, 1]);
  expect(report.issues).toEqual([]);

  const dayFirst = register(["C1", "Acme", "1/2/2025", "13/1/2026"]);
  expect((await setUpTracker(dayFirst, { asOf: 46023 })).dateOrder).toBe("dmy");
  expect(dateOrderOf(dayFirst)).toBe("dmy");
});

test("when no date says, the flag decides, else the default; a date that proves an order outranks the flag, as in check", async () => {
  const ambiguous = (): MemoryWorkbook => register(["C1", "Acme", "1/2/2025", "3/4/2026"], ["C2", "Binco", 45000, "2026-05-06"]);
  const flagged = ambiguous();
  await setUpTracker(flagged, { asOf: 46023, dateOrder: "mdy" });
  expect(dateOrderOf(flagged)).toBe("mdy");
  const plain = ambiguous();
  await setUpTracker(plain, { asOf: 46023 });
  expect(dateOrderOf(plain)).toBe("dmy");
  // 1/13/2026 cannot be day-first: Settings saying dmy would turn it into #VALUE! at the first recalculation.
  const contradicted = register(["C1", "Acme", "1/2/2025", "1/13/2026"]);
  const report = await setUpTracker(contradicted, { asOf: 46023, dateOrder: "dmy" });
  expect(dateOrderOf(contradicted)).toBe("mdy");
  expect(report.issues.filter((i) => i.problem === "unparseable-date")).toEqual([]);
});

test("run again on a month-first tracker, set-up reads ambiguous dates by its Settings, and leaves Settings alone", async () => {
  const book = register(["C1", "Acme", "1/2/2025", "1/13/2026"]);
  await setUpTracker(book, { asOf: 46023 });
  // The proving row is gone; what is left reads either way, and the workbook says month first.
  const row = book.sheets.get("Register")?.[1];
  if (!row) throw new Error("no row");
  row[3].value = "2/1/2026";
  const second = await setUpTracker(book, { asOf: 46023 });
  expect(second.dateOrder).toBe("mdy");
  expect(dateOrderOf(book)).toBe("mdy");
  // The user's own choice in Settings is theirs: set-up run again reports it and does not rewrite it.
  await book.updateTableCells("Settings", [{ row: book.snapshot("Settings").rows.findIndex((r) => r[0] === "date_order"), column: "Value", value: "dmy" }]);
  const third = await setUpTracker(book, { asOf: 46023 });
  expect([third.dateOrder, dateOrderOf(book), third.unchanged]).toEqual(["dmy", "dmy", true]);
});

test("a fixed as-of date is written as =DATE(y,m,d), readable in any locale; otherwise as_of is =TODAY()", async () => {
  const fixed = register(["C1", "Acme", "1/2/2025", "1/13/2026"]);
  await setUpTracker(fixed, { asOf: 46053, fixedAsOf: true });
  expect(setting(fixed, "as_of")).toEqual({ value: 46053, formula: "=DATE(2026,1,31)" });
  // 29 February 1900 (serial 60) is Excel's own fiction: DATE(1900,2,29) gives it back.
  const leap = register(["C1", "Acme", "", ""]);
  await setUpTracker(leap, { asOf: 60, fixedAsOf: true });
  expect(setting(leap, "as_of")?.formula).toBe("=DATE(1900,2,29)");
  const moving = register(["C1", "Acme", "1/2/2025", "1/13/2026"]);
  await setUpTracker(moving, { asOf: 46053 });
  expect(setting(moving, "as_of")).toEqual({ value: 46053, formula: "=TODAY()" });
});
