/**
 * A native tracker (`convert --formulas native`) works for everyone who opens it: LibreOffice, which
 * has no add-in, recalculates every computed column from the register's own cells and the Settings
 * table, and each row equals what the tracker's engine worked out (the values set-up wrote beside
 * the formulas). Every shared register, a month-end and leap-year grid of extensions and notice
 * periods, and a register set up in place with its dates and periods left as text.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { writeTracker } from "../../src/cli/writeTracker";
import { dateToSerial, formatSerial, serialToDate } from "../../src/core/dates";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { cli } from "../helpers/cli";
import { recalculatedCopies, soffice, withLibreOffice } from "../helpers/libreOffice";
import { REAL } from "../helpers/registerTruth";

const COMPUTED = ["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Phase", "Slippage", "KPI attainment", "Spend variance", "RAG", "Escalation level"];
const REGISTERS = [
  "act-gov-contracts/act_contracts_2025.csv",
  "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv",
  "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
  "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx",
  "toronto-contracts/Non-Competitive Contracts.csv",
  "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
  "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv",
  "toronto-contracts/Awarded Contracts.csv",
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-native-"));
const ymd = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;

/** The Contracts table's computed columns of a workbook's first sheet: header → one value a row. */
function computedColumns(file: string): Map<string, CellValue[]> {
  const book = readXlsx(fs.readFileSync(file));
  const [grid] = [...book.sheets.values()];
  const headerRow = grid.findIndex((row) => row.includes("RAG") || row.includes("Phase"));
  const headers = grid[headerRow].map((h) => String(h ?? ""));
  const rows = grid.slice(headerRow + 1).filter((row) => row.some((v) => v !== null && v !== ""));
  return new Map(headers.flatMap((h, c) => (COMPUTED.includes(h) ? [[h, rows.map((row) => row[c] ?? null)] as const] : [])));
}

const blank = (v: CellValue): boolean => v === null || v === "";
const same = (a: CellValue, b: CellValue): boolean =>
  (blank(a) && blank(b)) || (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a)) : a === b);
const shown = (header: string, v: CellValue): string =>
  typeof v === "number" && /date|expiry$/i.test(header) && header !== "Days to expiry" && serialToDate(v) ? formatSerial(v) : JSON.stringify(v);

/** Every cell where LibreOffice's recalculation differs from the engine, and how many cells were compared. */
function compare(engineFile: string, recalculatedFile: string): { compared: Record<string, number>; differences: string[] } {
  const engine = computedColumns(engineFile);
  const recalculated = computedColumns(recalculatedFile);
  const compared: Record<string, number> = {};
  const differences: string[] = [];
  for (const [header, values] of engine) {
    const theirs = recalculated.get(header) ?? [];
    compared[header] = values.length;
    expect(theirs).toHaveLength(values.length);
    values.forEach((v, r) => {
      if (!same(v, theirs[r]) && differences.length < 20) differences.push(`${header}, row ${r + 1}: engine ${shown(header, v)}, LibreOffice ${shown(header, theirs[r])}`);
    });
  }
  return { compared, differences };
}

/** A register with an end date on every day of 2023–2029 (29/02/2024 and 29/02/2028 too), each with extension options and a notice period in turn. */
function calendarRegister(): string {
  const extensions = ["1 month", "3 months", "1 year", "2 x 6 months", "1+1", "up to 24 months", "none", "", "2+1+1"];
  const notices = ["1 month", "3 months", "6 months", "90 days", "30", "1 year", "", "2 weeks"];
  const lines = ["Contract ID,Supplier,Start date,End date,Notice period,Extension options,Budget,Spend to date,Tier"];
  let i = 0;
  for (let serial = ymd(2023, 1, 1); serial <= ymd(2029, 12, 31); serial++, i++) {
    const d = serialToDate(serial);
    if (!d) continue;
    const start = serialToDate(serial - 400 - (i % 700));
    const budget = i % 3 === 0 ? "" : String(100000 + (i % 17) * 5000);
    const spend = i % 3 === 0 ? "" : String((i * 7919) % 180000);
    lines.push(
      [`C${i + 1}`, `Supplier ${i % 40}`, start ? `${start.day}/${start.month}/${start.year}` : "", `${d.day}/${d.month}/${d.year}`, notices[i % notices.length], extensions[i % extensions.length], budget, spend, ["Gold", "Silver", "bronze", ""][i % 4]].join(","),
    );
  }
  // The issue's own cases, last: month ends stay month ends, 28/02 + 1 year reaches 29/02 of a leap year.
  for (const [id, end, extension] of [["M1", "30/09/2025", "3 months"], ["M2", "30/06/2025", "2 x 3 months"], ["M3", "28/02/2027", "1 year"], ["M4", "30/04/2025", "1 month"]]) {
    lines.push([id, "Month ends", "01/01/2024", end, "", extension, "", "", ""].join(","));
  }
  const file = path.join(dir, "calendar.csv");
  fs.writeFileSync(file, lines.join("\r\n"));
  return file;
}

