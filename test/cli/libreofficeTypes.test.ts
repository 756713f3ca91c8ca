import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../helpers/csv";
import { run } from "../../src/cli/main";

// A second spreadsheet program opens what convert wrote and finds numbers where the register had
// amounts and dates: SUM over the money column adds up, dates show as dates in the register's
// order, money with its currency. CI installs libreoffice-calc-nogui; elsewhere the test says it was not run.
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
const maybe = soffice || process.env.CI ? test : test.skip;

maybe("LibreOffice adds up a converted money column and shows its dates as dates", async () => {
  if (!soffice) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
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
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  // Recalculate on load instead of trusting the values saved in the file.
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
  );
  const out = path.join(dir, "csv");
  // Cells as shown (formatted: token 9), every sheet (token 12, -1). SUM takes on the format of what it adds.
  const converted = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, ...checks],
    { encoding: "utf8", timeout: 180000 },
  );
  expect(converted.status).toBe(0);
  const sheet = (file: string) => readCsv(path.join(out, file));
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
