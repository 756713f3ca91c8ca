/**
 * The built add-in, started as Office starts its shared runtime: functions.js and taskpane.js from
 * `npm run build`, in taskpane.html's order, in one page, over a workbook in a fake Excel. Each
 * script is a webpack entry with its own copy of every module; the cell functions must still read
 * text dates in the workbook's own date order: read from Settings when the runtime starts (the
 * workbook opened again), followed when the user types in Settings or set-up makes it, with a
 * recalculation asked for each time the order changes.
 */
import * as fs from "fs";
import * as path from "path";
import { dateToSerial } from "../../src/core/dates";
import { SETTING_DEFINITIONS } from "../../src/core/settings";
import { setUpTracker } from "../../src/features/setUpTracker";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { FakeExcel } from "../helpers/fakeExcel";
import { DIST, ensureProductionBuild } from "../helpers/productionBuild";
import { CellError, SharedRuntime, startSharedRuntime } from "../helpers/sharedRuntime";

const JAN_1 = dateToSerial(2026, 1, 1) ?? 0;
const REGISTER: CellValue[][] = [
  ["Contract ID", "Supplier", "End date"],
  ["C1", "Acme", "1/13/2026"],
  ["C2", "Binco", "1/2/2026"],
];
const MDY = [12, 1]; // 13 January and 2 January 2026, counted from 1 January
const DMY = ["#VALUE!", 31]; // no 13th month; 1 February

/** DAYSTOEXPIRY of 1/13/2026 and 1/2/2026 as of 1 January 2026, each called as Excel calls a cell's formula. */
function daysToExpiry(runtime: SharedRuntime): unknown[] {
  return ["1/13/2026", "1/2/2026"].map((text) => {
    const result = runtime.call("DAYSTOEXPIRY", [[text]], [[JAN_1]]) as unknown[][];
    const cell = result[0][0];
    return cell instanceof CellError ? cell.code : cell;
  });
}

/** Waits (a few seconds at most) until what the runtime set off has happened. */
async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!done()) throw new Error(`gave up waiting: ${what}`);
}

const dateOrderCell = `B${SETTING_DEFINITIONS.findIndex((d) => d.name === "date_order") + 2}`;

beforeAll(() => ensureProductionBuild(), 600_000);

test("functions.js stands alone: it registers every function and calculates before taskpane.js (and the UI) has loaded, and holds no Office call", () => {
  const runtime = startSharedRuntime(DIST, FakeExcel.fromSheets({ Register: REGISTER }), ["functions.js"]);
  expect(daysToExpiry(runtime)).toEqual(DMY);
  expect(runtime.call("NOTICEDATE", "31/03/2026", "3 months")).toEqual([[dateToSerial(2025, 12, 31)]]);
  expect(runtime.ribbon.size).toBe(0);
  expect(fs.readFileSync(path.join(DIST, "functions.js"), "utf8")).not.toMatch(/\bOffice\.|\bExcel\.run\b/);
});

test("WORSTRAG in the built bundle, called as Excel calls a repeating parameter: one array of the ranges given", () => {
  const runtime = startSharedRuntime(DIST, FakeExcel.fromSheets({ Register: REGISTER }), ["functions.js"]);
  expect(runtime.call("WORSTRAG", [["Green"], ["Amber"], [""]], [["Red", "Unrated"]])).toEqual([["Red"]]);
  expect(runtime.call("WORSTRAG", [["Green"], ["Amber"]])).toEqual([["Amber"]]);
  expect(runtime.call("WORSTRAG")).toEqual([[""]]);
});

test("a month-first workbook opened again: its functions read 1/13/2026 and 1/2/2026 month first, and follow Settings when the user edits it", async () => {
  // Set up in an earlier session, saved, closed; now opened again: the runtime starts afresh.
  const excel = FakeExcel.fromSheets({ Register: REGISTER });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: JAN_1 });
  expect(excel.cell("Settings", dateOrderCell).value).toBe("mdy");

  const runtime = startSharedRuntime(DIST, excel);
  // Excel may calculate before the runtime has read Settings: the default order, so a recalculation must follow.
  expect(daysToExpiry(runtime)).toEqual(DMY);
  await until("Settings read and a recalculation asked for", () => excel.calculations.length > 0);
  expect(daysToExpiry(runtime)).toEqual(MDY);
  expect(excel.calculations).toEqual(["Full"]);

  // The user types the other order into Settings.
  excel.edit("Settings", dateOrderCell, "dmy");
  await until("the edit followed", () => excel.calculations.length > 1);
  expect(daysToExpiry(runtime)).toEqual(DMY);
  excel.edit("Settings", dateOrderCell, "mdy");
  await until("the edit back followed", () => excel.calculations.length > 2);
  expect(daysToExpiry(runtime)).toEqual(MDY);
  expect(excel.calculations).toEqual(["Full", "Full", "Full"]);
  expect(excel.eventErrors).toEqual([]);
}, 60_000);