/** A register set up in place, as the task pane sets up a sheet: its dates, periods and amounts left as the text they were typed as. */
async function textRegister(): Promise<string> {
  const rows: CellValue[][] = [
    ["Contract ID", "Supplier", "Start date", "Go-live date", "End date", "Notice period", "Extension options", "Budget", "Spend to date", "Tier"],
    ["T1", "Acme", "01/04/2024", "", "30/09/2025", "3 months", "3 months", "£100,000", "£60,000", "Gold"],
    ["T2", "Binco", "2025-01-01", "01/06/2025", "31/12/2099", 90, "1+1", 50000, 10000, "Silver"],
    ["T3", "Cee", ymd(2025, 3, 15), "", ymd(2025, 4, 30), "1 month", "", "", "", ""],
    ["T4", "Dee", "", "", "TBC", "", "", "", "", ""],
    ["T5", "Eee", "1 January 2024", "", "28 February 2027", "6 months", "1 year", 200000, "250000", " gold "],
    ["T6", "Fee", ymd(2024, 1, 31), ymd(2024, 3, 1), "31/01/2026", "three months", "2 x 12 months", "", "", ""],
    ["T7", "Gee", "", "", ymd(2025, 6, 30), "90 days", "", "", "", ""],
    ["T8", "Hee", ymd(2025, 9, 1), "", ymd(2026, 8, 31), 45, "", 1000, 2000, ""],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  book.active = "Register";
  await setUpTracker(book, { asOf: ymd(2025, 3, 31), fixedAsOf: true, formulas: "native", createTables: ["Milestones", "KPIs"] });
  const file = path.join(dir, "text-register.xlsx");
  await writeTracker(book, file);
  return file;
}

const trackers = new Map<string, string>();
let recalculated = new Map<string, string>();

beforeAll(async () => {
  if (!soffice && !process.env.CI) return;
  for (const [i, register] of REGISTERS.entries()) {
    const out = path.join(dir, `tracker${i + 1}.xlsx`);
    const result = await cli("convert", path.join(REAL, register), "--out", out, "--formulas", "native", "--as-of", "2025-03-31");
    if (result.code !== 0) throw new Error(`${register}: ${result.err}`);
    trackers.set(register, out);
  }
  const calendar = path.join(dir, "calendar-tracker.xlsx");
  const made = await cli("convert", calendarRegister(), "--out", calendar, "--formulas", "native", "--as-of", "2025-03-31");
  if (made.code !== 0) throw new Error(made.err);
  trackers.set("calendar", calendar);
  trackers.set("text", await textRegister());
  // LibreOffice gets each tracker with the values set-up wrote beside its formulas taken out: whatever
  // it shows, it worked out itself.
  fs.mkdirSync(path.join(dir, "blanked"));
  const blanked = [...trackers.values()].map((file) => withoutCachedValues(file, path.join(dir, "blanked", path.basename(file))));
  const copies = recalculatedCopies(blanked, path.join(dir, "recalculated"));
  recalculated = new Map([...trackers.keys()].map((key, i) => [key, copies[i]]));
}, 900000);

withLibreOffice.each(REGISTERS)("%s: a native tracker recalculated by LibreOffice agrees with the engine on every row", (register) => {
  const { compared, differences } = compare(trackers.get(register) ?? "", recalculated.get(register) ?? "");
  expect(differences).toEqual([]);
  // The columns that rate a contract were compared row by row: every register has RAG; one with an
  // end date column has days to expiry and a phase too.
  expect(compared.RAG).toBeGreaterThan(0);
  if (compared["Days to expiry"] !== undefined) expect([compared["Days to expiry"], compared.Phase]).toEqual([compared.RAG, compared.RAG]);
  fs.appendFileSync(path.join(dir, "compared.txt"), `${register}: ${JSON.stringify(compared)}\n`);
});

withLibreOffice("every day of 2023–2029 with extension options and notice periods in turn: final expiry, notice date and RAG agree with the engine", () => {
  const { compared, differences } = compare(trackers.get("calendar") ?? "", recalculated.get("calendar") ?? "");
  expect(differences).toEqual([]);
  expect(compared["Final expiry"]).toBe(ymd(2029, 12, 31) - ymd(2023, 1, 1) + 1 + 4);
  expect(Object.keys(compared).sort()).toEqual([...COMPUTED].sort());
  // The month-end rule reached LibreOffice: 30/09/2025 + 3 months ends 31/12/2025, 28/02/2027 + 1 year on 29/02/2028.
  const finals = computedColumns(recalculated.get("calendar") ?? "").get("Final expiry") ?? [];
  expect(finals.slice(-4)).toEqual([ymd(2025, 12, 31), ymd(2025, 12, 31), ymd(2028, 2, 29), ymd(2025, 5, 31)]);
});

withLibreOffice("a register set up in place with text dates, periods and amounts: rows read at set-up recalculate to the engine's values, and the columns' notes say so", () => {
  const { compared, differences } = compare(trackers.get("text") ?? "", recalculated.get("text") ?? "");
  expect(differences).toEqual([]);
  expect(compared.RAG).toBe(8);
  const values = computedColumns(recalculated.get("text") ?? "");
  // T1's end date 30/09/2025 was text: its days to expiry still count from the as-of date.
  expect(values.get("Days to expiry")?.[0]).toBe(ymd(2025, 9, 30) - ymd(2025, 3, 31));
  expect(values.get("RAG")).toEqual(["Green", "Unrated", "Red", "Unrated", "Red", "Green", "Amber", "Red"]);
  expect(readNotes(trackers.get("text") ?? "").join("\n")).toMatch(/rows? holds? what the tracker read from "End date"/);
});

/** A copy of a workbook whose formula cells hold no value: what a reader shows of them, it calculated. */
function withoutCachedValues(file: string, out: string): string {
  const zip = unzipSync(fs.readFileSync(file));
  for (const name of Object.keys(zip).filter((n) => n.startsWith("xl/worksheets/"))) {
    const xml = strFromU8(zip[name]).replace(/(<c [^>]*?)(?: t="(?:str|b)")?(>)(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1$2$3");
    zip[name] = strToU8(xml);
  }
  fs.writeFileSync(out, zipSync(zip));
  return out;
}

/** The notes of a written workbook's first sheet. */
function readNotes(file: string): string[] {
  const zip = unzipSync(fs.readFileSync(file));
  const part = zip["xl/comments1.xml"];
  return part ? [...strFromU8(part).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1].replace(/&quot;/g, '"')) : [];
}
