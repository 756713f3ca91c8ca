import ExcelJS from "exceljs";

/** A sheet's cell values as exceljs gives them (Dates, numbers, text); rich text and formulas flattened. */
export async function readXlsxSheet(path: string, sheet?: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = sheet ? book.getWorksheet(sheet) : book.worksheets[0];
  if (!ws) throw new Error(`${path} has no sheet ${sheet ?? "at all"}`);
  const rows: unknown[][] = [];
  const columnCount = ws.columnCount; // computed over every row each time it is read
  ws.eachRow({ includeEmpty: true }, (row, number) => {
    const values: unknown[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const v = row.getCell(c).value;
      if (v && typeof v === "object" && !(v instanceof Date)) {
        if ("richText" in v) values.push(v.richText.map((r) => r.text).join(""));
        else if ("result" in v) values.push(v.result ?? null);
        else if ("text" in v) values.push(v.text);
        else values.push(String(v));
      } else values.push(v ?? null);
    }
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}
