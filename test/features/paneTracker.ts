/**
 * A hand-made tracker for the task pane's models: a register of ten contracts in every phase and
 * RAG, set up with every table, with milestones, KPIs, risks, changes and escalations. Built through
 * the port, so the same tracker stands in the memory workbook and in the fake Excel.
 */
import { dateToSerial } from "../../src/core/dates";
import { setUpTracker } from "../../src/features/setUpTracker";
import { readPaneData } from "../../src/features/paneData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, WorkbookPort } from "../../src/workbook/port";

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? 0;

/** 25/11/2026, the date everything is worked out at. */
export const AS_OF = day(2026, 11, 25);

/** Title block, a blank row, then the header row: the Contracts table's header is sheet row 3 (0-based 2). */
export const REGISTER: CellValue[][] = [
  ["Anytown Council — contract register"],
  [],
  ["Ref", "Contract title", "Provider", "Contract manager", "Tier", "Start date", "Go-live date", "Expiry", "Notice", "Total value", "Status"],
  // Exit, Red: ends in 51 days; its notice date (15/10/2026) passed 41 days ago with nothing decided.
  ["C-001", '=HYPERLINK("http://x","Cleaning")', "Binco Ltd", "Sam Patel", "Gold", "01/04/2022", null, "15/01/2027", "3 months", 100000, "Live"],
  // Delivery, Red: a milestone 40 days late.
  ["C-002", "IT support", "+cmd Ltd", "Jo Bloggs", "Silver", "01/04/2024", null, "31/03/2030", null, 50000, "Live"],
  // Expired 14 days ago.
  ["C-003", "Catering", "@SUM(A1)", "-2+3", "Bronze", "01/04/2021", null, "11/11/2026", null, 7000, "Live"],
  // Closed: left out everywhere.
  ["C-004", "Old contract", "Shine Ltd", "Sam Patel", "Bronze", "01/04/2015", null, "31/03/2018", null, 1000, "Terminated"],
  // Exit, Amber: ends in 156 days; notice date 30/01/2027, in 66 days.
  ["C-005", "Parks", "Green Co", "Jo Bloggs", "Silver", "01/04/2024", null, "30/04/2027", "3 months", 20000, "Live"],
  // Not started; Amber from a KPI at 97%.
  ["C-006", "Security", "Guard Ltd", "Sam Patel", "Gold", "01/12/2026", null, "30/11/2029", null, 30000, "Awarded"],
  // No dates at all: phase Unknown, unrated.
  ["C-007", "Libraries", "Books plc", "Jo Bloggs", "Bronze", null, null, null, null, null, "Live"],
  // Mobilisation (goes live 01/01/2027); Red from a KPI at 80%.
  ["C-008", "Waste", "Bins Ltd", "Sam Patel", "Gold", "01/04/2025", "01/01/2027", "31/03/2032", null, 900000, "Live"],
  // Exit, Red: ends in 15 days; notice date passed, but notice was given.
  ["C-009", "Transport", "Buses Ltd", "Jo Bloggs", "Silver", "01/01/2020", null, "10/12/2026", "1 month", 40000, "Notice given"],
  // Delivery, Green.
  ["C-010", "Grounds", "Lawns Ltd", "Sam Patel", "Bronze", "01/01/2020", null, "31/12/2030", null, 10000, "Live"],
];

