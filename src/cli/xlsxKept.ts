/**
 * What `convert` keeps of an .xlsx register beyond its values and number formats, so the tracker
 * holds everything the user had (issue 12, point 3): formulas (shared and array formulas as the file
 * stores them, with or without a cached result), error cells as errors, notes (legacy comments),
 * hyperlinks, merged ranges, hidden and resized rows, hidden columns and widths, hidden sheets, the
 * workbook's defined names. Read alongside the cells (xlsxSheet's SheetRowReader hands each cell's
 * formula and error here) and written back at the same cells by writeTracker.
 *
 * What is not kept (charts and pictures, pivot tables, conditional formats, data validation, fonts,
 * fills and borders, macros) is listed by `notKept`, so convert can say so.
 */
import { attribute, cellText, elements, stringItemText, xmlDecode } from "./xmlText";
import type { SheetNote } from "./xlsxNotes";

/** A hyperlink on a cell or range: a web or file address (`target`), or a place in the workbook (`location`). */
export interface KeptHyperlink {
  ref: string;
  target?: string;
  location?: string;
  display?: string;
  tooltip?: string;
}

/** What a worksheet keeps beyond its cells' values and number formats. Rows and columns are 0-based. */
export interface KeptSheet {
  /**
   * Each cell's formula as the file stores it, a whole `<f …>…</f>` element without namespace
   * prefix, by row, then in a sparse array by column (a Map a row cost several times the memory,
   * and a register may have a formula in each of a million rows).
   */
  formulas: Map<number, string[]>;
  /** The number format of each formula cell that has one, by row then column (a formula's cached value may be blank: no value keeps it). */
  formulaFormats: Map<number, string[]>;
  /** Cells that hold an error value (`#N/A`, `#DIV/0!` …), by row then column. */
  errors: Map<number, Set<number>>;
  /** A row's own attributes beyond its number: ` hidden="1"`, ` ht="30" customHeight="1"`, outline levels. */
  rowAttributes: Map<number, string>;
  /** The `<col>` elements (widths, hidden columns, outline levels), their cell styles left out. */
  columns: string[];
  /** The sheet's view as the user left it: frozen panes, zoom, gridlines (a `<sheetView>` element), or "" for the default. */
  view: string;
  /** Merged ranges (`A1:C1`). */
  merges: string[];
  hyperlinks: KeptHyperlink[];
  /** Notes (legacy comments), with their authors. */
  notes: SheetNote[];
  state: "visible" | "hidden" | "veryHidden";
  /** The highest shared-formula index (`si`) the sheet uses, -1 for none: the tracker's own shared formulas count on from it. */
  lastSharedIndex: number;
  /** Things on the sheet convert does not carry over (see notKept). */
  notKept: string[];
}

/** A defined name of the workbook, as the file stores it: `sheet` is the sheet it is local to. */
export interface KeptName {
  name: string;
  formula: string;
  sheet?: string;
  hidden: boolean;
}

/** What a workbook keeps beyond its sheets' cells (see KeptSheet). */
export interface KeptWorkbook {
  sheets: Map<string, KeptSheet>;
  names: KeptName[];
  /** Things of the workbook convert does not carry over (chart sheets, pivot tables, macros). */
  notKept: string[];
}

/** A sheet's kept parts before anything is read. */
export function emptyKeptSheet(): KeptSheet {
  return { formulas: new Map(), formulaFormats: new Map(), errors: new Map(), rowAttributes: new Map(), columns: [], view: "", merges: [], hyperlinks: [], notes: [], state: "visible", lastSharedIndex: -1, notKept: [] };
}

