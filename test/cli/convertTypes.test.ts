import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { readRegister } from "../../src/cli/readRegister";
import { buildXlsx, row } from "../helpers/xlsxBuild";
import { attributes, xlsxParts } from "../helpers/xlsxParts";

// convert writes what the register holds as numbers, dates, money and TRUE/FALSE as typed cells with
// number formats (SUM, sorting and filters work in the tracker), and text as text, exactly.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-convert-types-"));

async function convert(source: string, ...extra: string[]): Promise<ExcelJS.Worksheet> {
  const out = path.join(dir, `${path.basename(source)}.xlsx`);
  let err = "";
  const code = await run(["convert", source, "--out", out, "--as-of", "2025-03-31", ...extra], () => undefined, (s) => (err += s));
  expect({ code, err }).toEqual({ code: 0, err: "" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  return book.worksheets[0];
}

const csv = (name: string, lines: string[]): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\r\n"));
  return file;
};

/** Each cell of a column below the header: its value as exceljs reads it and its number format. */
function column(ws: ExcelJS.Worksheet, header: string): [unknown, string | undefined][] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const c = headers.indexOf(header) + 1;
  if (c === 0) throw new Error(`no column ${header}`);
  const cells: [unknown, string | undefined][] = [];
  for (let r = 2; r <= ws.rowCount; r++) cells.push(shown(ws.getCell(r, c)));
  return cells;
}

/** A cell's value (a computed column's: the value it was saved with) and number format. */
function shown({ value, numFmt }: ExcelJS.Cell): [unknown, string | undefined] {
  return [value !== null && typeof value === "object" && "formula" in value ? value.result : value, numFmt || undefined];
}

const day = (y: number, m: number, d: number, h = 0, min = 0, s = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min, s));

describe("a CSV register: every kind of value a register writes as text", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await convert(
      csv("types.csv", [
        "Contract ID,Title,Start date,End date,Total value,Annual value,Attachments,Units,Supplier ID,Notes",
        '000123,=SUM(A1),2025-09-15,31/03/2026,"£1,500","1.234.567,89 €",True,58665.0,00002065,see file',
        '000124,+cmd,2024-01-02,TBC,"USD 1,200",€12,False,12,FC012665,12345',
        "000125,-2+3,15 March 2026,2027-12-31T23:59:59Z,(3728),,false,-3.5,,pending",
        "000126,@x,45383,01/05/2026,lots,€3,TRUE,7,,renewal",
      ]),
    );
  });

  test("IDs keep their zeros and hostile titles stay text", () => {
    expect(column(ws, "Contract ID")).toEqual([["000123", undefined], ["000124", undefined], ["000125", undefined], ["000126", undefined]]);
    expect(column(ws, "Title").map(([v]) => v)).toEqual(["=SUM(A1)", "+cmd", "-2+3", "@x"]);
    expect(ws.getCell("B2").formula).toBeUndefined();
    expect(column(ws, "Supplier ID").map(([v]) => v)).toEqual(["00002065", "FC012665", null, null]);
    // One number among notes stays the text it was.
    expect(column(ws, "Notes").map(([v]) => v)).toEqual(["see file", "12345", "pending", "renewal"]);
  });

  test("dates are dates in the register's order, with the time where one was written; what is not a date stays as written", () => {
    expect(column(ws, "Start date")).toEqual([[day(2025, 9, 15), "dd/mm/yyyy"], [day(2024, 1, 2), "dd/mm/yyyy"], [day(2026, 3, 15), "dd/mm/yyyy"], [day(2024, 4, 1), "dd/mm/yyyy"]]);
    expect(column(ws, "End date")).toEqual([[day(2026, 3, 31), "dd/mm/yyyy"], ["TBC", undefined], [day(2027, 12, 31, 23, 59, 59), "dd/mm/yyyy hh:mm:ss"], [day(2026, 5, 1), "dd/mm/yyyy"]]);
  });

  test("money is an amount in its currency's format; unreadable money stays as written, never 0", () => {
    expect(column(ws, "Total value")).toEqual([[1500, "[$£]#,##0.00"], [1200, "[$US$]#,##0.00"], [-3728, "#,##0.00"], ["lots", undefined]]);
    expect(column(ws, "Annual value")).toEqual([[1234567.89, "[$€]#,##0.00"], [12, "[$€]#,##0.00"], [null, undefined], [3, "[$€]#,##0.00"]]);
  });

  test("TRUE/FALSE are booleans and plain numbers are numbers", () => {
    expect(column(ws, "Attachments").map(([v]) => v)).toEqual([true, false, false, true]);
    expect(column(ws, "Units")).toEqual([[58665, undefined], [12, undefined], [-3.5, undefined], [7, undefined]]);
  });
});