/** Sets the register up as the tracker, with every table, and fills Milestones, KPIs, Risks, Changes and Escalations. */
export async function buildTracker(port: WorkbookPort): Promise<void> {
  await setUpTracker(port, { asOf: AS_OF, createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
  await port.appendRows("Milestones", [
    ["C-002", "Data migration", AS_OF - 30, AS_OF + 10, null, "Dev team"],
    ["c-002 ", "Go-live", AS_OF + 60, AS_OF + 65, null, "Dev team"],
    ["C-005", "Handover plan", AS_OF - 5, null, null, "Jo"],
    ["C-005", "Survey", AS_OF - 100, null, AS_OF - 90, "Jo"],
    ["C-010", "Mowing plan", AS_OF - 50, null, AS_OF - 50, "Sam"],
    ["C-004", "Old milestone", AS_OF - 400, null, null, "Sam"],
    ["C-999", "Ghost milestone", AS_OF - 200, null, null, "Nobody"],
  ]);
  await port.appendRows("KPIs", [
    ["C-002", "Uptime", 0.99, 0.999, "Oct 2026", true],
    ["C-006", "Satisfaction", 100, 97, "Oct 2026", true],
    ["C-008", "Response time (hours)", 4, 5, "Oct 2026", false],
    ["C-004", "Old KPI", 100, 10, "2017", true],
  ]);
  await port.appendRows("Risks", [
    ["C-002", "Supplier insolvency", 4, 4, "Jo Bloggs", "Monitor credit reports", "Open"],
    [" c-002", "=HYPERLINK(\"x\") key person leaves", 2, 3, "Jo Bloggs", null, "Mitigating"],
    ["C-001", "Strike", 5, 5, "Sam Patel", null, "Open"],
  ]);
  await port.appendRows("Changes", [["CHG-1", "C-002", "Extra licences", 12000, AS_OF - 10, "Approved", "Sam Patel", AS_OF - 5]]);
  await port.appendRows("Escalations", [["ESC-1", "C-002", AS_OF - 3, "Sam Patel", 2, "Red", "Migration late", "Recovery plan", "Commercial lead", "Open", null, null]]);
}

/**
 * A register whose C-104 is on two rows (a lot split into two lines: sheet rows 3 and 5, body
 * indexes 1 and 3), between contracts whose IDs are their own.
 */
export const SHARED_ID_REGISTER: CellValue[][] = [
  ["Ref", "Contract title", "Provider", "Expiry", "Total value", "Status"],
  ["C-101", "Catering", "Shine Ltd", "31/03/2030", 5000, "Live"],
  ["C-104", "Cleaning – Lot 1 North", "Binco Ltd", "31/03/2030", 100000, "Live"],
  ["C-105", "Parks", "Green Co", "31/03/2030", 20000, "Live"],
  ["c-104 ", "Cleaning – Lot 2 South", "Binco Ltd", "31/03/2030", 80000, "Live"],
];

/** Sheet rows of C-104's two lines. */
export const LOT_1_ROW = 3;
export const LOT_2_ROW = 5;

/**
 * Sets SHARED_ID_REGISTER up with every table and records as a user would have typed them: some
 * giving only C-104, some saying which line in a Which contract column the user added to Milestones.
 */
export async function buildSharedIdTracker(port: WorkbookPort): Promise<void> {
  await setUpTracker(port, { asOf: AS_OF, createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
  await port.appendColumns("Milestones", ["Which contract"]);
  await port.appendRows("Milestones", [
    // Contract ID, Milestone, Baseline, Forecast, Actual, Owner, Slippage, RAG, Which contract
    ["C-104", "North mobilised", AS_OF - 40, AS_OF, null, "Jo", null, null, " cleaning – LOT 1 north"],
    ["C-104", "South mobilised", AS_OF - 10, AS_OF, null, "Jo", null, null, 5],
    ["C-104", "Deep clean", AS_OF + 30, null, null, "Jo", null, null, null],
    ["C-104", "Handover", AS_OF + 60, null, null, "Jo", null, null, "Lot 3"],
    ["C-101", "Menu agreed", AS_OF + 10, null, null, "Sam", null, null, "Cleaning – Lot 1 North"],
  ]);
  await port.appendRows("Risks", [
    ["C-104", "Staff shortage", 3, 3, "Jo", null, "Open"],
    ["C-101", "Food prices", 2, 2, "Sam", null, "Open"],
  ]);
}

/**
 * The pane's tracker (buildTracker over REGISTER) with C-008, Waste, worth £6m: over the
 * Procurement Act's KPI threshold, so its KPI and assessment duties apply. The pane data is read
 * before the change, for the tables' row positions.
 */
export async function trackerOverKpiThreshold(): Promise<{ book: MemoryWorkbook; pane: Awaited<ReturnType<typeof readPaneData>> }> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER });
  await buildTracker(book);
  const pane = await readPaneData(book, { asOf: AS_OF });
  const at = pane.contractsTable.rows.findIndex((r) => r[0] === "C-008");
  await book.updateTableCells("Contracts", [{ row: at, column: "Total value", value: 6_000_000 }]);
  return { book, pane };
}
