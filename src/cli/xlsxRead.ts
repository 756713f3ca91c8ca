import { builtInFormat, isDateFormat } from "../core/numberFormats";
import type { CellValue } from "../workbook/port";
import { KeptSheet, KeptWorkbook, emptyKeptSheet, keepNotes, keepSheetFrame, keptNames } from "./xlsxKept";
import { RowSink, SheetContext, SheetRowReader, keepRows } from "./xlsxSheet";
import { ElementWindows, attribute, elements, ownString, stringItemText } from "./xmlText";
import { INFLATE_LIMITS, InflateLimits, ReadLimitError, ZipArchive, readZip } from "./zipArchive";

/** An .xlsx workbook's worksheets: cell values and, sparsely, each cell's number format where not General. */
export interface XlsxWorkbook {
  sheets: Map<string, CellValue[][]>;
  numberFormats: Map<string, (string | undefined)[][]>;
  /** What the workbook keeps beyond values and formats (formulas, notes, links, merges …), when asked for (`keep`). */
  kept?: KeptWorkbook;
  /** The worksheets the workbook hides (Format › Hide, or veryHidden: only VBA shows them). */
  hiddenSheets: Set<string>;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

// Parts read whole (the workbook, relationships, styles) are small in any real workbook.
const WHOLE_PART_BYTES = 256 * 1024 * 1024;
// How much inflated text is decoded and read at a time: a sheet part is never held whole.
const PIECE_BYTES = 1024 * 1024;

function partText(zip: ZipArchive, name: string): string | undefined {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const found = zip.stream(name, (piece) => {
    size += piece.length;
    if (size > WHOLE_PART_BYTES) throw new ReadLimitError(`its part ${name} is over ${WHOLE_PART_BYTES / 1024 / 1024} MB, the limit for a part read whole`);
    pieces.push(piece);
  });
  return found ? Buffer.concat(pieces, size).toString("utf8") : undefined;
}

/**
 * A part's text handed to `onWindow` in windows that each end where an element of `localName`
 * begins (see ElementWindows): inflated, decoded and read a piece at a time, so a sheet of a
 * gigabyte is never one string. False when the package has no such part.
 */
function partWindows(zip: ZipArchive, name: string, localName: string, sliceBytes: number, onWindow: (xml: string) => void): boolean {
  const tooLong = (bytes: number): Error => new ReadLimitError(`its part ${name} has over ${(bytes / 1024 / 1024).toFixed(0)} MB in one <${localName}>, the limit for one ${localName === "row" ? "row" : "item"}`);
  const windows = new ElementWindows(localName, onWindow, tooLong);
  const found = zip.stream(
    name,
    (piece) => {
      for (let from = 0; from < piece.length; from += sliceBytes) windows.push(piece.subarray(from, from + sliceBytes));
    },
    // Pieces as they inflate (about 600 KB), not gathered: the windows copy them once anyway.
    sliceBytes < PIECE_BYTES ? sliceBytes : 0,
  );
  if (!found) return false;
  windows.finish();
  return true;
}

// A relationship target resolved against the folder of the part that holds it ("/xl/…" is absolute).
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * The relationships of a package part (its `_rels/….rels`), each target resolved to a part name;
 * external targets (hyperlinks to the web) left out unless `external` (then given as written).
 * @example relationships(zip, "xl/workbook.xml") → [{ id: "rId1", type: "…/worksheet", target: "xl/worksheets/sheet1.xml" }, …]
 */
export function relationships(zip: ZipArchive, part: string, external = false): { id: string; type: string; target: string }[] {
  const slash = part.lastIndexOf("/");
  const rels = partText(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`) ?? "";
  return elements(rels, "Relationship").flatMap(({ attributes }) => {
    const id = attribute(attributes, "Id");
    const target = attribute(attributes, "Target");
    const mode = attribute(attributes, "TargetMode");
    if (!id || !target) return [];
    if (mode === "External") return external ? [{ id, type: attribute(attributes, "Type") ?? "", target }] : [];
    return [{ id, type: attribute(attributes, "Type") ?? "", target: resolvePart(part, target) }];
  });
}

// Each cell style's number format code (undefined for General) and whether it shows a date.
function styleFormats(zip: ZipArchive, stylesPart: string | undefined): Pick<SheetContext, "styleFormats" | "styleIsDate"> {
  const styles = stylesPart ? (partText(zip, stylesPart) ?? "") : "";
  const custom = new Map<number, string>();
  for (const { attributes } of elements(styles, "numFmt")) {
    const id = Number(attribute(attributes, "numFmtId"));
    const code = attribute(attributes, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = elements(styles, "cellXfs")[0]?.inner ?? "";
  const formats = elements(cellXfs, "xf").map(({ attributes }) => {
    const id = Number(attribute(attributes, "numFmtId") ?? 0);
    const code = custom.get(id) ?? builtInFormat(id);
    return code === undefined || /^general$/i.test(code.trim()) ? undefined : code;
  });
  return { styleFormats: formats, styleIsDate: formats.map((code) => code !== undefined && isDateFormat(code)) };
}

/** An .xlsx package opened for reading a sheet at a time (see openXlsx). */
export interface XlsxPackage {
  /** The worksheets' names, in the workbook's order (chart and macro sheets left out). */
  sheets: string[];
  /** Each worksheet's visibility (ECMA-376 Part 1 §18.2.19): visible, hidden, or veryHidden. */
  states: ReadonlyMap<string, KeptSheet["state"]>;
  /**
   * Reads one sheet's rows into `onRow`, a row at a time: the sheet is never held whole, whatever
   * its length. With `kept`, the sheet's formulas, error cells, notes, hyperlinks, merges, hidden
   * rows and columns are recorded there too.
   */
  readRows(sheet: string, onRow: RowSink, kept?: KeptSheet): void;
  /** The workbook's defined names and what of it convert does not carry over (chart sheets, pivot tables, macros). */
  keptNames(): Pick<KeptWorkbook, "names" | "notKept">;
}

/** Options of the reader: `sliceBytes` is how much of a part is decoded and read at a time (tests try small ones); `limits` what a part may inflate to. */
export interface XlsxReadOptions {
  sliceBytes?: number;
  limits?: InflateLimits;
}

/**
 * Opens an .xlsx/.xlsm package for reading its worksheets row by row, as Excel stores them:
 * numbers stay numbers and a date is its serial (1900 system; a 1904-system workbook's
 * date-formatted numbers get 1462 days added), so no value goes through a JavaScript Date. The
 * shared strings and styles are read first (a shared string is one string however many cells hold
 * it); each sheet part is inflated, decoded and read a piece at a time.
 * @throws Error with a plain reason when the package or its workbook part is missing or damaged; ReadLimitError when a part passes a limit (a zip bomb)
 * @example openXlsx(bytes).readRows("Contracts", (row, values) => (cells += values.length))
 */
export function openXlsx(bytes: Buffer, { sliceBytes = PIECE_BYTES, limits = INFLATE_LIMITS }: XlsxReadOptions = {}): XlsxPackage {
  const zip = readZip(bytes, limits);
  const workbookPart = relationships(zip, "").find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? "xl/workbook.xml";
  const workbook = partText(zip, workbookPart);
  if (workbook === undefined) throw new Error("it has no workbook part (is it an .xlsx spreadsheet?)");
  const related = relationships(zip, workbookPart);
  const date1904 = /^(?:1|true)$/i.test(attribute(elements(workbook, "workbookPr")[0]?.attributes ?? "", "date1904") ?? "");
  const sharedStringsPart = related.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const sharedStrings: string[] = [];
  if (sharedStringsPart) {
    partWindows(zip, sharedStringsPart, "si", sliceBytes, (xml) => {
      for (const si of elements(xml, "si")) sharedStrings.push(ownString(stringItemText(si.inner)));
    });
  }
  const context: SheetContext = { sharedStrings, date1904, ...styleFormats(zip, related.find((r) => r.type.endsWith("/styles"))?.target) };
  const parts = new Map<string, string>();
  const states = new Map<string, KeptSheet["state"]>();
  const allSheets: string[] = [];
  let chartSheets = 0;
  for (const { attributes } of elements(workbook, "sheet")) {
    const name = attribute(attributes, "name");
    // The relationships namespace is almost always prefixed r:, but any prefix is allowed.
    const id = attribute(attributes, "r:id") ?? /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const rel = related.find((r) => r.id === id);
    allSheets.push(name ?? "");
    if (rel && !WORKSHEET.test(rel.type)) chartSheets++;
    if (name === undefined || !rel || !WORKSHEET.test(rel.type) || parts.has(name)) continue;
    parts.set(name, rel.target);
    const state = attribute(attributes, "state");
    states.set(name, state === "hidden" || state === "veryHidden" ? state : "visible");
  }
  return {
    sheets: [...parts.keys()],
    states,
    readRows: (sheet, onRow, kept) => {
      const part = parts.get(sheet);
      if (part === undefined) throw new Error(`it has no sheet "${sheet}"`);
      const reader = new SheetRowReader(context, onRow, kept);
      if (!partWindows(zip, part, "row", sliceBytes, (xml) => reader.read(xml))) throw new Error(`its sheet "${sheet}" is missing from the package`);
      reader.finish();
      if (!kept) return;
      kept.state = states.get(sheet) ?? "visible";
      const sheetRels = relationships(zip, part, true);
      const links = new Map(sheetRels.filter((r) => r.type.endsWith("/hyperlink")).map((r) => [r.id, r.target]));
      const { head, tail } = reader.frame();
      keepSheetFrame(kept, head, tail, links);
      for (const rel of sheetRels.filter((r) => r.type.endsWith("/comments"))) keepNotes(kept, partText(zip, rel.target) ?? "");
    },
    keptNames: () => {
      const notKept: string[] = [];
      if (chartSheets > 0) notKept.push(`${chartSheets} chart ${chartSheets === 1 ? "sheet" : "sheets"}`);
      if (related.some((r) => r.type.endsWith("/pivotCacheDefinition"))) notKept.push("pivot tables (their values are kept)");
      if (related.some((r) => r.type.endsWith("/vbaProject"))) notKept.push("macros (a tracker is an .xlsx)");
      return { names: keptNames(workbook, allSheets), notKept };
    },
  };
}

/**
 * Reads an .xlsx/.xlsm package's worksheets whole (see openXlsx for how cells read), rows kept
 * compact: plain values, one shared blank row, each row ending at its last value.
 * @throws Error with a plain reason when the package or its workbook part is missing or damaged; ReadLimitError when a part passes a limit
 * @example readXlsx(fs.readFileSync("register.xlsx")).sheets.get("Contracts")?.[1] → ["C-001", "Cleaning", 45747, 1200.5]
 */
export function readXlsx(bytes: Buffer, options: XlsxReadOptions & { keep?: boolean } = {}): XlsxWorkbook {
  const book = openXlsx(bytes, options);
  const sheets = new Map<string, CellValue[][]>();
  const numberFormats = new Map<string, (string | undefined)[][]>();
  const keptSheets = new Map<string, KeptSheet>();
  for (const name of book.sheets) {
    const keep = keepRows();
    const kept = options.keep ? emptyKeptSheet() : undefined;
    book.readRows(name, keep.onRow, kept);
    if (kept) keptSheets.set(name, kept);
    const cells = keep.cells();
    sheets.set(name, cells.rows);
    numberFormats.set(name, cells.formats);
  }
  const hiddenSheets = new Set([...book.states].filter(([, state]) => state !== "visible").map(([name]) => name));
  return { sheets, numberFormats, hiddenSheets, ...(options.keep ? { kept: { sheets: keptSheets, ...book.keptNames() } } : {}) };
}
