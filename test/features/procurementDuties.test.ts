import { clearNotices, currentNotices } from "../../src/features/notices";
import { readPaneData } from "../../src/features/paneData";
import { confirmRating, dutiesNotice, readTrackerDuties, trackerDuties } from "../../src/features/procurementDuties";
import { ActionEvent, RibbonHost, registerRibbon } from "../../src/commands/ribbon";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, trackerOverKpiThreshold } from "./paneTracker";

// The Procurement Act duties over a tracker set up in the in-memory workbook, its Changes and KPIs
// tables added to here: what the pane lists, what the ribbon's button says, and confirming a rating.

async function tracker(): Promise<MemoryWorkbook> {
  // C-008, Waste: now worth £6m, two KPIs, the last assessed 13 months ago.
  const { book } = await trackerOverKpiThreshold();
  await book.appendRows("KPIs", [["C-008", "Bins collected", 100, 90, "Oct 2025", true, AS_OF - 400]]);
  await book.appendRows("Changes", [["CHG-2", "C-008", "Food waste rounds", 700_000, AS_OF - 20, "Approved", "Sam Patel", AS_OF - 15, null]]);
  return book;
}

test("the tracker's duties: C-008's approved change of £700,000 is 11.7% of £6m, it has two KPIs and an overdue assessment; C-002 started before the Act", async () => {
  const book = await tracker();
  const pane = await readPaneData(book, { asOf: AS_OF });
  const duties = trackerDuties(pane.data, pane.tables, pane.contractsTable);
  expect(duties.map((d) => [d.kind, d.id])).toEqual([
    ["assessment", "C-008"],
    ["changeNotice", "C-008"],
    ["kpis", "C-008"],
  ]);
  expect(duties[1].what).toBe("Changes approved add £700,000: 11.7% of £6,000,000 (limit 10%, the lower one, as the contract type is not known)");
  // Each names its row in the Contracts table's body, as the dashboard's links open it.
  expect(pane.contractsTable.rows[duties[1].bodyIndex][0]).toBe("C-008");
  // C-002's £12,000 change is 24% of its value, but it started in 2024, under the older rules.
  expect(duties.some((d) => d.id === "C-002")).toBe(false);
  // Its worst KPI, a response time of 5 hours against 4, is at 80%: below target, not yet significantly.
  expect(duties[0]).toMatchObject({ suggestedRating: "Requires improvement", confirmedRating: null });
});

test("the ribbon's Act duties button says how many and the first few", async () => {
  const book = await tracker();
  const asOfRow = book.sheets.get("Settings")?.find((line) => line[0]?.value === "as_of");
  if (asOfRow) asOfRow[1] = { value: AS_OF };
  clearNotices();
  const handlers = new Map<string, (event: ActionEvent) => Promise<void>>();
  const host: RibbonHost = { associate: (id, h) => void handlers.set(id, h), showPane: async () => undefined, setEnabled: async () => undefined };
  registerRibbon(host, () => book);
  let completed = 0;
  await handlers.get("procurementActDuties")?.({ completed: () => void completed++ });
  expect(completed).toBe(1);
  expect(currentNotices()[0]).toMatchObject({ kind: "success", title: "Procurement Act duties", message: expect.stringMatching(/^3 Procurement Act duties, 3 needing action now: C-008 Performance assessment overdue: by 21 Oct 2026 \(35 days ago; last 21 Oct 2025\); KPIs suggest Requires improvement \(worst: Response time \(hours\) at 80%\); C-008 Changes approved add £700,000.*; C-008 2 KPIs recorded.*\. The tracker pane's dashboard lists them all\.$/) });
  const { duties, switchedOff } = await readTrackerDuties(book);
  expect(switchedOff).toBe(false);
  expect(duties).toHaveLength(3);
  expect(dutiesNotice([], true)).toBe("The Procurement Act duties are switched off in Settings (procurement_act_duties).");
});

test("confirming a rating writes it in a Performance rating column, added once, and nothing else changes", async () => {
  const book = await tracker();
  let pane = await readPaneData(book, { asOf: AS_OF });
  const before = book.snapshot("Contracts");
  const at = pane.contractsTable.rows.findIndex((r) => r[0] === "C-008");
  expect(await confirmRating(book, pane, at, "Inadequate")).toEqual({ table: "Contracts", column: "Performance rating", added: true });
  const after = book.snapshot("Contracts");
  const col = after.headers.indexOf("Performance rating");
  expect(after.rows[at][col]).toBe("Inadequate");
  expect(after.rows.map((r) => r.filter((_, c) => c !== col))).toEqual(before.rows);
  pane = await readPaneData(book, { asOf: AS_OF });
  expect(trackerDuties(pane.data, pane.tables, pane.contractsTable)[0].confirmedRating).toBe("Inadequate");
  expect(await confirmRating(book, pane, at, "Good")).toMatchObject({ added: false });
  await expect(confirmRating(book, pane, at, "=HYPERLINK(1)")).rejects.toThrow('"=HYPERLINK(1)" is not a published rating');
});
