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
import { contractRag } from "../../src/core/rules/rag";
import { slippageDays } from "../../src/core/rules/slippage";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { cli } from "../helpers/cli";
import { recalculatedCopies, soffice, withLibreOffice } from "../helpers/libreOffice";
import { REAL, SHARED_REGISTERS } from "../helpers/registerTruth";

const COMPUTED = ["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "Slippage", "KPI attainment", "Spend variance", "RAG", "Escalation level"];
const REGISTERS = SHARED_REGISTERS;

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
function compare(engineFile: string, recalculatedFile: string, leaveOut: readonly string[] = []): { compared: Record<string, number>; differences: string[] } {
  const engine = computedColumns(engineFile);
  for (const header of leaveOut) engine.delete(header);
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
  await book.appendRows("Milestones", MILESTONES);
  await book.appendRows("KPIs", KPIS);
  const file = path.join(dir, "text-register.xlsx");
  await writeTracker(book, file);
  return file;
}

/**
 * Text Excel's TRIM reads otherwise than the tracker: whitespace other than spaces (a tab, a line
 * break, a non-breaking space pasted from the web) around a tier or as the whole of an extension
 * options cell. Every contract expires within 90 days (Red), so its tier decides its level.
 */
async function whitespaceRegister(): Promise<string> {
  const blanks = [" ", "   ", "\u00a0", "\t", "\n", " \u00a0 ", "\r\n"];
  const tiers = ["Gold\u00a0", "gold\n", "\tGOLD", " GOLD ", "Gold  ", "Go ld", "\u00a0Silver", "Bronze\n", "Goldsmith"];
  const rows: CellValue[][] = [
    ["Contract ID", "Supplier", "End date", "Extension options", "Tier"],
    ...blanks.map((options, i) => [`W${i + 1}`, "Acme", ymd(2025, 5, 31) + i, options, ""]),
    ...tiers.map((tier, i) => [`G${i + 1}`, "Binco", ymd(2025, 4, 30) + i, i % 2 ? "1 year" : "", tier]),
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  book.active = "Register";
  await setUpTracker(book, { asOf: ymd(2025, 3, 31), fixedAsOf: true, formulas: "native" });
  const file = path.join(dir, "whitespace-register.xlsx");
  await writeTracker(book, file);
  return file;
}

/** A register that keeps a Notice date of its own (the day the council means to decide by), besides its notice periods. */
async function ownNoticeDateRegister(): Promise<string> {
  const rows: CellValue[][] = [
    ["Contract ID", "Supplier", "End date", "Notice period", "Notice date"],
    ["N1", "Acme", ymd(2026, 6, 30), "3 months", ymd(2026, 1, 1)],
    ["N2", "Binco", ymd(2025, 9, 30), 90, ""],
    ["N3", "Cee", ymd(2025, 12, 31), "1 month", "n/a"],
    ["N4", "Dee", "31/03/2026", "6 months", ymd(2025, 6, 1)],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  book.active = "Register";
  await setUpTracker(book, { asOf: ymd(2025, 3, 31), fixedAsOf: true, formulas: "native" });
  const file = path.join(dir, "own-notice-date.xlsx");
  await writeTracker(book, file);
  return file;
}

/**
 * A register set up in place whose text the tracker could not read either (an end date of TBC, a
 * stand-in typed as text, notice and extension words with no length, money of N/A): those rows keep
 * the column's formula. Then the user types the values in, as date cells and numbers.
 */
let editedLaterReadAtSetUp: { column: string; rows: number }[] = [];
async function editedLaterRegister(): Promise<string> {
  const rows: CellValue[][] = [
    ["Contract ID", "Supplier", "End date", "Notice period", "Extension options", "Budget", "Spend to date"],
    ["E1", "Acme", "TBC", "", "", "", ""],
    ["E2", "Binco", "31/12/2099", "", "", "", ""],
    ["E3", "Cee", ymd(2026, 6, 30), "at least a quarter", "at the council's discretion", "", ""],
    ["E4", "Dee", ymd(2026, 6, 30), "", "", "N/A", 1500],
    ["E5", "Eee", ymd(2026, 6, 30), 30, "1 year", 2000, 100],
    ["E6", "Fee", ymd(2026, 6, 30), 60, "none", 3000, 200],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  book.active = "Register";
  editedLaterReadAtSetUp = (await setUpTracker(book, { asOf: ymd(2025, 3, 31), fixedAsOf: true, formulas: "native" })).readAtSetUp;
  const edit = (row: number, column: number, value: CellValue): void => {
    book.cell("Register", row, column).value = value;
  };
  edit(1, 2, ymd(2026, 3, 31));
  edit(2, 2, ymd(2026, 9, 30));
  edit(3, 3, 90);
  edit(3, 4, "");
  edit(4, 5, 1000);
  const file = path.join(dir, "edited-later.xlsx");
  await writeTracker(book, file);
  return file;
}

const MILESTONES: CellValue[][] = [
  // Contract, milestone, baseline, forecast, actual: late, early, met late, overdue with no forecast, overdue past its forecast.
  ["T1", "Mobilise", ymd(2025, 1, 10), ymd(2025, 1, 31), "", "Ann"],
  ["T1", "Go live", ymd(2025, 6, 1), ymd(2025, 5, 20), "", "Ann"],
  ["T3", "Design", ymd(2025, 2, 1), "", ymd(2025, 2, 9), "Bo"],
  ["T6", "Exit plan", ymd(2025, 3, 1), "", "", "Cy"],
  ["T6", "Handover", ymd(2025, 1, 1), ymd(2025, 2, 1), "", "Cy"],
  ["T7", "Review", ymd(2025, 4, 15), ymd(2025, 4, 20), "", "Di"],
];
const KPIS: CellValue[][] = [
  ["T1", "Response", 0.95, 0.9, "Q4", true],
  ["T5", "Calls answered", 100, 70, "Q4", true],
  ["T6", "Days to fix", 5, 6, "Q4", false],
  ["T8", "Satisfaction", 0.8, 0.84, "Q4", true],
];

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
  trackers.set("whitespace", await whitespaceRegister());
  trackers.set("own notice date", await ownNoticeDateRegister());
  trackers.set("edited later", await editedLaterRegister());
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

withLibreOffice("a register set up in place with text dates, periods and amounts, with milestones and KPIs: LibreOffice's values are the engine's, and the columns' notes say so", () => {
  // Set-up worked these out before the milestones and KPIs were added: the columns that do not read them.
  const { compared, differences } = compare(trackers.get("text") ?? "", recalculated.get("text") ?? "", ["Slippage", "KPI attainment", "RAG", "Escalation level"]);
  expect(differences).toEqual([]);
  expect(compared["Days to expiry"]).toBe(8);
  const book = readXlsx(fs.readFileSync(recalculated.get("text") ?? ""));
  const values = computedColumns(recalculated.get("text") ?? "");
  // T1's end date 30/09/2025 was text: its days to expiry still count from the as-of date.
  expect(values.get("Days to expiry")?.[0]).toBe(ymd(2025, 9, 30) - ymd(2025, 3, 31));
  // Each milestone's slippage as core/rules/slippage works it out, as of 31/03/2025.
  const milestones = (book.sheets.get("Milestones") ?? []).slice(1);
  const slipOf = (m: CellValue[]): number | null =>
    slippageDays({ baseline: m[2] as number, forecast: typeof m[3] === "number" ? m[3] : null, actual: typeof m[4] === "number" ? m[4] : null }, ymd(2025, 3, 31));
  expect(milestones.map((m) => m[6])).toEqual(MILESTONES.map((m) => slipOf(m)));
  const kpis = (book.sheets.get("KPIs") ?? []).slice(1);
  const attainmentOf = (k: CellValue[]): number => (k[5] === false ? (k[2] as number) / (k[3] as number) : (k[3] as number) / (k[2] as number));
  // LibreOffice saves 15 significant digits.
  const rounded = (v: CellValue | undefined): CellValue | undefined => (typeof v === "number" ? Number(v.toPrecision(12)) : v);
  // The Attainment column by its header: the KPIs table's own columns come first (Assessed on among them).
  const attainmentAt = (book.sheets.get("KPIs")?.[0] ?? []).indexOf("Attainment");
  expect(kpis.map((k) => rounded(k[attainmentAt]))).toEqual(KPIS.map((k) => rounded(attainmentOf(k))));
  // A contract's Slippage is its worst milestone, its KPI attainment its worst KPI, and RAG weighs them as the engine does.
  const ids = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"];
  const worst = (rows: CellValue[][], value: (r: CellValue[]) => number | null, pick: (...n: number[]) => number) => (id: string) => {
    const found = rows.filter((r) => r[0] === id).map(value).filter((v): v is number => v !== null);
    return found.length ? pick(...found) : "";
  };
  const slippage = ids.map(worst(MILESTONES, slipOf, Math.max));
  const attainment = ids.map(worst(KPIS, attainmentOf, Math.min));
  expect(values.get("Slippage")).toEqual(slippage);
  expect(values.get("KPI attainment")?.map(rounded)).toEqual(attainment.map(rounded));
  const known = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);
  const rag = ids.map((_, r) => contractRag({ daysToExpiry: known(values.get("Days to expiry")?.[r]), slippageDays: known(slippage[r]), kpiAttainment: known(attainment[r]), spendVariance: known(values.get("Spend variance")?.[r]), daysToDecide: known(values.get("Days to decide")?.[r]), daysToNotice: known(values.get("Days to notice")?.[r]) }, DEFAULT_SETTINGS) ?? "Unrated");
  expect(values.get("RAG")).toEqual(rag);
  // The milestones and KPIs moved some contracts: not every RAG is what the end date and spend alone say.
  expect(rag).not.toEqual(computedColumns(trackers.get("text") ?? "").get("RAG"));
  expect(values.get("Escalation level")).toEqual(rag.map((g, r) => (g === "Red" ? (r === 0 || r === 4 ? 3 : 2) : g === "Amber" ? 1 : 0)));
  expect(readNotes(trackers.get("text") ?? "").join("\n")).toMatch(/rows? holds? what the tracker read from "End date"/);
});

withLibreOffice("whitespace other than spaces around a tier or as the whole of the extension options: LibreOffice's level and final expiry are the engine's", () => {
  const { compared, differences } = compare(trackers.get("whitespace") ?? "", recalculated.get("whitespace") ?? "");
  expect(differences).toEqual([]);
  expect(compared["Escalation level"]).toBe(16);
  const values = computedColumns(recalculated.get("whitespace") ?? "");
  // Blank options are no extension: the final expiry is the end date itself.
  expect(values.get("Final expiry")?.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ymd(2025, 5, 31) + i));
  // Decide by reads the tier as the engine does, however it was spaced: Gold 540 days before the end, Silver 270, Bronze 120, no tier none.
  const leads = (values.get("Decide by") ?? []).map((d, r) => (typeof d === "number" ? ((values.get("Days to expiry")?.[r] as number) + ymd(2025, 3, 31)) - d : ""));
  expect(leads.slice(7)).toEqual([540, 540, 540, 540, 540, "", 270, 120, ""]);
  // Red on a Gold contract is level 3, however its tier was spaced; Silver, Bronze and what is no tier stay at 2.
  expect(values.get("Escalation level")?.slice(7)).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 2]);
});

