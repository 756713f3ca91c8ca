// Registers written by other tools read as Excel's do: Python's openpyxl (with a table and a
// comment, which an earlier reader refused with a leaked JavaScript error), xlsxwriter (shared and
// constant-memory modes), and LibreOffice saving what openpyxl wrote. Each file is written here by
// the tool itself; the cells read must be the ones the tool was given.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { dateToSerial } from "../../src/core/dates";
import { readRegister } from "../../src/cli/readRegister";
import { readXlsx } from "../../src/cli/xlsxRead";
import { cli } from "../helpers/cli";
import { recalculatedCopies, soffice } from "../helpers/libreOffice";
import { hasPythonModule, runPython, withPython } from "../helpers/python";
import { tempFiles } from "../helpers/tempFiles";
import * as XLSX from "xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-writers-"));
const serial = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;

// The register every tool writes: a blank row inside it, text that looks like markup, a line break, an inch mark.
const HEADERS = ["Contract ID", "Supplier", "Start date", "End date", "Annual value", "Notes"];
const CONTRACTS: [string, string, [number, number, number], [number, number, number], number, string | null][] = [
  ["C-001", "Acme & Sons <Ltd>", [2024, 4, 1], [2026, 3, 31], 1200.5, '12" pipes'],
  ["C-002", "Café Nord", [2023, 1, 15], [2025, 12, 31], 0, "line 1\nline 2"],
  ["C-003", "Binco", [2022, 6, 30], [2027, 6, 30], 98765.43, null],
];
const EXPECTED = [
  HEADERS,
  [...CONTRACTS[0].slice(0, 2), serial(...CONTRACTS[0][2]), serial(...CONTRACTS[0][3]), ...CONTRACTS[0].slice(4)],
  [...CONTRACTS[1].slice(0, 2), serial(...CONTRACTS[1][2]), serial(...CONTRACTS[1][3]), ...CONTRACTS[1].slice(4)],
  [],
  [...CONTRACTS[2].slice(0, 2), serial(...CONTRACTS[2][2]), serial(...CONTRACTS[2][3]), CONTRACTS[2][4]],
];

const PYTHON_WRITERS = `
import datetime, json, sys
out, headers, contracts = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
rows = [[c[0], c[1], datetime.date(*c[2]), datetime.date(*c[3]), c[4], c[5]] for c in contracts]
rows.insert(2, None)  # a blank row inside the register
def openpyxl_book():
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.worksheet.table import Table
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Contracts"
    ws.append(headers)
    for r in rows: ws.append(r if r else [])
    for r in range(2, len(rows) + 2):
        for c in (3, 4): ws.cell(r, c).number_format = "dd/mm/yyyy"
        ws.cell(r, 5).number_format = '"£"#,##0.00'
    ws["B2"].comment = Comment("Check the supplier's name", "Contracts team")
    ws.add_table(Table(displayName="Register", ref="A1:F%d" % (len(rows) + 1)))
    wb.save(out + "/openpyxl.xlsx")
def xlsxwriter_book(name, options):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out + "/" + name, options); ws = wb.add_worksheet("Contracts")
    date = wb.add_format({"num_format": "dd/mm/yyyy"}); money = wb.add_format({"num_format": '"£"#,##0.00'})
    ws.write_row(0, 0, headers)
    for i, r in enumerate(rows):
        if not r: continue
        ws.write_string(i + 1, 0, r[0]); ws.write_string(i + 1, 1, r[1])
        ws.write_datetime(i + 1, 2, datetime.datetime.combine(r[2], datetime.time()), date)
        ws.write_datetime(i + 1, 3, datetime.datetime.combine(r[3], datetime.time()), date)
        ws.write_number(i + 1, 4, r[4], money)
        if r[5] is not None: ws.write_string(i + 1, 5, r[5])
    if not options.get("constant_memory"):
        ws.write_comment(1, 1, "Check the supplier's name")
        ws.add_table(0, 0, len(rows), 5, {"name": "Register", "header_row": True, "columns": [{"header": h} for h in headers]})
    wb.close()
which = sys.argv[4]
if which == "openpyxl": openpyxl_book()
if which == "xlsxwriter": xlsxwriter_book("xlsxwriter.xlsx", {})
if which == "xlsxwriter-constant-memory": xlsxwriter_book("xlsxwriter-constant-memory.xlsx", {"constant_memory": True})
`;

/** Writes the register with `writer` (once) and returns its file. */
function write(writer: string): string {
  const file = path.join(dir, `${writer}.xlsx`);
  if (!fs.existsSync(file)) runPython(PYTHON_WRITERS.trimStart(), "", [dir, JSON.stringify(HEADERS), JSON.stringify(CONTRACTS), writer]);
  return file;
}

