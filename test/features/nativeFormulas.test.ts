// A native tracker's formulas: Excel's own functions only (those LibreOffice 7 and Excel 2019 know),
// the column's formula wherever Excel reads the row's cells as the tracker does, and a row's own
// formula, holding what the tracker read, where the register holds text. LibreOffice proves the
// values in test/cli/nativeTracker.libreoffice.test.ts.
import { dateToSerial } from "../../src/core/dates";
import type { TypedValue } from "../../src/core/normalise";
import { setUpTracker } from "../../src/features/setUpTracker";
import { contractColumns, type RegisterRow } from "../../src/features/trackerFormulas";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { cli } from "../helpers/cli";

const ymd = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const FIELDS = { contractId: "Ref", startDate: "Start", goLiveDate: "Go live", endDate: "End", noticePeriod: "Notice", extensionOptions: "Options", budget: "Budget", spendToDate: "Spent", tier: "Tier" };
const mapping = { fields: Object.fromEntries(Object.entries(FIELDS).map(([key, column], index) => [key, { column, index, confidence: 1 }])) } as never;
const plan = contractColumns(mapping, { milestones: true, kpis: true }, "dmy", "native");
const byHeader = new Map(plan.columns.map((c) => [c.header, c]));

// Functions LibreOffice 7.4 (Debian 12) and Excel 2019 both calculate.
const EVERYWHERE = new Set(["IF", "AND", "OR", "N", "ISNUMBER", "EDATE", "DAY", "MIN", "CHOOSE", "INDEX", "MATCH", "COUNTIFS", "MAXIFS", "MINIFS", "TRIM", "INT", "DATE", "IFERROR", "ISNA"]);
const functionsIn = (formula: string): string[] => [...formula.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);

/** A row whose cells are `cells` and whose values the tracker read are `read` (the same unless given). */
function row(cells: Record<string, CellValue>, read: Record<string, TypedValue> = {}): RegisterRow {
  return { cell: (key) => cells[key] ?? null, read: (key) => (key in read ? read[key] : (cells[key] ?? null)) };
}

