import { MAPPING_SETTING, setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// A tracker keeps the formulas it was set up in: a later set-up (a column mapped since, a table
// asked for) adds its columns in the same formulas unless told otherwise, so a tracker shared with
// people without the add-in never gains a column that shows them #NAME?.

const REGISTER = [
  ["Ref", "Contract title", "Provider", "Tier", "Commencement", "Expiry", "Notice", "Budget", "Spend to date"],
  ["C1", "Cleaning", "Binco", "Gold", "01/04/2022", "31/05/2027", "3 months", 100000, 120000],
  ["C2", "Catering", "Shine Ltd", "Silver", 45383, 46843, 90, 50000, 1000],
];

const book = (): MemoryWorkbook => MemoryWorkbook.fromSheets({ Register: REGISTER });

/** Each computed column's formulas in the Contracts table, by header. */
function computedFormulas(workbook: MemoryWorkbook, headers: readonly string[]): Record<string, (string | undefined)[]> {
  const table = workbook.snapshot("Contracts");
  return Object.fromEntries(headers.map((h) => [h, table.rows.map((_, r) => workbook.cell(table.sheet, table.row + 1 + r, table.column + table.headers.indexOf(h)).formula)]));
}

test("a native tracker set up again adds the columns it lacked in Excel's own formulas, and says so", async () => {
  const workbook = book();
  const first = await setUpTracker(workbook, { asOf: 45747, formulas: "native", corrections: { noticePeriod: null } });
  expect(first.addedColumns).not.toContain("Notice date");
  expect(JSON.parse((await workbook.loadSetting(MAPPING_SETTING)) ?? "{}")).toMatchObject({ formulas: "native" });

  const again = await setUpTracker(workbook, { asOf: 45747, corrections: { noticePeriod: "Notice" } });
  expect(again.formulas).toBe("native");
  expect(again.addedColumns).toEqual(["Notice date", "Days to notice"]);
  for (const [header, formulas] of Object.entries(computedFormulas(workbook, [...first.addedColumns, ...again.addedColumns]))) {
    for (const formula of formulas) expect({ header, formula }).toEqual({ header, formula: expect.not.stringContaining("CONTRACT.") });
  }
  // C1's "3 months" is text Excel's formulas cannot read: its row holds the value read at set-up, and the column's note says so.
  expect(again.readAtSetUp).toContainEqual({ column: "Notice date", rows: 1 });
  expect(workbook.notes.map((n) => n.column)).toContain("Notice date");
});

test("a CONTRACT tracker set up again stays in CONTRACT functions, its saved mapping as before", async () => {
  const workbook = book();
  await setUpTracker(workbook, { asOf: 45747, corrections: { noticePeriod: null } });
  const saved = await workbook.loadSetting(MAPPING_SETTING);
  expect(JSON.parse(saved ?? "{}")).not.toHaveProperty("formulas");
  const again = await setUpTracker(workbook, { asOf: 45747, corrections: { noticePeriod: "Notice" } });
  expect(again.formulas).toBe("contract");
  expect(computedFormulas(workbook, ["Notice date"])["Notice date"]).toEqual([expect.stringMatching(/^=CONTRACT\.NOTICEDATE\(/), expect.stringMatching(/^=CONTRACT\.NOTICEDATE\(/)]);
  expect(JSON.parse((await workbook.loadSetting(MAPPING_SETTING)) ?? "{}")).not.toHaveProperty("formulas");
});

test("a native tracker run again with nothing to add changes nothing", async () => {
  const workbook = book();
  await setUpTracker(workbook, { asOf: 45747, formulas: "native" });
  const again = await setUpTracker(workbook, { asOf: 45747 });
  expect(again).toMatchObject({ unchanged: true, formulas: "native", addedColumns: [] });
});
