/**
 * The add-in's shared runtime as Office starts it, over the built scripts: one global object (a
 * Node `vm` context standing for the page), and the scripts taskpane.html loads run into it in the
 * page's order — office.js replaced by a stand-in for Office and Excel whose workbook is a fake
 * Excel, then functions.js and taskpane.js. Cell functions are called as Excel calls them: the
 * function the script gave `CustomFunctions.associate(id, …)`, with arguments shaped by the
 * metadata in functions.json (a 2-D array for a matrix parameter, null for one left out).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { FakeExcel } from "./fakeExcel";

interface Parameter {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  parameters: Parameter[];
}

/** CustomFunctions.Error as the runtime has it: what a cell shows as #VALUE! and the like. */
export class CellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type RibbonHandler = (event: { completed(): void }) => Promise<void>;

export interface SharedRuntime {
  /** Calls a cell function by its id as Excel would; a matrix parameter given as one value is passed as [[value]]. */
  call(id: string, ...args: unknown[]): unknown;
  /** The ribbon's handlers, as the script gave them to Office.actions.associate. */
  ribbon: ReadonlyMap<string, RibbonHandler>;
  /** The page's global object. */
  page: vm.Context;
}

/** The scripts taskpane.html loads, in its order. */
export function pageScripts(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))[^>]*>/g)].map((m) => m[1] ?? m[2]);
}

/** Starts the runtime over the built scripts in `dist`, with `excel` as the open workbook; `only` runs just those of the page's scripts. */
export function startSharedRuntime(dist: string, excel: FakeExcel, only?: readonly string[]): SharedRuntime {
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const ribbon = new Map<string, RibbonHandler>();
  const info = { host: "Excel", platform: "PC" };
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    context: { platform: "PC", displayLanguage: "en-US", officeTheme: { isDarkTheme: false }, requirements: { isSetSupported: () => false } },
    // Office calls back once the page has loaded, never inside the call.
    onReady: (callback?: (ready: typeof info) => void) => new Promise((resolve) => setTimeout(() => (callback?.(info), resolve(info)), 0)),
    actions: { associate: (id: string, handler: RibbonHandler) => void ribbon.set(id, handler) },
    addin: { showAsTaskpane: () => Promise.resolve() },
    ribbon: { requestUpdate: () => Promise.resolve() },
  };
  const customFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => void functions.set(id, fn),
    Error: CellError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  // Excel.run(batch) and Excel.run(context, batch).
  const excelApi = { run: (first: unknown, second?: unknown) => (typeof first === "function" ? excel.run(first as never) : excel.run(second as never, first as never)) };
  const document = {
    currentScript: null as { tagName: string; src: string } | null,
    // The pane's root: absent here, so the React UI does not start; the functions and the ribbon's side do.
    getElementById: () => null,
    getElementsByTagName: () => [],
  };
  const page = vm.createContext({ console, setTimeout, clearTimeout, queueMicrotask, Office: office, Excel: excelApi, CustomFunctions: customFunctions, document });
  page.self = page;
  page.window = page;

  for (const script of pageScripts(dist)) {
    if (script === "office.js" || (only && !only.includes(script))) continue; // office.js: the stand-in above
    document.currentScript = { tagName: "SCRIPT", src: `https://localhost:3000/${script}` };
    vm.runInContext(fs.readFileSync(path.join(dist, script), "utf8"), page, { filename: script });
  }
  document.currentScript = null;

  const metadata = (JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
  return {
    page,
    ribbon,
    call(id, ...args) {
      const fn = functions.get(id);
      const meta = metadata.find((m) => m.id === id);
      if (!fn || !meta) throw new Error(`functions.js did not associate ${id}`);
      const repeats = meta.parameters.findIndex((p) => p.repeating);
      const matrix = (value: unknown): unknown => (Array.isArray(value) ? value : [[value]]);
      // A repeating parameter gets one array of its repetitions, as Excel passes it.
      if (repeats >= 0) return fn(...args.slice(0, repeats).map(matrix), args.slice(repeats).map(matrix));
      if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} arguments`);
      const passed = meta.parameters.map((p, i) => {
        if (i >= args.length) {
          if (!p.optional) throw new Error(`${id} needs ${p.name}`);
          return null;
        }
        const value = args[i];
        return p.dimensionality === "matrix" && !Array.isArray(value) ? [[value]] : value;
      });
      return fn(...passed);
    },
  };
}
