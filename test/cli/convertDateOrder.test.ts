import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { readRegister } from "../../src/cli/readRegister";
import { fieldColumns, findRegister, normaliseRegister } from "../../src/cli/register";
import { CONTRACTS } from "../../src/core/schema";
import { workbookDateOrder } from "../../src/core/workbookDateOrder";

// The tracker convert writes agrees with itself: Settings' date_order is the order check read the
// register's dates in, and --as-of is the as-of date the tracker keeps.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-dateorder-"));

const MONTH_FIRST = ["Contract ID,Supplier,Start date,End date,Notice period", "C1,Acme,1/2/2025,1/13/2026,30 days", "C2,Binco,2/1/2025,1/2/2026,", "C3,Cee,3/4/2025,12/11/2026,"].join("\r\n");
const DAY_FIRST = ["Contract ID,Supplier,Start date,End date", "C1,Acme,1/2/2025,13/1/2026", "C2,Binco,2/1/2025,1/2/2026"].join("\r\n");
const AMBIGUOUS = ["Contract ID,Supplier,Start date,End date", "C1,Acme,1/2/2025,3/4/2026"].join("\r\n");

async function convert(csv: string, ...flags: string[]): Promise<{ printed: string; settings: Map<string, ExcelJS.CellValue>; formulas: Map<string, string | undefined>; sheet: ExcelJS.Worksheet }> {
  const source = path.join(dir, `register-${fs.readdirSync(dir).length}.csv`);
  const out = `${source}.xlsx`;
  fs.writeFileSync(source, csv);
  let printed = "";
  let errors = "";
  expect(await run(["convert", source, "--out", out, ...flags], (s) => (printed += s), (s) => (errors += s))).toBe(0);
  expect(errors).toBe("");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const settingsSheet = book.getWorksheet("Settings");
  const register = book.worksheets[0];
  if (!settingsSheet || !register) throw new Error("no Settings");
  const settings = new Map<string, ExcelJS.CellValue>();
  const formulas = new Map<string, string | undefined>();
  settingsSheet.eachRow((row, n) => {
    if (n === 1) return;
    const [, name, value] = row.values as ExcelJS.CellValue[];
    const formula = value !== null && typeof value === "object" && "formula" in value ? value : null;
    settings.set(String(name), formula ? formula.result : value);
    formulas.set(String(name), formula?.formula);
  });
  return { printed, settings, formulas, sheet: register };
}

test("a month-first register gives a month-first tracker: Settings say mdy, and the cached values read 1/13/2026 and 1/2/2026 in January", async () => {
  const { printed, settings, sheet } = await convert(MONTH_FIRST, "--as-of", "2026-01-01");
  expect(settings.get("date_order")).toBe("mdy");
  expect(printed).toContain("date order: month first (mdy), in Settings");
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const days = (row: number): unknown => sheet.getCell(row, headers.indexOf("Days to expiry") + 1).result;
  expect([days(2), days(3), days(4)]).toEqual([12, 1, 344]);
});

test("a day-first register stays day-first; with no date that says, --date-order decides, else day-first", async () => {
  expect((await convert(DAY_FIRST, "--as-of", "2026-01-01")).settings.get("date_order")).toBe("dmy");
  expect((await convert(AMBIGUOUS, "--date-order", "mdy")).settings.get("date_order")).toBe("mdy");
  expect((await convert(AMBIGUOUS)).settings.get("date_order")).toBe("dmy");
  // 1/13/2026 cannot be day-first: the flag does not make Settings contradict the dates.
  expect((await convert(MONTH_FIRST, "--date-order", "dmy")).settings.get("date_order")).toBe("mdy");
});

test.each([
  ["day-first", "dmy", "dd/mm/yyyy", ["25/03/2026", "13/01/2026", "12/31/2026", "05/04/2026"]],
  ["month-first", "mdy", "mm/dd/yyyy", ["03/25/2026", "01/13/2026", "31/12/2026", "04/05/2026"]],
] as const)("a %s register with one date typed the other way: Settings and the computed dates keep the order its dates prove, as check reads it", async (_, order, format, ends) => {
  // Convert types every date its order reads as a date cell; the one it cannot read stays text, and
  // must not decide the order for the rest.
  const csv = ["Contract ID,Supplier,End date,Notice period", ...ends.map((end, i) => `C${i + 1},Supplier ${i},${end},3 months`)].join("\r\n");
  for (const style of [[], ["--formulas", "native"]]) {
    const { printed, settings, sheet } = await convert(csv, "--as-of", "2025-03-31", ...style);
    expect(settings.get("date_order")).toBe(order);
    expect(printed).toContain(`date order: ${order === "mdy" ? "month first (mdy)" : "day first (dmy)"}, in Settings`);
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(sheet.getCell(2, headers.indexOf("Notice date") + 1).numFmt).toBe(format);
  }
});

test("--as-of is written into Settings as that date, for good; without it as_of is =TODAY()", async () => {
  const fixed = await convert(MONTH_FIRST, "--as-of", "2026-01-31");
  expect(fixed.formulas.get("as_of")).toBe("DATE(2026,1,31)");
  expect(fixed.settings.get("as_of")).toBe(46053); // 31/01/2026
  const moving = await convert(MONTH_FIRST);
  expect(moving.formulas.get("as_of")).toBe("TODAY()");
});

test.each(fs.readdirSync(REAL).flatMap((folder) => fs.readdirSync(path.join(REAL, folder)).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => `${folder}/${f}`)))(
  "%s: the order written to Settings is the one check reads its dates in",
  async (file) => {
    const found = findRegister(await readRegister(path.join(REAL, file)));
    const rows = found.rows.slice(found.mapping.headerRow + 1);
    for (const flag of ["dmy", "mdy"] as const) {
      const checked = new Set(Object.values(normaliseRegister(found, flag).dateOrders));
      const written = workbookDateOrder(rows, fieldColumns(found.mapping), CONTRACTS.fields, flag);
      // A register with no mapped date column reads nothing by it: Settings say the flag.
      expect(checked.size === 0 ? [flag] : [...checked]).toEqual([written]);
    }
  },
  120_000,
);