test("a month-first register's dates, and the dates the tracker computes, show month first", async () => {
  const ws = await convert(
    csv("us.csv", ["Contract ID,End date,Notice period,Total value", "A-1,03/25/2026,90 days,$5000", "A-2,12/31/2026,3 months,$250.50", "A-3,1/2/2027,,$10"]),
  );
  expect(column(ws, "End date")).toEqual([[day(2026, 3, 25), "mm/dd/yyyy"], [day(2026, 12, 31), "mm/dd/yyyy"], [day(2027, 1, 2), "mm/dd/yyyy"]]);
  expect(column(ws, "Notice date")[0]).toEqual([day(2025, 12, 25), "mm/dd/yyyy"]);
  expect(column(ws, "Total value").map(([, f]) => f)).toEqual(["[$US$]#,##0.00", "[$US$]#,##0.00", "[$US$]#,##0.00"]);
});

test("an .xlsx register keeps every cell's number format; its text dates become dates", async () => {
  const file = path.join(dir, "formats.xlsx");
  const text = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  fs.writeFileSync(
    file,
    buildXlsx({
      sheets: [
        {
          name: "Register",
          cells: [
            row(1, text("A1", "Contract ID") + text("B1", "End date") + text("C1", "Start date") + text("D1", "Total value") + text("E1", "Share")),
            row(2, text("A2", "C-1") + '<c r="B2" s="1"><v>46112</v></c><c r="C2" s="2"><v>45383</v></c><c r="D2" s="3"><v>1500</v></c><c r="E2" s="4"><v>0.25</v></c>'),
            row(3, text("A3", "C-2") + text("B3", "31/12/2026") + '<c r="C3" s="2"><v>45384</v></c><c r="D3" s="5"><v>2000.5</v></c><c r="E3" s="4"><v>0.5</v></c>'),
          ].join(""),
        },
      ],
      numFmts: { 164: "d-mmm-yy", 165: '"£"#,##0.00', 166: "[$€-x-euro2] #,##0.00" },
      cellXfs: [0, 164, 14, 165, 9, 166],
    }),
  );
  const ws = await convert(file);
  expect(column(ws, "End date")).toEqual([[day(2026, 3, 31), "d-mmm-yy"], [day(2026, 12, 31), "dd/mm/yyyy"]]);
  expect(column(ws, "Start date")).toEqual([[day(2024, 4, 1), "mm-dd-yy"], [day(2024, 4, 2), "mm-dd-yy"]]);
  expect(column(ws, "Total value")).toEqual([[1500, '"£"#,##0.00'], [2000.5, "[$€-x-euro2] #,##0.00"]]);
  expect(column(ws, "Share")).toEqual([[0.25, "0%"], [0.5, "0%"]]);
  // Built-in formats are written by their ids (14, the short date Excel shows in the reader's own
  // order; 15, d-mmm-yy; 9, 0%), the others once each as the workbook's own.
  const styles = xlsxParts(path.join(dir, "formats.xlsx.xlsx")).get("xl/styles.xml") ?? "";
  expect(attributes(styles, "numFmt", "formatCode").sort()).toEqual(["&quot;£&quot;#,##0.00", "[$€-x-euro2] #,##0.00", "dd/mm/yyyy"]);
  expect(attributes(styles, "xf", "numFmtId")).toEqual(expect.arrayContaining(["14", "15", "9"]));
});

