import * as fs from "fs";
import { columnLetters } from "../core/cellRefs";
import { builtInFormat } from "../core/numberFormats";
import { RAG_FILLS as SHARED_RAG_FILLS } from "../core/ragFills";
import type { MemoryCell, MemoryWorkbook } from "../workbook/memoryWorkbook";
import { quotedSheetName } from "../workbook/sheetNames";
import { COMMENTS_CONTENT_TYPE, COMMENTS_TYPE, SheetNote, VML_CONTENT_TYPE, VML_TYPE, commentsXml, notesVml } from "./xlsxNotes";
import { xmlText, xstringText } from "./xlsxPackage";
import { ZipFileWriter } from "./zipStream";
import type { KeptWorkbook } from "./xlsxKept";
import { KeptCounts, KeptFormulas, colsXml, definedNamesXml, hyperlinksXml, isErrorValue, keptNotes, mergeCellsXml, noKeptCounts, tableBox } from "./xlsxKeptWrite";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The tracker's RAG colours (core/ragFills) as SpreadsheetML's ARGB: word, fill, font. */
const RAG_FILLS: [string, string, string][] = SHARED_RAG_FILLS.map((f) => [f.text, `FF${f.fill.slice(1)}`, `FF${f.font.slice(1)}`]);
// ECMA-376 Part 1 §18.8.30: formats every reader knows by id are written by id, so Excel shows
// them as it always does (14, the short date, in the reader's own date order). The East Asian
// date ids have no code of their own to match, so they are left out.
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = (() => {
  const ids = new Map<string, number>();
  for (let id = 1; id <= 49; id++) {
    const code = (id < 27 || id > 36) ? builtInFormat(id) : undefined;
    if (code !== undefined && !ids.has(code)) ids.set(code, id);
  }
  return ids;
})();
/** The first id free for a workbook's own number formats. */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The cell styles of a workbook, built from the number formats its cells use: style 0 is General,
 * and each other format gets one style the first time a cell asks for it.
 */
class NumberFormatStyles {
  private readonly styles = new Map<string, number>();
  private readonly formats: { format: string; id: number }[] = [];

  styleOf(format: string | undefined): number {
    if (!format || format === "General") return 0;
    let style = this.styles.get(format);
    if (style === undefined) {
      const custom = this.formats.filter((f) => f.id >= FIRST_CUSTOM_FORMAT).length;
      this.formats.push({ format, id: BUILT_IN_FORMATS.get(format) ?? FIRST_CUSTOM_FORMAT + custom });
      style = this.formats.length;
      this.styles.set(format, style);
    }
    return style;
  }

