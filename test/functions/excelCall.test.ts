// The conformance harness's model of Excel's calling convention, on metadata our functions do not use
// today (scalar parameters, groups of repeating parameters, invocation options), so a function added
// with them is called as Excel would call it, and a result Excel could not show fails.
import { ErrorRuntime, FormulaRefused, FunctionMetadata, excelArguments, invocationFor, shownResult, wantsInvocation } from "../helpers/excelCall";

class TestError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const errors: ErrorRuntime = { make: (code) => new TestError(code), is: (v): v is TestError => v instanceof TestError };
const same = (cell: unknown): unknown => cell;

const fn = (parameters: FunctionMetadata["parameters"], options?: FunctionMetadata["options"], result: "scalar" | "matrix" = "matrix"): FunctionMetadata => ({
  id: "F",
  name: "F",
  parameters,
  result: { dimensionality: result },
  options,
});
const mixed = fn([
  { name: "one", dimensionality: "scalar" },
  { name: "range", dimensionality: "matrix" },
  { name: "maybe", dimensionality: "matrix", optional: true },
  { name: "last", dimensionality: "scalar", optional: true },
]);
const args = (meta: FunctionMetadata, given: unknown[]): unknown[] => {
  const call = excelArguments(meta, given, same, errors, true);
  if (!call.called) throw new Error(call.why);
  return call.args;
};

test("a scalar parameter gets one value, a matrix one a 2-D array, and every parameter left out null, in the middle or at the end", () => {
  expect(args(mixed, [5, 7])).toEqual([5, [[7]], null, null]);
  expect(args(mixed, [[[5]], [[1, 2]], null, "x"])).toEqual([5, [[1, 2]], null, "x"]);
  expect(() => args(mixed, [[[1], [2]], 7])).toThrow(/scalar parameter one/);
});

test("a formula with too many arguments or without a required one is refused, as Excel refuses it", () => {
  expect(() => args(mixed, [1, 2, 3, 4, 5])).toThrow(FormulaRefused);
  expect(() => args(mixed, [1])).toThrow(FormulaRefused);
});

test("repeating parameters get one array each of their repetitions; a group takes the arguments in turn", () => {
  const rest = fn([
    { name: "first", dimensionality: "matrix" },
    { name: "values", dimensionality: "matrix", repeating: true },
  ]);
  expect(args(rest, [1, 2, [["a", "b"]], null])).toEqual([[[1]], [[[2]], [["a", "b"]], null]]);
  expect(args(rest, [1])).toEqual([[[1]], []]);
  const pairs = fn([
    { name: "key", dimensionality: "scalar", repeating: true },
    { name: "value", dimensionality: "matrix", repeating: true },
  ]);
  expect(args(pairs, ["a", 1, "b", 2])).toEqual([["a", "b"], [[[1]], [[2]]]]);
});

test("the invocation object is asked for by the options that need it; a streamed result is read from it", () => {
  expect(wantsInvocation(mixed)).toBe(false);
  for (const option of ["requiresAddress", "requiresParameterAddresses", "stream", "cancelable"] as const) {
    expect(wantsInvocation(fn([], { [option]: true }))).toBe(true);
  }
  const streaming = fn([], { stream: true });
  const { invocation, streamed } = invocationFor(streaming, "Sheet1!B2");
  (invocation.setResult as (v: unknown) => void)([[42]]);
  expect(invocation.address).toBe("Sheet1!B2");
  expect(shownResult(streaming, streamed[0], errors)).toEqual([[42]]);
});

test("an error in an argument reaches the function only when functions.json allows it", () => {
  const refused = excelArguments(mixed, [new TestError("#N/A"), [[1, new TestError("#REF!")]]], same, errors, false);
  expect(refused.called ? "called" : refused.shown.code).toBe("#N/A");
  expect(excelArguments(mixed, [1, [[new TestError("#REF!")]]], same, errors, true).called).toBe(true);
});

test("a result Excel could not show fails: not 2-D for a matrix function, ragged, null, an array in a cell, #REF! or a message on #DIV/0!", () => {
  const matrix = fn([]);
  expect(shownResult(matrix, [["Red", 1, true, new TestError("#N/A", "why")]], errors)).toHaveLength(1);
  for (const bad of ["Red", [], [[]], [["a"], ["b", "c"]], [[null]], [[["Red"]]], [[Number.NaN]], [[new TestError("#REF!")]], [[new TestError("#DIV/0!", "why")]]]) {
    expect(() => shownResult(matrix, bad, errors)).toThrow();
  }
  const scalar = fn([], undefined, "scalar");
  expect(shownResult(scalar, "Red", errors)).toEqual([["Red"]]);
  expect(() => shownResult(scalar, [["Red"]], errors)).toThrow();
});
