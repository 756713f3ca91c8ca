/**
 * Round trips for big registers: reading and writing 100,000 rows × 20 columns must take a number
 * of `context.sync()` calls that grows with megabytes per trip, not with rows, and no trip may
 * exceed Excel on the web's 5 MB limit.
 */
import { setUpTracker } from "../../src/features/setUpTracker";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { BIG_HEADERS, bigRegister } from "../helpers/bigRegister";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel, FakeRequestContext } from "../helpers/fakeExcel";
import { countTripsByCall } from "../helpers/tripCounter";

const HEADERS = BIG_HEADERS;
const register = bigRegister;

interface Measured {
  rows: number;
  writeTrips: number;
  readTrips: number;
  rowsPerWriteTrip: number;
  rowsPerReadTrip: number;
  largestTrip: number;
}

async function measure(n: number): Promise<Measured> {
  const excel = FakeExcel.fromSheets({ Sheet1: [] });
  const book = new ExcelWorkbook(excel.run);
  const rows = register(n);
  await book.addTableSheet("Contracts", "Contracts", HEADERS, rows);
  const writes = [...excel.syncLog];
  excel.clearLog();
  const table = (await book.readTables(["Contracts"])).get("Contracts");
  const reads = [...excel.syncLog];
  expect(table?.rows.length).toBe(n);
  expect(table?.rows[n - 1]).toEqual(rows[n - 1]);
  expect(table?.rows[10]).toEqual(rows[10]);
  for (const trip of [...writes, ...reads]) expect(trip.error).toBeUndefined();
  return {
    rows: n,
    writeTrips: writes.length,
    readTrips: reads.length,
    rowsPerWriteTrip: Math.max(...writes.map((s) => s.cellsWritten)) / HEADERS.length,
    rowsPerReadTrip: Math.max(...reads.map((s) => s.cellsRead)) / HEADERS.length,
    largestTrip: Math.max(...[...writes, ...reads].map((s) => s.requestBytes + s.responseBytes)),
  };
}

describe("round trips for a 100,000-row register", () => {
  test("grow with rows ÷ rows per trip, at most 30 each way, none over 5 MB", async () => {
    const sync = jest.spyOn(FakeRequestContext.prototype, "sync");
    const small = await measure(10_000);
    const large = await measure(100_000);
    const syncCalls = sync.mock.calls.length;
    sync.mockRestore();
    console.log(
      [
        "rows      write trips  read trips  rows/write trip  rows/read trip  largest trip (bytes)",
        ...[small, large].map((m) => `${String(m.rows).padStart(7)}  ${String(m.writeTrips).padStart(11)}  ${String(m.readTrips).padStart(10)}  ${String(Math.round(m.rowsPerWriteTrip)).padStart(15)}  ${String(Math.round(m.rowsPerReadTrip)).padStart(14)}  ${String(m.largestTrip).padStart(20)}`),
      ].join("\n"),
    );
    expect(syncCalls).toBe(small.writeTrips + small.readTrips + large.writeTrips + large.readTrips);
    for (const m of [small, large]) expect(m.largestTrip).toBeLessThanOrEqual(EXCEL_WEB_LIMIT_BYTES);
    expect(large.writeTrips).toBeLessThanOrEqual(30);
    expect(large.readTrips).toBeLessThanOrEqual(30);
    // 90,000 more rows cost about 90,000 ÷ rows-per-trip more trips: the count follows the chunk size, not the rows.
    expect(Math.abs(large.writeTrips - small.writeTrips - 90_000 / large.rowsPerWriteTrip)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(large.readTrips - small.readTrips - 90_000 / large.rowsPerReadTrip)).toBeLessThanOrEqual(1.5);
  });

  test("set-up of a 100,000-row register stays within 30 round trips", async () => {
    const rows = register(100_000);
    const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...rows] });
    const book = new ExcelWorkbook(excel.run);
    const steps: [string, number][] = [];
    const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
      const before = excel.trips;
      await work();
      steps.push([name, excel.trips - before]);
    };
    await step("find the register (readUsedRange)", async () => expect((await book.readUsedRange("Register")).values).toHaveLength(100_003));
    await step("convert it to a table", () => book.convertToTable("Contracts", "Register", 2, 0, 100_001, 20));
    await step("append 10 computed columns", () =>
      book.appendComputedColumns(
        "Contracts",
        ["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Phase", "Slippage", "KPI attainment", "RAG", "RAG reason", "Escalation level"].map((header) => ({ header, formula: `=CONTRACT.STUB([@[End date]],"${header}")` })),
      ),
    );
    await step("RAG colours", () => book.addRagFormat({ table: "Contracts", column: "RAG" }));
    await step("Tier drop-down", () => book.addDropDown({ table: "Contracts", column: "Tier", choices: ["Gold", "Silver", "Bronze"] }));
    await step("AsOf name", () => book.defineName("AsOf", "=Settings!$B$2"));
    await step("save the mapping", () => book.saveSetting("headerMapping", "{}"));
    console.log(`set-up of 100,000 rows: ${excel.trips} round trips\n${steps.map(([name, n]) => `  ${String(n).padStart(3)}  ${name}`).join("\n")}`);
    expect(excel.trips).toBeLessThanOrEqual(30);
    expect(excel.largestTrip).toBeLessThanOrEqual(EXCEL_WEB_LIMIT_BYTES);
    expect(excel.cell("Register", "AD100003").formula).toBe('=CONTRACT.STUB([@[End date]],"Escalation level")');
  });
});

describe("the set-up feature over the Office adapter", () => {
  /** Runs the whole set-up on an n-row register; returns its trips, what each port call took, and the fake. */
  async function setUp(n: number): Promise<{ trips: number; calls: Map<string, number>; excel: FakeExcel; rows: CellValue[][] }> {
    const rows = register(n);
    const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...rows] });
    const book = new ExcelWorkbook(excel.run);
    const calls = new Map<string, number>();
    const counted = countTripsByCall(book, excel, calls);
    await setUpTracker(counted, { asOf: 45747, createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
    return { trips: excel.trips, calls, excel, rows };
  }

  test("100,000 rows take at most 30 round trips, growing with rows per trip, not with rows", async () => {
    const small = await setUp(10_000);
    const large = await setUp(100_000);
    console.log(`set-up round trips: 10,000 rows ${small.trips}, 100,000 rows ${large.trips}\n${[...large.calls].map(([call, n]) => `  ${String(n).padStart(3)}  ${call}`).join("\n")}`);
    expect(large.trips).toBeLessThanOrEqual(30);
    // Only reading the register grows with it: 90,000 more rows are a handful more trips, not thousands.
    expect(large.trips - small.trips).toBeLessThanOrEqual(8);
    expect(large.calls.get("readUsedRange")).toBeGreaterThan(1);
    expect(large.excel.largestTrip).toBeLessThanOrEqual(EXCEL_WEB_LIMIT_BYTES);
    // The register is the Contracts table in place, its last row untouched, computed columns beside it.
    const { excel, rows } = large;
    expect(excel.tableAddress("Contracts")).toBe("A3:AF100003");
    expect(excel.values("Register", "A100003:T100003")[0]).toEqual(rows[99_999].map((v) => (v === null ? "" : v)));
    expect(excel.cell("Register", "U100003").formula).toBe("=CONTRACT.DAYSTOEXPIRY([@[End date]],AsOf)");
    expect(excel.conditionalFormats("Register").map((f) => f.address)).toEqual(["AD4:AD100003", "AD4:AD100003", "AD4:AD100003", "AD4:AD100003"]);
  }, 120_000);
});
