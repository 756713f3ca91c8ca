import { contractCard } from "../../src/features/contractCard";
import { escalateSelected } from "../../src/features/escalations";
import { readPaneData } from "../../src/features/paneData";
import { recordChange } from "../../src/features/recordChange";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, LOT_1_ROW, LOT_2_ROW, SHARED_ID_REGISTER, buildSharedIdTracker } from "./paneTracker";

// The ribbon's buttons that add records for the selected rows: each row is its own contract, even
// where rows share an ID, and its records say which line they are about.

async function sharedTracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
  await buildSharedIdTracker(book);
  return book;
}
const column = (book: MemoryWorkbook, table: string, header: string): unknown[] => {
  const t = book.snapshot(table);
  return t.rows.map((r) => r[t.headers.indexOf(header)]);
};

test("Escalate selected logs each selected line of a shared ID once, saying which", async () => {
  const book = await sharedTracker();
  // Sheet rows 3 to 5: C-104's first line, C-105, C-104's second line.
  book.select("Register", LOT_1_ROW - 1, 0, 3, 1);
  const report = await escalateSelected(book, { asOf: AS_OF });
  expect(report.logged.map((l) => l.contract)).toEqual(["C-104", "C-105", "c-104"]);
  expect(column(book, "Escalations", "Contract ID")).toEqual(["C-104", "C-105", "c-104"]);
  expect(column(book, "Escalations", "Which contract")).toEqual(["Cleaning – Lot 1 North", null, "Cleaning – Lot 2 South"]);
  const { data, tables } = await readPaneData(book, { asOf: AS_OF });
  expect(contractCard(data, tables, 1)?.escalations.map((e) => [e.escalationId, e.ambiguousRows])).toEqual([[report.logged[0].id, undefined]]);
  expect(contractCard(data, tables, 3)?.escalations.map((e) => [e.escalationId, e.ambiguousRows])).toEqual([[report.logged[2].id, undefined]]);
});

test("Record change adds the change to the selected line of a shared ID, and to a contract of its own ID as before", async () => {
  const book = await sharedTracker();
  await book.selectTableCell("Contracts", LOT_2_ROW - 2, "Ref");
  expect(await recordChange(book, { asOf: AS_OF })).toEqual({ changeId: "CHG-20261125-001", contract: "c-104" });
  expect(column(book, "Changes", "Which contract")).toEqual(["Cleaning – Lot 2 South"]);
  await book.selectTableCell("Contracts", 0, "Ref");
  await recordChange(book, { asOf: AS_OF });
  expect(column(book, "Changes", "Contract ID")).toEqual(["c-104", "C-101"]);
  expect(column(book, "Changes", "Which contract")).toEqual(["Cleaning – Lot 2 South", null]);
  const { data, tables } = await readPaneData(book, { asOf: AS_OF });
  expect([1, 3].map((i) => contractCard(data, tables, i)?.changes.map((c) => c.changeId))).toEqual([[], ["CHG-20261125-001"]]);
});
