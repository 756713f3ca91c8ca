/** What the user sees of a table: its AutoFilter, which of its rows are selected, and selecting a cell of it. */
import type { NumberFilter } from "../workbook/port";
import { formulaCells, isBlankRow } from "./excelCells";
import { onTableColumn } from "./tableFormats";

/** Excel's smallest number: a filter with no bounds still shows only the rows holding a number, as one with bounds does. */
const LOWEST_NUMBER = "-9.99999999999999E+307";

/** A number as an AutoFilter criterion reads it. @example criterionNumber(1e21) → "1E+21" */
function criterionNumber(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new Error(`A filter needs finite numbers; ${what} is ${n}`);
  return String(n).toUpperCase();
}

/**
 * A number range as custom AutoFilter criteria. Against a number, Excel shows only cells holding
 * numbers: text and blanks are hidden.
 * @example filterCriteria({ atLeast: 0, atMost: 180 }) → [">=0", "<=180", "And"]
 */
export function filterCriteria(filter: NumberFilter): [string] | [string, string, "And"] {
  const atLeast = filter.atLeast === undefined ? null : `>=${criterionNumber(filter.atLeast, "the lower bound")}`;
  const atMost = filter.atMost === undefined ? null : `<=${criterionNumber(filter.atMost, "the upper bound")}`;
  if (atLeast !== null && atMost !== null) return [atLeast, atMost, "And"];
  return [atLeast ?? atMost ?? `>=${LOWEST_NUMBER}`];
}

/**
 * Filters a table to one column's number range, clearing its other filters first (a table shows
 * one filter at a time, as the port has it); null clears them all. One trip.
 */
export async function applyNumberFilter(context: Excel.RequestContext, table: string, column: string, filter: NumberFilter | null): Promise<void> {
  const criteria = filter === null ? null : filterCriteria(filter);
  await onTableColumn(context, table, column, (found, tableColumn) => {
    found.clearFilters();
    if (criteria === null) return;
    if (criteria.length === 1) tableColumn.filter.applyCustomFilter(criteria[0]);
    else tableColumn.filter.applyCustomFilter(criteria[0], criteria[1], criteria[2]);
  });
}

/** A table's data body as the port counts it: Excel's one blank row of an empty table is no row. */
export interface BodyLookup {
  found: Excel.Table;
  body: Excel.Range;
  firstRow: Excel.Range;
}

export function lookUpBody(context: Excel.RequestContext, table: string): BodyLookup {
  const found = context.workbook.tables.getItemOrNullObject(table);
  found.load("worksheet/id");
  const body = found.getDataBodyRange();
  body.load("rowIndex,columnIndex,rowCount,columnCount");
  const firstRow = body.getRow(0);
  firstRow.load("values,formulas");
  return { found, body, firstRow };
}

/** Data rows after the lookup's sync; throws for a missing table. */
export function dataRowCount({ found, body, firstRow }: BodyLookup, table: string): number {
  if (found.isNullObject) throw new Error(`There is no table "${table}"`);
  const onlyBlank = body.rowCount === 1 && isBlankRow(firstRow.values[0], formulaCells(firstRow.values[0], firstRow.formulas[0]));
  return onlyBlank ? 0 : body.rowCount;
}

/**
 * The table's data rows (0-based in its body) that any selected block touches, in order; none when
 * the sheet in view is another. Every block of a Ctrl+click selection counts. One trip.
 */
export async function readSelectedRows(context: Excel.RequestContext, table: string): Promise<number[]> {
  const lookup = lookUpBody(context, table);
  // The selection lies on the sheet in view: a table on another sheet has none of it.
  const areas = context.workbook.getSelectedRanges().areas;
  areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount,items/worksheet/id");
  await context.sync();
  const rows = dataRowCount(lookup, table);
  const { found, body } = lookup;
  const touched = new Set<number>();
  for (const area of areas.items) {
    if (area.worksheet.id !== found.worksheet.id) continue;
    const columnsMeet = area.columnIndex < body.columnIndex + body.columnCount && body.columnIndex < area.columnIndex + area.columnCount;
    if (!columnsMeet) continue;
    const first = Math.max(area.rowIndex, body.rowIndex);
    const last = Math.min(area.rowIndex + area.rowCount, body.rowIndex + rows);
    for (let r = first; r < last; r++) touched.add(r - body.rowIndex);
  }
  return [...touched].sort((a, b) => a - b);
}

/** Selects one cell of a table's data body, bringing its sheet into view. Two trips: find it, then select it. */
export async function selectBodyCell(context: Excel.RequestContext, table: string, row: number, column: string): Promise<void> {
  const lookup = lookUpBody(context, table);
  const tableColumn = lookup.found.columns.getItemOrNullObject(column);
  tableColumn.load("index");
  await context.sync();
  const rows = dataRowCount(lookup, table);
  if (tableColumn.isNullObject) throw new Error(`The table "${table}" has no column "${column}"`);
  if (!Number.isInteger(row) || row < 0 || row >= rows) throw new Error(`The table "${table}" has no row ${row + 1}`);
  lookup.found.worksheet.activate();
  lookup.body.getCell(row, tableColumn.index).select();
  await context.sync();
}
