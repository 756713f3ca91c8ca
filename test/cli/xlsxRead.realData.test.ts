import ExcelJS from "exceljs";
import * as path from "path";
import { readRegister } from "../../src/cli/readRegister";

// The shared .xlsx register holds no dates exceljs would misread (they are text), so on it the
// project's reader must give exactly what exceljs gave: every text, number, error and blank, cell by cell.
const FILE = path.resolve(__dirname, "../../../shared/data/real/uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx");

function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("result" in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return value.text;
  return value;
}

test("the shared Contracts Finder workbook reads cell for cell as exceljs reads it", async () => {
  const book = await readRegister(FILE);
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(FILE);
  const sheet = excel.worksheets[0];
  const expected: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    const cells = Array.from({ length: sheet.columnCount }, (_, c) => plain(r.getCell(c + 1).value));
    // The project's rows end at their last value (a stray far cell must not widen every row).
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    expected[n - 1] = cells;
  });
  const rows = book.sheets.get(sheet.name) ?? [];
  expect(rows).toHaveLength(2961);
  expect(rows).toEqual(expected);
  expect(rows.flat().filter((v) => v === "#N/A").length).toBeGreaterThan(0);
});
