/**
 * The formula tables run through the production bundle the way Excel runs them: dist/functions.js in
 * the page's runtime, each function the one it gave `CustomFunctions.associate`, its arguments built
 * from nothing but dist/functions.json (test/helpers/excelCall), and its result read as a cell shows
 * it. A case with blank cells ("") runs twice: once with "" (a formula's empty text) and once with
 * null, which is how Excel passes an empty cell. "Today" is 31/03/2025, the page's own clock.
 */
import * as path from "path";
import { ExcelCall, FormulaRefused, describe as describeValue, excelArguments, invocationFor, shownResult, wantsInvocation } from "../helpers/excelCall";
import { FakeExcel } from "../helpers/fakeExcel";
import { FormulaRow, Literal, Value, readFormulaTable, readSignatures } from "../helpers/formulaTable";
import { DIST, ensureProductionBuild } from "../helpers/productionBuild";
import { CELL_ERRORS, SharedRuntime, startSharedRuntime } from "../helpers/sharedRuntime";

const TABLES = ["formulas.txt", "cells.txt"].map((name) => path.join(__dirname, name));
const rows = TABLES.flatMap(readFormulaTable);
const signatures = TABLES.flatMap(readSignatures);
const TODAY = new Date(2025, 2, 31, 10, 30);

type Blanks = "as written" | "empty cells";
const hasBlank = (value: Value): boolean => (Array.isArray(value) ? value.some((row) => row.includes("")) : value === "");
const variants: [string, FormulaRow, Blanks][] = rows.flatMap((row) => {
  const name = `${path.basename(row.file)}:${row.line}: ${row.text}`;
  const both: [string, FormulaRow, Blanks][] = [[name, row, "as written"]];
  if (row.args.some(hasBlank)) both.push([`${name} (blank cells empty)`, row, "empty cells"]);
  return both;
});

let runtime: SharedRuntime;

beforeAll(() => {
  ensureProductionBuild();
  runtime = startSharedRuntime(DIST, FakeExcel.fromSheets({ Sheet1: [] }), ["functions.js"], TODAY);
}, 600_000);

/** A cell of the table as Excel passes it: an error as the runtime's error object, "" as empty text or an empty cell. */
function cellOf(blanks: Blanks): (value: unknown) => unknown {
  return (value) => {
    if (value !== null && typeof value === "object" && "error" in value) return CELL_ERRORS.make(String((value as { error: unknown }).error));
    return value === "" && blanks === "empty cells" ? null : value;
  };
}

function callAsExcel(rt: SharedRuntime, fn: string, args: readonly Value[], blanks: Blanks): { call: ExcelCall; shown: unknown[][] } {
  const meta = rt.metadata(fn);
  const call = excelArguments(meta, args, cellOf(blanks), CELL_ERRORS, rt.functionsJson.allowErrorForDataTypeAny === true);
  if (!call.called) return { call, shown: [[call.shown]] };
  const extra = wantsInvocation(meta) ? invocationFor(meta, "Sheet1!Z1") : null;
  const returned = rt.associated(fn)(...call.args, ...(extra ? [extra.invocation] : []));
  return { call, shown: shownResult(meta, meta.options?.stream ? extra?.streamed[0] : returned, CELL_ERRORS) };
}

function matches(actual: unknown, expected: Literal): boolean {
  if (expected !== null && typeof expected === "object") {
    if (!CELL_ERRORS.is(actual) || actual.code !== expected.error) return false;
    return expected.messageIncludes === undefined || (actual.message ?? "").includes(expected.messageIncludes);
  }
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(actual - expected) < 1e-9;
  return actual === expected;
}

const show = (value: unknown): string => describeValue(value, CELL_ERRORS);

test("the tables are large and run every function of functions.json", () => {
  expect(rows.length).toBeGreaterThanOrEqual(400);
  const ids = runtime.functionsJson.functions.map((f) => f.id);
  const covered = new Set(rows.map((r) => r.fn));
  expect(ids.filter((id) => !covered.has(id))).toEqual([]);
  expect([...covered].filter((fn) => !ids.includes(fn))).toEqual([]);
});

test("each function's signature in the tables is the one Excel shows: the parameters' names, which are optional and which repeat", () => {
  const asExcel = runtime.functionsJson.functions.map((f) => ({
    fn: f.id,
    parameters: f.parameters.map((p) => ({ name: p.name, optional: p.optional === true, repeating: p.repeating === true })),
  }));
  const written = runtime.functionsJson.functions.map((f) => {
    const lines = signatures.filter((s) => s.fn === f.id);
    if (lines.length === 0) return { fn: f.id, parameters: "no signature line in the tables" };
    for (const s of lines) expect({ where: s.where, parameters: s.parameters }).toEqual({ where: s.where, parameters: lines[0].parameters });
    return { fn: f.id, parameters: lines[0].parameters };
  });
  expect(written).toEqual(asExcel);
  expect(signatures.filter((s) => !asExcel.some((f) => f.fn === s.fn)).map((s) => s.where)).toEqual([]);
});

