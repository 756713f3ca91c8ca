import { dateToSerial } from "../../src/core/dates";
import { renderText } from "../../src/core/summaryRender";
import { contractCard } from "../../src/features/contractCard";
import { dashboard } from "../../src/features/dashboard";
import { readPaneData } from "../../src/features/paneData";
import { setUpTracker } from "../../src/features/setUpTracker";
import { summarise } from "../../src/features/trackerData";
import type { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// Decide-by dates through what a contract manager sees: the tracker's columns, the dashboard's list,
// the contract card and the summary, over one register worked out at 1 Mar 2026.
const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const AS_OF = day(2026, 3, 1);

const REGISTER: CellValue[][] = [
  ["Ref", "Title", "Supplier", "Tier", "End date", "Notice period", "Status"],
  // Gold, 540 days before its notice date (31 Dec 2027): 9 Jul 2026, in 130 days: not yet listed.
  ["D-1", "Waste collection", "Bins Ltd", "Gold", "31/03/2028", "3 months", "Live"],
  // Silver, 270 days before 31 Dec 2026: 5 Apr 2026, in 35 days: listed, still Green.
  ["D-2", "Grounds", "Lawns Ltd", "Silver", "31/12/2026", "", "Live"],
  // Bronze, 120 days before its notice date 1 Jul 2026 (90 days before 29 Sep 2026): 3 Mar 2026, in 2 days.
  ["D-3", "Printing", "Ink plc", "Bronze", "29/09/2026", 90, "Live"],
  // No tier: 180 days before 31 Jan 2027, 4 Aug 2026: in 156 days, not listed.
  ["D-4", "Cleaning", "Shine Ltd", "", "31/01/2027", "", "Live"],
  // Silver: notice by 30 Mar 2027 (EDATE of 30 Jun 2027, −3), less 270 days: 3 Jul 2026, in 124 days.
  ["D-5", "Catering", "Dine Ltd", "Silver", "30/06/2027", "3 months", "Live"],
  // Gold: 540 days before its notice date 1 Mar 2027: 7 Sep 2025, passed 175 days ago: Amber.
  ["D-6", "Transport", "Buses Ltd", "Gold", "01/04/2027", "1 month", "Live"],
  // Gold: notice by 30 Nov 2025, passed: inside its notice period, so its passed decide-by date (8 Jun 2024) is Red.
  ["D-7", "Security", "Guard Ltd", "Gold", "31/05/2026", "6 months", "Live"],
  // Bronze, decide-by in 10 days, but the register records the decision: not listed.
  ["D-8", "Libraries", "Books plc", "Bronze", "10/07/2026", "", "Extension agreed"],
];

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await setUpTracker(book, { asOf: AS_OF });
  return book;
}

test("the Decide by and Days to decide columns hold each contract's date, by its tier, from its notice date where that is earlier", async () => {
  const book = await tracker();
  const headers = book.snapshot("Contracts").headers;
  const column = (header: string): unknown[] => (book.sheets.get("Register") ?? []).slice(1).map((line) => line[headers.indexOf(header)].value);
  expect(column("Decide by")).toEqual([day(2026, 7, 9), day(2026, 4, 5), day(2026, 3, 3), day(2026, 8, 4), day(2026, 7, 3), day(2025, 9, 7), day(2024, 6, 8), day(2026, 3, 12)]);
  expect(column("Days to decide")).toEqual([130, 35, 2, 156, 124, -175, -631, 11]);
  expect(column("RAG").slice(0, 7)).toEqual(["Green", "Green", "Green", "Green", "Green", "Amber", "Red"]);
});

test("the dashboard lists decisions due in the next 90 days, soonest first, and leaves out one the register says is decided", async () => {
  const { data } = await readPaneData(await tracker());
  const board = dashboard(data);
  expect(board.decisions.withinDays).toBe(90);
  expect(board.decisions.upcoming.map((d) => [d.id, d.daysToDecide, d.tier])).toEqual([
    ["D-3", 2, "Bronze"],
    ["D-2", 35, "Silver"],
  ]);
  expect(board.decisions.upcoming[0]).toMatchObject({ title: "Printing", decideBy: day(2026, 3, 3), endDate: day(2026, 9, 29), row: 4, bodyIndex: 2 });
});

test("the contract card shows the decide-by date; a passed one is among the reasons and the action", async () => {
  const { data, tables } = await readPaneData(await tracker());
  const coming = contractCard(data, tables, 1);
  expect(coming?.dates).toMatchObject({ decideBy: day(2026, 4, 5), daysToDecide: 35 });
  const passed = contractCard(data, tables, 5);
  expect(passed?.dates).toMatchObject({ decideBy: day(2025, 9, 7), daysToDecide: -175 });
  expect(passed?.assessment).toMatchObject({ rag: "Amber", level: 1 });
  expect(passed?.assessment.reasons).toContain("Decide by 7 Sept 2025 passed 175 days ago with no decision recorded (amber once passed)");
  expect(passed?.assessment.action).toBe("Decide by 7 Sept 2025 passed 175 days ago: decide now whether to extend or re-procure (lead time 540 days for Gold)");
});

test("the summary says each decide-by date coming up in words, and a passed one inside the notice period is among the reasons, in red", async () => {
  const { data } = await readPaneData(await tracker());
  const summary = summarise(data);
  const text = renderText(summary);
  expect(text).toContain("Extend or re-procure, decide-by dates in the next 90 days (2):\n  - D-3 Printing: decide by 3 Mar 2026: 2 days\n  - D-2 Grounds: decide by 5 Apr 2026: 35 days\n");
  const d7 = summary.contracts.find((c) => c.id === "D-7");
  expect(d7).toMatchObject({ rag: "Red", level: 3 });
  expect(d7?.reasons).toContain("Decide by 8 Jun 2024 passed 631 days ago with no decision recorded (red from the notice date)");
});
