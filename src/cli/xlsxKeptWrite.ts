/**
 * Writes back, at the same cells, what a register kept beyond its values (see xlsxKept): its
 * formulas, error cells, row and column settings, merged ranges, hyperlinks and notes, and what the
 * workbook part needs (hidden sheets, defined names). The tracker's own cells win where both have
 * something: a computed column's formula, a note set-up wrote.
 */
import { columnLetters } from "../core/cellRefs";
import type { KeptName, KeptSheet } from "./xlsxKept";
import { cellPosition } from "./xlsxKept";
import type { SheetNote } from "./xlsxNotes";
import { xmlText } from "./xlsxPackage";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
// The error values a cell can hold (ECMA-376 Part 1 §18.18.21 ST_CellType e, and the newer ones Excel writes).
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);
const SHARED_MASTER = /^<f\s[^>]*\bt="shared"[^>]*\bref=/;
const SHARED_CHILD_INDEX = /^<f\s[^>]*\bt="shared"[^>]*\bsi="(\d+)"[^>]*\/>$/;
const SHARED_INDEX = /\bsi="(\d+)"/;
const MULTI_CELL_ARRAY = /^<f\s[^>]*\bt="array"[^>]*\bref="[A-Z]+\d+:[A-Z]+\d+"/i;

/** What a tracker kept of its register, counted for convert's report. */
export interface KeptCounts {
  formulas: number;
  errors: number;
  notes: number;
  hyperlinks: number;
  merges: number;
  hiddenRows: number;
  hiddenSheets: number;
  names: number;
  /** Merged ranges that overlapped a table (a table cannot hold merged cells): unmerged, their value left in the first cell. */
  unmerged: { sheet: string; ref: string }[];
  /** Kept formulas written as their value, because the formula they shared was replaced by the tracker's. */
  formulasAsValues: number;
  /** Kept formulas written as their value because a table cannot hold them: in its header row, or an array formula over several cells. */
  tableFormulasAsValues: number;
  /** The register's defined names that the tracker's own names (AsOf, its tables') replace: a workbook holds a name once. */
  namesReplaced: string[];
  /** A kept formula had no cached value: the workbook asks Excel to calculate everything when opened. */
  needsCalculation: boolean;
}

/** Nothing kept yet. */
export function noKeptCounts(): KeptCounts {
  return { formulas: 0, errors: 0, notes: 0, hyperlinks: 0, merges: 0, hiddenRows: 0, hiddenSheets: 0, names: 0, unmerged: [], formulasAsValues: 0, tableFormulasAsValues: 0, namesReplaced: [], needsCalculation: false };
}

/** Whether text is one of the error values a cell can hold (so it is written as an error, not as text). */
export function isErrorValue(value: unknown): value is string {
  return typeof value === "string" && ERROR_VALUES.has(value);
}

/**
 * The kept formulas of one sheet as rows are written: a formula sharing another's (`<f t="shared"
 * si="3"/>`) is kept only while the cell that holds the shared text (its first) is kept too; where
 * the tracker wrote over that first cell, the others keep their value, not a formula pointing at nothing.
 */
export class KeptFormulas {
  private readonly replacedShared = new Set<string>();

  constructor(
    private readonly kept: KeptSheet,
    private readonly counts: KeptCounts,
  ) {}

  /** The rows past the last row of cells that keep something (formulas, row settings): the sheet is written that far. */
  get rowExtent(): number {
    let last = -1;
    for (const r of this.kept.formulas.keys()) last = Math.max(last, r);
    for (const r of this.kept.rowAttributes.keys()) last = Math.max(last, r);
    return last + 1;
  }

  /** A row's kept formulas, a sparse array by column. */
  row(r: number): readonly (string | undefined)[] | undefined {
    return this.kept.formulas.get(r);
  }

  /** A row's own attributes (hidden, height, outline). */
  rowAttributes(r: number): string {
    return this.kept.rowAttributes.get(r) ?? "";
  }

  /** The number format of a formula cell of the register. */
  formulaFormat(r: number, c: number): string | undefined {
    return this.kept.formulaFormats.get(r)?.[c];
  }

  /** The cell holds an error value in the register. */
  isError(r: number, c: number): boolean {
    return this.kept.errors.get(r)?.has(c) === true;
  }

  /** The tracker wrote its own formula over a kept one. */
  replaced(element: string): void {
    if (SHARED_MASTER.test(element)) {
      const si = SHARED_INDEX.exec(element)?.[1];
      if (si !== undefined) this.replacedShared.add(si);
    }
  }