test("a real register (ACT): amounts add up, dates sort, TRUE/FALSE filter, contract numbers stay as written", async () => {
  const ws = await convert(path.join(REAL, "act-gov-contracts/act_contracts_2025.csv"));
  const cells = (header: string) => column(ws, header);
  expect(cells("amount").slice(0, 2)).toEqual([[58665, "#,##0.00"], [216150, "#,##0.00"]]);
  expect(cells("amount").every(([v]) => typeof v === "number")).toBe(true);
  expect(cells("execution_date")[0]).toEqual([day(2025, 9, 15), "dd/mm/yyyy"]);
  expect(cells("expiry_date").every(([v]) => v instanceof Date)).toBe(true);
  expect(cells("has_attachments").every(([v]) => v === false)).toBe(true);
  expect(cells("contract_number")[0]).toEqual(["19009", undefined]);
}, 60_000);

test("the currency a register wrote survives convert: the summary of the tracker says it as the register's did", async () => {
  const source = csv("currencies.csv", ["Contract ID,Title,End date,Total value", 'C-1,Cleaning,30/04/2025,"£1,200,000"', 'C-2,Catering,31/05/2025,"£34,567"', "C-3,Security,31/05/2025,€500"]);
  const tracker = path.join(dir, "currencies-tracker.xlsx");
  const valueLine = async (file: string): Promise<string> => {
    let out = "";
    expect(await run(["summary", file, "--as-of", "2025-03-31"], (s) => (out += s), () => undefined)).toBe(0);
    return out.split("\n").find((l) => l.startsWith("Value at risk")) ?? "";
  };
  expect(await run(["convert", source, "--out", tracker, "--as-of", "2025-03-31"], () => undefined, () => undefined)).toBe(0);
  expect(await valueLine(source)).toBe("Value at risk: £1,234,567 + €500: the whole-life value of the 3 contracts at level 2 or 3.");
  expect(await valueLine(tracker)).toBe("Value at risk: £1,234,567 + €500: the whole-life value of the 3 contracts at level 2 or 3.");
});

test("every character of a title comes back from the tracker: control characters and text that looks like Excel's _xHHHH_ escapes", async () => {
  const titles = ["Tab\there", "Vertical\u000Btab", "Bell\u0007 and \u001F", "Literal _x0041_ stays", "Under_x005F_score", "Line\nbreak"];
  // Among a register's ordinary rows: a file that is mostly control characters is refused as binary.
  const ordinary = Array.from({ length: 50 }, (_, i) => `D-${i + 1},Grounds maintenance lot ${i + 1},31/03/2028`);
  const source = csv("control.csv", ["Contract ID,Title,End date", ...titles.map((t, i) => `C-${i + 1},"${t}",31/03/2027`), ...ordinary]);
  const out = path.join(dir, "control.xlsx");
  let err = "";
  const code = await run(["convert", source, "--out", out, "--as-of", "2025-03-31"], () => undefined, (s) => (err += s));
  expect({ code, err }).toEqual({ code: 0, err: "" });
  const read = await readRegister(out);
  const sheet = read.sheets.get("control") ?? [];
  expect(sheet.slice(1, 1 + titles.length).map((r) => r[1])).toEqual(titles);
});

test("an .xlsx register's date cells at serials 0 to 60 are all kept by convert, each the day Excel shows", async () => {
  const file = path.join(dir, "early.xlsx");
  const text = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const serials = Array.from({ length: 61 }, (_, i) => i);
  const rows = serials.map((s, i) => row(i + 2, text(`A${i + 2}`, `C-${s}`) + `<c r="B${i + 2}" s="1"><v>${s}</v></c>`));
  fs.writeFileSync(file, buildXlsx({ sheets: [{ name: "Register", cells: row(1, text("A1", "Contract ID") + text("B1", "End date")) + rows.join("") }], cellXfs: [0, 14] }));
  const out = path.join(dir, "early-tracker.xlsx");
  expect(await run(["convert", file, "--out", out, "--as-of", "2025-03-31"], () => undefined, () => undefined)).toBe(0);
  // Read back as stored: the serial and its date format in every cell, serial 0 and 1 included.
  const back = await readRegister(out);
  const register = back.sheets.get("Register") ?? [];
  expect(register.slice(1, 62).map((r) => r[1])).toEqual(serials);
  const formats = back.numberFormats.get("Register") ?? [];
  expect(formats.slice(1, 62).every((r) => r?.[1] === "mm-dd-yy")).toBe(true);
});
