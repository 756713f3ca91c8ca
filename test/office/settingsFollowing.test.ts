/**
 * The cell functions follow the workbook's Settings through the Office adapter and the fake Excel:
 * read at start-up (a workbook opened again), after an edit in the sheet, after set-up makes the
 * table, after a save from the pane; Excel recalculates when the date order changes, and only then.
 */
import { dateToSerial } from "../../src/core/dates";
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS } from "../../src/core/settings";
import { saveSettings } from "../../src/features/settingsEditor";
import { followWorkbookSettings } from "../../src/features/settingsFollowing";
import { setUpTracker } from "../../src/features/setUpTracker";
import { setWorkbookSettings, workbookSettings } from "../../src/features/workbookSettings";
import { daysToExpiry } from "../../src/functions/functions";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import type { CellValue, WorkbookPort } from "../../src/workbook/port";
import { FakeExcel } from "../helpers/fakeExcel";

const JAN_1 = dateToSerial(2026, 1, 1) ?? 0;
const MONTH_FIRST: CellValue[][] = [
  ["Contract ID", "Supplier", "End date"],
  ["C1", "Acme", "1/13/2026"],
  ["C2", "Binco", "1/2/2026"],
];

/** What DAYSTOEXPIRY shows for 1/13/2026 and 1/2/2026 counted from 1 January 2026, as Excel calls it. */
function shown(): unknown[] {
  return daysToExpiry([["1/13/2026"], ["1/2/2026"]], [[JAN_1]]).map(([cell]) => (typeof cell === "number" ? cell : (cell as { code: string }).code));
}
const MDY = [12, 1]; // 13 January, 2 January
const DMY = ["#VALUE!", 31]; // no 13th month, 1 February

/** The Settings sheet's Value cell of a setting (the table starts at A1, one row a setting). */
const valueAddress = (name: string): string => `B${SETTING_DEFINITIONS.findIndex((d) => d.name === name) + 2}`;

const stops: (() => Promise<void>)[] = [];
async function follow(port: WorkbookPort, onError?: (e: unknown) => void): Promise<void> {
  stops.push(await followWorkbookSettings(port, onError));
}

/** Everything Excel and the runtime set off has happened: events delivered, reads and recalculations done. */
async function settled(excel: FakeExcel): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await excel.eventsDelivered();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(excel.eventErrors).toEqual([]);
}

/** A month-first register set up as the wizard does it; the runtime then starts afresh, as when the workbook is opened again. */
async function monthFirstTracker(): Promise<{ excel: FakeExcel; port: ExcelWorkbook }> {
  const excel = FakeExcel.fromSheets({ Register: MONTH_FIRST });
  const port = new ExcelWorkbook(excel.run);
  await setUpTracker(port, { asOf: JAN_1 });
  setWorkbookSettings(DEFAULT_SETTINGS);
  excel.model.calculations.length = 0;
  return { excel, port };
}

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  setWorkbookSettings(DEFAULT_SETTINGS);
});

test("opened again, the functions read text dates in the order the workbook's Settings say, and cells already calculated are recalculated", async () => {
  const { excel, port } = await monthFirstTracker();
  expect(excel.cell("Settings", valueAddress("date_order")).value).toBe("mdy");
  expect(shown()).toEqual(DMY); // before the runtime has read Settings
  await follow(port);
  expect(workbookSettings().dateOrder).toBe("mdy");
  expect(shown()).toEqual(MDY);
  await settled(excel);
  expect(excel.calculations).toEqual(["Full"]);
});

