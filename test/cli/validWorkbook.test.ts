// Hostile registers always convert to a workbook Excel accepts, read back cell for cell and opened
// by LibreOffice: table column names valid and unique while header cells say what the table calls
// them, text that looks like Excel's escapes kept literal, control characters kept, sheet names
// valid, the tracker's sheets beside a register's own Settings and Risks, limits refused up front.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { cellText } from "../../src/cli/xmlText";
import { MAX_COLUMN_NAME, MAX_SHEET_NAME } from "../../src/workbook/excelLimits";
import { headerKey } from "../../src/workbook/tableHeaders";
import { cli } from "../helpers/cli";
import { recalculateInLibreOffice, withLibreOffice } from "../helpers/libreOffice";
import { buildXlsx, row } from "../helpers/xlsxBuild";
import { attributes, xlsxParts } from "../helpers/xlsxParts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-valid-"));
const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]): string => rows.map((r) => r.map(csvField).join(",")).join("\r\n");

const LONG_HEADER = `Comments ${"as recorded by the contract manager at the quarterly review ".repeat(5)}`;
const HEADERS = ["Contract ID", "Supplier", "End date", "Notes", "notes", "", LONG_HEADER, `${LONG_HEADER}(2)`, "2024", "Line\nbreak", "RAG", "Days to expiry", "PO #[1]'s", "Notes"];
// Cell text readers could take for something else: escape look-alikes, control characters, markup, emoji.
const TEXTS = ["_x0041_x0042_", "a\u000Bb\u0001c", "tab\there", "_X005F_", "<b>&amp;</b>", "😀 👩‍👩‍👧 🇬🇧"];
const ROWS = TEXTS.map((text, i) => HEADERS.map((h, c) => (c === 0 ? `C${i + 1}` : c === 2 ? `28/0${i + 1}/2026` : h === "RAG" ? "green" : h === "Days to expiry" ? "3" : text)));
// A file name with an upper-case extension, brackets and an emoji where 31 characters would cut it.
const FILE_NAME = "Contracts [draft] — all sup 😀😀.CSV";

