// A register that already has columns named as the tracker's computed ones (its own RAG, Days to
// expiry …, in any case): each stays the user's, untouched, the tracker's own is added beside it, and
// no formula of the tracker reads a column the user typed, in either formula style.
import { dateToSerial } from "../../src/core/dates";
import { CONTRACTS } from "../../src/core/schema";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const ymd = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? 0;
const asOf = ymd(2025, 3, 31);
// Inputs for every computed column: an end date, a notice period, extensions, start, budget and spend.
const INPUTS = ["Contract ID", "Supplier", "Start date", "End date", "Notice period", "Extension options", "Budget", "Spend to date", "Tier"];
const INPUT_ROW = ["C1", "Acme", ymd(2024, 4, 1), ymd(2025, 6, 30), 90, "1+1", 1000, 900, "Gold"];
// The register's own versions, in the case a user typed them: values a formula must never read.
const OWN = CONTRACTS.computed.map((h, i) => (i % 2 ? h.toLowerCase() : h));
const OWN_ROW = OWN.map(() => "the register's own");

/** The header names a formula reads: `[@[X]]` and `[@X]`. */
const readsOf = (formula: string): string[] => [...formula.matchAll(/\[@\[((?:[^\]']|'.)*)\]\]|\[@([^[\]]+)\]/g)].map((m) => (m[1] ?? m[2]).replace(/'(.)/g, "$1").toLowerCase());

test.each(["contract", "native"] as const)("--formulas %s: every computed column of the register's is kept, and the tracker's formulas read only the tracker's own", async (formulas) => {
  const book = MemoryWorkbook.fromSheets({ Register: [[...INPUTS, ...OWN], [...INPUT_ROW, ...OWN_ROW]] });
  const report = await setUpTracker(book, { asOf, formulas, createTables: ["Milestones", "KPIs"] });
  const grid = book.sheets.get("Register") ?? [];
  const headers = grid[0].map((c) => String(c.value));
  // The register's cells are as they were.
  expect(grid[1].slice(INPUTS.length, INPUTS.length + OWN.length).map((c) => [c.value, c.formula])).toEqual(OWN_ROW.map((v) => [v, undefined]));
  expect(headers.slice(0, INPUTS.length + OWN.length)).toEqual([...INPUTS, ...OWN]);
  // The tracker's own columns are there, under names of their own, and said so.
  const added = report.addedColumns;
  expect(added.length).toBeGreaterThanOrEqual(8);
  expect(added.every((h) => / \(tracker\)$/.test(h))).toBe(true);
  expect(report.besideRegister.map((b) => b.name)).toEqual(added);
  // No formula reads a register column named as a computed one.
  const own = new Set(OWN.map((h) => h.toLowerCase()));
  for (const cell of grid[1]) for (const read of readsOf(cell.formula ?? "")) expect(own.has(read)).toBe(false);
  // RAG reads the tracker's days to expiry, escalation the tracker's RAG.
  const formulaOf = (h: string): string => grid[1][headers.indexOf(h)]?.formula ?? "";
  expect(readsOf(formulaOf("RAG (tracker)"))).toContain("days to expiry (tracker)");
  expect(readsOf(formulaOf("Escalation level (tracker)"))).toContain("rag (tracker)");
  // The tracker's RAG is coloured, not the register's.
  expect(book.ragFormats.filter((f) => f.table === "Contracts")).toEqual([{ table: "Contracts", column: "RAG (tracker)" }]);

  // Set up again (the saved names say which columns are the tracker's): nothing added, nothing changed.
  const before = JSON.stringify(grid);
  const again = await setUpTracker(book, { asOf });
  expect([again.addedColumns, again.besideRegister, again.unchanged]).toEqual([[], [], true]);
  expect(JSON.stringify(book.sheets.get("Register"))).toBe(before);
  // Without the saved names (a file read back by the command line), the "(tracker)" columns are still found.
  book.settings.clear();
  const fresh = await setUpTracker(book, { asOf });
  expect(fresh.addedColumns).toEqual([]);
});