const FORMULA = /<((?:[\w.-]+:)?f)((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/\1>)/;
const SHARED_INDEX = /\ssi\s*=\s*["'](\d+)["']/;
const ROW_KEPT_ATTRIBUTES = ["hidden", "ht", "customHeight", "outlineLevel", "collapsed"] as const;
// A row with any of them: most rows have none (`r="2" spans="1:20"`), and a million rows are read.
const ROW_HAS_KEPT = /\s(?:hidden|ht|outlineLevel|collapsed)\s*=/;

/**
 * Records a cell's formula when its inner XML has one: the `<f>` element as the file stores it,
 * any namespace prefix removed (`<x:f>` is `<f>`).
 * @example keepFormula(kept, 1, 2, '<f>SUM(A1:B1)</f><v>3</v>') → kept.formulas.get(1)?.[2] === "<f>SUM(A1:B1)</f>"
 */
export function keepFormula(kept: KeptSheet, row: number, column: number, inner: string): void {
  const m = FORMULA.exec(inner);
  if (!m) return;
  const attributes = m[2] ?? "";
  const si = SHARED_INDEX.exec(attributes);
  if (si) kept.lastSharedIndex = Math.max(kept.lastSharedIndex, Number(si[1]));
  let line = kept.formulas.get(row);
  if (!line) kept.formulas.set(row, (line = []));
  line[column] = m[3] === undefined ? `<f${attributes}/>` : `<f${attributes}>${m[3]}</f>`;
}

/** Records the number format of a formula cell (a blank cached value is no value for the rows read, and takes no format with it). */
export function keepFormulaFormat(kept: KeptSheet, row: number, column: number, format: string): void {
  let line = kept.formulaFormats.get(row);
  if (!line) kept.formulaFormats.set(row, (line = []));
  line[column] = format;
}

/** Records that a cell holds an error value. */
export function keepError(kept: KeptSheet, row: number, column: number): void {
  let line = kept.errors.get(row);
  if (!line) kept.errors.set(row, (line = new Set()));
  line.add(column);
}

/** Records a row's hidden state, height and outline level from its attribute text. */
export function keepRowAttributes(kept: KeptSheet, row: number, attributes: string): void {
  if (!ROW_HAS_KEPT.test(attributes)) return;
  const own = keptAttributes(attributes, ROW_KEPT_ATTRIBUTES);
  if (own !== "") kept.rowAttributes.set(row, own);
}

// A sheet's parts that convert does not carry over, by the element that marks them.
const SHEET_NOT_KEPT: readonly [string, string][] = [
  ["drawing", "charts or pictures"],
  ["conditionalFormatting", "conditional formats"],
  ["dataValidations", "data validation (drop-down lists)"],
  ["sheetProtection", "sheet protection"],
];

/**
 * Reads what a sheet keeps from the text of its part before `<sheetData>` (`head`: columns) and
 * after it (`tail`: merges, hyperlinks and the marks of what is not kept). `links` resolves a
 * hyperlink's relationship id to its address.
 */
export function keepSheetFrame(kept: KeptSheet, head: string, tail: string, links: ReadonlyMap<string, string>): void {
  for (const { attributes } of elements(head, "col")) {
    const own = keptAttributes(attributes, ["min", "max", "width", "customWidth", "hidden", "outlineLevel", "collapsed", "bestFit"]);
    if (/\smin=/.test(own) && /\smax=/.test(own)) kept.columns.push(`<col${own}/>`);
  }
  const view = elements(head, "sheetView")[0];
  if (view) {
    const own = keptAttributes(view.attributes, ["showGridLines", "zoomScale", "rightToLeft", "showZeros"]);
    const pane = elements(view.inner, "pane")[0];
    const paneXml = pane ? `<pane${keptAttributes(pane.attributes, ["xSplit", "ySplit", "topLeftCell", "activePane", "state"])}/>` : "";
    if (own !== "" || paneXml !== "") kept.view = `<sheetView${own} workbookViewId="0">${paneXml}</sheetView>`;
  }
  for (const { attributes } of elements(tail, "mergeCell")) {
    const ref = attribute(attributes, "ref");
    if (ref && /^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/i.test(ref)) kept.merges.push(ref.toUpperCase());
  }
  for (const { attributes } of elements(tail, "hyperlink")) {
    const ref = attribute(attributes, "ref");
    if (!ref || !/^[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?$/i.test(ref)) continue;
    const id = attribute(attributes, "r:id") ?? /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const target = id === undefined ? undefined : links.get(id);
    const location = attribute(attributes, "location");
    if (target === undefined && location === undefined) continue;
    const display = attribute(attributes, "display");
    const tooltip = attribute(attributes, "tooltip");
    kept.hyperlinks.push({ ref: ref.toUpperCase(), ...(target !== undefined ? { target } : {}), ...(location !== undefined ? { location } : {}), ...(display !== undefined ? { display } : {}), ...(tooltip !== undefined ? { tooltip } : {}) });
  }
  for (const [element, what] of SHEET_NOT_KEPT) if (elements(tail, element).length > 0 || elements(head, element).length > 0) kept.notKept.push(what);
}

// The attributes named, where their values are plain (numbers, true/false, a cell reference, a pane's name): nothing else is copied into the file written.
function keptAttributes(attributes: string, names: readonly string[]): string {
  let own = "";
  for (const name of names) {
    const value = attribute(attributes, name);
    if (value !== undefined && /^(?:[\d.]+|true|false|[A-Z]{1,3}\d+|(?:top|bottom)(?:Left|Right)|frozen|frozenSplit|split)$/i.test(value)) own += ` ${name}="${value}"`;
  }
  return own;
}

/** `B3` → 0-based row 2, column 1; null for anything else. */
export function cellPosition(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  const column = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

/**
 * Reads a comments part (ECMA-376 Part 1 §18.7) into notes with their authors: a note's text is its
 * runs joined, as Excel shows it.
 * @example keepNotes(kept, '<comments><authors><author>Ann</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Check</t></text></comment></commentList></comments>') → kept.notes[0] = { row: 1, column: 1, text: "Check", author: "Ann" }
 */
export function keepNotes(kept: KeptSheet, xml: string): void {
  const authors = elements(elements(xml, "authors")[0]?.inner ?? "", "author").map((a) => cellText(a.inner));
  for (const { attributes, inner } of elements(xml, "comment")) {
    const at = cellPosition(attribute(attributes, "ref") ?? "");
    if (!at) continue;
    const author = authors[Number(attribute(attributes, "authorId") ?? -1)];
    kept.notes.push({ ...at, text: stringItemText(elements(inner, "text")[0]?.inner ?? ""), ...(author !== undefined ? { author } : {}) });
  }
}

/**
 * The workbook's defined names from its `<definedNames>`, local names tied to their sheet by name
 * (`localSheetId` counts every sheet of the workbook, `sheetNames` in order). Excel's filter names
 * (`_xlnm._FilterDatabase`, an autofilter's hidden range) are left out: the tracker's tables have their own.
 */
export function keptNames(workbook: string, sheetNames: readonly string[]): KeptName[] {
  return elements(workbook, "definedName").flatMap(({ attributes, inner }) => {
    const name = attribute(attributes, "name");
    if (!name || name === "_xlnm._FilterDatabase") return [];
    const local = attribute(attributes, "localSheetId");
    const sheet = local === undefined ? undefined : sheetNames[Number(local)];
    if (local !== undefined && sheet === undefined) return [];
    return [{ name, formula: xmlDecode(inner), hidden: /^(?:1|true)$/i.test(attribute(attributes, "hidden") ?? ""), ...(sheet !== undefined ? { sheet } : {}) }];
  });
}
