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
import { ErrorRuntime, FunctionMetadata, FunctionsJson, excelArguments, invocationFor, wantsInvocation } from "./excelCall";
import type { FakeExcel } from "./fakeExcel";

/** CustomFunctions.Error as the runtime has it: what a cell shows as #VALUE! and the like. */
export class CellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type RibbonHandler = (event: { completed(): void }) => Promise<void>;

/** The page's CustomFunctions.Error, as the conformance helpers use it. */
export const CELL_ERRORS: ErrorRuntime = {
  make: (code) => new CellError(code),
  is: (value): value is CellError => value instanceof CellError,
};

export interface SharedRuntime {
  /** Calls a cell function by its id as Excel would (test/helpers/excelCall): a matrix parameter given as one value is passed as [[value]], one left out as null. */
  call(id: string, ...args: unknown[]): unknown;
  /** The function functions.js gave `CustomFunctions.associate(id, …)`. */
  associated(id: string): (...args: unknown[]) => unknown;
  /** dist/functions.json, as Excel reads it. */
  functionsJson: FunctionsJson;
  /** One function's metadata from functions.json. */
  metadata(id: string): FunctionMetadata;
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

/**
 * Starts the runtime over the built scripts in `dist`, with `excel` as the open workbook; `only` runs
 * just those of the page's scripts; `now` fixes the page's clock (its own `Date`: a vm context has
 * its own built-ins, which jest's fake timers do not reach).
 */
export function startSharedRuntime(dist: string, excel: FakeExcel, only?: readonly string[], now?: Date): SharedRuntime {
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
  // A <script> the page adds (webpack fetching a chunk: the Excel adapter once Office is ready, a
  // ribbon action's feature at its first click) runs as a browser runs it: the file from dist/,
  // then its onload; a file that is not there fires onerror.
  interface AddedScript {
    tagName: string;
    src: string;
    parentNode: unknown;
    onload?: ((event: { type: string; target: AddedScript }) => void) | null;
    onerror?: ((event: { type: string; target: AddedScript }) => void) | null;
    setAttribute(name: string, value: string): void;
  }
  const head = {
    appendChild(script: AddedScript): AddedScript {
      script.parentNode = head;
      setTimeout(() => {
        const file = path.join(dist, path.basename(new URL(script.src).pathname));
        if (!fs.existsSync(file)) {
          script.onerror?.({ type: "error", target: script });
          return;
        }
        vm.runInContext(fs.readFileSync(file, "utf8"), page, { filename: path.basename(file) });
        script.onload?.({ type: "load", target: script });
      }, 0);
      return script;
    },
    removeChild(script: AddedScript): AddedScript {
      script.parentNode = null;
      return script;
    },
  };
  const document = {
    currentScript: null as { tagName: string; src: string } | null,
    head,
    // The pane's root: absent here, so the React UI does not start; the functions and the ribbon's side do.
    getElementById: () => null,
    getElementsByTagName: () => [],
    createElement: (tagName: string): AddedScript => ({ tagName: tagName.toUpperCase(), src: "", parentNode: null, setAttribute: () => undefined }),
  };
  const page = vm.createContext({ console, setTimeout, clearTimeout, queueMicrotask, Office: office, Excel: excelApi, CustomFunctions: customFunctions, document });
  page.self = page;
  page.window = page;
  if (now) fixClock(page, now.getTime());

  for (const script of pageScripts(dist)) {
    if (script === "office.js" || (only && !only.includes(script))) continue; // office.js: the stand-in above
    document.currentScript = { tagName: "SCRIPT", src: `https://localhost:3000/${script}` };
    vm.runInContext(fs.readFileSync(path.join(dist, script), "utf8"), page, { filename: script });
  }
  document.currentScript = null;

  const functionsJson = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as FunctionsJson;
  const metadata = (id: string): FunctionMetadata => {
    const meta = functionsJson.functions.find((m) => m.id === id);
    if (!meta) throw new Error(`functions.json has no ${id}`);
    return meta;
  };
  const associated = (id: string): ((...args: unknown[]) => unknown) => {
    const fn = functions.get(id);
    if (!fn) throw new Error(`functions.js did not associate ${id}`);
    return fn;
  };
  return {
    page,
    ribbon,
    functionsJson,
    metadata,
    associated,
    call(id, ...args) {
      const meta = metadata(id);
      const call = excelArguments(meta, args, (cell) => cell, CELL_ERRORS, functionsJson.allowErrorForDataTypeAny === true);
      if (!call.called) return [[call.shown]];
      const extra = wantsInvocation(meta) ? [invocationFor(meta, "Sheet1!A1").invocation] : [];
      return associated(id)(...call.args, ...extra);
    },
  };
}

/** Replaces the page's Date with one whose "now" is `instant` (milliseconds), built in the page so it is the page's own kind of Date. */
function fixClock(page: vm.Context, instant: number): void {
  vm.runInContext(
    `(() => {
      const Real = Date;
      class FixedDate extends Real {
        constructor(...args) { if (args.length === 0) super(${instant}); else super(...args); }
        static now() { return ${instant}; }
      }
      globalThis.Date = FixedDate;
    })();`,
    page,
  );
}
