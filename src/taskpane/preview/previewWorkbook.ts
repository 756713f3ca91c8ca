import { todaySerial } from "../../core/dates";
import { tableDefinition } from "../../core/schema";
import type { SetUpOptions, SetUpReport } from "../../features/setUpTracker";
import { MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { CellValue, ColumnNote } from "../../workbook/port";
import type { PaneWorkbook } from "../paneWorkbook";
import { SetUpProgress, watchSetUpSteps } from "../setup/setUpSteps";
import { SAMPLE_COUNCIL, SAMPLE_HEADERS, SAMPLE_SHEET, SampleRows, sampleRegister, sampleRelatedRows } from "./sampleRegister";

/** Every table set-up can create besides Contracts and Settings. */
export const OTHER_TABLES = ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] as const;

/**
 * The number formats the sample's contract managers gave their columns, as any register kept in
 * Excel has them: dates as dates, money in pounds. Set-up reads values, not formats; the preview's
 * grid shows them.
 */
const SAMPLE_FORMATS: Readonly<Partial<Record<(typeof SAMPLE_HEADERS)[number], string>>> = {
  "Start Date": "dd/mm/yyyy",
  "Service Go-Live": "dd/mm/yyyy",
  "Expiry Date": "dd/mm/yyyy",
  "Annual Value (£)": '"£"#,##0',
  "Total Contract Value (£)": '"£"#,##0',
  "Budget (£)": '"£"#,##0',
  "Spend to Date (£)": '"£"#,##0',
};

/** The sample register alone, on the active sheet, as it would be before set-up. */
export function sampleWorkbook(today: number): MemoryWorkbook {
  const book = MemoryWorkbook.fromSheets({ [SAMPLE_SHEET]: sampleRegister(today) });
  const cells = book.sheets.get(SAMPLE_SHEET) ?? [];
  const headerRow = cells.findIndex((line) => line[0]?.value === SAMPLE_HEADERS[0]);
  SAMPLE_HEADERS.forEach((header, c) => {
    const format = SAMPLE_FORMATS[header];
    if (!format || headerRow < 0) return;
    for (const line of cells.slice(headerRow + 1)) if (typeof line[c]?.value === "number") line[c].numberFormat = format;
  });
  return book;
}

/** Fills the tables set-up just created with the sample's rows, laid out by each table's headers. */
async function fillCreatedTables(book: MemoryWorkbook, created: readonly string[], related: SampleRows): Promise<void> {
  for (const name of OTHER_TABLES) {
    if (!created.includes(name)) continue;
    const fields = tableDefinition(name).fields;
    const headers = book.snapshot(name).headers;
    const rows = related[name].map((entry) =>
      headers.map((header): CellValue => {
        const field = fields.find((f) => f.header === header);
        return field ? (entry[field.key] ?? null) : null;
      }),
    );
    await book.appendRows(name, rows);
  }
}

/**
 * What set-up wrote into the preview's workbook, for reading from the browser's console (the
 * grid shows values; this gives every formula of a column at once) and by the browser tests.
 */
export interface PreviewInspector {
  /** Each data row's formula in a table's column, top to bottom (null: a value, no formula). */
  formulas(table: string, column: string): (string | null)[];
  /** The notes on table columns' header cells. */
  notes(): ColumnNote[];
}

/** Reads a memory workbook's formulas and notes (see PreviewInspector). @example previewInspector(book).formulas("Contracts", "RAG")[0] → "=CONTRACT.RAG(…)" */
export function previewInspector(book: MemoryWorkbook): PreviewInspector {
  return {
    formulas(table, column) {
      const snapshot = book.snapshot(table);
      const c = snapshot.headers.indexOf(column);
      if (c < 0) throw new Error(`The table "${table}" has no column "${column}"`);
      return snapshot.rows.map((_, r) => book.cell(snapshot.sheet, snapshot.row + 1 + r, snapshot.column + c).formula ?? null);
    },
    notes: () => book.notes.map((n) => ({ ...n })),
  };
}

/**
 * The pane outside Excel: the sample register held in this page. Set-up runs over it exactly as in
 * Excel; the tables it creates then start with the council's milestones, KPIs, risks, changes and
 * escalations, so the summary has something to weigh.
 */
export function previewWorkbook(now: Date = new Date()): PaneWorkbook & { inspector: PreviewInspector } {
  const today = todaySerial(now);
  const book = sampleWorkbook(today);
  const related = sampleRelatedRows(today);
  const setUp = async (options: SetUpOptions, onStep?: (progress: SetUpProgress) => void): Promise<SetUpReport> => {
    // Set-up's code arrives when set-up first runs, not with the pane's first paint.
    const { setUpTracker } = await import("../../features/setUpTracker");
    const report = await setUpTracker(onStep ? watchSetUpSteps(book, onStep) : book, options);
    await fillCreatedTables(book, report.createdTables, related);
    return report;
  };
  return {
    kind: "preview",
    port: book,
    inspector: previewInspector(book),
    setUp,
    sample: {
      name: SAMPLE_COUNCIL,
      sheet: SAMPLE_SHEET,
      load: () => setUp({ createTables: OTHER_TABLES }),
    },
  };
}