/** The sheet and table parts of a written tracker, by sheet and table name. */
function tablesOf(file: string): { sheet: string; name: string; columns: string[]; calculated: string[]; ref: string }[] {
  const parts = xlsxParts(file);
  const workbook = parts.get("xl/workbook.xml") ?? "";
  const sheets = attributes(workbook, "sheet", "name").map(cellText);
  const out: { sheet: string; name: string; columns: string[]; calculated: string[]; ref: string }[] = [];
  sheets.forEach((sheet, s) => {
    const rels = parts.get(`xl/worksheets/_rels/sheet${s + 1}.xml.rels`) ?? "";
    for (const target of attributes(rels, "Relationship", "Target").filter((t) => t.includes("tables/"))) {
      const xml = parts.get(`xl/${target.replace("../", "")}`) ?? "";
      const columns = attributes(xml, "tableColumn", "name").map(cellText);
      const calculated = [...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"[^/]*?><calculatedColumnFormula>/g)].map((m) => cellText(m[1]));
      out.push({ sheet, name: attributes(xml, "table", "name")[0], columns, calculated, ref: attributes(xml, "table", "ref")[0] });
    }
  });
  return out;
}

const converted: Record<string, string> = {};

beforeAll(async () => {
  const register = path.join(dir, FILE_NAME);
  fs.writeFileSync(register, csv([HEADERS, ...ROWS]));
  converted.hostile = path.join(dir, "hostile.xlsx");
  const result = await cli("convert", register, "--out", converted.hostile, "--formulas", "native", "--as-of", "2025-03-31");
  expect([result.code, result.err]).toEqual([0, ""]);
  converted.hostileOut = result.out;
});

test("header cells show exactly the table's column names, unique, at most 255 characters; renamed ones are said and keep their text in a note", () => {
  const [contracts] = tablesOf(converted.hostile);
  const book = readXlsx(fs.readFileSync(converted.hostile));
  const [sheet] = [...book.sheets.keys()];
  const headers = (book.sheets.get(sheet) ?? [])[0].map((h) => String(h ?? ""));
  expect(contracts.columns).toEqual(headers);
  expect(new Set(headers.map(headerKey)).size).toBe(headers.length);
  expect(headers.every((h) => h.length <= MAX_COLUMN_NAME && h.trim() !== "")).toBe(true);
  // What could be kept is kept: case twins are told apart by a number, the rest as written.
  expect(headers.slice(0, HEADERS.length)).toEqual(["Contract ID", "Supplier", "End date", "Notes", "notes2", "Column6", LONG_HEADER.slice(0, 255), expect.stringMatching(/2$/), "2024", "Line\nbreak", "RAG", "Days to expiry", "PO #[1]'s", "Notes3"]);
  expect(converted.hostileOut).toMatch(/header renamed for the table: "notes" is "notes2"/);
  expect(converted.hostileOut).toMatch(/header renamed for the table: "Notes" is "Notes3"/);
  const comments = xlsxParts(converted.hostile).get("xl/comments1.xml") ?? "";
  expect(comments).toContain("This header said &quot;notes&quot;");
  expect(cellText(comments)).toContain(LONG_HEADER.trim());
});

test("a file's name becomes a valid sheet name: no .CSV, at most 31 characters, no emoji cut, no brackets", () => {
  const [sheet] = [...readXlsx(fs.readFileSync(converted.hostile)).sheets.keys()];
  expect(sheet.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  expect(sheet).not.toMatch(/csv|[[\]:*?/\\]/i);
  expect(Buffer.from(sheet, "utf8").toString("utf8")).toBe(sheet);
  expect(sheet.startsWith("Contracts  draft  — all sup 😀")).toBe(true);
});

withLibreOffice("every cell reads back as written, in our reader and in LibreOffice, and the tracker's formulas work there", () => {
  const book = readXlsx(fs.readFileSync(converted.hostile));
  const [sheet] = [...book.sheets.keys()];
  const written = book.sheets.get(sheet) ?? [];
  const headers = written[0].map(String);
  const textColumn = headers.indexOf("Notes");
  expect(written.slice(1).map((r) => r[textColumn])).toEqual(TEXTS);
  expect(converted.hostileOut).toMatch(/\n {2}10 cells hold control characters XML cannot carry \(first: .*!B3\)/);

  const lo = recalculateInLibreOffice([converted.hostile], { formatted: false })(converted.hostile, sheet);
  const loHeaders = lo[0];
  expect(loHeaders.slice(0, HEADERS.length)).toEqual(headers.slice(0, HEADERS.length));
  expect(lo.slice(1).map((r) => r[textColumn])).toEqual(TEXTS);
  // The register's own RAG and Days to expiry stay as typed; the tracker's are worked out from the end date.
  expect(lo.slice(1).map((r) => r[loHeaders.indexOf("RAG")])).toEqual(TEXTS.map(() => "green"));
  const days = lo.slice(1).map((r) => Number(r[loHeaders.indexOf("Days to expiry (tracker)")]));
  // 28/01/2026 … 28/06/2026 from 31/03/2025.
  expect(days).toEqual([303, 334, 362, 393, 423, 454]);
});

const inline = (r: number, values: readonly string[]): string =>
  row(r, values.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join(""));

describe("a register workbook that has its own Settings, Risks and Milestones sheets", () => {
  const register = path.join(dir, "own-sheets.xlsx");
  const out = path.join(dir, "own-sheets-tracker.xlsx");
  let output = "";
  beforeAll(async () => {
    fs.writeFileSync(
      register,
      buildXlsx({
        sheets: [
          { name: "Register", cells: [inline(1, ["Contract ID", "Supplier", "End date"]), inline(2, ["C1", "Acme", "2025-05-30"]), inline(3, ["C2", "Binco", "2026-03-31"])].join("") },
          // The user's own sheets, named as the tracker's (in any case): they stay exactly as they are.
          { name: "Settings", cells: [inline(1, ["Printer", "Colour"]), inline(2, ["as_of", "not a date"])].join("") },
          { name: "risks", cells: inline(1, ["Our own risk log"]) },
          { name: "MILESTONES", cells: inline(1, ["Our own plan"]) },
        ],
      }),
    );
    const result = await cli("convert", register, "--out", out, "--formulas", "native", "--as-of", "2025-03-31");
    expect([result.code, result.err]).toEqual([0, ""]);
    output = result.out;
  });

  test("the user's sheets are kept as they were, and the tracker's tables go on sheets of their own beside them", () => {
    const book = readXlsx(fs.readFileSync(out));
    expect([...book.sheets.keys()]).toEqual(["Register", "Settings", "risks", "MILESTONES", "Tracker Settings", "Tracker Milestones", "KPIs", "Tracker Risks", "Changes", "Escalations"]);
    expect(book.sheets.get("Settings")).toEqual([["Printer", "Colour"], ["as_of", "not a date"]]);
    expect(book.sheets.get("risks")).toEqual([["Our own risk log"]]);
    const tables = tablesOf(out);
    expect(tables.map((t) => [t.name, t.sheet])).toEqual([
      ["Contracts", "Register"],
      ["Settings", "Tracker Settings"],
      ["Milestones", "Tracker Milestones"],
      ["KPIs", "KPIs"],
      ["Risks", "Tracker Risks"],
      ["Changes", "Changes"],
      ["Escalations", "Escalations"],
    ]);
    // AsOf points into the tracker's Settings, not the user's sheet of that name.
    expect(xlsxParts(out).get("xl/workbook.xml")).toMatch(/<definedName name="AsOf">'Tracker Settings'!\$B\$\d+<\/definedName>/);
    expect(output).toMatch(/tables created: Settings, Milestones, KPIs, Risks, Changes, Escalations/);
  });

  test("Milestones, KPIs and Risks carry their calculated columns though created empty, so a row typed later gets the formula", () => {
    const calculated = Object.fromEntries(tablesOf(out).map((t) => [t.name, t.calculated]));
    expect(calculated.Milestones).toEqual(["Slippage", "RAG"]);
    expect(calculated.KPIs).toEqual(["Attainment", "RAG"]);
    expect(calculated.Risks).toEqual(["Score", "RAG"]);
    // Each empty table keeps one blank data row, as Excel does, for its formulas to live on.
    for (const name of ["Milestones", "KPIs", "Risks"]) expect(tablesOf(out).find((t) => t.name === name)?.ref).toMatch(/^A1:[A-Z]+2$/);
  });

  withLibreOffice("LibreOffice works the tracker out from its own Settings: AsOf and every threshold are found there", () => {
    const lo = recalculateInLibreOffice([out], { formatted: false });
    const sheet = lo(out, "Register");
    const at = (h: string): number => sheet[0].indexOf(h);
    // 60 days to expiry is Red (90 or fewer), 365 Green.
    expect(sheet.slice(1).map((r) => [r[at("Days to expiry")], r[at("RAG")]])).toEqual([
      ["60", "Red"],
      ["365", "Green"],
    ]);
    expect(lo(out, "Settings")).toEqual([["Printer", "Colour"], ["as_of", "not a date"]]);
  });
});

test("the same register converted with the other formula style also carries the empty tables' calculated columns", async () => {
  const register = path.join(dir, "plain.csv");
  const out = path.join(dir, "plain.xlsx");
  fs.writeFileSync(register, csv([["Contract ID", "End date"], ["C1", "30/06/2026"]]));
  expect((await cli("convert", register, "--out", out, "--as-of", "2025-03-31")).code).toBe(0);
  const calculated = Object.fromEntries(tablesOf(out).map((t) => [t.name, t.calculated]));
  expect([calculated.Milestones, calculated.KPIs, calculated.Risks]).toEqual([["Slippage", "RAG"], ["Attainment", "RAG"], ["Score", "RAG"]]);
});

describe("a register that does not fit in an Excel sheet is refused in one line naming the limit, and nothing is written", () => {
  const refused = async (register: string): Promise<string> => {
    const out = register.replace(/\.\w+$/, "-tracker.xlsx");
    const result = await cli("convert", register, "--out", out);
    expect(result.code).toBe(1);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
    return result.err;
  };

  test("a register ending at column XEW: the computed columns would pass XFD, the sheet's last", async () => {
    const register = path.join(dir, "far-right.xlsx");
    const cell = (ref: string, v: string): string => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    // XEW is column 16,377: the register fits, with its 9 computed columns it would need 16,386.
    fs.writeFileSync(register, buildXlsx({ sheets: [{ name: "Register", cells: row(1, cell("XEV1", "Contract ID") + cell("XEW1", "End date")) + row(2, cell("XEV2", "C1") + cell("XEW2", "2026-06-30")) }] }));
    expect(await refused(register)).toBe(`contract-tracker: Sheet "Register" would need 16,386 columns, with the tracker's 9 computed columns: Excel's sheets hold at most 16,384 (remove columns the tracker does not need)\n`);
  });

  test("a cell of more than 32,767 characters", async () => {
    const register = path.join(dir, "long-cell.csv");
    fs.writeFileSync(register, csv([["Contract ID", "End date", "Notes"], ["C1", "30/06/2026", "x".repeat(40_000)]]));
    expect(await refused(register)).toMatch(/^contract-tracker: Cell C2 of sheet "long-cell" holds 40,000 characters: an Excel cell holds at most 32,767, so the tracker is not written/);
  });
});

describe("converting a tracker again changes nothing: same sheets, tables, columns and values", () => {
  /** What a user would compare: each sheet's values, and each table's place, columns and calculated columns. */
  const contents = (file: string): unknown => ({ sheets: [...readXlsx(fs.readFileSync(file)).sheets], tables: tablesOf(file) });

  test.each([
    ["a hostile CSV register (repeated, blank and long headers, its own RAG and Days to expiry)", () => converted.hostile],
    ["a register with its own Settings, Risks and Milestones sheets", () => path.join(dir, "own-sheets-tracker.xlsx")],
  ])("%s", async (_, first) => {
    const once = first();
    const twice = once.replace(/\.xlsx$/, "-again.xlsx");
    const thrice = once.replace(/\.xlsx$/, "-thrice.xlsx");
    const again = await cli("convert", once, "--out", twice, "--formulas", "native", "--as-of", "2025-03-31");
    expect([again.code, again.err]).toEqual([0, ""]);
    expect(again.out).toMatch(/computed columns.*: none\n/);
    expect(again.out).toMatch(/tables created: none/);
    expect(contents(twice)).toEqual(contents(once));
    expect((await cli("convert", twice, "--out", thrice, "--formulas", "native", "--as-of", "2025-03-31")).code).toBe(0);
    expect(contents(thrice)).toEqual(contents(once));
  });
});
