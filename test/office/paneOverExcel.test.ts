/**
 * The task pane's models and forms over the Office adapter and the fake Excel, as they run in the
 * add-in: the same tracker as test/features, built through Excel JS; the same answers; the writes
 * landing where and how Excel would put them; the selection followed through Excel's event.
 */
import { dateToSerial } from "../../src/core/dates";
import { contractCard } from "../../src/features/contractCard";
import { dashboard } from "../../src/features/dashboard";
import { addMilestone, addRisk, logEscalation, recordChangeFor } from "../../src/features/forms";
import { markClosed, planClosing } from "../../src/features/markClosed";
import { readPaneData } from "../../src/features/paneData";
import { followSelection } from "../../src/features/selectionFollowing";
import { readSettingsForm, saveSettings } from "../../src/features/settingsEditor";
import { setUpTracker } from "../../src/features/setUpTracker";
import { setWorkbookSettings } from "../../src/features/workbookSettings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, REGISTER, buildTracker } from "../features/paneTracker";
import { FakeExcel } from "../helpers/fakeExcel";

// Excel has not calculated =TODAY() in the fake: the as-of date is given, as a pinned one would be.
const AT = { asOf: AS_OF };

async function tracker(): Promise<{ excel: FakeExcel; book: ExcelWorkbook }> {
  const excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  const book = new ExcelWorkbook(excel.run);
  await buildTracker(book);
  excel.clearLog();
  return { excel, book };
}

afterEach(() => setWorkbookSettings(DEFAULT_SETTINGS));

test("the dashboard and the card read the same through Excel JS as from the memory workbook", async () => {
  const { book } = await tracker();
  const memory = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(memory);
  const overExcel = await readPaneData(book, AT);
  const inMemory = await readPaneData(memory, AT);
  expect(dashboard(overExcel.data)).toEqual(dashboard(inMemory.data));
  expect(dashboard(overExcel.data).rag).toEqual({ red: 5, amber: 2, green: 1, unrated: 1 });
  for (let i = 0; i < 10; i++) expect(contractCard(overExcel.data, overExcel.tables, i)).toEqual(contractCard(inMemory.data, inMemory.tables, i));
});

test("a risk lands as the next row of the Risks table: text as text, its Score and RAG formulas carried down", async () => {
  const { excel, book } = await tracker();
  const result = await addRisk(book, { contractId: "c-003", risk: "=HYPERLINK(\"http://x\")", likelihood: "3", impact: "5", owner: "+44 20 7946 0000", status: "open" }, AT);
  expect(result).toEqual({ ok: true, table: "Risks", bodyIndex: 3, contractId: "C-003", score: 15, rag: "Red" });
  expect(excel.tableAddress("Risks")).toBe("A1:I5");
  expect(excel.values("Risks", "A5:G5")).toEqual([["C-003", '=HYPERLINK("http://x")', 3, 5, "+44 20 7946 0000", "", "Open"]]);
  expect(["B5", "E5"].map((a) => excel.cell("Risks", a).formula)).toEqual([undefined, undefined]);
  // the row's own cells by structured reference: the same formula as the first row's
  expect(excel.cell("Risks", "H5").formula).toMatch(/\[@\[Likelihood\]\]\*\[@\[Impact\]\]/);
  expect(["H5", "I5"].map((a) => excel.cell("Risks", a).formula)).toEqual(["H2", "I2"].map((a) => excel.cell("Risks", a).formula));
});

