/**
 * A native tracker's computed columns through the Office adapter over the fake Excel: each column
 * is one calculated formula, the rows Excel's formulas cannot read get their own formula on top,
 * the column's header cell gets its note (an Excel note, else a threaded comment, else none), the
 * user's cells stay as they were, and a 100,000-row register goes in trips under Excel on the web's limit.
 */
import { setUpTracker } from "../../src/features/setUpTracker";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, ComputedColumn } from "../../src/workbook/port";
import { BIG_HEADERS, bigRegister } from "../helpers/bigRegister";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../helpers/fakeExcel";
import { columnLetters } from "../helpers/fakeExcel/cells";
import { randomFrom } from "../helpers/standardLayouts";
import { countTripsByCall } from "../helpers/tripCounter";
import { REGISTER } from "./portBehaviour";

const DAYS = '=IF(N([@[End date]])>0,[@[End date]]-AsOf,"")';
const OWN = '=IF(TRUE,DATE(2099,12,31)-AsOf,"")';
const NOTE = '1 row holds what the tracker read from "End date" when it was set up.';
const PHASE = '=IF([@[End date]]="","",IF([@[End date]]<AsOf,"Expired","Delivery"))';

/** The register as REGISTER lays it out, made the Contracts table (A3:E6), on an Excel supporting `apiVersion`. */
async function registerIn(apiVersion: string): Promise<{ excel: FakeExcel; book: ExcelWorkbook }> {
  const excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  excel.apiVersion = apiVersion;
  const book = new ExcelWorkbook(excel.run, { supports: excel.supports });
  await book.convertToTable("Contracts", "Register", 2, 0, 4, 5);
  excel.clearLog();
  return { excel, book };
}

const COLUMNS: ComputedColumn[] = [
  { header: "Days to expiry", formula: DAYS, rowFormulas: [null, null, OWN], note: NOTE },
  { header: "Phase", formula: PHASE },
];

describe("a computed column with rows of their own, on an Excel with notes (ExcelApi 1.18)", () => {
  test("the rows' own formulas land in their cells, the other rows keep the column's, the note is on the header cell, the user's cells are as they were", async () => {
    const { excel, book } = await registerIn("1.18");
    const before = excel.values("Register", "A1:E6");
    await book.appendComputedColumns("Contracts", COLUMNS);
    expect(excel.tableAddress("Contracts")).toBe("A3:G6");
    expect(["F4", "F5", "F6"].map((a) => excel.cell("Register", a).formula)).toEqual([DAYS, DAYS, OWN]);
    expect(["G4", "G5", "G6"].map((a) => excel.cell("Register", a).formula)).toEqual([PHASE, PHASE, PHASE]);
    expect(excel.notes("Register")).toEqual({ F3: NOTE });
    expect(excel.comments("Register")).toEqual({});
    expect(excel.values("Register", "A1:E6")).toEqual(before);
    // Look, write the columns with their rows, look for a note already there, add the note.
    expect(excel.trips).toBe(4);
    expect(excel.syncLog.filter((s) => s.error)).toEqual([]);
  });

  test("a note the user left on the empty cell a new column takes stays, and ours is left out", async () => {
    const { excel, book } = await registerIn("1.18");
    excel.sheet("Register").notes.set("2,5", { row: 2, column: 5, content: "Ask finance about this column" });
    await book.appendComputedColumns("Contracts", COLUMNS);
    expect(excel.notes("Register")).toEqual({ F3: "Ask finance about this column" });
    expect(excel.cell("Register", "F6").formula).toBe(OWN);
  });

  test("columns with no row of their own and no note take the trips they always did", async () => {
    const { excel, book } = await registerIn("1.18");
    await book.appendComputedColumns("Contracts", [{ header: "Phase", formula: PHASE }]);
    expect(excel.trips).toBe(2);
    expect(excel.notes("Register")).toEqual({});
  });

  test("formulas for rows the table does not have are refused before anything is written", async () => {
    const { excel, book } = await registerIn("1.18");
    const before = excel.values("Register", "A1:H8");
    await expect(book.appendComputedColumns("Contracts", [{ header: "Days to expiry", formula: DAYS, rowFormulas: [null, null, null, OWN] }])).rejects.toThrow(
      'The column "Days to expiry" has formulas for 4 rows; the table has 3',
    );
    expect(excel.tableAddress("Contracts")).toBe("A3:E6");
    expect(excel.values("Register", "A1:H8")).toEqual(before);
  });
});

