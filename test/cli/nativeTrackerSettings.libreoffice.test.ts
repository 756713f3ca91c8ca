/**
 * A native tracker follows its Settings table as the CONTRACT functions do: thresholds, the exit
 * window and the as-of date changed in the sheet, a value cleared (the default applies), typed as
 * text (`60`, `98%`) or its row deleted. LibreOffice recalculates copies of one tracker with its
 * Settings edited each way, and every computed cell of Contracts, Milestones and KPIs equals what the
 * engine works out under those settings.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { writeTracker } from "../../src/cli/writeTracker";
import { contractStatus } from "../../src/core/contractStatus";
import { dateToSerial, formatSerial, serialToDate } from "../../src/core/dates";
import { ragStatus } from "../../src/core/rules/rag";
import { slippageDays } from "../../src/core/rules/slippage";
import { TrackerSettings, readSettings } from "../../src/core/settings";
import { readTrackerData } from "../../src/features/trackerData";
import { setUpTracker } from "../../src/features/setUpTracker";
import { computedValue } from "../../src/features/trackerFormulas";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { recalculatedCopies, soffice, withLibreOffice } from "../helpers/libreOffice";

const ymd = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const AS_OF = ymd(2025, 3, 31);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-native-settings-"));

/** Settings edits: a value (number or text), null to clear it, "remove" to delete its row. */
type Edits = Record<string, number | string | null | "remove">;
const VARIANTS: Record<string, Edits> = {
  "the defaults": {},
  "thresholds and the exit window changed": { expiry_red_days: 200, expiry_amber_days: 400, exit_window_days: 30, slippage_red_days: 10, kpi_red_below: 0.9, spend_amber_above: 0.1, spend_red_above: 0.2 },
  "every threshold cleared (the defaults apply)": Object.fromEntries(
    ["expiry_red_days", "expiry_amber_days", "slippage_red_days", "slippage_amber_days", "kpi_red_below", "kpi_amber_below", "spend_red_above", "spend_amber_above", "exit_window_days"].map((n) => [n, null]),
  ),
  "thresholds typed as text": { expiry_red_days: "60", exit_window_days: " 45 ", kpi_amber_below: "98%", spend_amber_above: "10%", spend_red_above: "25%", slippage_amber_days: "5" },
  "rows deleted (the defaults apply)": { exit_window_days: "remove", expiry_amber_days: "remove", kpi_red_below: "remove", slippage_red_days: "remove" },
  "a later as-of date": { as_of: ymd(2025, 6, 30) },
};

const HEADERS = ["Contract ID", "Supplier", "Start date", "Go-live date", "End date", "Notice period", "Extension options", "Budget", "Spend to date", "Tier"];
/** Contracts whose end dates straddle every threshold above, some with go-live ahead, spend either side of its profile, and a few typed as text. */
function registerRows(): CellValue[][] {
  const offsets = [-10, 0, 25, 44, 46, 59, 61, 89, 91, 120, 150, 179, 181, 199, 201, 250, 365, 399, 401, 800];
  const rows = offsets.map((days, i): CellValue[] => {
    const end = AS_OF + days;
    const start = end - 700 + (i % 5) * 90;
    const budget = i % 4 === 0 ? null : 100000;
    const elapsed = Math.min(1, Math.max(0, (AS_OF - start) / (end - start)));
    const spend = budget === null ? null : Math.round(budget * elapsed * [0.8, 1.04, 1.15, 1.3][i % 4]);
    return [`C${i + 1}`, `Supplier ${i}`, start, i % 6 === 0 ? AS_OF + 20 : null, end, [90, "3 months", null][i % 3], ["1+1", null, "2 x 6 months"][i % 3], budget, spend, ["Gold", "Silver", ""][i % 3]];
  });
  // Rows whose dates are text: their own formulas hold what was read, and follow Settings all the same.
  rows.push(["T1", "Text", "01/04/2024", "", "30/06/2025", "1 month", "", "£100,000", "£90,000", "Gold"]);
  rows.push(["T2", "Text", "", "", "15/05/2025", "", "1 year", "", "", ""]);
  return rows;
}
const MILESTONES: CellValue[][] = [
  ["C1", "Design", AS_OF - 40, AS_OF - 32, "", "Ann"],
  ["C2", "Build", AS_OF - 20, AS_OF + 10, "", "Ann"],
  ["C3", "Test", AS_OF - 5, "", AS_OF - 2, "Bo"],
  ["C4", "Go live", AS_OF + 30, AS_OF + 37, "", "Bo"],
  ["C5", "Review", AS_OF - 60, "", "", "Cy"],
];
const KPIS: CellValue[][] = [
  ["C1", "Response", 100, 99, "Q1", true],
  ["C2", "Repairs", 100, 96, "Q1", true],
  ["C3", "Calls", 100, 92, "Q1", true],
  ["C6", "Days to fix", 5, 5.2, "Q1", false],
  ["C7", "Survey", 100, 100, "Q1", true],
];

