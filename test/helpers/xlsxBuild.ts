import { zipPackage } from "../../src/cli/xlsxPackage";

/** What a hand-built workbook holds: its sheets' XML and, optionally, styles, shared strings and the 1904 flag. */
export interface WorkbookParts {
  /** Each sheet; `state` hides it as Excel's Hide (hidden) or VBA (veryHidden) does. */
  sheets: { name: string; cells: string; state?: "hidden" | "veryHidden" }[];
  /** `<numFmt>` elements' attributes by id: { 164: "dd/mm/yyyy" }. */
  numFmts?: Record<number, string>;
  /** The numFmtId of each cell style, in order: cell attribute s="i" picks the i-th. */
  cellXfs?: number[];
  sharedStrings?: string[];
  date1904?: boolean;
  /** Namespace prefix for the worksheet elements (some writers use `x:`). */
  prefix?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The bytes of an .xlsx package built part by part, so a test controls every attribute a reader
 * must understand (number formats, cell types, the 1904 system) without a spreadsheet library.
 * `cells` is the inner XML of `<sheetData>`.
 */
export function buildXlsx(parts: WorkbookParts): Buffer {
  const p = parts.prefix ? `${parts.prefix}:` : "";
  const xmlns = parts.prefix ? `xmlns:${parts.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheets = parts.sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${xmlns}><${p}sheetData>${s.cells}</${p}sheetData></${p}worksheet>`),
  }));
  const numFmts = Object.entries(parts.numFmts ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`).join("");
  const xfs = (parts.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`).join("");
  const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="${Object.keys(parts.numFmts ?? {}).length}">${numFmts}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(parts.cellXfs ?? [0]).length}">${xfs}</cellXfs></styleSheet>`;
  const strings = parts.sharedStrings?.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t xml:space="preserve">${escape(s)}</t></si>`)).join("") ?? "";
  const rels = [
    ...parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="/xl/styles.xml"/>`,
    parts.sharedStrings ? `<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "",
  ].join("");
  return zipPackage([
    { name: "[Content_Types].xml", data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "_rels/.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${parts.date1904 ? ' date1904="1"' : ""}/><sheets>${parts.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`),
    },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    { name: "xl/styles.xml", data: Buffer.from(styles) },
    ...(parts.sharedStrings ? [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<sst xmlns="${MAIN}" count="${parts.sharedStrings.length}">${strings}</sst>`) }] : []),
    ...sheets,
  ]);
}

/** A row of cells' XML: `row(2, '<c r="A2"><v>1</v></c>')`. */
export const row = (r: number, cells: string): string => `<row r="${r}">${cells}</row>`;
