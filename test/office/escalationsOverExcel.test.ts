/**
 * The ribbon's escalation features over the Office adapter and the fake Excel, as they run in the
 * add-in: the same calls test/features makes of the memory workbook, here through Excel JS.
 */
import { dateToSerial } from "../../src/core/dates";
import { escalateSelected, expiringSoon, runEscalationSummary } from "../../src/features/escalations";
import { setUpTracker } from "../../src/features/setUpTracker";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { DESKTOP_TRIP_BUDGET } from "../../src/office/hostWorkbook";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../helpers/fakeExcel";
import { countTripsByCall } from "../helpers/tripCounter";

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;
const REGISTER = [
  ["Anytown Council — contract register"],
  [],
  ["Ref", "Contract title", "Provider", "Contract manager", "Tier", "Start date", "Expiry", "Notice", "Total value", "Status"],
  ["C-001", '=HYPERLINK("http://x","y")', "Binco Ltd", "Sam Patel", "Gold", "01/04/2022", "15/01/2027", "3 months", 100000, "Live"],
  ["C-002", "Cleaning", "+cmd", "Jo Bloggs", "Silver", "01/04/2024", "31/03/2030", "", 50000, "Live"],
  ["C-003", "<img src=x onerror=alert(1)>", "@SUM(A1)", "-2+3", "Bronze", "01/04/2021", "11/11/2026", "", 7000, "Live"],
];

async function tracker(): Promise<{ excel: FakeExcel; book: ExcelWorkbook }> {
  const excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  const book = new ExcelWorkbook(excel.run);
  await setUpTracker(book, { asOf: AS_OF, createTables: ["Escalations"] });
  excel.clearLog();
  return { excel, book };
}

test("the escalation summary writes its sheet through Excel JS, text as text, and replaces it on a second run", async () => {
  const { excel, book } = await tracker();
  const first = await runEscalationSummary(book, { asOf: AS_OF });
  expect(first).toMatchObject({ sheet: "Escalations 2026-11-25", replaced: false });
  const sheet = excel.sheet(first.sheet);
  const formulas = [...sheet.rows].flatMap(([r, line]) => line.flatMap((_, c) => (sheet.formula(r, c) === undefined ? [] : [[r, c]])));
  expect(formulas).toEqual([]);
  expect(excel.charts(first.sheet).map((c) => c.title)).toEqual(["Contracts by RAG"]);
  // The log's Raised at shows as a date: rows added to a table take the format of the row above.
  expect(excel.cell("Escalations", "C2")).toMatchObject({ value: AS_OF, numberFormat: "dd/mm/yyyy" });
  expect(excel.cell("Escalations", `C${first.logged.length + 1}`).numberFormat).toBe("dd/mm/yyyy");
  const second = await runEscalationSummary(book, { asOf: AS_OF });
  expect(second).toMatchObject({ replaced: true, logged: [] });
  expect((await book.sheetNames()).filter((name) => name === first.sheet)).toHaveLength(1);
  expect(excel.charts(first.sheet)).toHaveLength(1);
});

test("Escalate selected reads the user's selection, and Expiring soon sets Excel's AutoFilter", async () => {
  const { excel, book } = await tracker();
  const contracts = excel.tableAddress("Contracts");
  expect(contracts.startsWith("A3:")).toBe(true);
  excel.select("Register", "B5:C6");
  expect((await escalateSelected(book, { asOf: AS_OF })).logged.map((l) => l.contract)).toEqual(["C-002", "C-003"]);
  await expiringSoon(book, { asOf: AS_OF });
  expect(excel.filters("Contracts")).toEqual({ "Days to expiry": { filterOn: "Custom", criterion1: ">=0", criterion2: "<=180", operator: "And" } });
});

describe("round trips of the escalation summary", () => {
  /** A set-up tracker of n contracts, about one in four needing attention. */
  async function bigTracker(n: number): Promise<FakeExcel> {
    const rows = [];
    for (let i = 0; i < n; i++) rows.push([`C-${i}`, `Service ${i}`, `Supplier ${i % 50}`, "Sam Patel", ["Gold", "Silver", "Bronze"][i % 3], AS_OF - 700, AS_OF - 30 + ((i * 37) % 1200), "", 1000 + i, "Live"]);
    const excel = FakeExcel.fromSheets({ Register: [REGISTER[2], ...rows] });
    await setUpTracker(new ExcelWorkbook(excel.run), { asOf: AS_OF, createTables: ["Milestones", "KPIs", "Escalations"] });
    excel.clearLog();
    return excel;
  }

  test("on the desktop the reads take the same few trips for 1,000 or 20,000 contracts; a second run logs nothing", async () => {
    const measured: { trips: number; reads: number; logRows: number }[] = [];
    for (const n of [1_000, 20_000]) {
      const excel = await bigTracker(n);
      excel.payloadLimit = Number.POSITIVE_INFINITY; // Excel on Windows and Mac
      const book = new ExcelWorkbook(excel.run, { tripBudget: DESKTOP_TRIP_BUDGET });
      const calls = new Map<string, number>();
      const counting = countTripsByCall(book, excel, calls);
      const run = await runEscalationSummary(counting, { asOf: AS_OF });
      const reads = (calls.get("loadSetting") ?? 0) + (calls.get("readTables") ?? 0);
      measured.push({ trips: excel.trips, reads, logRows: run.logged.length });
      const second = await runEscalationSummary(book, { asOf: AS_OF });
      expect(second).toMatchObject({ replaced: true, logged: [] });
      expect(excel.table("Escalations").rect.rowCount - 1).toBe(run.logged.length);
    }
    expect(measured[0].trips).toBe(measured[1].trips);
    expect(measured.map((m) => m.reads)).toEqual([measured[0].reads, measured[0].reads]);
    expect(measured[1].reads).toBeLessThanOrEqual(4);
    expect(measured[1].logRows).toBeGreaterThan(measured[0].logRows * 10);
  }, 120_000);

  test("on the web every trip stays under 5 MB", async () => {
    const excel = await bigTracker(20_000);
    await runEscalationSummary(new ExcelWorkbook(excel.run), { asOf: AS_OF });
    expect(excel.largestTrip).toBeLessThanOrEqual(EXCEL_WEB_LIMIT_BYTES);
    expect(excel.syncLog.every((s) => s.error === undefined)).toBe(true);
  }, 120_000);
});
