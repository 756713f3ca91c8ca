import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { recalculateInLibreOffice, withLibreOffice } from "../helpers/libreOffice";
import { run } from "../../src/cli/main";

// A second spreadsheet program opens what convert wrote and finds numbers where the register had
// amounts and dates: SUM over the money column adds up, dates show as dates in the register's
// order, money with its currency. CI installs libreoffice-calc-nogui; elsewhere the test says it was not run.
const maybe = withLibreOffice;

maybe("LibreOffice adds up a converted money column and shows its dates as dates", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-types-"));
  const registers = {
    uk: ["Contract ID,Title,End date,Total value", '000123,Cleaning,31/03/2026,"£1,500.50"', "000124,=SUM(A1),2026-04-30,£2000", '000125,Catering,15 May 2026,"£10,000"'],
    us: ["Contract ID,Title,End date,Total value", "A-1,Cleaning,03/25/2026,$100", "A-2,Catering,12/31/2026,$250.25"],
  };
  const checks: string[] = [];
  for (const [name, lines] of Object.entries(registers)) {
    const source = path.join(dir, `${name}.csv`);
    fs.writeFileSync(source, lines.join("\r\n"));
    const tracker = path.join(dir, `${name}-tracker.xlsx`);
    expect(await run(["convert", source, "--out", tracker, "--as-of", "2025-03-31"], () => undefined, () => undefined)).toBe(0);
    // A sheet of formulas over the converted register, as a user would add one.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(tracker);
    const check = book.addWorksheet("Check");
    const rows = lines.length;
    check.getCell("A1").value = { formula: `SUM(${name}!D2:D${rows})` };
    check.getCell("A2").value = { formula: `COUNT(${name}!C2:C${rows})` };
    check.getCell("A3").value = { formula: `MAX(${name}!C2:C${rows})-MIN(${name}!C2:C${rows})` };
    const checked = path.join(dir, `${name}.xlsx`);
    await book.xlsx.writeFile(checked);
    checks.push(checked);
  }
  const shown = recalculateInLibreOffice(checks, { formatted: true });
  const sheet = (file: string) => {
    const [book, name] = file.replace(/\.csv$/, "").split("-");
    return shown(path.join(dir, `${book}.xlsx`), name);
  };
  expect(sheet("uk-Check.csv").map((r) => r[0])).toEqual(["£13,500.50", "3", "45"]);
  expect(sheet("uk-uk.csv").map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
    ["Contract ID", "Title", "End date", "Total value"],
    ["000123", "Cleaning", "31/03/2026", "£1,500.50"],
    ["000124", "=SUM(A1)", "30/04/2026", "£2,000.00"],
    ["000125", "Catering", "15/05/2026", "£10,000.00"],
  ]);
  expect(sheet("us-Check.csv").map((r) => r[0])).toEqual(["US$350.25", "2", "281"]);
  expect(sheet("us-us.csv").slice(1).map((r) => [r[2], r[3]])).toEqual([["03/25/2026", "US$100.00"], ["12/31/2026", "US$250.25"]]);
}, 240000);