async function expectReadLikeExcel(file: string): Promise<void> {
  const register = await readRegister(file);
  const rows = register.sheets.get("Contracts");
  expect(rows).toEqual(EXPECTED);
  const formats = register.numberFormats.get("Contracts") ?? [];
  // LibreOffice writes the same pound format as \£#,##0.00.
  expect([formats[1]?.[2], formats[1]?.[3], formats[1]?.[4]]).toEqual(["dd/mm/yyyy", "dd/mm/yyyy", expect.stringMatching(/^(?:"£"|\\£)#,##0\.00$/)]);
  const check = await cli("check", file, "--json");
  expect({ code: check.code, rows: JSON.parse(check.out).rows, counts: JSON.parse(check.out).counts }).toEqual({ code: 0, rows: 3, counts: {} });
  // Beside the register read: LibreOffice's copy has the same name as the file it copied, and convert replaces no file without --force.
  const out = path.join(path.dirname(file), `tracker-of-${path.basename(file)}`);
  const convert = await cli("convert", file, "--out", out, "--as-of", "2025-06-01");
  expect(convert.code).toBe(0);
  expect(convert.out).toMatch(/^Wrote .*: 3 contracts from sheet "Contracts"/);
  // The tracker keeps the note the writer put on the supplier's cell (constant-memory mode writes none).
  const notes = readXlsx(fs.readFileSync(out), { keep: true }).kept?.sheets.get("Contracts")?.notes ?? [];
  if (!file.includes("constant-memory")) expect(notes.map((n) => [n.row, n.column, n.text.trim()])).toEqual([[1, 1, "Check the supplier's name"]]);
}

const openpyxl = withPython("openpyxl");
const xlsxwriter = withPython("xlsxwriter");

openpyxl.test(`openpyxl, with a table, a comment and a blank row${openpyxl.why}`, async () => {
  await expectReadLikeExcel(write("openpyxl"));
}, 60_000);

xlsxwriter.test(`xlsxwriter, with a table and a comment${xlsxwriter.why}`, async () => {
  await expectReadLikeExcel(write("xlsxwriter"));
}, 60_000);

xlsxwriter.test(`xlsxwriter in constant-memory mode (inline strings, rows written as they come)${xlsxwriter.why}`, async () => {
  await expectReadLikeExcel(write("xlsxwriter-constant-memory"));
}, 60_000);

const withBoth = (soffice || process.env.CI) && (hasPythonModule("openpyxl") || process.env.CI) ? test : test.skip;
withBoth(`LibreOffice saving the openpyxl register as .xlsx${soffice ? "" : " (skipped: LibreOffice is not installed)"}`, async () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-writers-lo-"));
  const [saved] = recalculatedCopies([write("openpyxl")], outDir);
  await expectReadLikeExcel(saved);
}, 180_000);

test("a CSV whose every line ends in a comma: the empty last column is no column, and convert adds its own beside the register", async () => {
  const save = tempFiles("ct-writers-csv-", "register");
  const file = save(Buffer.from("Contract ID,Supplier,End date,\r\nC-001,Acme,31/03/2026,\r\n,,,\r\nC-002,Binco,30/04/2026,\r\n"), ".csv");
  const register = await readRegister(file);
  expect([...register.sheets.values()][0]).toEqual([["Contract ID", "Supplier", "End date"], ["C-001", "Acme", "31/03/2026"], ["", "", ""], ["C-002", "Binco", "30/04/2026"]]);
  const convert = await cli("convert", file, "--out", path.join(dir, "trailing-commas.xlsx"), "--as-of", "2025-06-01");
  expect({ code: convert.code, err: convert.err }).toEqual({ code: 0, err: "" });
  expect(convert.out).toMatch(/^Wrote .*: 2 contracts /);
});

test("SheetJS (the xlsx package), with a comment and a blank row: read as Excel's", async () => {
  const file = path.join(dir, "sheetjs.xlsx");
  const money = '"£"#,##0.00';
  const rows: XLSX.CellObject[][] = [
    HEADERS.map((h) => ({ t: "s", v: h })),
    ...CONTRACTS.flatMap(([id, supplier, start, end, value, notes], i) => {
      const line: XLSX.CellObject[] = [
        { t: "s", v: id },
        { t: "s", v: supplier },
        { t: "n", v: serial(...start), z: "dd/mm/yyyy" },
        { t: "n", v: serial(...end), z: "dd/mm/yyyy" },
        { t: "n", v: value, z: money },
        ...(notes === null ? [] : [{ t: "s", v: notes } as XLSX.CellObject]),
      ];
      // A blank row inside the register, after the second contract.
      return i === 1 ? [line, []] : [line];
    }),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const supplier = sheet.B2 as XLSX.CellObject;
  supplier.c = [{ a: "Contracts team", t: "Check the supplier's name" }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Contracts");
  XLSX.writeFile(book, file, { compression: true });
  await expectReadLikeExcel(file);
}, 60_000);
