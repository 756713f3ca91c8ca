import { builtInFormat, isDateFormat } from "../core/numberFormats";
import type { CellValue } from "../workbook/port";
import { SheetContext, readSheetCells } from "./xlsxSheet";
import { attribute, elements, stringItemText } from "./xmlText";
import { ZipEntries, readZip } from "./zipArchive";

/** An .xlsx workbook's worksheets: cell values and, sparsely, each cell's number format where not General. */
export interface XlsxWorkbook {
  sheets: Map<string, CellValue[][]>;
  numberFormats: Map<string, (string | undefined)[][]>;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

function partText(zip: ZipEntries, name: string): string | undefined {
  return zip.get(name.toLowerCase())?.().toString("utf8");
}

// V8 holds no string longer than about 536 million characters (0x1fffffe8), and a 100,000-row
// tracker in Excel's own formulas is a sheet part of some 740 MB: a large part is decoded in slices.
const SLICE_BYTES = 64 * 1024 * 1024;
const ROW = Buffer.from("row");
const [LT, COLON] = [0x3c, 0x3a];
// After an element's name: whitespace, "/" or ">". Within a namespace prefix: letters, digits, "_", ".", "-".
const endsName = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2f || byte === 0x3e;
const inName = (byte: number): boolean => (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d;

/** Where the row element whose name is the "row" at `i` begins (its "<", before any prefix), or -1 when that "row" is no row element's name. */
function rowElementAt(bytes: Buffer, i: number): number {
  if (!endsName(bytes[i + ROW.length])) return -1;
  let start = i;
  if (bytes[start - 1] === COLON) {
    start--;
    while (start > 0 && inName(bytes[start - 1])) start--;
  }
  // Markup's "<" never appears in text (it is &lt; there): "<" right before the name opens the element.
  return bytes[start - 1] === LT ? start - 1 : -1;
}

/** Where a slice that starts at `from` ends: where the last row begins before `from + size`, else where the next one does (a row is never cut), else the part's end. */
function sliceEnd(bytes: Buffer, from: number, size: number): number {
  const to = from + size;
  if (to >= bytes.length) return bytes.length;
  for (let i = bytes.lastIndexOf(ROW, to - ROW.length); i > from; i = bytes.lastIndexOf(ROW, i - 1)) {
    const start = rowElementAt(bytes, i);
    if (start > from) return start;
  }
  for (let i = bytes.indexOf(ROW, to); i >= 0; i = bytes.indexOf(ROW, i + 1)) {
    const start = rowElementAt(bytes, i);
    if (start > from) return start;
  }
  return bytes.length;
}

/**
 * A sheet part's text, in slices of about 64 MB that each end where a row begins (so no cell is
 * cut), decoded one at a time: one slice for any sheet that fits a string.
 */
function partSlices(zip: ZipEntries, name: string, sliceBytes: number): string[] | undefined {
  const bytes = zip.get(name.toLowerCase())?.();
  if (bytes === undefined) return undefined;
  const slices: string[] = [];
  for (let from = 0; from < bytes.length; ) {
    const to = sliceEnd(bytes, from, sliceBytes);
    slices.push(bytes.toString("utf8", from, to));
    from = to;
  }
  return slices;
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

function relationships(zip: ZipEntries, part: string): { id: string; type: string; target: string }[] {
  const slash = part.lastIndexOf("/");
  const rels = partText(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`) ?? "";
  return elements(rels, "Relationship").flatMap(({ attributes }) => {
    const id = attribute(attributes, "Id");
    const target = attribute(attributes, "Target");
    const mode = attribute(attributes, "TargetMode");
    return id && target && mode !== "External" ? [{ id, type: attribute(attributes, "Type") ?? "", target: resolvePart(part, target) }] : [];
  });
}

// Each cell style's number format code (undefined for General) and whether it shows a date.
function styleFormats(zip: ZipEntries, stylesPart: string | undefined): Pick<SheetContext, "styleFormats" | "styleIsDate"> {
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

/**
 * Reads an .xlsx/.xlsm package's worksheets from their XML, as Excel stores them: numbers stay
 * numbers and a date is its serial (1900 system; a 1904-system workbook's date-formatted numbers
 * get 1462 days added), so no value goes through a JavaScript Date. Chart and macro sheets are
 * left out; sheets keep the workbook's order.
 * `sliceBytes`: how much of a sheet part is decoded at a time (tests try small ones).
 * @throws Error with a plain reason when the package or its workbook part is missing or damaged
 * @example readXlsx(fs.readFileSync("register.xlsx")).sheets.get("Contracts")?.[1] → ["C-001", "Cleaning", 45747, 1200.5]
 */
export function readXlsx(bytes: Buffer, { sliceBytes = SLICE_BYTES }: { sliceBytes?: number } = {}): XlsxWorkbook {
  const zip = readZip(bytes);
  const workbookPart = relationships(zip, "").find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? "xl/workbook.xml";
  const workbook = partText(zip, workbookPart);
  if (workbook === undefined) throw new Error("it has no workbook part (is it an .xlsx spreadsheet?)");
  const related = relationships(zip, workbookPart);
  const date1904 = /^(?:1|true)$/i.test(attribute(elements(workbook, "workbookPr")[0]?.attributes ?? "", "date1904") ?? "");
  const sharedStringsPart = related.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const sharedStrings = elements(partText(zip, sharedStringsPart ?? "") ?? "", "si").map((si) => stringItemText(si.inner));
  const context: SheetContext = { sharedStrings, date1904, ...styleFormats(zip, related.find((r) => r.type.endsWith("/styles"))?.target) };
  const sheets = new Map<string, CellValue[][]>();
  const numberFormats = new Map<string, (string | undefined)[][]>();
  for (const { attributes } of elements(workbook, "sheet")) {
    const name = attribute(attributes, "name");
    // The relationships namespace is almost always prefixed r:, but any prefix is allowed.
    const id = attribute(attributes, "r:id") ?? /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const rel = related.find((r) => r.id === id);
    if (name === undefined || !rel || !WORKSHEET.test(rel.type)) continue;
    const xml = partSlices(zip, rel.target, sliceBytes);
    if (xml === undefined) throw new Error(`its sheet "${name}" is missing from the package`);
    const cells = readSheetCells(xml, context);
    sheets.set(name, cells.rows);
    numberFormats.set(name, cells.formats);
  }
  return { sheets, numberFormats };
}