withLibreOffice("a register with a Notice date column of its own: Days to notice counts to the notice date the period gives, as the engine does, not to the register's", () => {
  const { compared, differences } = compare(trackers.get("own notice date") ?? "", recalculated.get("own notice date") ?? "");
  expect(differences).toEqual([]);
  expect(compared["Days to notice"]).toBe(4);
  const days = computedColumns(recalculated.get("own notice date") ?? "").get("Days to notice");
  expect(days).toEqual([ymd(2026, 3, 30), ymd(2025, 7, 2), ymd(2025, 11, 30), ymd(2025, 9, 30)].map((d) => d - ymd(2025, 3, 31)));
});

withLibreOffice("rows whose text the tracker could not read either keep the column's formula: the dates and amounts typed in later count", () => {
  // Nothing was read that the formulas would not read the same but E5's and E6's extension options.
  expect(editedLaterReadAtSetUp).toEqual([{ column: "Final expiry", rows: 2 }]);
  const values = computedColumns(recalculated.get("edited later") ?? "");
  expect(values.get("Days to expiry")?.slice(0, 4)).toEqual([365, 548, 456, 456]);
  expect(values.get("Notice date")?.[2]).toBe(ymd(2026, 6, 30) - 90);
  expect(values.get("Final expiry")?.[2]).toBe(ymd(2026, 6, 30));
  // No term to profile over (no start date): spend beyond the whole budget is over by that much.
  expect(values.get("Spend variance")?.[3]).toBeCloseTo(0.5, 12);
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
