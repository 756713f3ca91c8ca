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