describe("older Excel", () => {
  test("with threaded comments only (ExcelApi 1.10) the note is a comment on the header cell", async () => {
    const { excel, book } = await registerIn("1.10");
    await book.appendComputedColumns("Contracts", COLUMNS);
    expect(excel.comments("Register")).toEqual({ F3: NOTE });
    expect(excel.notes("Register")).toEqual({});
    expect(excel.cell("Register", "F6").formula).toBe(OWN);
    expect(excel.syncLog.filter((s) => s.error)).toEqual([]);
  });

  test("a comment Excel refuses (the user's thread on that cell) leaves the columns complete and the user's comment as it was", async () => {
    const { excel, book } = await registerIn("1.10");
    excel.sheet("Register").comments.set("2,5", { row: 2, column: 5, content: "Ask finance" });
    await book.appendComputedColumns("Contracts", COLUMNS);
    expect(excel.comments("Register")).toEqual({ F3: "Ask finance" });
    expect(["F4", "F5", "F6", "G6"].map((a) => excel.cell("Register", a).formula)).toEqual([DAYS, DAYS, OWN, PHASE]);
  });

  test("with neither (ExcelApi 1.9) the columns and their rows are written, no note is tried, and no trip fails", async () => {
    const { excel, book } = await registerIn("1.9");
    await book.appendComputedColumns("Contracts", COLUMNS);
    expect(["F4", "F6"].map((a) => excel.cell("Register", a).formula)).toEqual([DAYS, OWN]);
    expect(excel.notes("Register")).toEqual({});
    expect(excel.comments("Register")).toEqual({});
    expect(excel.trips).toBe(2);
    expect(excel.syncLog.filter((s) => s.error)).toEqual([]);
  });

  test("the fake refuses what the host lacks, so a missing check could not pass unseen", async () => {
    const { excel } = await registerIn("1.9");
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Register").notes.add("F3", "x");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

test("new tables carry their computed columns' own rows and notes too", async () => {
  const excel = FakeExcel.fromSheets({ Sheet1: [] });
  const book = new ExcelWorkbook(excel.run, { supports: excel.supports });
  await book.addTables([
    {
      sheet: "Milestones",
      table: "Milestones",
      headers: ["Contract ID", "Baseline date"],
      rows: [["C-1", 46000], ["C-2", "31 March 2026"], ["C-3", "TBC"], ["C-4", 46100]],
      computed: [{ header: "Slippage", formula: "=[@[Baseline date]]-AsOf", rowFormulas: [null, "=DATE(2026,3,31)-AsOf", '=""', null], note: "2 rows hold values read at set-up" }],
    },
  ]);
  expect(["C2", "C3", "C4", "C5"].map((a) => excel.cell("Milestones", a).formula)).toEqual(["=[@[Baseline date]]-AsOf", "=DATE(2026,3,31)-AsOf", '=""', "=[@[Baseline date]]-AsOf"]);
  expect(excel.values("Milestones", "A2:B5")).toEqual([["C-1", 46000], ["C-2", "31 March 2026"], ["C-3", "TBC"], ["C-4", 46100]]);
  expect(excel.notes("Milestones")).toEqual({ C1: "2 rows hold values read at set-up" });
});

/** A register of n contracts whose end dates are text (dd/mm/yyyy, as a converted tracker holds them) in about 30% of rows, at random. */
function registerWithTextDates(n: number, seed: number): { rows: CellValue[][]; textRows: Set<number> } {
  const random = randomFrom(seed);
  const rows = bigRegister(n);
  const end = BIG_HEADERS.indexOf("End date");
  const notice = BIG_HEADERS.indexOf("Notice period");
  const extension = BIG_HEADERS.indexOf("Extension options");
  const textRows = new Set<number>();
  rows.forEach((row, i) => {
    // Days and no extension options, which Excel's formulas read: only the text end dates need rows of their own.
    row[notice] = 90;
    row[extension] = null;
    if (random() < 0.3) {
      const serial = row[end] as number;
      const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      row[end] = `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
      textRows.add(i);
    }
  });
  return { rows, textRows };
}

const SHEET = (rows: CellValue[][]): Record<string, CellValue[][]> => ({ Register: [["Contract register"], [], [...BIG_HEADERS], ...rows] });

test("native set-up over Excel writes every computed cell as the in-memory workbook does, and the same notes", async () => {
  const { rows } = registerWithTextDates(2000, 11);
  const memory = MemoryWorkbook.fromSheets(SHEET(rows));
  const excel = FakeExcel.fromSheets(SHEET(rows));
  const options = { asOf: 45747, formulas: "native" as const, createTables: ["Milestones" as const, "KPIs" as const] };
  const inMemory = await setUpTracker(memory, options);
  const inExcel = await setUpTracker(new ExcelWorkbook(excel.run, { supports: excel.supports }), options);
  expect(inExcel.readAtSetUp).toEqual(inMemory.readAtSetUp);
  expect(inExcel.readAtSetUp.find((c) => c.column === "Days to expiry")?.rows).toBeGreaterThan(500);
  const headers = memory.snapshot("Contracts").headers;
  let own = 0;
  for (let c = BIG_HEADERS.length; c < headers.length; c++) {
    for (let r = 3; r <= 2002; r++) {
      const expected = memory.cell("Register", r, c).formula;
      expect(excel.sheet("Register").formula(r, c)).toBe(expected);
      if (r > 3 && expected !== memory.cell("Register", 3, c).formula) own++;
    }
  }
  expect(own).toBeGreaterThan(0);
  const notes = Object.fromEntries(memory.notes.map((n) => [`${columnLetters(headers.indexOf(n.column))}3`, n.text]));
  expect(Object.keys(notes).length).toBeGreaterThan(0);
  expect(excel.notes("Register")).toEqual(notes);
  // The register's own cells are as they were.
  expect(excel.values("Register", `A4:T2003`)).toEqual(rows.map((r) => r.map((v) => (v === null ? "" : v))));
}, 60_000);

test("100,000 rows, 30% of them with their own formula: every request within Excel on the web's limit, trips packed full, each row's formula where it belongs", async () => {
  const n = 100_000;
  const { rows, textRows } = registerWithTextDates(n, 7);
  const excel = FakeExcel.fromSheets(SHEET(rows));
  const calls = new Map<string, number>();
  const book = countTripsByCall(new ExcelWorkbook(excel.run, { supports: excel.supports }), excel, calls);
  const report = await setUpTracker(book, { asOf: 45747, formulas: "native" });
  expect(textRows.size / n).toBeCloseTo(0.3, 1);
  expect(excel.syncLog.filter((t) => t.error)).toEqual([]);
  expect(excel.largestTrip).toBeLessThanOrEqual(EXCEL_WEB_LIMIT_BYTES);

  // Each row of each computed column: its own formula exactly where the end date is text, the column's everywhere else.
  const sheet = excel.sheet("Register");
  const headers = excel.values("Register", "A3:AD3")[0].map(String);
  let ownBytes = 0;
  for (const { column: header, rows: count } of report.readAtSetUp) {
    expect(count).toBe(textRows.size);
    const c = headers.indexOf(header);
    let plain = 0;
    while (textRows.has(plain)) plain++;
    const columnFormula = sheet.formula(3 + plain, c);
    for (let i = 0; i < n; i++) {
      const formula = sheet.formula(3 + i, c) ?? "";
      if (textRows.has(i)) {
        if (formula === columnFormula || !formula.startsWith("=")) throw new Error(`${header}, row ${i + 1}: ${formula}`);
        ownBytes += formula.length;
      } else if (formula !== columnFormula) throw new Error(`${header}, row ${i + 1} holds ${formula}`);
    }
  }
  expect(report.readAtSetUp.map((c) => c.column)).toEqual(expect.arrayContaining(["Days to expiry", "Phase"]));
  // The fewest trips the formulas' text alone could take, at 5 MB each; the columns take at most twice that, plus one to look first and two for the notes.
  const fewest = Math.ceil(ownBytes / EXCEL_WEB_LIMIT_BYTES);
  const columnTrips = calls.get("appendComputedColumns") ?? 0;
  console.log(
    `native set-up of ${n.toLocaleString("en-GB")} rows, ${textRows.size.toLocaleString("en-GB")} with text end dates: ${excel.trips} round trips; ` +
      `${report.readAtSetUp.length} columns with ${(report.readAtSetUp.length * textRows.size).toLocaleString("en-GB")} rows of their own (${(ownBytes / 1e6).toFixed(1)} MB of formulas) in ${columnTrips} trips (fewest possible ${fewest}); ` +
      `largest request ${excel.largestTrip.toLocaleString("en-GB")} bytes\n${[...calls].map(([call, t]) => `  ${String(t).padStart(3)}  ${call}`).join("\n")}`,
  );
  expect(columnTrips - 3).toBeLessThanOrEqual(2 * fewest);
  // The register's own cells are as they were.
  expect(excel.values("Register", "A4:T100003")).toEqual(rows.map((r) => r.map((v) => (v === null ? "" : v))));
}, 180_000);