  /** The styles part: custom number formats, one cell style per format, and the RAG fills conditional formats use. */
  xml(): string {
    const custom = this.formats.filter((f) => f.id >= FIRST_CUSTOM_FORMAT);
    const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlText(f.format)}"/>`).join("")}</numFmts>` : "";
    const xfs = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, ...this.formats.map((f) => `<xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
    const dxfs = RAG_FILLS.map(([, fill, font]) => `<dxf><font><color rgb="${font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="${RAG_FILLS.length}">${dxfs}</dxfs></styleSheet>`;
  }
}
// Functions newer than Excel 2007 are stored with the _xlfn. prefix in the file format.
const NEWER_FUNCTIONS = /\b(MAXIFS|MINIFS|IFS|SWITCH|CONCAT|TEXTJOIN|XLOOKUP)\(/g;


/**
 * A formula as the .xlsx format stores it: `[@[End date]]` is UI shorthand for
 * `Contracts[[#This Row],[End date]]`, and newer functions carry `_xlfn.`.
 */
export function fileFormula(formula: string, table: string): string {
  return formula
    .replace(/^=/, "")
    .replace(/\[@\[((?:[^\]']|'.)*)\]\]/g, (_, name: string) => `${table}[[#This Row],[${name}]]`)
    .replace(NEWER_FUNCTIONS, "_xlfn.$1(");
}

/** The <f> element of a cell's formula. A computed column repeats one formula on every row, so each is built once. */
class FormulaElements {
  private readonly known = new Map<string, string>();

  constructor(private readonly table: string | null) {}

  of(formula: string): string {
    let element = this.known.get(formula);
    if (element === undefined) {
      element = `<f>${xmlText(this.table ? fileFormula(formula, this.table) : formula.replace(/^=/, ""))}</f>`;
      this.known.set(formula, element);
    }
    return element;
  }
}

// A table column name as the file stores it: line breaks as _x000a_.
const tableColumnName = (header: string): string => xstringText(header, true);

/**
 * A cell's XML, given to `out` in pieces: a formula's element (a kilobyte or more in a native
 * tracker, the same on every row) goes out as the string already built, never copied into a longer
 * one, which over 100,000 rows cost more in garbage collection than the writing itself. Nothing for
 * a blank cell.
 */
function cellXml(ref: string, cell: MemoryCell, formulas: FormulaElements, styles: NumberFormatStyles, out: (xml: string) => void, sharedFormula?: string, kept?: { formula?: string; error: boolean }): void {
  const style = cell.numberFormat ? styles.styleOf(cell.numberFormat) : 0;
  const s = style ? ` s="${style}"` : "";
  const value = cell.value;
  // An error cell of the register stays an error (its text is the error's, as Excel writes it).
  const error = kept?.error === true && isErrorValue(value);
  const f = cell.formula ? (sharedFormula ?? formulas.of(cell.formula)) : kept?.formula;
  if (f !== undefined) {
    if (value === null || value === undefined) {
      out(`<c r="${ref}"${s}>`);
      out(f);
      out("</c>");
    } else {
      out(typeof value === "number" ? `<c r="${ref}"${s}>` : typeof value === "boolean" ? `<c r="${ref}"${s} t="b">` : `<c r="${ref}"${s} t="${error ? "e" : "str"}">`);
      out(f);
      out(`<v>${typeof value === "number" ? value : typeof value === "boolean" ? (value ? 1 : 0) : xstringText(value)}</v></c>`);
    }
    return;
  }
  if (error) out(`<c r="${ref}"${s} t="e"><v>${xmlText(value)}</v></c>`);
  else if (typeof value === "number") {
    if (Number.isFinite(value)) out(`<c r="${ref}"${s}><v>${value}</v></c>`);
  } else if (typeof value === "boolean") out(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
  // Text is always written as text: a value such as =HYPERLINK(…) never becomes a formula.
  else if (typeof value === "string" && value !== "") {
    // Leading or trailing spaces are part of the value: XML keeps them only when told to.
    const space = value.trim() === value ? "" : ' xml:space="preserve"';
    out(`<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xstringText(value)}</t></is></c>`);
  }
}

/** A table's header texts, read from its header row (not a snapshot of its rows: a million of them). */
function headersOf(book: MemoryWorkbook, table: string): string[] {
  const t = book.tables.get(table);
  if (!t) return [];
  const line = book.sheets.get(t.sheet)?.[t.row] ?? [];
  return Array.from({ length: t.columnCount }, (_, c) => String(line[t.column + c]?.value ?? ""));
}

/**
 * The shared formulas of one sheet (ECMA-376 Part 1 §18.3.1.40): a computed column's formula is
 * written once, on its first row, with the range it covers, and every other row of the column
 * points at it. The formula is the same text on every row (structured references to #This Row), so
 * nothing is shifted; a row with a formula of its own (a native column's row read at set-up) keeps
 * its own <f>. Without this a million-row tracker repeated a formula of several hundred characters
 * a million times: over half of what the writer made.
 */
class SharedFormulas {
  private readonly groups = new Map<string, string>();

  /** `first`: the first index free (a register's own shared formulas on the sheet keep theirs). */
  constructor(private readonly first = 0) {}

  /** The <f> of a row of a table's calculated column: the group's first (with its range) or a pointer to it. */
  element(key: string, text: () => string, range: () => string): string {
    const child = this.groups.get(key);
    if (child !== undefined) return child;
    const si = this.first + this.groups.size;
    this.groups.set(key, `<f t="shared" si="${si}"/>`);
    return `<f t="shared" ref="${range()}" si="${si}">${xmlText(text())}</f>`;
  }
}

/**
 * Writes the in-memory tracker as an .xlsx workbook: sheets, tables, formulas with cached values,
 * formats, validation, names. Each sheet goes to the file as it is made (ZipFileWriter), so the
 * workbook is never held whole; a sheet big enough to pass 4 GB gets zip64 sizes. `kept`: what the
 * register had beyond values (its formulas, notes, links, merges, hidden parts), written back at the
 * same cells; returns what of it was written.
 * @throws the file system's error (the half-written file is removed)
 * @example await writeTracker(book, "tracker.xlsx")
 */
export async function writeTracker(book: MemoryWorkbook, file: string, streamed?: StreamedRows, kept?: KeptWorkbook): Promise<KeptCounts> {
  const zip = ZipFileWriter.create(file);
  try {
    const counts = await writeParts(book, zip, streamed, kept);
    zip.close();
    return counts;
  } catch (error) {
    zip.abandon();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Rows of one sheet the book does not hold, given a row at a time as they are written (the
 * register's rows in a streaming convert): sheet rows `from` to `from + count - 1`, in place of
 * whatever the book's grid has there.
 */
export interface StreamedRows {
  sheet: string;
  from: number;
  count: number;
  width: number;
  /** The cells of sheet row `from + index`; null or absent for a blank cell. */
  row(index: number): readonly (MemoryCell | null)[];
  /** Called when the last row is written, before the sheet's notes are: notes gathered from the rows go into the book then. */
  done(): void;
}

// A sheet of this many cells may pass 4 GB of XML (some 200 bytes a cell): its entry makes room for zip64 sizes.
const LARGE_SHEET_CELLS = 20_000_000;

async function writeParts(book: MemoryWorkbook, zip: ZipFileWriter, streamed: StreamedRows | undefined, kept: KeptWorkbook | undefined): Promise<KeptCounts> {
  const sheetNames = [...book.sheets.keys()];
  const tables = [...book.tables.values()];
  const contentTypes: string[] = [];
  const styles = new NumberFormatStyles();
  const counts = noKeptCounts();
  for (const [s, name] of sheetNames.entries()) {
    const grid = book.sheets.get(name) ?? [];
    const sheetTables = tables.filter((t) => t.sheet === name);
    const stream = streamed?.sheet === name ? streamed : undefined;
    const keptSheet = kept?.sheets.get(name);
    const keptFormulas = keptSheet ? new KeptFormulas(keptSheet, counts) : undefined;
    const cells = grid.reduce((n, line) => n + line.length, 0) + (stream ? stream.count * stream.width : 0);
    const rowCount = Math.max(stream ? Math.max(grid.length, stream.from + stream.count) : grid.length, keptFormulas?.rowExtent ?? 0);
    const part = zip.streamPart(`xl/worksheets/sheet${s + 1}.xml`, cells > LARGE_SHEET_CELLS);
    // CT_Worksheet's order: sheetViews, then cols, then sheetData.
    const view = keptSheet?.view ? `<sheetViews>${keptSheet.view}</sheetViews>` : "";
    part.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${view}${colsXml(keptSheet)}<sheetData>`);
    const letters: string[] = [];
    const formulaElements = new Map<string | null, FormulaElements>();
    const formulasOf = (table: string | null): FormulaElements => {
      let elements = formulaElements.get(table);
      if (!elements) formulaElements.set(table, (elements = new FormulaElements(table)));
      return elements;
    };
    // The tracker's shared formulas are numbered after the register's own on the sheet.
    const shared = new SharedFormulas((keptSheet?.lastSharedIndex ?? -1) + 1);
    for (let r = 0; r < rowCount; r++) {
      const line: readonly (MemoryCell | null | undefined)[] | undefined = stream && r >= stream.from && r < stream.from + stream.count ? stream.row(r - stream.from) : grid[r];
      const rowFormulas = keptFormulas?.row(r);
      const rowAttributes = keptFormulas?.rowAttributes(r) ?? "";
      if (!line && !rowFormulas && rowAttributes === "") continue;
      const inRow = sheetTables.filter((t) => r > t.row && r <= t.row + t.rowCount);
      // A row's XML is gathered and handed to the part once: a write a cell cost more than the cell.
      let xml = "";
      const out = (piece: string): void => {
        xml += piece;
      };
      const width = Math.max(line?.length ?? 0, rowFormulas?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const keptFormula = rowFormulas?.[c];
        const lineCell = line?.[c];
        // A kept formula whose cached value is blank has its format from the register still.
        const cell = keptFormula !== undefined && !lineCell?.numberFormat && !lineCell?.formula ? { value: lineCell?.value ?? null, numberFormat: keptFormulas?.formulaFormat(r, c) } : lineCell;
        if (!cell) continue;
        const t = inRow.find((t) => c >= t.column && c < t.column + t.columnCount);
        const ref = `${(letters[c] ??= columnLetters(c))}${r + 1}`;
        const calculated = t?.calculated?.get(c - t.column)?.formula;
        const f =
          t && cell.formula !== undefined && cell.formula === calculated
            ? shared.element(`${t.name}\u0000${c}`, () => fileFormula(calculated, t.name), () => `${ref}:${letters[c]}${t.row + 1 + t.rowCount}`)
            : undefined;
        let own: { formula?: string; error: boolean } | undefined;
        if (keptFormulas) {
          if (keptFormula !== undefined && cell.formula !== undefined) keptFormulas.replaced(keptFormula);
          const tableHeader = keptFormula !== undefined && sheetTables.some((h) => h.row === r && c >= h.column && c < h.column + h.columnCount);
          const formula = keptFormula !== undefined && cell.formula === undefined ? keptFormulas.element(keptFormula, { tableHeader, inTable: t !== undefined || tableHeader }) : undefined;
          const error = keptFormulas.isError(r, c);
          if (error && formula === undefined && cell.formula === undefined) counts.errors++;
          if (formula !== undefined && (cell.value === null || cell.value === undefined)) counts.needsCalculation = true;
          own = { ...(formula !== undefined ? { formula } : {}), error };
        }
        cellXml(ref, cell, formulasOf(t?.name ?? null), styles, out, f, own);
      }
      if (rowAttributes !== "") counts.hiddenRows += / hidden="(?:1|true)"/.test(rowAttributes) ? 1 : 0;
      if (xml !== "" || rowAttributes !== "") part.write(`<row r="${r + 1}"${rowAttributes}>${xml}</row>`);
      // Now and then the compressor is let catch up: text never piles up ahead of it.
      if ((r & 255) === 0) await part.ready();
    }
    stream?.done();
    const extra: string[] = [];
    // CT_Worksheet's order: mergeCells, conditionalFormatting, dataValidations, hyperlinks, legacyDrawing, tableParts.
    if (keptSheet) extra.push(mergeCellsXml(keptSheet, name, sheetTables.map(tableBox), counts));
    const columnRange = (table: string, header: string): string | null => {
      const t = book.tables.get(table);
      const c = t ? headersOf(book, table).indexOf(header) : -1;
      if (!t || c < 0) return null;
      const letters = columnLetters(t.column + c);
      return `${letters}${t.row + 2}:${letters}${t.row + 1 + Math.max(1, t.rowCount)}`;
    };
    let priority = 1;
    for (const format of book.ragFormats.filter((f) => book.tables.get(f.table)?.sheet === name)) {
      const ref = columnRange(format.table, format.column);
      if (!ref) continue;
      const first = ref.split(":")[0];
      const rules = RAG_FILLS.map(([text], i) => `<cfRule type="containsText" dxfId="${i}" priority="${priority++}" operator="containsText" text="${text}"><formula>NOT(ISERROR(SEARCH("${text}",${first})))</formula></cfRule>`).join("");
      extra.push(`<conditionalFormatting sqref="${ref}">${rules}</conditionalFormatting>`);
    }
    const validations = book.dropDowns
      .filter((d) => book.tables.get(d.table)?.sheet === name)
      .flatMap((d) => {
        const ref = columnRange(d.table, d.column);
        const list = xmlText(`"${d.choices.join(",")}"`);
        return ref ? [`<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${xmlText(d.column)}" error="${xmlText(`Choose ${d.choices.join(", ")}`)}" sqref="${ref}"><formula1>${list}</formula1></dataValidation>`] : [];
      });
    if (validations.length) extra.push(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
    const rels: string[] = [];
    if (keptSheet) {
      const links = hyperlinksXml(keptSheet, counts);
      extra.push(links.xml);
      rels.push(...links.rels);
    }
    // Notes on the header cells of table columns (a native column's rows read at set-up).
    const ownNotes: SheetNote[] = book.notes.flatMap((note) => {
      const t = book.tables.get(note.table);
      const c = t && t.sheet === name ? headersOf(book, note.table).indexOf(note.column) : -1;
      return t && c >= 0 ? [{ row: t.row, column: t.column + c, text: note.text }] : [];
    });
    // The register's own notes (with their authors) beside the tracker's.
    const notes = keptNotes(keptSheet, ownNotes, counts);
    if (notes.length) {
      rels.push(`<Relationship Id="rIdC" Type="${COMMENTS_TYPE}" Target="../comments${s + 1}.xml"/>`, `<Relationship Id="rIdV" Type="${VML_TYPE}" Target="../drawings/vmlDrawing${s + 1}.vml"/>`);
      contentTypes.push(`<Override PartName="/xl/comments${s + 1}.xml" ContentType="${COMMENTS_CONTENT_TYPE}"/>`);
      // CT_Worksheet's order: legacyDrawing comes before tableParts.
      extra.push(`<legacyDrawing r:id="rIdV"/>`);
    }
    sheetTables.forEach((t, i) => {
      const id = tables.indexOf(t) + 1;
      rels.push(`<Relationship Id="rIdT${i + 1}" Type="${REL}/table" Target="../tables/table${id}.xml"/>`);
    });
    if (sheetTables.length) extra.push(`<tableParts count="${sheetTables.length}">${sheetTables.map((_, i) => `<tablePart r:id="rIdT${i + 1}"/>`).join("")}</tableParts>`);
    part.write(`</sheetData>${extra.join("")}</worksheet>`);
    await part.finish();
    if (notes.length) {
      zip.addPart(`xl/comments${s + 1}.xml`, Buffer.from(commentsXml(notes), "utf8"));
      zip.addPart(`xl/drawings/vmlDrawing${s + 1}.vml`, Buffer.from(notesVml(notes, s + 1), "utf8"));
    }
    if (rels.length) {
      zip.addPart(`xl/worksheets/_rels/sheet${s + 1}.xml.rels`, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`));
    }
    contentTypes.push(`<Override PartName="/xl/worksheets/sheet${s + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  }
  tables.forEach((t, i) => {
    const headers = headersOf(book, t.name);
    const grid = book.sheets.get(t.sheet) ?? [];
    const ref = `${columnLetters(t.column)}${t.row + 1}:${columnLetters(t.column + t.columnCount - 1)}${t.row + 1 + Math.max(1, t.rowCount)}`;
    const columns = headers.map((header, c) => {
      // The column's own formula: its first row may hold a row's own (a native column's row read at set-up).
      const formula = t.calculated?.get(c)?.formula ?? grid[t.row + 1]?.[t.column + c]?.formula;
      const calculated = formula ? `<calculatedColumnFormula>${xmlText(fileFormula(formula, t.name))}</calculatedColumnFormula>` : "";
      return `<tableColumn id="${c + 1}" name="${tableColumnName(header)}"${calculated ? `>${calculated}</tableColumn>` : "/>"}`;
    });
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${i + 1}" name="${t.name}" displayName="${t.name}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join("")}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    zip.addPart(`xl/tables/table${i + 1}.xml`, Buffer.from(xml, "utf8"));
    contentTypes.push(`<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
  });
  // AsOf points at the as_of row of Settings (in the file format a name refers to cells).
  const names: string[] = [];
  const settings = book.tables.get("Settings");
  if (settings) {
    const row = book.snapshot("Settings").rows.findIndex((r) => r[0] === "as_of");
    // On the Settings table's own sheet, which is "Tracker Settings" beside a register's Settings sheet.
    if (row >= 0) names.push(`<definedName name="AsOf">${xmlText(quotedSheetName(settings.sheet))}!$${columnLetters(settings.column + 1)}$${settings.row + 2 + row}</definedName>`);
  }
  // The register's own names, each local one with its sheet's new position.
  if (kept) names.unshift(...definedNamesXml(kept.names, sheetNames, new Set([...(names.length ? ["asof"] : []), ...tables.map((t) => t.name.toLowerCase())]), counts));
  // A sheet the register hid stays hidden; the sheet shown first is a visible one.
  const state = (sheet: string): string => kept?.sheets.get(sheet)?.state ?? "visible";
  counts.hiddenSheets = sheetNames.filter((sheet) => state(sheet) !== "visible").length;
  const sheetsXml = sheetNames.map((name, s) => `<sheet name="${xmlText(name)}" sheetId="${s + 1}"${state(name) === "visible" ? "" : ` state="${state(name)}"`} r:id="rId${s + 1}"/>`).join("");
  const wanted = Math.max(0, sheetNames.indexOf(book.active ?? ""));
  const active = state(sheetNames[wanted] ?? "") === "visible" ? wanted : Math.max(0, sheetNames.findIndex((sheet) => state(sheet) === "visible"));
  // A kept formula without a cached value is calculated when Excel opens the workbook.
  const calc = counts.needsCalculation ? '<calcPr calcId="191029" fullCalcOnLoad="1"/>' : '<calcPr calcId="191029"/>';
  zip.addPart("xl/workbook.xml", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheetsXml}</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}${calc}</workbook>`));
  zip.addPart(
    "xl/_rels/workbook.xml.rels",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames.map((_, s) => `<Relationship Id="rId${s + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  zip.addPart("xl/styles.xml", Buffer.from(styles.xml()));
  zip.addPart("_rels/.rels", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`));
  // Written last, when every part it names is known (a package's parts may come in any order).
  zip.addPart(
    "[Content_Types].xml",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="${VML_CONTENT_TYPE}"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${contentTypes.join("")}</Types>`,
    ),
  );
  return counts;
}