/**
 * Every function that reads a date, given month-first slash dates, as Excel calls each: 1/13/2026 is
 * 13 January only when the workbook's order is mdy (day first it is no date at all). RAG reads its end
 * date in the order of the thresholds it is given, and in the workbook's when they do not say.
 */
function everyDateReader(runtime: SharedRuntime): Record<string, unknown> {
  const shown = (id: string, ...args: unknown[]): unknown => {
    const cell = (runtime.call(id, ...args) as unknown[][])[0][0];
    return cell instanceof CellError ? cell.code : cell;
  };
  return {
    DAYSTOEXPIRY: shown("DAYSTOEXPIRY", "1/13/2026", JAN_1),
    NOTICEDATE: shown("NOTICEDATE", "1/13/2026", 7),
    DAYSTONOTICE: shown("DAYSTONOTICE", "1/13/2026", 7, "1/2/2026"),
    FINALEXPIRY: shown("FINALEXPIRY", "1/13/2026", "1 year"),
    SLIPPAGE: shown("SLIPPAGE", "1/2/2026", "1/13/2026", "", JAN_1),
    SLIPPAGEPCT: shown("SLIPPAGEPCT", "1/2/2026", "1/12/2026", "1/13/2026"),
    PHASE: shown("PHASE", "1/2/2026", "", "1/13/2026", "1/12/2026"),
    RAG: shown("RAG", 400, "", "", "", null, "1/13/2026"),
    "RAG, thresholds without date_order": shown("RAG", 400, "", "", "", [["expiry_red_days", 90]], "1/13/2026"),
  };
}

test("a month-first workbook opened again: every function that reads a date follows its Settings, RAG's end date too, whatever thresholds it is given", async () => {
  const excel = FakeExcel.fromSheets({ Register: REGISTER });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: JAN_1 });
  const runtime = startSharedRuntime(DIST, excel);
  const dayFirst = everyDateReader(runtime);
  await until("Settings read and a recalculation asked for", () => excel.calculations.length > 0);
  const monthFirst = everyDateReader(runtime);
  expect({ dayFirst, monthFirst }).toEqual({
    dayFirst: {
      DAYSTOEXPIRY: "#VALUE!",
      NOTICEDATE: "#VALUE!",
      DAYSTONOTICE: "#VALUE!",
      FINALEXPIRY: "#VALUE!",
      SLIPPAGE: "#VALUE!",
      SLIPPAGEPCT: "#VALUE!",
      PHASE: "#VALUE!",
      RAG: "Unrated",
      "RAG, thresholds without date_order": "Unrated",
    },
    monthFirst: {
      DAYSTOEXPIRY: 12,
      NOTICEDATE: dateToSerial(2026, 1, 6),
      DAYSTONOTICE: 4,
      FINALEXPIRY: dateToSerial(2027, 1, 13),
      SLIPPAGE: 11,
      SLIPPAGEPCT: 0.1,
      PHASE: "Exit",
      RAG: "Green",
      "RAG, thresholds without date_order": "Green",
    },
  });
  expect(excel.eventErrors).toEqual([]);
}, 60_000);

test("set-up from the ribbon in the built runtime writes the order the register's dates need, and the functions follow it", async () => {
  const excel = FakeExcel.fromSheets({ Register: REGISTER });
  const runtime = startSharedRuntime(DIST, excel);
  await until("the ribbon's handlers associated", () => runtime.ribbon.has("setUpTracker"));
  await until("Settings looked for", () => excel.tableHandlers === 2);
  expect(daysToExpiry(runtime)).toEqual(DMY);
  const setUp = runtime.ribbon.get("setUpTracker");
  await new Promise<void>((completed) => void setUp?.({ completed }));
  expect(excel.cell("Settings", dateOrderCell).value).toBe("mdy");
  await until("the new Settings followed", () => excel.calculations.length > 0);
  expect(daysToExpiry(runtime)).toEqual(MDY);
  expect(excel.eventErrors).toEqual([]);
}, 60_000);

