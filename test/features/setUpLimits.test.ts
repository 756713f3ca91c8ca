// Set-up (the add-in's and the command line's) refuses a register that would pass Excel's last row
// or column, before anything is written: the workbook is left exactly as it was.
import { dateToSerial } from "../../src/core/dates";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";

const end = dateToSerial(2026, 6, 30) ?? 0;

/** A sheet whose rows start at a 0-based row: the rows above are holes, not a million empty arrays. */
function sheetFrom(first: number, rows: CellValue[][]): CellValue[][] {
  const sheet: CellValue[][] = [];
  rows.forEach((line, i) => (sheet[first + i] = line));
  return sheet;
}

test.each([
  // Header at row 1,048,570: 7 contracts end at row 1,048,577.
  ["rows", sheetFrom(1_048_569, [["Contract ID", "End date"], ...Array.from({ length: 7 }, (_, i): CellValue[] => [`C${i}`, end])]), /^Sheet "Register" would need 1,048,577 rows: Excel's sheets hold at most 1,048,576/],
  // Register columns to 16,378 and 8 computed ones (no KPIs table: no KPI attainment).
  ["columns", [[...Array.from({ length: 16_376 }, () => null), "Contract ID", "End date"], [...Array.from({ length: 16_376 }, () => null), "C1", end]], /^Sheet "Register" would need 16,386 columns, with the tracker's 8 computed columns: Excel's sheets hold at most 16,384/],
])("past Excel's %s: refused, nothing written", async (_, sheet, message) => {
  const book = MemoryWorkbook.fromSheets({ Register: sheet as CellValue[][] });
  const before = JSON.stringify([...book.sheets]);
  const first = (sheet as CellValue[][]).findIndex((r) => r !== undefined);
  const headers = (sheet as CellValue[][])[first];
  const at = (h: string): number => headers.indexOf(h);
  await expect(
    setUpTracker(book, {
      sheet: "Register",
      mapping: { headerRow: first, fields: { contractId: { column: "Contract ID", index: at("Contract ID"), confidence: 1 }, endDate: { column: "End date", index: at("End date"), confidence: 1 } }, unmapped: [] },
      asOf: end,
      createTables: ["Milestones"],
    }),
  ).rejects.toThrow(message);
  expect([...book.tables.keys(), ...book.names.keys()]).toEqual([]);
  expect(JSON.stringify([...book.sheets])).toBe(before);
});
