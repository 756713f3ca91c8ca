import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { attributes, xlsxParts } from "../helpers/xlsxParts";
import { REAL, SHARED_REGISTERS } from "../helpers/registerTruth";

// convert writes a tracker workbook that keeps every value of the register where it was, adds the
// computed columns as formulas with their values, Settings, the AsOf name, RAG colours and drop-downs.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-convert-"));

async function convert(file: string, out: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["convert", file, "--out", out, ...extra], (s) => (stdout += s), (s) => (stderr += s));
  return { code, out: stdout, err: stderr };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

const REGISTER = [
  ["Anytown Council — contract register", "", "", "", "", "", "", "", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["Contract Ref", "Contract title", "Supplier", "Tier", "Start date", "End date", "Notice period", "Extension options", "Annual value"],
  ["AC-001", '=HYPERLINK("http://x","y")', "Binco Ltd", "Gold", "01/04/2022", "31/05/2025", "3 months", "1+1", "£100,000"],
  ["AC-002", "+cmd", "Café Services", "Silver", "01/04/2024", "31/03/2028", "90 days", "", "50,000"],
  ["AC-003", "-2+3", "@SUM(A1)", "Bronze", "01/04/2024", "", "", "none", "N/A"],
  ["AC-004", "  Padded title  ", "<b>Tags</b> & Co", "Gold", "01/04/2024", "31/03/2029", "", "", ""],
];
const csvLine = (cells: string[]): string => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");

describe("a council register with a title block and hostile text", () => {
  const source = path.join(dir, "register.csv");
  const out = path.join(dir, "tracker.xlsx");
  let book: ExcelJS.Workbook;
  let printed: string;

  beforeAll(async () => {
    fs.writeFileSync(source, REGISTER.map(csvLine).join("\r\n"));
    const result = await convert(source, out, "--as-of", "2025-03-31");
    expect(result).toMatchObject({ code: 0, err: "" });
    printed = result.out;
    book = await open(out);
  });

  test("every original value is where it was: text as text, dates as dates, money as amounts", () => {
    const ws = book.getWorksheet("register");
    if (!ws) throw new Error("no register sheet");
    const dates = new Set(["Start date", "End date"]);
    REGISTER.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === "" || (r > 2 && (dates.has(REGISTER[2][c]) || REGISTER[2][c] === "Annual value"))) return;
        expect({ at: `${r + 1},${c + 1}`, value: ws.getCell(r + 1, c + 1).value }).toEqual({ at: `${r + 1},${c + 1}`, value });
      }),
    );
    expect(ws.getCell(4, 2).formula).toBeUndefined();
    expect([ws.getCell("E4").value, ws.getCell("E4").numFmt, ws.getCell("F4").value]).toEqual([new Date(Date.UTC(2022, 3, 1)), "dd/mm/yyyy", new Date(Date.UTC(2025, 4, 31))]);
    expect(["I4", "I5", "I6"].map((a) => [ws.getCell(a).value, ws.getCell(a).numFmt])).toEqual([[100000, "[$£]#,##0.00"], [50000, "#,##0.00"], ["N/A", undefined]]);
  });

  test("the register is the Contracts table, with computed columns as formulas and their values", () => {
    const ws = book.getWorksheet("register");
    if (!ws) throw new Error("no register sheet");
    const table = ws.getTable("Contracts") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe("A3:U7");
    // The table part itself: every column named, and the computed ones are calculated columns, so
    // Excel fills their formulas into rows the user adds later.
    const tableXml = [...xlsxParts(out).entries()].find(([name, xml]) => name.startsWith("xl/tables/") && xml.includes('name="Contracts"'))?.[1] ?? "";
    const headers = attributes(tableXml, "tableColumn", "name");
    expect(headers.slice(0, 9)).toEqual(REGISTER[2]);
    expect(headers.slice(9)).toEqual(["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "Slippage", "KPI attainment", "RAG", "RAG reason", "Escalation level"]);
    expect(tableXml).toContain('<tableColumn id="10" name="Days to expiry"><calculatedColumnFormula>CONTRACT.DAYSTOEXPIRY(Contracts[[#This Row],[End date]],AsOf)</calculatedColumnFormula></tableColumn>');
    expect(tableXml.match(/<calculatedColumnFormula>/g)).toHaveLength(12);
    const cell = (row: number, header: string): ExcelJS.Cell => ws.getCell(row, headers.indexOf(header) + 1);
    expect(cell(4, "Days to expiry").formula).toBe("CONTRACT.DAYSTOEXPIRY(Contracts[[#This Row],[End date]],AsOf)");
    expect(cell(4, "Days to expiry").result).toBe(61);
    // Date-formatted results read back as dates: 28/02/2025 is 31/05/2025 less 3 months.
    expect(cell(4, "Notice date").result).toEqual(new Date(Date.UTC(2025, 1, 28)));
    expect(cell(4, "Notice date").numFmt).toBe("dd/mm/yyyy");
    expect(cell(4, "Final expiry").result).toEqual(new Date(Date.UTC(2026, 4, 31)));
    expect(cell(4, "Phase").result).toBe("Exit");
    expect(cell(4, "RAG").result).toBe("Red");
    expect(cell(4, "RAG reason").result).toBe("Expires in 61 days (red at 90 or fewer); decide-by date passed 571 days ago (red from the notice date)");
    expect(cell(4, "Escalation level").result).toBe(3);
    expect(cell(4, "Slippage").formula).toBe('IF(COUNTIFS(Milestones[Contract ID],Contracts[[#This Row],[Contract Ref]])=0,"",_xlfn.MAXIFS(Milestones[Slippage],Milestones[Contract ID],Contracts[[#This Row],[Contract Ref]]))');
    expect(cell(6, "Days to expiry").result).toBeUndefined();
  });

  test("Settings, the AsOf name, the other tables, RAG colours and the Tier drop-down", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["register", "Settings", "Milestones", "KPIs", "Risks", "Changes", "Escalations"]);
    const settings = book.getWorksheet("Settings");
    if (!settings) throw new Error("no Settings");
    const names = settings.getColumn(1).values as unknown[];
    const asOfRow = names.indexOf("as_of");
    // --as-of 2025-03-31 stays the as-of date after Excel recalculates.
    expect(settings.getCell(asOfRow, 2).formula).toBe("DATE(2025,3,31)");
    expect(settings.getCell(asOfRow, 2).result).toBe(45747);
    expect(book.definedNames.getRanges("AsOf").ranges).toEqual([`Settings!$B$${asOfRow}`]);
    const ws = book.getWorksheet("register");
    if (!ws) throw new Error("no register sheet");
    expect(ws.getCell("D4").dataValidation).toMatchObject({ type: "list", formulae: ['"Gold,Silver,Bronze"'] });
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(formats.map((f) => [f.ref, f.rules.map((r) => r.formulae[0])])).toEqual([
      ["S4:S7", ['NOT(ISERROR(SEARCH("Red",S4)))', 'NOT(ISERROR(SEARCH("Amber",S4)))', 'NOT(ISERROR(SEARCH("Green",S4)))', 'NOT(ISERROR(SEARCH("Unrated",S4)))']],
    ]);
  });

  test("it says what it did", () => {
    expect(printed).toContain("4 contracts from sheet \"register\" as the Contracts table");
    expect(printed).toContain("tables created: Settings, Milestones, KPIs, Risks, Changes, Escalations");
  });
});

test.each(SHARED_REGISTERS)("%s converts and reopens with every row", async (file) => {
  const out = path.join(dir, `${path.basename(file)}.xlsx`);
  const result = await convert(path.join(REAL, file), out, "--as-of", "2025-03-31");
  expect(result.code).toBe(0);
  const book = await open(out);
  const sheet = book.worksheets[0];
  const table = sheet.getTable("Contracts") as unknown as { table: { tableRef: string } };
  const rows = Number(/([\d,]+) contracts/.exec(result.out)?.[1].replace(/,/g, ""));
  const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(table.table.tableRef) ?? [];
  expect(Number(last) - Number(first)).toBe(rows);
}, 120000);

test("convert refuses to write over the register or a non-.xlsx file", async () => {
  const source = path.join(REAL, "act-gov-contracts/act_contracts_2025.csv");
  expect((await convert(source, source)).code).toBe(1);
  const csvOut = await convert(source, path.join(dir, "out.csv"));
  expect(csvOut).toMatchObject({ code: 1, err: expect.stringContaining("--out must name an .xlsx file") });
});
