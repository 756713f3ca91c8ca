/** Writing a report sheet (the escalation summary) over Excel JS: heading, table, chart, in as few trips as the request limit allows. */
import type { ReportSheet } from "../workbook/port";
import { writeRowsInTrips } from "./chunkedWrite";
import { fillEveryCell } from "./excelEdits";
import { ReportLayout, layOutReport } from "./reportLayout";
import { ACTION_OVERHEAD_BYTES, rowBytes, textBytes } from "./requestBudget";
import { queueRagFormat } from "./tableFormats";

/** Actions queued with the last rows: the table and its name, activation, the chart's own (add, title, legend, series, position). */
const FIXED_FINISH_ACTIONS = 10;
/** Actions of the RAG rules: clear, then three rules of four calls each. */
const RAG_ACTIONS = 13;

/** Bytes of the work that rides with the last rows, counted generously. */
function finishBytes(layout: ReportLayout): number {
  const actions = FIXED_FINISH_ACTIONS + layout.numberFormats.length + (layout.ragColumn === null ? 0 : RAG_ACTIONS) + layout.columnWidths.length + 2 * (layout.chart?.colors.length ?? 0);
  const text = layout.numberFormats.reduce((n, f) => n + textBytes(f.format), 0) + (layout.chart ? textBytes(layout.chart.title) : 0);
  return actions * ACTION_OVERHEAD_BYTES + text;
}

/** Bytes of the work that goes before the first rows: delete, add, heading (and its bold), header row, chart block. */
function setupBytes(layout: ReportLayout): number {
  const cells = [...layout.heading, layout.headerLine, ...(layout.chart?.block ?? [])].reduce((n, line) => n + rowBytes(line), 0);
  return cells + 6 * ACTION_OVERHEAD_BYTES;
}

/**
 * Trip 1 reads whether the sheet exists and what its A1 says (and whether the table's name is
 * free); trip 2 deletes the earlier report and writes the new one whole, when it fits one request.
 * A large table's rows go in further trips, the table, formats and chart with the last of them.
 */
export async function writeReport(context: Excel.RequestContext, report: ReportSheet, tripBudget: number): Promise<{ replaced: boolean }> {
  const layout = layOutReport(report);
  const t = report.table;
  const width = t.headers.length;

  const existing = context.workbook.worksheets.getItemOrNullObject(report.sheet);
  existing.load("id");
  const a1 = existing.getRange("A1");
  a1.load("values");
  const sameTable = context.workbook.tables.getItemOrNullObject(t.name);
  sameTable.load("worksheet/id");
  const sameName = context.workbook.names.getItemOrNullObject(t.name);
  await context.sync();

  const replaced = !existing.isNullObject;
  if (replaced) {
    const text: unknown = a1.values[0][0];
    if (typeof text !== "string" || !text.startsWith(report.marker)) throw new Error(`A sheet named "${report.sheet}" already exists and was not written by the tracker: rename it and run again`);
  }
  // The earlier report's own table goes with its sheet; any other of that name would stop the write half-way.
  if (!sameTable.isNullObject && (!replaced || sameTable.worksheet.id !== existing.id)) throw new Error(`A table named "${t.name}" already exists`);
  if (!sameName.isNullObject) throw new Error(`The workbook already defines the name "${t.name}", so a table cannot take it`);
  const earlierId = replaced ? existing.id : null;

  try {
    if (replaced) existing.delete();
    const sheet = context.workbook.worksheets.add(report.sheet);
    if (layout.headingWidth > 0) {
      sheet.getRangeByIndexes(0, 0, layout.heading.length, layout.headingWidth).values = layout.heading;
      sheet.getRangeByIndexes(0, 0, 1, layout.headingWidth).format.font.bold = true;
    }
    sheet.getRangeByIndexes(layout.headerRow, 0, 1, width).values = [layout.headerLine];
    const chart = layout.chart;
    const chartSource = chart && sheet.getRangeByIndexes(chart.blockAt.row, chart.blockAt.column, chart.block.length, 2);
    if (chart && chartSource) chartSource.values = chart.block;

    const finish = (): void => {
      const table = sheet.tables.add(sheet.getRangeByIndexes(layout.headerRow, 0, layout.lines.length + 1, width), true);
      table.name = t.name;
      // Excel keeps one blank row in a table with no data: formats go on it, and rows added later inherit them.
      const body = (column: number): Excel.Range => sheet.getRangeByIndexes(layout.headerRow + 1, column, Math.max(1, layout.lines.length), 1);
      for (const f of layout.numberFormats) fillEveryCell(body(f.column), "numberFormat", f.format);
      if (layout.ragColumn !== null) queueRagFormat(body(layout.ragColumn));
      // Widths before the chart is placed: it is anchored to cells and moves with them.
      layout.columnWidths.forEach((points, c) => (sheet.getRangeByIndexes(layout.headerRow, c, 1, 1).format.columnWidth = points));
      if (chart && chartSource) {
        const added = sheet.charts.add("ColumnClustered", chartSource, "Columns");
        added.title.text = chart.title;
        added.legend.visible = false;
        if (chart.colors.length > 0) {
          const series = added.series.getItemAt(0);
          chart.colors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
        }
        added.setPosition(sheet.getRangeByIndexes(chart.from.row, chart.from.column, 1, 1), sheet.getRangeByIndexes(chart.to.row, chart.to.column, 1, 1));
      }
      sheet.activate();
    };

    const reserved = finishBytes(layout);
    await writeRowsInTrips(context, layout.lines, {
      budget: tripBudget - reserved,
      what: `the report "${report.sheet}"`,
      firstTripUsed: setupBytes(layout),
      write: (start, chunk) => {
        sheet.getRangeByIndexes(layout.headerRow + 1 + start, 0, chunk.length, width).values = chunk;
      },
      beforeLastTrip: finish,
    });
  } catch (error) {
    await removeHalfWritten(context, report.sheet, earlierId);
    throw error;
  }
  return { replaced };
}

/**
 * Removes the sheet this call added, so that no half-written report is left (Excel keeps what a
 * failed request did before the failing action). The earlier report, if the failure came before
 * its deletion, has its own id and is left alone.
 */
async function removeHalfWritten(context: Excel.RequestContext, name: string, earlierId: string | null): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("id");
    await context.sync();
    if (sheet.isNullObject || sheet.id === earlierId) return;
    sheet.delete();
    await context.sync();
  } catch {
    // The original failure is the one to report.
  }
}