test("a native tracker's columns use only functions every spreadsheet calculates, never CONTRACT, LET or XLOOKUP", () => {
  expect(plan.columns.map((c) => c.header)).toEqual(["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "Slippage", "KPI attainment", "Spend variance", "RAG", "Escalation level"]);
  for (const column of plan.columns) {
    expect({ header: column.header, unknown: functionsIn(column.formula).filter((f) => !EVERYWHERE.has(f)) }).toEqual({ header: column.header, unknown: [] });
  }
  // RAG's sentence needs CONTRACT.RAGREASON: said, not silently dropped.
  expect(plan.skipped.map((s) => s.header)).toEqual(["RAG reason"]);
});

test("a row Excel reads as the tracker did keeps the column's formula: date cells, days as a number, blank options, amounts", () => {
  const plain = row({ startDate: ymd(2024, 4, 1), endDate: ymd(2025, 9, 30), noticePeriod: 90, extensionOptions: "", budget: 1000, spendToDate: 500, tier: "Gold" });
  for (const header of ["Days to expiry", "Notice date", "Final expiry", "Phase", "Spend variance"]) {
    expect({ header, own: byHeader.get(header)?.native?.rowFormula(plain) }).toEqual({ header, own: null });
  }
});

test("a row holding text gets its own formula with the value the tracker read, and only those rows", () => {
  const native = (header: string) => byHeader.get(header)?.native;
  // An end date typed as text: read as 30/06/2025 at set-up; the as-of date stays live.
  const textEnd = row({ endDate: "30/06/2025" }, { endDate: ymd(2025, 6, 30) });
  expect(native("Days to expiry")?.rowFormula(textEnd)).toBe("=DATE(2025,6,30)-AsOf");
  expect(native("Days to expiry")?.readAtSetUp(textEnd)).toEqual(["End"]);
  // A notice period in words: the end date cell is still read live; the months are what was read.
  const months = row({ endDate: ymd(2025, 9, 30), noticePeriod: "three months" });
  expect(native("Notice date")?.rowFormula(months)).toMatch(/EDATE\(\[@\[End\]\],-3\)/);
  expect(native("Notice date")?.readAtSetUp(months)).toEqual(["Notice"]);
  // Extension options "1+1" (a year and a year's option) are 12 months from the day after the end; "2 x 12 months" 24.
  expect(native("Final expiry")?.rowFormula(row({ endDate: ymd(2025, 9, 30), extensionOptions: "1+1" }))).toMatch(/EDATE\(\[@\[End\]\]\+1,12\)/);
  expect(native("Final expiry")?.rowFormula(row({ endDate: ymd(2025, 9, 30), extensionOptions: "2 x 12 months" }))).toMatch(/EDATE\(\[@\[End\]\]\+1,24\)/);
  // Unreadable text stays unknown: blank, as the CONTRACT functions give, and as the column's formula
  // gives for text: the row keeps it, so a length typed there later is read.
  expect(native("Final expiry")?.rowFormula(row({ endDate: ymd(2025, 9, 30), extensionOptions: "at the council's discretion" }))).toBeNull();
  // A stand-in end date read from text is no end date: the row shows blank.
  expect(native("Days to expiry")?.rowFormula(row({ endDate: "31/12/2099" }, { endDate: ymd(2099, 12, 31) }))).toBeNull();
  // Money typed as text: the amount read; the spend, a number cell, stays live.
  expect(native("Spend variance")?.rowFormula(row({ budget: "£1,000", spendToDate: 1200 }, { budget: 1000 }))).toMatch(/IF\(\[@\[Spent\]\]>1000,\[@\[Spent\]\]\/1000-1,""\)/);
});

test("set-up in place writes the rows' own formulas, the column's formula elsewhere, and a note naming the columns read", async () => {
  const book = MemoryWorkbook.fromSheets({
    Register: [
      ["Ref", "Supplier", "End", "Notice"],
      ["C1", "Acme", ymd(2025, 9, 30), 90],
      ["C2", "Binco", "31/12/2025", "3 months"],
      ["C3", "Cee", ymd(2026, 1, 31), ""],
    ],
  });
  book.active = "Register";
  const report = await setUpTracker(book, { asOf: ymd(2025, 3, 31), formulas: "native" });
  expect(report.formulas).toBe("native");
  expect(report.readAtSetUp).toEqual([
    { column: "Days to expiry", rows: 1 },
    { column: "Notice date", rows: 1 },
    { column: "Decide by", rows: 1 },
    { column: "Phase", rows: 1 },
  ]);
  const grid = book.sheets.get("Register") ?? [];
  const headers = grid[0].map((c) => c?.value);
  const formulaAt = (r: number, header: string) => grid[r][headers.indexOf(header)]?.formula;
  expect(formulaAt(1, "Days to expiry")).toBe(formulaAt(3, "Days to expiry"));
  expect(formulaAt(2, "Days to expiry")).toBe("=DATE(2025,12,31)-AsOf");
  expect(formulaAt(2, "Notice date")).toBe('=EDATE(DATE(2025,12,31),-3)');
  // The user's cells are as they were.
  expect(grid.slice(1).map((line) => line.slice(0, 4).map((c) => c?.value))).toEqual([
    ["C1", "Acme", ymd(2025, 9, 30), 90],
    ["C2", "Binco", "31/12/2025", "3 months"],
    ["C3", "Cee", ymd(2026, 1, 31), ""],
  ]);
  expect(book.notes.map((n) => [n.column, n.text.split(" when ")[0]])).toEqual([
    ["Days to expiry", '1 row holds what the tracker read from "End"'],
    ["Notice date", '1 row holds what the tracker read from "End", "Notice"'],
    ["Decide by", '1 row holds what the tracker read from "End"'],
    ["Phase", '1 row holds what the tracker read from "End"'],
  ]);
});

test("convert --formulas takes contract or native, for convert only", async () => {
  const bad = await cli("convert", "register.csv", "--out", "t.xlsx", "--formulas", "excel");
  expect([bad.code, bad.err.split("\n")[0]]).toEqual([2, "--formulas is contract (CONTRACT functions, with the add-in) or native (Excel's own formulas)"]);
  const misplaced = await cli("summary", "register.csv", "--formulas", "native");
  expect([misplaced.code, misplaced.err.split("\n")[0]]).toEqual([2, "summary does not take --formulas"]);
});

test("whitespace Excel's TRIM leaves (tab, line break, non-breaking space) gets the row its own formula; spaces alone keep the column's", () => {
  const native = (header: string) => byHeader.get(header)?.native;
  const end = ymd(2025, 5, 31);
  // Spaces alone: TRIM empties them, so the column's formula reads no extension, as the tracker does.
  for (const options of [" ", "   "]) expect(native("Final expiry")?.rowFormula(row({ endDate: end, extensionOptions: options }, { extensionOptions: null }))).toBeNull();
  // Other whitespace is no extension to the tracker, text to TRIM: the row's own formula is the end date.
  for (const options of ["\u00a0", "\t", "\n", " \u00a0 "]) {
    expect(native("Final expiry")?.rowFormula(row({ endDate: end, extensionOptions: options }, { extensionOptions: null }))).toMatch(/^=IF\(.*,\[@\[End\]\],""\)$/);
    expect(native("Final expiry")?.readAtSetUp(row({ endDate: end, extensionOptions: options }, { extensionOptions: null }))).toEqual(["Options"]);
  }
  // A tier TRIM reads as Gold keeps the column's formula; one only the tracker reads as Gold is 3 when Red in its own.
  for (const tier of ["Gold", " gold ", "GOLD", "Silver", "Go ld", "\u00a0Silver"]) expect(native("Escalation level")?.rowFormula(row({ tier }))).toBeNull();
  for (const tier of ["Gold\u00a0", "gold\n", "\tGOLD"]) expect(native("Escalation level")?.rowFormula(row({ tier }))).toBe('=IF([@[RAG]]="Red",3,IF([@[RAG]]="Amber",1,0))');
});

test("every native formula fits Excel's limit of 8,192 characters, even over headers as long as Excel allows (255 characters)", () => {
  // Each reference to a cell repeats its header, and Phase reads three dates several times over.
  const long = (name: string): string => `${name} ${"as recorded in the register ".repeat(10)}`.slice(0, 255);
  const longMapping = { fields: Object.fromEntries(Object.keys(FIELDS).map((key, index) => [key, { column: long(key), index, confidence: 1 }])) } as never;
  const longPlan = contractColumns(longMapping, { milestones: true, kpis: true }, "dmy", "native");
  const textRow = row({ startDate: "01/04/2024", goLiveDate: "01/06/2024", endDate: "30/09/2025", noticePeriod: "3 months", extensionOptions: "1+1", budget: "£1,000", spendToDate: "£900", tier: "Gold\u00a0" }, {
    startDate: ymd(2024, 4, 1), goLiveDate: ymd(2024, 6, 1), endDate: ymd(2025, 9, 30), budget: 1000, spendToDate: 900,
  });
  for (const column of longPlan.columns) {
    const lengths = [column.formula.length, column.native?.rowFormula(textRow)?.length ?? 0];
    expect({ header: column.header, longest: Math.max(...lengths) <= 8192 }).toEqual({ header: column.header, longest: true });
  }
});
