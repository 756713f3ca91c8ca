/**
 * How Excel calls a custom function, from nothing but the metadata it reads (functions.json), and how
 * it shows what comes back. Microsoft's "Custom functions parameter options" and "Manually create
 * JSON metadata" pages are the rules:
 * - a `matrix` parameter gets a 2-D array, a single value as [[v]]; a `scalar` one a single value;
 * - every declared parameter the formula leaves out, in the middle or at the end, arrives as null;
 * - a repeating parameter arrives as ONE array holding its repetitions, each shaped as above;
 * - the invocation object comes last when the options ask for one (address, parameter addresses,
 *   streaming, cancelling);
 * - an argument holding an error value reaches the function only when functions.json says
 *   `allowErrorForDataTypeAny`; otherwise Excel does not call it and the cell shows the error;
 * - a `matrix` result must be a non-empty rectangular 2-D array; each cell a number, text, TRUE/FALSE
 *   or a CustomFunctions.Error whose code Excel can show as a result (#REF! and #NAME? it cannot),
 *   with a message only on #VALUE! and #N/A.
 */

export interface ParameterMetadata {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
  type?: string;
}

export interface FunctionOptions {
  requiresAddress?: boolean;
  requiresParameterAddresses?: boolean;
  requiresStreamAddress?: boolean;
  requiresStreamParameterAddresses?: boolean;
  stream?: boolean;
  cancelable?: boolean;
  volatile?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: "scalar" | "matrix"; type?: string };
  options?: FunctionOptions;
}

/** functions.json as Excel reads it. */
export interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** An error value as the custom functions runtime has it (CustomFunctions.Error). */
export interface CellErrorValue {
  code: string;
  message?: string;
}

/** The runtime the function runs in: its CustomFunctions.Error, to make input errors and recognise output ones. */
export interface ErrorRuntime {
  make(code: string): CellErrorValue;
  is(value: unknown): value is CellErrorValue;
}

/** The formula as written cannot be entered in Excel (too many or too few arguments): the test is wrong, not the function. */
export class FormulaRefused extends Error {}

/** What Excel did with the formula: called the function with `args`, or showed an error without calling it. */
export type ExcelCall = { called: true; args: unknown[] } | { called: false; shown: CellErrorValue; why: string };

const MESSAGE_CODES = new Set(["#VALUE!", "#N/A"]);
const RESULT_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

const isRange = (value: unknown): value is unknown[][] => Array.isArray(value) && value.every((row) => Array.isArray(row));

/**
 * The arguments Excel passes for a formula giving `given` (one entry an argument as written: a value,
 * a 2-D range, or null/undefined for one left out), each cell put through `cell` (how a cell arrives:
 * an error as the runtime's error object, a blank as null).
 * @example excelArguments(worstRag, [[["Red"]], "Amber"], (c) => c).args → [[[["Red"]], [["Amber"]]]]
 */
export function excelArguments(
  meta: FunctionMetadata,
  given: readonly unknown[],
  cell: (value: unknown) => unknown,
  errors: ErrorRuntime,
  allowErrors: boolean,
): ExcelCall {
  const params = meta.parameters;
  const firstRepeating = params.findIndex((p) => p.repeating);
  if (firstRepeating >= 0 && params.slice(firstRepeating).some((p) => !p.repeating)) {
    throw new Error(`${meta.id}: a parameter after a repeating one must repeat too (functions.json)`);
  }
  const fixed = firstRepeating >= 0 ? params.slice(0, firstRepeating) : params;
  const repeating = firstRepeating >= 0 ? params.slice(firstRepeating) : [];
  if (repeating.length === 0 && given.length > params.length) {
    throw new FormulaRefused(`${meta.id} takes at most ${params.length} arguments (${names(params)}); the formula gives ${given.length}`);
  }
  const required = fixed.reduce((n, p, i) => (p.optional ? n : i + 1), 0);
  if (given.length < required) throw new FormulaRefused(`${meta.id} needs ${names(fixed.slice(0, required))}; the formula gives ${given.length} arguments`);

  let firstError: CellErrorValue | null = null;
  const shape = (p: ParameterMetadata, value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    const grid = (isRange(value) ? value : [[value]]).map((row) => row.map(cell));
    for (const row of grid) for (const v of row) if (firstError === null && errors.is(v)) firstError = v;
    if (p.dimensionality === "matrix") return grid;
    if (grid.length !== 1 || grid[0].length !== 1) {
      throw new Error(`${meta.id}: a range given to the scalar parameter ${p.name} makes Excel call the function once a cell; not modelled here`);
    }
    return grid[0][0];
  };
  const args: unknown[] = fixed.map((p, i) => shape(p, given[i]));
  if (repeating.length > 0) {
    // Each repeating parameter gets one array; a group of them takes the arguments in turn.
    const lists: unknown[][] = repeating.map(() => []);
    given.slice(fixed.length).forEach((value, i) => lists[i % repeating.length].push(shape(repeating[i % repeating.length], value)));
    args.push(...lists);
  }
  if (firstError !== null && !allowErrors) {
    return { called: false, shown: firstError, why: "functions.json does not set allowErrorForDataTypeAny, so Excel shows an argument's error without calling the function" };
  }
  return { called: true, args };
}