// One argument of a tracker formula as Excel hands it to the function: this row's cell, the AsOf
// name, a Settings lookup or the Settings range, or "". Anything else fails the test: a new kind of
// argument needs saying here.
function argumentOf(token: string, cellOf: (header: string) => unknown, settings: unknown[][]): unknown {
  const own = /^\[@\[(.+)\]\]$/.exec(token);
  if (own) return cellOf(own[1].replace(/'(.)/g, "$1"));
  if (token === '""') return "";
  if (token === "Settings[[Name]:[Value]]") return settings;
  const named = token === "AsOf" ? "as_of" : /^INDEX\(Settings\[Value\],MATCH\("(\w+)",Settings\[Name\],0\)\)$/.exec(token)?.[1];
  if (named) return settings.find((r) => r[0] === named)?.[1];
  throw new Error(`no way to read the argument ${token}`);
}

/** The top-level arguments of `f(a,b(c,d),"e,f")`. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "(" || ch === "[")) depth++;
    if (!quoted && (ch === ")" || ch === "]")) depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  return [...out, current];
}

test("set-up's cached values are what the built functions give once Excel recalculates: a real end date, 31/12/2099, 01/01/2000, blank and unreadable", async () => {
  const book = MemoryWorkbook.fromSheets({
    Register: [
      ["Ref", "Title", "Supplier", "Tier", "Start date", "End date", "Notice period", "Extension options"],
      ["C1", "Cleaning", "Shine Ltd", "Gold", "01/04/2024", "31/05/2025", "3 months", "1+1"],
      ["C2", "Rolling licence", "Softco", "Gold", "01/04/2019", "31/12/2099", "3 months", "none"],
      ["C3", "Rolling licence", "Softco", "Gold", "01/04/2019", 73050, 90, ""],
      ["C4", "Grounds", "Green Ltd", "Silver", "01/04/2024", "", "3 months", ""],
      ["C5", "Catering", "Dine Ltd", "Silver", "01/04/2024", "TBC", 90, "1+1"],
      ["C6", "Legacy", "Old Ltd", "Bronze", "01/04/2024", "01/01/2000", 90, ""],
      ["C7", "Security", "Guard Ltd", "Bronze", "01/04/2020", "31/08/2025", "6 months", "2 x 12 months"],
    ],
  });
  const report = await setUpTracker(book, { asOf: dateToSerial(2025, 3, 31) ?? 0 });
  const runtime = startSharedRuntime(DIST, FakeExcel.fromSheets({ Register: [] }), ["functions.js"]);
  const settings = book.snapshot("Settings").rows;
  const { headers } = book.snapshot("Contracts");
  const unreadable = 5;
  // Columns whose formula reads the end date itself: for "TBC" it says #VALUE! (why, in the cell); a
  // cached value cannot be an error, so set-up's is the core's working without the end date.
  const fromTheEndDate = ["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Phase"];
  const lines = (book.sheets.get("Register") ?? []).slice(1);
  let compared = 0;
  lines.forEach((line, i) => {
    const recalculated = new Map<string, unknown>();
    const cellOf = (header: string): unknown => (recalculated.has(header) ? recalculated.get(header) : line[headers.indexOf(header)].value);
    for (const header of report.addedColumns) {
      // Days to decide is Excel's own arithmetic on the Decide by column (checked here) less AsOf.
      if (header === "Days to decide") continue;
      const cell = line[headers.indexOf(header)];
      const call = /^=CONTRACT\.([A-Z]+)\((.*)\)$/.exec(cell.formula ?? "");
      if (!call) throw new Error(`${header}: ${cell.formula} is not a CONTRACT formula`);
      const result = (runtime.call(call[1], ...splitArguments(call[2]).map((a) => argumentOf(a, cellOf, settings))) as unknown[][])[0][0];
      recalculated.set(header, result);
      if (result instanceof CellError) {
        expect({ row: i + 1, header, code: result.code, aboutTheEndDate: /end date/.test(result.message ?? "") }).toEqual({ row: unreadable, header, code: "#VALUE!", aboutTheEndDate: true });
        expect(fromTheEndDate).toContain(header);
        continue;
      }
      expect({ row: i + 1, header, value: result === "" ? null : result }).toEqual({ row: i + 1, header, value: cell.value });
      compared++;
    }
  });
  expect(report.addedColumns).toEqual(["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "RAG", "RAG reason", "Escalation level"]);
  expect(compared).toBe(lines.length * (report.addedColumns.length - 1) - fromTheEndDate.length);
  const column = (header: string): unknown[] => lines.map((line) => line[headers.indexOf(header)].value);
  // C7 ends in 153 days (Amber), but its notice date, 28 Feb 2025, has passed with its Bronze decide-by date (31 Oct 2024) missed: Red.
  expect(column("RAG")).toEqual(["Red", "Unrated", "Unrated", "Unrated", "Unrated", "Unrated", "Red"]);
  expect(column("Escalation level")).toEqual([3, 0, 0, 0, 0, 0, 2]);
}, 600_000);
