import { isExcelError, spill, toGrid } from "../../src/functions/spill";

const join = (values: readonly unknown[]): string => values.map(String).join("+");
const codes = (grid: unknown[][]): unknown[][] => grid.map((row) => row.map((c) => (c instanceof CustomFunctions.Error ? c.code : c)));

describe("spill broadcasts like Excel's own functions", () => {
  test("a column against a single value", () => {
    expect(spill([[["a"], ["b"], ["c"]], [["x"]]], join)).toEqual([["a+x"], ["b+x"], ["c+x"]]);
  });
  test("a column against a row gives the 2-D table", () => {
    expect(spill([[["a"], ["b"]], [["x", "y", "z"]]], join)).toEqual([["a+x", "a+y", "a+z"], ["b+x", "b+y", "b+z"]]);
  });
  test("an omitted argument (null) and a scalar count as single values", () => {
    expect(spill([[["a"], ["b"]], null, 7], join)).toEqual([["a+null+7"], ["b+null+7"]]);
  });
  test("cells beyond a shorter range are #N/A with a message", () => {
    const result = spill([[["a"], ["b"], ["c"]], [["x"], ["y"]]], join);
    expect(codes(result)).toEqual([["a+x"], ["b+y"], ["#N/A"]]);
    expect((result[2][0] as CustomFunctions.Error).message).toBe("Argument 2 is 2×1; it does not reach this cell of a 3×1 result");
  });
  test("an input cell holding an Excel error gives that error in that cell only", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    const result = spill([[["a"], [na], ["c"]]], join);
    expect(result[1][0]).toBe(na);
    expect(codes(result)).toEqual([["a"], ["#N/A"], ["c"]]);
  });
  test("an argument named in errorsTo hands its errors to the cell's rule; the others still give theirs", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    const value = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "TBC");
    const seen = spill([[[na], [1]], [["x"], [value]]], ([a, b]) => (a === na ? `explained by ${String(b)}` : "fine"), [0]);
    expect(seen[0][0]).toBe("explained by x");
    expect(seen[1][0]).toBe(value);
  });
  test("a defect in one cell's rule shows as that cell's #VALUE!, not a crash", () => {
    const result = spill([[[1], [2]]], ([v]) => {
      if (v === 2) throw new TypeError("boom");
      return 1;
    });
    expect(codes(result)).toEqual([[1], ["#VALUE!"]]);
    expect((result[1][0] as CustomFunctions.Error).message).toBe("Could not work this out: boom");
  });
});

test("toGrid and isExcelError", () => {
  expect(toGrid(5)).toEqual([[5]]);
  expect(toGrid(undefined)).toEqual([[null]]);
  expect(toGrid([[1, 2]])).toEqual([[1, 2]]);
  expect(isExcelError(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x"))).toBe(true);
  expect(isExcelError({ code: "#REF!" })).toBe(true);
  expect(isExcelError({ code: "fine" })).toBe(false);
  expect(isExcelError("#N/A")).toBe(false);
});
