import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import * as functions from "../../src/functions/functions";
import { FormulaRow, Literal, Value, readFormulaTable } from "../helpers/formulaTable";

// Every formula in formulas.txt, evaluated as Excel would call the function: each argument arrives as
// a 2-D array (a single value as 1×1), an omitted one as null; "today" is fixed at 31/03/2025.
const TABLE = path.join(__dirname, "formulas.txt");
const rows = readFormulaTable(TABLE);

type CellFunction = (...args: unknown[]) => unknown[][];
const byId = new Map<string, CellFunction>(
  Object.entries(functions).map(([name, fn]) => [name.toUpperCase(), fn as unknown as CellFunction]),
);

// An error written in an input cell arrives as Excel's own error object.
function asCell(value: Literal): unknown {
  if (value !== null && typeof value === "object") return new CustomFunctions.Error(value.error as CustomFunctions.ErrorCode);
  return value;
}

function asArgument(value: Value): unknown {
  if (value === null) return null;
  return Array.isArray(value) ? value.map((row) => row.map(asCell)) : [[asCell(value)]];
}

function describe_(cell: unknown): string {
  if (cell instanceof CustomFunctions.Error) return `${cell.code}(${JSON.stringify(cell.message)})`;
  return JSON.stringify(cell);
}

function matches(actual: unknown, expected: Literal): boolean {
  if (expected !== null && typeof expected === "object") {
    if (!(actual instanceof CustomFunctions.Error) || actual.code !== expected.error) return false;
    return expected.messageIncludes === undefined || (actual.message ?? "").includes(expected.messageIncludes);
  }
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(actual - expected) < 1e-9;
  return actual === expected;
}

// Which parameter of each function repeats, from the metadata Excel reads (functions.json).
const repeatsFrom = new Map<string, number>();

function evaluate(row: FormulaRow): unknown[][] {
  const fn = byId.get(row.fn);
  if (!fn) throw new Error(`line ${row.line}: no function ${row.fn}`);
  const args = row.args.map(asArgument);
  const at = repeatsFrom.get(row.fn);
  // A repeating parameter arrives as one array of its repetitions, as Excel passes it.
  return at === undefined ? fn(...args) : fn(...args.slice(0, at), args.slice(at));
}

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"), false);
  const metadata = JSON.parse(generated.metadataJson) as { functions: { id: string; parameters: { repeating?: boolean }[] }[] };
  for (const f of metadata.functions) {
    const at = f.parameters.findIndex((p) => p.repeating);
    if (at >= 0) repeatsFrom.set(f.id, at);
  }
}, 60_000);

beforeAll(() => {
  jest.useFakeTimers({ now: new Date(2025, 2, 31, 10, 30) });
});
afterAll(() => {
  jest.useRealTimers();
});

test("the formula table is large and covers every function", () => {
  expect(rows.length).toBeGreaterThanOrEqual(150);
  const covered = new Set(rows.map((r) => r.fn));
  expect([...byId.keys()].filter((id) => !covered.has(id))).toEqual([]);
});

test.each(rows.map((row) => [`${row.line}: ${row.text}`, row] as const))("%s", (_name, row) => {
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