/** The tracker set up from the register, with Settings edited as given, written to `file`. */
async function trackerWith(edits: Edits, file: string): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: [HEADERS, ...registerRows()] });
  book.active = "Register";
  await setUpTracker(book, { asOf: AS_OF, fixedAsOf: true, formulas: "native", createTables: ["Milestones", "KPIs"] });
  await book.appendRows("Milestones", MILESTONES);
  await book.appendRows("KPIs", KPIS);
  const settings = book.snapshot("Settings");
  settings.rows.forEach((row, i) => {
    const edit = edits[String(row[0])];
    if (edit === undefined) return;
    const [name, value] = [book.cell(settings.sheet, settings.row + 1 + i, settings.column), book.cell(settings.sheet, settings.row + 1 + i, settings.column + 1)];
    if (edit === "remove") name.value = null;
    value.formula = undefined;
    value.value = edit === "remove" ? null : edit;
  });
  await writeTracker(book, file);
  return book;
}

/** A copy of a workbook whose formula cells hold no value: what a reader shows of them, it calculated. */
function withoutCachedValues(file: string): string {
  const zip = unzipSync(fs.readFileSync(file));
  for (const name of Object.keys(zip).filter((n) => n.startsWith("xl/worksheets/"))) {
    zip[name] = strToU8(strFromU8(zip[name]).replace(/(<c [^>]*?)(?: t="(?:str|b)")?(>)(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1$2$3"));
  }
  const out = path.join(dir, "blanked", path.basename(file));
  fs.writeFileSync(out, zipSync(zip));
  return out;
}

const books = new Map<string, MemoryWorkbook>();
const recalculated = new Map<string, string>();

beforeAll(async () => {
  if (!soffice && !process.env.CI) return;
  fs.mkdirSync(path.join(dir, "blanked"));
  const files: string[] = [];
  for (const [i, [name, edits]] of Object.entries(VARIANTS).entries()) {
    const file = path.join(dir, `variant${i + 1}.xlsx`);
    books.set(name, await trackerWith(edits, file));
    files.push(withoutCachedValues(file));
  }
  const copies = recalculatedCopies(files, path.join(dir, "recalculated"));
  Object.keys(VARIANTS).forEach((name, i) => recalculated.set(name, copies[i]));
}, 600000);

const shown = (v: CellValue | undefined): string =>
  v === null || v === undefined || v === "" ? "blank" : typeof v === "number" ? (Number.isInteger(v) && v > 40000 && serialToDate(v) ? formatSerial(v) : String(Number(v.toPrecision(12)))) : String(v);

/** The engine's settings for a variant: the Settings table as edited, read as the CONTRACT functions read it. */
function engineSettings(book: MemoryWorkbook): TrackerSettings {
  const rows = book.snapshot("Settings").rows.filter((r) => String(r[0] ?? "") !== "as_of");
  const read = readSettings(rows.map((r) => [r[0], r[1]]));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

withLibreOffice.each(Object.keys(VARIANTS))("Settings with %s: LibreOffice's native columns are the engine's under those settings", (variant) => {
  const book = books.get(variant);
  if (!book) throw new Error("not built");
  const settings = engineSettings(book);
  const asOf = typeof VARIANTS[variant].as_of === "number" ? (VARIANTS[variant].as_of as number) : AS_OF;
  const data = readTrackerData({ contracts: book.snapshot("Contracts") }, { asOf });
  const lo = readXlsx(fs.readFileSync(recalculated.get(variant) ?? ""));
  const [headers, ...rows] = lo.sheets.get("Register") ?? [];
  const differences: string[] = [];
  const compared: Record<string, number> = {};
  data.contracts.forEach((contract, r) => {
    const id = contract.fields.contractId;
    const slips = MILESTONES.filter((m) => m[0] === id).map((m) => slippageDays({ baseline: m[2] as number, forecast: typeof m[3] === "number" ? m[3] : null, actual: typeof m[4] === "number" ? m[4] : null }, asOf));
    const attainments = KPIS.filter((k) => k[0] === id).map((k) => (k[5] === false ? (k[2] as number) / (k[3] as number) : (k[3] as number) / (k[2] as number)));
    const known = slips.filter((s): s is number => s !== null);
    const related = { slippage: known.length ? Math.max(...known) : null, kpiAttainment: attainments.length ? Math.min(...attainments) : null };
    const status = contractStatus(contract.fields, related, settings, asOf);
    for (const [header, shows] of [["Days to expiry", "daysToExpiry"], ["Notice date", "noticeDate"], ["Days to notice", "daysToNotice"], ["Final expiry", "finalExpiry"], ["Phase", "phase"], ["Slippage", "slippage"], ["KPI attainment", "kpiAttainment"], ["Spend variance", "spendVariance"], ["RAG", "rag"], ["Escalation level", "escalationLevel"]] as const) {
      const theirs = shown(rows[r]?.[headers.indexOf(header)]);
      const ours = shown(computedValue(status, shows));
      compared[header] = (compared[header] ?? 0) + 1;
      if (theirs !== ours) differences.push(`${String(id)} ${header}: engine ${ours}, LibreOffice ${theirs}`);
    }
  });
  // Each milestone's and KPI's own RAG, by the same thresholds.
  // Each value by its column's header: a table's own columns come first, and their number grows (KPIs' Assessed on).
  for (const [sheet, valueHeader, inputs] of [
    ["Milestones", "Slippage", (v: number) => ({ slippageDays: v, kpiAttainment: null })],
    ["KPIs", "Attainment", (v: number) => ({ slippageDays: null, kpiAttainment: v })],
  ] as const) {
    const [h, ...lines] = lo.sheets.get(sheet) ?? [];
    expect(h.indexOf(valueHeader)).toBeGreaterThan(0);
    lines.forEach((line, i) => {
      const v = line[h.indexOf(valueHeader)];
      const ours = typeof v === "number" ? ragStatus({ daysToExpiry: null, spendVariance: null, ...inputs(v) }, settings) : null;
      if (shown(line[h.indexOf("RAG")]) !== shown(ours)) differences.push(`${sheet} row ${i + 1} RAG: engine ${shown(ours)}, LibreOffice ${shown(line[h.indexOf("RAG")])}`);
    });
  }
  expect(differences).toEqual([]);
  expect(compared.RAG).toBe(registerRows().length);
});

withLibreOffice("the variants move contracts: a tracker that ignored its Settings would fail the comparisons above", () => {
  const rags = (variant: string): CellValue[] => {
    const [headers, ...rows] = readXlsx(fs.readFileSync(recalculated.get(variant) ?? "")).sheets.get("Register") ?? [];
    return rows.map((r) => r[headers.indexOf("RAG")]);
  };
  const defaults = rags("the defaults");
  for (const variant of ["thresholds and the exit window changed", "thresholds typed as text", "a later as-of date"]) expect(rags(variant)).not.toEqual(defaults);
  expect(rags("every threshold cleared (the defaults apply)")).toEqual(defaults);
});