test("a date order typed into Settings is followed at once and Excel recalculates; other edits recalculate nothing", async () => {
  const { excel, port } = await monthFirstTracker();
  await follow(port);
  await settled(excel);
  excel.edit("Settings", valueAddress("date_order"), "dmy");
  await settled(excel);
  expect(shown()).toEqual(DMY);
  expect(excel.calculations).toEqual(["Full", "Full"]);
  excel.edit("Settings", valueAddress("expiry_red_days"), 60);
  await settled(excel);
  expect(workbookSettings()).toMatchObject({ dateOrder: "dmy", expiryRedDays: 60 });
  expect(excel.calculations).toHaveLength(2);
  // A threshold that does not read leaves the date order the table gives.
  excel.edit("Settings", valueAddress("date_order"), "MDY");
  excel.edit("Settings", valueAddress("expiry_red_days"), "lots");
  await settled(excel);
  expect(shown()).toEqual(MDY);
  // Edits elsewhere are not Settings: nothing is read again.
  const trips = excel.trips;
  excel.edit("Register", "C2", "1/14/2026");
  await settled(excel);
  expect(excel.trips).toBe(trips);
});

test("a Settings table made after start-up (set-up from the ribbon or the wizard) is followed", async () => {
  const excel = FakeExcel.fromSheets({ Register: MONTH_FIRST });
  const port = new ExcelWorkbook(excel.run);
  await follow(port);
  expect(workbookSettings().dateOrder).toBe("dmy");
  await setUpTracker(port, { asOf: JAN_1 });
  await settled(excel);
  expect(shown()).toEqual(MDY);
  expect(excel.calculations).toEqual(["Full"]);
});

test("a date order saved from the pane reaches the functions and recalculates once", async () => {
  const { excel, port } = await monthFirstTracker();
  await follow(port);
  await settled(excel);
  const saved = await saveSettings(port, { date_order: "dmy" });
  expect(saved).toMatchObject({ ok: true, changed: ["date_order"] });
  expect(shown()).toEqual(DMY);
  await settled(excel);
  expect(excel.calculations).toEqual(["Full", "Full"]);
});

test("stopped, it removes its handlers and neither reads nor recalculates again", async () => {
  const { excel, port } = await monthFirstTracker();
  const stop = await followWorkbookSettings(port);
  expect(excel.tableHandlers).toBe(2);
  await stop();
  expect(excel.tableHandlers).toBe(0);
  await settled(excel);
  setWorkbookSettings(DEFAULT_SETTINGS);
  excel.edit("Settings", valueAddress("date_order"), "mdy");
  await settled(excel);
  expect(workbookSettings().dateOrder).toBe("dmy");
  expect(excel.calculations).toEqual(["Full"]);
});

test("a read that fails is reported, and the functions keep the order they had", async () => {
  const { port } = await monthFirstTracker();
  setWorkbookSettings({ ...DEFAULT_SETTINGS, dateOrder: "mdy" });
  const refusing: WorkbookPort = Object.assign(Object.create(port) as ExcelWorkbook, {
    readTables: () => Promise.reject(new Error("Could not read the tables \"Settings\": the workbook is protected")),
  });
  const errors: unknown[] = [];
  await follow(refusing, (e) => errors.push(e));
  expect(errors).toEqual([new Error("Could not read the tables \"Settings\": the workbook is protected")]);
  expect(shown()).toEqual(MDY);
});

test("the page's two scripts each have their own copy of the settings module, and share one setting", () => {
  // functions.js and taskpane.js are separate webpack entries: each holds its own copy of every
  // module they both import. Two isolated module registries stand for the two scripts.
  let fromPane: typeof import("../../src/features/workbookSettings") | undefined;
  let fromFunctions: typeof import("../../src/functions/functions") | undefined;
  jest.isolateModules(() => {
    fromPane = require("../../src/features/workbookSettings");
  });
  jest.isolateModules(() => {
    fromFunctions = require("../../src/functions/functions");
  });
  if (!fromPane || !fromFunctions) throw new Error("modules not loaded");
  fromPane.setWorkbookSettings({ ...DEFAULT_SETTINGS, dateOrder: "mdy" });
  expect(fromFunctions.daysToExpiry([["1/13/2026"]], [[JAN_1]])).toEqual([[12]]);
  fromPane.setWorkbookSettings({ ...DEFAULT_SETTINGS });
  expect(fromFunctions.daysToExpiry([["1/2/2026"]], [[JAN_1]])).toEqual([[31]]);
});