function names(params: readonly ParameterMetadata[]): string {
  return params.map((p) => (p.optional ? `[${p.name}]` : p.repeating ? `${p.name}, …` : p.name)).join(", ");
}

/** Whether Excel passes an invocation object after the arguments. @example wantsInvocation({ …, options: { stream: true } }) → true */
export function wantsInvocation(meta: FunctionMetadata): boolean {
  const o = meta.options ?? {};
  return Boolean(o.requiresAddress || o.requiresParameterAddresses || o.requiresStreamAddress || o.requiresStreamParameterAddresses || o.stream || o.cancelable);
}

/** The invocation object Excel passes last, and what a streaming function set through it. @example invocationFor(meta, "Sheet1!B2").invocation.address → "Sheet1!B2" */
export function invocationFor(meta: FunctionMetadata, address: string): { invocation: Record<string, unknown>; streamed: unknown[] } {
  const streamed: unknown[] = [];
  const invocation: Record<string, unknown> = {
    functionName: meta.name,
    address,
    parameterAddresses: meta.parameters.map((_, i) => `Sheet1!${String.fromCharCode(65 + i)}1`),
    setResult: (value: unknown) => void streamed.push(value),
    onCanceled: undefined,
  };
  return { invocation, streamed };
}

/**
 * What the cell shows of a function's return value, as a 2-D grid (a single value as 1×1), or a
 * throw saying why Excel could not show it.
 * @example shownResult(rag, [["Red"]], errors) → [["Red"]]; shownResult(rag, [[["Red"]]], errors) → throws
 */
export function shownResult(meta: FunctionMetadata, value: unknown, errors: ErrorRuntime): unknown[][] {
  if (meta.result.dimensionality === "matrix") {
    if (!isRange(value) || value.length === 0 || value[0].length === 0) throw new Error(`${meta.id} is declared to return a matrix but returned ${describe(value, errors)}`);
    const width = value[0].length;
    if (value.some((row) => row.length !== width)) throw new Error(`${meta.id} returned rows of different lengths: ${value.map((r) => r.length).join(", ")}`);
    for (const row of value) for (const v of row) checkCell(meta, v, errors);
    return value;
  }
  if (Array.isArray(value)) throw new Error(`${meta.id} is declared to return one value but returned an array`);
  checkCell(meta, value, errors);
  return [[value]];
}

function checkCell(meta: FunctionMetadata, value: unknown, errors: ErrorRuntime): void {
  if (typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${meta.id} returned ${value}, which no cell can hold`);
    return;
  }
  if (errors.is(value)) {
    if (!RESULT_CODES.has(value.code)) throw new Error(`${meta.id} returned ${value.code}, which Excel takes as an input error but cannot show as a custom function's result`);
    if (value.message !== undefined && value.message !== "" && !MESSAGE_CODES.has(value.code)) {
      throw new Error(`${meta.id} returned ${value.code} with a message; Excel shows messages only on #VALUE! and #N/A`);
    }
    return;
  }
  // null shows as 0 (office-js #1503), an object as #VALUE!: neither is what the function meant.
  throw new Error(`${meta.id} returned ${describe(value, errors)} in a cell`);
}

/** A value as a test failure names it. @example describe([["Red", new CellError("#N/A")]], errors) → '{"Red", #N/A}' */
export function describe(value: unknown, errors: ErrorRuntime): string {
  if (errors.is(value)) return value.message ? `${value.code}(${JSON.stringify(value.message)})` : value.code;
  if (isRange(value)) return `{${value.map((row) => row.map((v) => describe(v, errors)).join(", ")).join("; ")}}`;
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}
