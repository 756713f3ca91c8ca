/**
 * Where a report sheet's parts go, worked out before Excel is touched: the heading from A1, the
 * table one blank row below it, the chart's data block to the right of both, and the chart to the
 * right of its block, so it never covers a cell of the table. Also the checks that must pass
 * before an earlier report is deleted.
 */
import type { CellValue, ReportSheet } from "../workbook/port";
import { ExcelInput, toExcelInput, toExcelRow } from "./excelCells";
import { checkHeaders, checkTableName } from "./excelEdits";

/** A cell, 0-based. */
export interface CellAt {
  row: number;
  column: number;
}

export interface ReportLayout {
  /** Heading rows as Excel input, padded to `headingWidth`. */
  heading: ExcelInput[][];
  headingWidth: number;
  /** Row of the table's header; its data follow. */
  headerRow: number;
  headerLine: ExcelInput[];
  lines: ExcelInput[][];
  /** Column offsets in the table of the RAG column and of number formats. */
  ragColumn: number | null;
  numberFormats: { column: number; format: string }[];
  /** Width in points of each column of the table and the heading. */
  columnWidths: number[];
  chart: {
    title: string;
    /** A header row (blank, then the title: the series' name) and one (label, value) row a point. */
    block: ExcelInput[][];
    blockAt: CellAt;
    colors: string[];
    /** Top-left and bottom-right cells the chart covers. */
    from: CellAt;
    to: CellAt;
  } | null;
}

/** A new chart's size in cells: about Excel's default 360 × 216 points at default widths. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 15;

/** Column widths are worked out from characters (Calibri 11: 7 pixels each, 5 of padding, ¾ point a pixel), within these bounds: Excel's default width, and a width that still leaves room on screen. */
const MIN_CHARACTERS = 8.43;
const MAX_CHARACTERS = 60;
/** Room for the filter button in a table's header cell. */
const FILTER_BUTTON_CHARACTERS = 3;

/** Roughly how many characters a value shows as. @example shownLength(45747, "dd/mm/yyyy") → 10 */
function shownLength(value: CellValue, numberFormat: string | undefined): number {
  if (value === null) return 0;
  if (typeof value === "number") {
    const digits = String(Math.round(value * 100) / 100).length;
    // Thousands separators and currency signs add about a third.
    const formatted = numberFormat?.includes(",") ? Math.ceil(digits * 1.34) + 1 : digits;
    return Math.max(formatted, numberFormat?.replace(/["\\[\]]|;.*$/g, "").length ?? 0);
  }
  if (typeof value === "boolean") return value ? 4 : 5;
  return Math.max(...value.split(/\r?\n/).map((line) => line.length));
}

/** Points for a column wide enough for its longest value, as Excel's column width in characters converts. @example widthInPoints(10) → 56 */
export function widthInPoints(characters: number): number {
  const clamped = Math.min(MAX_CHARACTERS, Math.max(MIN_CHARACTERS, characters));
  return Math.round((clamped * 7 + 5) * 0.75);
}

/** Lays a report out and checks it, so that a report Excel would refuse fails before anything is deleted. */
export function layOutReport(report: ReportSheet): ReportLayout {
  const t = report.table;
  if (report.marker.trim() === "") throw new Error(`The report "${report.sheet}" needs a marker for A1: without one any sheet of that name could be replaced`);
  const a1 = report.heading[0]?.[0];
  if (typeof a1 !== "string" || !a1.startsWith(report.marker)) throw new Error(`The report "${report.sheet}" must start with its marker "${report.marker}" in A1, or it could not be replaced next time`);
  checkTableName(t.name);
  checkHeaders(t.name, [...t.headers]);
  const at = (header: string): number => {
    const index = t.headers.indexOf(header);
    if (index < 0) throw new Error(`The table "${t.name}" has no column "${header}"`);
    return index;
  };
  const ragColumn = t.ragColumn === undefined ? null : at(t.ragColumn);
  const numberFormats = Object.entries(t.numberFormats ?? {}).map(([header, format]) => ({ column: at(header), format }));
  const formatOf = new Map(numberFormats.map((f) => [f.column, f.format]));

  const width = t.headers.length;
  const headingWidth = Math.max(0, ...report.heading.map((line) => line.length));
  const heading = report.heading.map((line, r) => toExcelRow(line, headingWidth, (c) => `Heading row ${r + 1}, column ${c + 1} of the report "${report.sheet}"`));
  const headerLine = t.headers.map((h) => toExcelInput(h, () => `The header "${h}"`));
  const lines = t.rows.map((line, r) => toExcelRow(line, width, (c) => `Row ${r + 1}, column "${t.headers[c]}" of the report "${report.sheet}"`));

  const characters = Array.from({ length: Math.max(width, headingWidth) }, (_, c) => (c < width ? t.headers[c].length + FILTER_BUTTON_CHARACTERS : 0));
  for (const line of t.rows) {
    for (let c = 0; c < width; c++) characters[c] = Math.max(characters[c], shownLength(line[c] ?? null, formatOf.get(c)));
  }
  // A heading label with a value beside it ("Value at risk", 125000) cannot spill into the next
  // cell, so its column must fit it; a title alone on its row spills over and needs no room.
  for (const line of report.heading) {
    line.forEach((value, c) => {
      const beside = line[c + 1];
      if (beside !== undefined && beside !== null && beside !== "") characters[c] = Math.max(characters[c], shownLength(value, undefined));
    });
  }

  let chart: ReportLayout["chart"] = null;
  if (report.chart) {
    const { title, points } = report.chart;
    const bad = points.find((p) => !/^#[0-9A-Fa-f]{6}$/.test(p.color));
    if (bad) throw new Error(`The colour "${bad.color}" of "${bad.label}" in the chart "${title}" is not of the form #RRGGBB`);
    const block: ExcelInput[][] = [["", toExcelInput(title, () => "The chart's title")]];
    for (const p of points) block.push([toExcelInput(p.label, () => `The chart label "${p.label}"`), toExcelInput(p.value, () => `The value of "${p.label}" in the chart "${title}"`)]);
    // One blank column after the heading and the table, the block, one blank column, then the chart.
    const blockAt = { row: 0, column: Math.max(width, headingWidth) + 1 };
    const from = { row: 0, column: blockAt.column + 3 };
    chart = { title, block, blockAt, colors: points.map((p) => p.color), from, to: { row: from.row + CHART_ROWS - 1, column: from.column + CHART_COLUMNS - 1 } };
  }

  return { heading, headingWidth, headerRow: report.heading.length + 1, headerLine, lines, ragColumn, numberFormats, columnWidths: characters.map(widthInPoints), chart };
}
