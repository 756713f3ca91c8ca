import fc from "fast-check";
import { CellOutput, isExcelError, spill, toGrid, valueError } from "../../src/functions/spill";
import { shownError } from "../../src/functions/cellErrors";

// spill takes a shorter road for column work (a one-column result whose arguments are whole columns
// or single cells) and guards the whole loop instead of each cell. Here it is compared with
// broadcasting done cell by cell, as the rule says, over arguments of every shape, error cells in
// any of them and rules that throw.

function byTheBook(args: readonly unknown[], cell: (values: readonly unknown[]) => CellOutput, errorsTo: readonly number[]): CellOutput[][] {
  const grids = args.map(toGrid);
  const rows = Math.max(1, ...grids.map((g) => g.length));
  const cols = Math.max(1, ...grids.map((g) => g[0].length));
  const out: CellOutput[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellOutput[] = [];
    for (let c = 0; c < cols; c++) {
      let result: CellOutput | undefined;
      const values: unknown[] = [];
      for (let i = 0; i < grids.length && result === undefined; i++) {
        const grid = grids[i];
        const row = grid[grid.length === 1 ? 0 : r];
        const gc = row === undefined || row.length === 1 ? 0 : c;
        if (row === undefined || gc >= row.length) {
          result = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `Argument ${i + 1} is ${grid.length}×${grid[0].length}; it does not reach this cell of a ${rows}×${cols} result`);
        } else if (isExcelError(row[gc]) && !errorsTo.includes(i)) result = shownError(row[gc] as CustomFunctions.Error);
        else values.push(row[gc]);
      }
      if (result === undefined) {
        try {
          result = cell(values);
        } catch (e) {
          result = valueError(`Could not work this out: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      line.push(result);
    }
    out.push(line);
  }
  return out;
}

const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "from the sheet");
const ref = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference);
const value = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 99 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(na, ref, "", "boom") });
const grid = (rows: number, cols: number): fc.Arbitrary<unknown[][]> => fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
// Mostly what column work is (whole columns of one height and single cells), sometimes anything.
const argument = (height: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: grid(height, 1) },
    { weight: 3, arbitrary: grid(1, 1) },
    { weight: 1, arbitrary: fc.constantFrom(null, 7, "x") },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) => grid(r, c)) },
  );
const shown = (g: CellOutput[][]): unknown[][] => g.map((row) => row.map((v) => (isExcelError(v) ? `${v.code} ${v.message ?? ""}` : v)));

test("spill gives what broadcasting cell by cell gives, for every shape of arguments", () => {
  // The rule throws on "boom" and otherwise sums what it is given, so every argument's value shows.
  const rule = (values: readonly unknown[]): CellOutput => {
    if (values.includes("boom")) throw new RangeError(`boom at ${values.join(",")}`);
    return values.map((v) => (typeof v === "number" ? v : v === null ? "n" : isExcelError(v) ? v.code : String(v))).join("+");
  };
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }).chain((height) => fc.array(argument(height), { minLength: 1, maxLength: 5 })), fc.subarray([0, 1, 2, 3, 4]), (args, errorsTo) => {
      expect(shown(spill(args, rule, errorsTo))).toEqual(shown(byTheBook(args, rule, errorsTo)));
    }),
    { numRuns: 3_000 },
  );
});

test("a rule that throws on many cells of a long column: each of them shows #VALUE!, the rest are worked out", () => {
  const column = Array.from({ length: 1000 }, (_, i) => [i]);
  const result = spill([column, [[5]]], ([n, m]) => {
    if ((n as number) % 7 === 3) throw new Error(`row ${String(n)}`);
    return (n as number) + (m as number);
  });
  expect(result).toHaveLength(1000);
  result.forEach(([v], i) => {
    if (i % 7 === 3) expect(v).toEqual(valueError(`Could not work this out: row ${i}`));
    else expect(v).toBe(i + 5);
  });
});