test("every case is a formula Excel accepts: no more arguments than declared, every required one given, ranges only where a parameter takes one", () => {
  const refused = rows.flatMap((row) => {
    try {
      excelArguments(runtime.metadata(row.fn), row.args, cellOf("as written"), CELL_ERRORS, true);
      return [];
    } catch (e) {
      return [`${path.basename(row.file)}:${row.line}: ${e instanceof Error ? e.message : String(e)}`];
    }
  });
  expect(refused).toEqual([]);
});

test("every parameter that takes a range is given one of several cells by some case", () => {
  const given = new Set<string>();
  for (const row of rows) {
    const meta = runtime.metadata(row.fn);
    row.args.forEach((arg, i) => {
      const p = meta.parameters[Math.min(i, meta.parameters.length - 1)];
      if (Array.isArray(arg) && (arg.length > 1 || arg[0].length > 1)) given.add(`${row.fn}(${p.name})`);
    });
  }
  const matrix = runtime.functionsJson.functions.flatMap((f) => f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => `${f.id}(${p.name})`));
  expect(matrix.filter((p) => !given.has(p))).toEqual([]);
});

test("Excel hands the functions the error values of their input cells: functions.json sets allowErrorForDataTypeAny", () => {
  // Without it Excel shows an argument's error without calling the function, so one #N/A in a
  // column turns the whole spill into #N/A and RAG never sees the end date that explains it.
  expect(runtime.functionsJson.allowErrorForDataTypeAny).toBe(true);
});

test("'today' is the page's clock: two pages with different clocks count to the same end date differently", () => {
  const other = startSharedRuntime(DIST, FakeExcel.fromSheets({ Sheet1: [] }), ["functions.js"], new Date(2025, 5, 29, 23, 59));
  const end: Value = 45838; // 30/06/2025
  expect(callAsExcel(runtime, "DAYSTOEXPIRY", [end], "as written").shown).toEqual([[91]]);
  expect(callAsExcel(other, "DAYSTOEXPIRY", [end], "as written").shown).toEqual([[1]]);
});

// The other functions' whole columns are in cells.txt, a few rows long: the same cells, faster.
test("whole columns as Excel passes F:F: 1,048,576 rows, the header first, empty cells (null) below the register", () => {
  const ROWS = 1_048_576;
  const column = (header: string, values: readonly unknown[]): unknown[][] => {
    const cells: unknown[][] = [[header], ...values.map((v) => [v])];
    while (cells.length < ROWS) cells.push([null]);
    return cells;
  };
  const run = (id: string, ...args: unknown[]): unknown[][] => {
    const meta = runtime.metadata(id);
    const call = excelArguments(meta, args, (c) => c, CELL_ERRORS, true);
    if (!call.called) throw new Error(call.why);
    return shownResult(meta, runtime.associated(id)(...call.args), CELL_ERRORS);
  };
  const days = run("DAYSTOEXPIRY", column("End date", [45838, "30/04/2025"]), 45747);
  expect(days.length).toBe(ROWS);
  const header = days[0][0];
  expect(CELL_ERRORS.is(header) && header.code === "#VALUE!" && /"End date" is not a date/.test(header.message ?? "")).toBe(true);
  expect(days.slice(1, 4)).toEqual([[91], [30], [""]]);
  expect(days.slice(3).every((r) => r[0] === "")).toBe(true);
  expect(run("WORSTRAG", column("RAG", ["Green", "Amber"]).slice(1))).toEqual([["Amber"]]);
});

test.each(variants)("%s", (_name, row, blanks) => {
  let result: { call: ExcelCall; shown: unknown[][] };
  try {
    result = callAsExcel(runtime, row.fn, row.args, blanks);
  } catch (e) {
    if (e instanceof FormulaRefused) throw new Error(`Excel would not accept this formula: ${e.message}`);
    throw e;
  }
  const { call, shown } = result;
  const expected: Literal[][] = Array.isArray(row.expected) ? row.expected : [[row.expected]];
  const whole = `${show(shown)}${call.called ? "" : ` (not called: ${call.why})`}`;
  if (shown.length !== expected.length || shown[0].length !== expected[0].length) {
    throw new Error(`got ${shown.length}×${shown[0].length}, expected ${expected.length}×${expected[0].length}: ${whole}`);
  }
  expected.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!matches(shown[r][c], cell)) throw new Error(`cell ${r + 1},${c + 1}: got ${show(shown[r][c])}, expected ${show(cell)} — whole result: ${whole}`);
    }),
  );
});
