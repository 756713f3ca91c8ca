import { readPaneData } from "../../src/features/paneData";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import type { PaneWorkbook } from "../../src/taskpane/paneWorkbook";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/** The preview's day in these tests: the sample's dates are placed relative to it. */
export const NOW = new Date(2026, 10, 25);

/** The preview's sample register, set up as the "Load the sample tracker" button does, with its memory workbook. */
export async function sampleTracker(): Promise<{ workbook: PaneWorkbook; book: MemoryWorkbook }> {
  const workbook = previewWorkbook(NOW);
  await workbook.sample?.load();
  return { workbook, book: workbook.port as MemoryWorkbook };
}

/** The tracker as the views read it. */
export const paneDataOf = (workbook: PaneWorkbook) => readPaneData(workbook.port);