  /**
   * The kept formula to write at a cell, or undefined when it points at a shared formula the tracker
   * replaced, or a table cannot hold it (Excel refuses a formula in a table's header row, and an
   * array formula over several cells in a table): the cell keeps its value.
   */
  element(element: string, where: { tableHeader: boolean; inTable: boolean }): string | undefined {
    if (where.tableHeader || (where.inTable && MULTI_CELL_ARRAY.test(element))) {
      this.replaced(element);
      this.counts.tableFormulasAsValues++;
      return undefined;
    }
    const child = SHARED_CHILD_INDEX.exec(element);
    if (child && this.replacedShared.has(child[1])) {
      this.counts.formulasAsValues++;
      return undefined;
    }
    this.counts.formulas++;
    return element;
  }
}

// Whether two ranges of cells (0-based, inclusive) overlap.
const overlaps = (a: Box, b: Box): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function box(ref: string): Box | null {
  const [from, to = from] = ref.split(":").map(cellPosition);
  return from && to ? { top: from.row, left: from.column, bottom: to.row, right: to.column } : null;
}

/**
 * The `<mergeCells>` of a sheet: the register's merged ranges, except those over a table (Excel
 * refuses a table that holds merged cells), which are counted as unmerged; their value stays in their first cell.
 */
export function mergeCellsXml(kept: KeptSheet, sheet: string, tables: readonly Box[], counts: KeptCounts): string {
  const refs = kept.merges.filter((ref) => {
    const merged = box(ref);
    if (!merged) return false;
    if (tables.some((t) => overlaps(merged, t))) {
      counts.unmerged.push({ sheet, ref });
      return false;
    }
    return true;
  });
  counts.merges += refs.length;
  return refs.length ? `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>` : "";
}

/** A table's cells, header row included, as a box for mergeCellsXml. */
export function tableBox(t: { row: number; column: number; rowCount: number; columnCount: number }): Box {
  return { top: t.row, left: t.column, bottom: t.row + Math.max(1, t.rowCount), right: t.column + t.columnCount - 1 };
}

/** The `<cols>` element of a sheet's kept column widths and hidden columns ("" for none). */
export function colsXml(kept: KeptSheet | undefined): string {
  return kept && kept.columns.length ? `<cols>${kept.columns.join("")}</cols>` : "";
}

/** The `<hyperlinks>` of a sheet and the relationships of their addresses (web and file links are external parts). */
export function hyperlinksXml(kept: KeptSheet, counts: KeptCounts): { xml: string; rels: string[] } {
  const rels: string[] = [];
  const links = kept.hyperlinks.map((link, i) => {
    let attributes = ` ref="${link.ref}"`;
    if (link.target !== undefined) {
      rels.push(`<Relationship Id="rIdH${i + 1}" Type="${REL}/hyperlink" Target="${xmlText(link.target)}" TargetMode="External"/>`);
      attributes += ` r:id="rIdH${i + 1}"`;
    }
    if (link.location !== undefined) attributes += ` location="${xmlText(link.location)}"`;
    if (link.display !== undefined) attributes += ` display="${xmlText(link.display)}"`;
    if (link.tooltip !== undefined) attributes += ` tooltip="${xmlText(link.tooltip)}"`;
    return `<hyperlink${attributes}/>`;
  });
  counts.hyperlinks += links.length;
  return { xml: links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "", rels };
}

/** The register's notes beside the tracker's: where both have a note on one cell, the tracker's (set-up's, more recent) is written. */
export function keptNotes(kept: KeptSheet | undefined, own: readonly SheetNote[], counts: KeptCounts): SheetNote[] {
  if (!kept) return [...own];
  const taken = new Set(own.map((n) => `${n.row}:${n.column}`));
  const theirs = kept.notes.filter((n) => !taken.has(`${n.row}:${n.column}`));
  counts.notes += theirs.length;
  return [...theirs, ...own];
}

/**
 * The register's defined names for the workbook part, each local name tied to its sheet's new
 * position; a name the tracker defines itself (`AsOf`, a table's name) is the tracker's (`own`, lower case).
 */
export function definedNamesXml(names: readonly KeptName[], sheetNames: readonly string[], own: ReadonlySet<string>, counts: KeptCounts): string[] {
  return names.flatMap((n) => {
    const local = n.sheet === undefined ? -1 : sheetNames.indexOf(n.sheet);
    if (n.sheet !== undefined && local < 0) return [];
    // Excel holds a workbook-wide name once, and a table's name is one of them.
    if (own.has(n.name.toLowerCase())) {
      counts.namesReplaced.push(n.name);
      return [];
    }
    counts.names++;
    return [`<definedName name="${xmlText(n.name)}"${local >= 0 ? ` localSheetId="${local}"` : ""}${n.hidden ? ' hidden="1"' : ""}>${xmlText(n.formula)}</definedName>`];
  });
}

/** A cell reference, `B3` for row 2, column 1 (0-based). */
export const cellRef = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;
