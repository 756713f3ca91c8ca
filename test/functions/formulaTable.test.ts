import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import * as functions from "../../src/functions/functions";
import { ErrorRuntime, FunctionsJson, excelArguments, shownResult } from "../helpers/excelCall";
import { FormulaRow, Literal, readFormulaTable } from "../helpers/formulaTable";

// The fast run of the formula tables, over the TypeScript functions without a build: the same cases
// and the same argument building as conformance.test.ts (which runs them through the production
// bundle, and with empty cells as null too), with metadata generated from functions.ts's JSDoc.
// "Today" is fixed at 31/03/2025.
const rows = ["formulas.txt", "cells.txt"].flatMap((name) => readFormulaTable(path.join(__dirname, name)));

type CellFunction = (...args: unknown[]) => unknown;
const byId = new Map<string, CellFunction>(Object.entries(functions).map(([name, fn]) => [name.toUpperCase(), fn as unknown as CellFunction]));

const ERRORS: ErrorRuntime = {
  make: (code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode),
  is: (value): value is CustomFunctions.Error => value instanceof CustomFunctions.Error,
};

// An error written in an input cell arrives as Excel's own error object.
function asCell(value: unknown): unknown {
  return value !== null && typeof value === "object" && "error" in value ? ERRORS.make(String((value as { error: unknown }).error)) : value;
}

function describe_(cell: unknown): string {
  if (ERRORS.is(cell)) return `${cell.code}(${JSON.stringify(cell.message)})`;
  return JSON.stringify(cell);
}

function matches(actual: unknown, expected: Literal): boolean {
  if (expected !== null && typeof expected === "object") {
    if (!ERRORS.is(actual) || actual.code !== expected.error) return false;
    return expected.messageIncludes === undefined || (actual.message ?? "").includes(expected.messageIncludes);
  }
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(actual - expected) < 1e-9;
  return actual === expected;
}

let metadata: FunctionsJson;

function evaluate(row: FormulaRow): unknown[][] {
  const fn = byId.get(row.fn);
  const meta = metadata.functions.find((f) => f.id === row.fn);
  if (!fn || !meta) throw new Error(`line ${row.line}: no function ${row.fn}`);
  // The build sets allowErrorForDataTypeAny (webpack.config.js), so error cells reach the functions.
  const call = excelArguments(meta, row.args, asCell, ERRORS, true);
  if (!call.called) throw new Error(call.why);
  return shownResult(meta, fn(...call.args), ERRORS);
}

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"), false);
  metadata = JSON.parse(generated.metadataJson) as FunctionsJson;
}, 60_000);

beforeAll(() => {
  jest.useFakeTimers({ now: new Date(2025, 2, 31, 10, 30) });
});
afterAll(() => {
  jest.useRealTimers();
});

test("the formula tables cover every function", () => {
  const covered = new Set(rows.map((r) => r.fn));
  expect([...byId.keys()].filter((id) => !covered.has(id))).toEqual([]);
});

test.each(rows.map((row) => [`${path.basename(row.file)}:${row.line}: ${row.text}`, row] as const))("%s", (_name, row) => {
  const result = evaluate(row);
  const expected: Literal[][] = Array.isArray(row.expected) ? row.expected : [[row.expected]];
  const shown = result.map((line) => line.map(describe_).join(", ")).join("; ");
  expect({ rows: result.length, cols: result[0]?.length }).toEqual({ rows: expected.length, cols: expected[0].length });
  expected.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!matches(result[r][c], cell)) throw new Error(`cell ${r + 1},${c + 1}: got ${describe_(result[r][c])}, expected ${describe_(cell)} — whole result: ${shown}`);
    }),
  );
});
