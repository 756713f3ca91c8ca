import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeTracker } from "../../src/cli/writeTracker";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { recalculateInLibreOffice, withLibreOffice } from "../helpers/libreOffice";

// The KPIs table's RAG is Excel's own formula over the Settings thresholds (a KPI has no expiry, so
// CONTRACT.RAG, which rates a contract, would call it Unrated): a spreadsheet engine recalculating the
// file, not our code, gives Green, Amber and Red. The Milestones table's is the same formula over
// Slippage, which needs the add-in.
/** A tracker with four KPIs (attainment 100%, 97%, 90%, none), Settings edited as given, written to `file`. */
async function trackerWithKpis(file: string, settings: Record<string, number>): Promise<void> {
  const book = MemoryWorkbook.fromSheets({ Register: [["Contract ID", "Supplier", "End date"], ["C1", "Acme", "31/05/2026"]] });
  await setUpTracker(book, { asOf: 45747, createTables: ["KPIs"] });
  await book.appendRows("KPIs", [
    ["C1", "Response time", 100, 100, "2025-Q1", true],
    ["C1", "Repairs", 100, 97, "2025-Q1", true],
    ["C1", "Complaints", 100, 90, "2025-Q1", true],
    ["C1", "Survey", 100, null, "2025-Q1", true],
  ]);
  const t = book.snapshot("Settings");
  t.rows.forEach((row, i) => {
    const value = settings[String(row[0])];
    if (value !== undefined) book.cell(t.sheet, t.row + 1 + i, t.column + 1).value = value;
  });
  await writeTracker(book, file);
}

withLibreOffice("a KPI row is Green, Amber or Red by the Settings thresholds, blank with no attainment, once recalculated", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-kpi-"));
  const defaults = path.join(dir, "defaults.xlsx");
  const stricter = path.join(dir, "stricter.xlsx");
  await trackerWithKpis(defaults, {});
  await trackerWithKpis(stricter, { kpi_red_below: 0.98 });
  const sheet = recalculateInLibreOffice([defaults, stricter], { formatted: false });
  const rag = (file: string): string[] => {
    const [headers, ...rows] = sheet(file, "KPIs");
    return rows.map((r) => r[headers.indexOf("RAG")]);
  };
  expect(rag(defaults)).toEqual(["Green", "Amber", "Red", ""]);
  expect(rag(stricter)).toEqual(["Green", "Red", "Red", ""]);
}, 240000);
