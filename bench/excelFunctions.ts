/**
 * The cell functions as Excel calls them, for timing: the production bundle dist/functions.js run
 * as the add-in's page runs it, each function taken from what the script hands
 * `CustomFunctions.associate`. Arguments are shaped by functions.json: a matrix parameter gets a
 * 2-D array, an omitted optional one null.
 *
 * The script runs in this Node context, not a `vm` context as test/helpers/sharedRuntime does: a
 * vm context's global object answers every global lookup (Math, CustomFunctions …) through an
 * interceptor, which made the same bundle 3–5× slower over 100,000 rows than in the main context,
 * a cost no browser page in Excel has.
 *
 * With CONTRACT_BENCH_SOURCE=src the functions of src/functions are called instead, with the same
 * argument shapes: quicker to iterate with (no 40-second webpack build), but not what Excel runs.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import "../test/helpers/customFunctionsRuntime";
import { DIST, ensureProductionBuild } from "../test/helpers/productionBuild";

/** A cell function as Excel calls it: one value per declared parameter. */
export type ExcelFunction = (...args: unknown[]) => unknown;

interface Parameter {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export const FROM_SOURCE = process.env.CONTRACT_BENCH_SOURCE === "src";

let loaded: Map<string, { fn: ExcelFunction; parameters: Parameter[] }> | undefined;

function loadBundle(): Map<string, { fn: ExcelFunction; parameters: Parameter[] }> {
  ensureProductionBuild();
  const associated = new Map<string, ExcelFunction>();
  // The test runtime's CustomFunctions (Error, ErrorCode), with associate capturing what the script registers.
  const runtime = (globalThis as unknown as { CustomFunctions: { associate: (id: string, fn: ExcelFunction) => void } }).CustomFunctions;
  runtime.associate = (id, fn) => void associated.set(id, fn);
  vm.runInThisContext(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), { filename: "functions.js" });
  const metadata = (JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string; parameters: Parameter[] }[] }).functions;
  const out = new Map<string, { fn: ExcelFunction; parameters: Parameter[] }>();
  for (const m of metadata) {
    const fn = associated.get(m.id);
    if (fn) out.set(m.id, { fn, parameters: m.parameters });
  }
  return out;
}

function loadSource(): Map<string, { fn: ExcelFunction; parameters: Parameter[] }> {
  const source = require("../src/functions/functions") as Record<string, ExcelFunction>;
  const matrix = (...names: string[]): Parameter[] => names.map((name) => ({ name: name.replace("?", ""), dimensionality: "matrix", optional: name.endsWith("?") }));
  return new Map([
    ["DAYSTOEXPIRY", { fn: source.daysToExpiry, parameters: matrix("end_date", "as_of?") }],
    ["SLIPPAGE", { fn: source.slippage, parameters: matrix("baseline_date", "forecast_date", "actual_date?", "as_of?") }],
    ["RAG", { fn: source.rag, parameters: matrix("days_to_expiry", "slippage_days?", "kpi_attainment?", "spend_variance?", "thresholds?", "end_date?") }],
    ["PHASE", { fn: source.phase, parameters: matrix("start_date", "go_live_date", "end_date", "as_of?", "exit_window_days?") }],
  ]);
}

/**
 * The function Excel registers as `id`, and its arguments as Excel would pass `args` (by parameter
 * name; a name left out is an omitted optional argument, null). The arguments are built once, so a
 * timed call is the function's work alone.
 * @example excelCall("DAYSTOEXPIRY", { end_date: [[45747]], as_of: [[45700]] }) → () => [[47]]
 */
export function excelCall(id: string, args: Record<string, unknown>): () => unknown {
  loaded ??= FROM_SOURCE ? loadSource() : loadBundle();
  const entry = loaded.get(id);
  if (!entry) throw new Error(`functions.js did not associate ${id}`);
  const unknown = Object.keys(args).filter((name) => !entry.parameters.some((p) => p.name === name));
  if (unknown.length) throw new Error(`${id} has no parameter ${unknown.join(", ")}`);
  const passed = entry.parameters.map((p) => {
    const value = args[p.name];
    if (value === undefined) {
      if (!p.optional) throw new Error(`${id} needs ${p.name}`);
      return null;
    }
    if (p.repeating) throw new Error(`${id}: repeating parameters are not benchmarked`);
    return p.dimensionality === "matrix" && !Array.isArray(value) ? [[value]] : value;
  });
  const fn = entry.fn;
  return () => fn(...passed);
}

/** What a cell shows, for comparing results: an error as its code. */
export function shown(value: unknown): unknown {
  return typeof value === "object" && value !== null && "code" in value ? (value as { code: unknown }).code : value;
}