test("a form makes the table it needs, as set-up would, and fills Excel's blank first row", async () => {
  const excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  const book = new ExcelWorkbook(excel.run);
  await setUpTracker(book, { asOf: AS_OF });
  expect(await addMilestone(book, { contractId: "C-002", milestone: "Data migration", baselineDate: "26/10/2026", forecastDate: "1 December 2026" }, AT)).toMatchObject({ ok: true, table: "Milestones", bodyIndex: 0, slippageDays: 36, rag: "Red" });
  expect(excel.tableAddress("Milestones")).toBe("A1:H2");
  expect(excel.values("Milestones", "A2:F2")).toEqual([["C-002", "Data migration", dateToSerial(2026, 10, 26), dateToSerial(2026, 12, 1), "", ""]]);
  expect(excel.cell("Milestones", "G2").formula).toMatch(/^=CONTRACT\.SLIPPAGE\(/);
  expect(await recordChangeFor(book, { contractId: "C-001", description: "-cut", valueImpact: "-500" }, AT)).toMatchObject({ ok: true, changeId: "CHG-20261125-001", bodyIndex: 0 });
  expect(excel.values("Changes", "A2:F2")).toEqual([["CHG-20261125-001", "C-001", "-cut", -500, AS_OF, "Proposed"]]);
  expect(excel.validations("Changes").map((v) => v.address)).toEqual(["F2"]);
  expect(await logEscalation(book, { contractId: "C-001", level: "2", reason: "@risk", raisedBy: "Sam Patel" }, AT)).toMatchObject({ ok: true, escalationId: "ESC-20261125-001", owner: "Commercial lead / head of service" });
  expect(excel.values("Escalations", "A2:J2")[0].slice(4, 10)).toEqual([2, "Red", "@risk", expect.stringContaining("Notice date 15 Oct 2026"), "Commercial lead / head of service", "Open"]);
  expect(excel.cell("Escalations", "G2").formula).toBeUndefined();
});

test("saving settings changes the Value cells in one trip after one to find the table; as_of keeps =TODAY()", async () => {
  const { excel, book } = await tracker();
  const { tables } = await readPaneData(book, AT);
  expect(readSettingsForm(tables).find((f) => f.name === "as_of")).toMatchObject({ value: "", row: 12 });
  excel.clearLog();
  const saved = await saveSettings(book, { expiry_red_days: "60", ladder_level_1: "=Sam", as_of: "" });
  expect(saved).toMatchObject({ ok: true, changed: ["expiry_red_days", "ladder_level_1"] });
  expect(excel.values("Settings", "B2")).toEqual([[60]]);
  expect(excel.cell("Settings", "B15")).toMatchObject({ value: "=Sam" });
  expect(excel.cell("Settings", "B15").formula).toBeUndefined();
  expect(excel.cell("Settings", "B14").formula).toBe("=TODAY()");
  // reading Settings takes two trips (its shape, then its rows); changing it two more
  expect(excel.trips).toBe(4);
  await saveSettings(book, { as_of: "01/12/2026" });
  expect(excel.cell("Settings", "B14")).toEqual({ value: dateToSerial(2026, 12, 1), numberFormat: "General" });
});

test("the card follows the selection through Excel's SelectionChanged event, one read per move, until it stops", async () => {
  const { excel, book } = await tracker();
  const { data, tables, contractsTable } = await readPaneData(book, AT);
  const shown: (string | null)[] = [];
  excel.clearLog();
  const stop = await followSelection(book, contractsTable, (bodyIndex) => shown.push(bodyIndex === null ? null : (contractCard(data, tables, bodyIndex)?.id ?? null)));
  expect([excel.trips, excel.selectionHandlers]).toEqual([1, 1]);
  excel.select("Register", "B5:D6");
  await excel.eventsDelivered();
  excel.select("Register", "A13");
  await excel.eventsDelivered();
  excel.select("Settings", "A1");
  await excel.eventsDelivered();
  await book.selectTableCell("Contracts", 4, "Provider");
  await excel.eventsDelivered();
  expect(shown).toEqual(["C-002", "C-010", null, "C-005"]);
  expect(excel.trips).toBe(1 + 4 + 2); // registering, a read per move, and selecting a cell
  await stop();
  expect(excel.selectionHandlers).toBe(0);
  excel.select("Register", "A4");
  await excel.eventsDelivered();
  expect(shown).toHaveLength(4);
  expect(excel.eventErrors).toEqual([]);
});

test("Mark as closed writes each closing status as text through Excel JS, in a trip after reading; a missing Status column is added first", async () => {
  const old = [
    ["Ref", "Contract title", "Start date", "Expiry", "Status"],
    ["C-101", "Cleaning", "01/04/2016", "31/03/2019", ""],
    ["C-102", "Catering", "01/04/2016", "31/03/2019", "-2+3 (was live)"],
    ["C-103", "Parks", "01/04/2024", "30/04/2027", "Live"],
  ];
  const excel = FakeExcel.fromSheets({ Register: old.map((r) => [...r]) });
  const book = new ExcelWorkbook(excel.run);
  await setUpTracker(book, { asOf: AS_OF });
  const plan = await planClosing(book, [{ row: 2, id: "C-101" }, { row: 3, id: "C-102" }], AT);
  excel.clearLog();
  expect(await markClosed(book, plan, AT)).toMatchObject({ written: ["C-101", "C-102"], closedNow: 2 });
  expect(excel.values("Register", "E2:E4")).toEqual([["Closed"], ["Closed (was: -2+3 (was live))"], ["Live"]]);
  expect(["E2", "E3"].map((a) => excel.cell("Register", a).formula)).toEqual([undefined, undefined]);
  // planning again to check nothing changed (the saved mapping, then the tables' shape and rows: 3),
  // writing the cells (2: find the table, write), reading back to count them closed (3)
  expect(excel.trips).toBe(8);

  const bare = FakeExcel.fromSheets({ Register: old.map((r) => r.slice(0, 4)) });
  const noStatus = new ExcelWorkbook(bare.run);
  await setUpTracker(noStatus, { asOf: AS_OF });
  const headers = (await noStatus.readTables(["Contracts"])).get("Contracts")?.headers ?? [];
  const added = await markClosed(noStatus, await planClosing(noStatus, [{ row: 2, id: "C-101" }], AT), AT);
  expect(added).toMatchObject({ addedColumn: true, column: "Status", closedNow: 1 });
  const table = (await noStatus.readTables(["Contracts"])).get("Contracts");
  expect(table?.headers).toEqual([...headers, "Status"]);
  expect(table?.rows.map((r) => r[r.length - 1])).toEqual(["Closed", null, null]);
});

test("a KPI the register formats as a percentage shows as one on the card, through Excel JS and in memory alike", async () => {
  // 0.95 formatted 0% is what Excel stores when a user types 95%: the card must say 95%, never 0.95.
  const { excel, book } = await tracker();
  const memory = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(memory);
  for (const port of [book, memory]) await port.appendRows("KPIs", [["C-001", "On-time visits", 0.95, 0.97, "Oct 2026", true]]);
  const kpis = excel.table("KPIs");
  const lastRow = kpis.row + kpis.rowCount - 1;
  for (const column of [2, 3]) {
    kpis.sheet.setNumberFormat(lastRow, kpis.column + column, "0%");
    const snapshot = memory.snapshot("KPIs");
    memory.cell(snapshot.sheet, snapshot.row + snapshot.rows.length, snapshot.column + column).numberFormat = "0%";
  }
  const cardOf = async (port: ExcelWorkbook | MemoryWorkbook) => {
    const { data, tables } = await readPaneData(port, AT);
    const index = data.contracts.findIndex((c) => c.fields.contractId === "C-001");
    return contractCard(data, tables, index);
  };
  const overExcel = await cardOf(book);
  expect(overExcel?.kpis.find((k) => k.kpi === "On-time visits")).toMatchObject({ target: 0.95, actual: 0.97, percent: true });
  expect(await cardOf(memory)).toEqual(overExcel);
  // The register's other KPIs keep their own formats: a count of hours is no percentage.
  const { data, tables } = await readPaneData(book, AT);
  const c008 = contractCard(data, tables, data.contracts.findIndex((c) => c.fields.contractId === "C-008"));
  expect(c008?.kpis.map((k) => k.percent)).toEqual([false]);
});
