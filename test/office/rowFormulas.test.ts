import { formulaBlocks, planOwnFormulaTrips, tripBytes } from "../../src/office/rowFormulas";
import { ACTION_OVERHEAD_BYTES, rowBytes } from "../../src/office/requestBudget";

// How the rows' own formulas of a native tracker are grouped into writes and trips: neighbouring
// cells of a row and the same cells of the next rows are one write, and no trip goes over the
// budget however the rows fall.

const SHORT = "=[@[Notice date]]-AsOf";
const LONG = `=IF(${"N([@[End date]])>366,".repeat(30)}1)`;
const column = (header: string, formula: string, rowFormulas?: (string | null)[], at = 20) => ({ header, column: at, formula, rowFormulas });

test("consecutive rows with their own formula in a column are one block; rows keeping the column's formula are left alone", () => {
  const blocks = formulaBlocks([column("Days to expiry", LONG, [null, "=1", "=2", null, null, "=3", "=4", "=5", null])]);
  expect(blocks).toEqual([
    { row: 1, column: 0, formulas: [["=1"], ["=2"]] },
    { row: 5, column: 0, formulas: [["=3"], ["=4"], ["=5"]] },
  ]);
});

test("a row's own cells in neighbouring columns are one block; a short formula between them is written again, a long one is not", () => {
  const columns = [
    column("Days to expiry", LONG, ["=1", "=4", "=7"]),
    column("Days to notice", SHORT),
    column("Notice date", LONG, ["=2", "=5", null]),
    column("Phase", LONG),
    column("Final expiry", LONG, ["=3", "=6", "=8"]),
  ];
  expect(formulaBlocks(columns)).toEqual([
    { row: 0, column: 0, formulas: [["=1", SHORT, "=2"], ["=4", SHORT, "=5"]] },
    { row: 0, column: 4, formulas: [["=3"], ["=6"], ["=8"]] },
    { row: 2, column: 0, formulas: [["=7"]] },
  ]);
});

test("a formula without its = is written as a formula, not as text", () => {
  expect(formulaBlocks([column("Days to expiry", LONG, ["DATE(2025,6,30)-AsOf"])])[0].formulas).toEqual([["=DATE(2025,6,30)-AsOf"]]);
});

test("no rows of their own: no block, and one trip with nothing in it, for the work already queued", () => {
  expect(formulaBlocks([column("Phase", LONG, [null, null]), column("RAG", LONG)])).toEqual([]);
  expect(planOwnFormulaTrips([], 4_500_000, 1000)).toEqual([[]]);
});

test("a block that does not fit the trip is split by rows where the trip is full, and every trip stays within the budget", () => {
  const formula = `=DATE(2025,6,30)-AsOf+${"0".repeat(80)}`;
  const perRow = rowBytes([formula]);
  const budget = ACTION_OVERHEAD_BYTES + perRow * 10;
  // 25 rows in a run, then a gap, then 7: at most 10 rows a trip, and a second block in a trip costs its own envelope.
  const rows = [...Array<string>(25).fill(formula), null, ...Array<string>(7).fill(formula)];
  const trips = planOwnFormulaTrips(formulaBlocks([column("Days to expiry", LONG, rows)]), budget);
  const room = Math.floor((budget - ACTION_OVERHEAD_BYTES - 5 * perRow - ACTION_OVERHEAD_BYTES) / perRow);
  expect(room).toBeGreaterThan(0);
  expect(trips.map((t) => t.map((b) => [b.row, b.formulas.length]))).toEqual([[[0, 10]], [[10, 10]], [[20, 5], [26, room]], [[26 + room, 7 - room]]]);
  for (const trip of trips) expect(tripBytes(trip)).toBeLessThanOrEqual(budget);
  // Every row with its own formula is written exactly once, at its own row.
  const written = trips.flat().flatMap((b) => b.formulas.map((_, i) => b.row + i));
  expect(written).toEqual(rows.flatMap((f, i) => (f === null ? [] : [i])));
});

test("the first trip's room is what the work already queued leaves", () => {
  const formula = "=1";
  const budget = ACTION_OVERHEAD_BYTES + rowBytes([formula]) * 4;
  const blocks = formulaBlocks([column("Days to expiry", LONG, Array<string>(6).fill(formula))]);
  const trips = planOwnFormulaTrips(blocks, budget, budget - ACTION_OVERHEAD_BYTES - rowBytes([formula]));
  expect(trips.map((t) => t.map((b) => b.formulas.length))).toEqual([[1], [4], [1]]);
  // Work that leaves no room at all: the first trip sends it alone.
  expect(planOwnFormulaTrips(blocks, budget, budget).map((t) => t.length)).toEqual([0, 1, 1]);
});

test("a formula too long for any request is refused, naming the row", () => {
  const blocks = formulaBlocks([column("Days to expiry", LONG, [null, `=${"1".repeat(2000)}`])]);
  expect(() => planOwnFormulaTrips(blocks, 1000)).toThrow("Row 2 of the computed columns holds formulas longer than Excel on the web accepts in one request");
});
