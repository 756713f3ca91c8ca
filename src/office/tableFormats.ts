/** Red/amber/green conditional formats and drop-down lists on a table column. */
import type { DropDown, RagFormat } from "../workbook/port";
import { RAG_FILLS as RAG_STYLES } from "../core/ragFills";
import { isExcelError } from "./excelErrors";


// A data validation list written inline is limited to 255 characters by Excel.
const MAX_LIST_SOURCE = 255;

/**
 * Queues `apply` on a table and one of its columns, in one trip when both exist. Should either be
 * missing, a second trip finds out which, for a message that says so. The column is looked up
 * before `apply` queues anything, so a missing one stops the trip before any change.
 */
export async function onTableColumn(context: Excel.RequestContext, table: string, column: string, apply: (found: Excel.Table, tableColumn: Excel.TableColumn) => void): Promise<void> {
  const found = context.workbook.tables.getItem(table);
  apply(found, found.columns.getItem(column));
  try {
    await context.sync();
  } catch (error) {
    if (!isExcelError(error) || error.code !== "ItemNotFound") throw error;
    const lookup = context.workbook.tables.getItemOrNullObject(table);
    const tableColumn = lookup.columns.getItemOrNullObject(column);
    await context.sync();
    if (lookup.isNullObject) throw new Error(`There is no table "${table}"`);
    if (tableColumn.isNullObject) throw new Error(`The table "${table}" has no column "${column}"`);
    throw error;
  }
}

/** Queues `apply` on the data cells of a table column (see `onTableColumn`). */
async function onColumnBody(context: Excel.RequestContext, table: string, column: string, apply: (body: Excel.Range) => void): Promise<void> {
  await onTableColumn(context, table, column, (_, tableColumn) => apply(tableColumn.getDataBodyRange()));
}

/** Queues three text rules on a column's data cells; clearing first makes a second run leave three rules, not six. */
export function queueRagFormat(body: Excel.Range): void {
  body.conditionalFormats.clearAll();
  for (const style of RAG_STYLES) {
    const rule = body.conditionalFormats.add("ContainsText").textComparison;
    rule.format.fill.color = style.fill;
    rule.format.font.color = style.font;
    rule.rule = { operator: "Contains", text: style.text };
  }
}

export async function applyRagFormat(context: Excel.RequestContext, format: RagFormat): Promise<void> {
  await onColumnBody(context, format.table, format.column, queueRagFormat);
}

/** The list source Excel is given for these choices, or a plain reason it cannot be one. */
export function listSource(choices: readonly string[]): string {
  const source = choices.join(",");
  if (choices.length === 0) throw new Error("A drop-down list needs at least one choice");
  const comma = choices.find((choice) => choice.includes(","));
  if (comma !== undefined) throw new Error(`The choice "${comma}" holds a comma, which Excel reads as two choices`);
  if (source.length > MAX_LIST_SOURCE) throw new Error(`The choices take ${source.length} characters; Excel allows ${MAX_LIST_SOURCE} in a drop-down list`);
  return source;
}

/** Queues a list of choices on a column's data cells, replacing whatever validation they had. */
export function queueDropDown(body: Excel.Range, source: string): void {
  // Excel refuses a new rule over cells that already have a different one, so clear first.
  body.dataValidation.clear();
  body.dataValidation.rule = { list: { inCellDropDown: true, source } };
}

/** A list of choices on the column's data cells, replacing whatever validation they had. */
export async function applyDropDown(context: Excel.RequestContext, dropDown: DropDown): Promise<void> {
  const source = listSource(dropDown.choices);
  await onColumnBody(context, dropDown.table, dropDown.column, (body) => queueDropDown(body, source));
}
