import type { SetUpOptions, SetUpReport } from "../features/setUpTracker";
import type { HostInfo } from "../office/host";
import type { WorkbookPort } from "../workbook/port";
import { SetUpProgress, watchSetUpSteps } from "./setup/setUpSteps";
import type { PreviewInspector } from "./preview/previewWorkbook";

/** The page's window in the preview, with its workbook's inspector. */
export type PreviewWindow = Window & { contractTrackerPreview?: PreviewInspector };

/** The workbook the pane works on, and the actions that change it. The views see only this. */
export interface PaneWorkbook {
  /** `excel`: the workbook open in Excel; `preview`: the sample register held in this page. */
  kind: "excel" | "preview";
  port: WorkbookPort;
  /** Runs set-up (features/setUpTracker) over this workbook, saying which step it is on. */
  setUp(options: SetUpOptions, onStep?: (progress: SetUpProgress) => void): Promise<SetUpReport>;
  /** Preview only: the sample register, and set-up of it in one click. */
  sample?: { name: string; sheet: string; load(): Promise<SetUpReport> };
}

/**
 * Picks the adapter: inside Excel the Office one (trips sized to that Excel), elsewhere the sample
 * register in the in-memory workbook. Each loads as its own chunk, after the cell functions; set-up's
 * code loads when set-up first runs.
 */
export async function openPaneWorkbook(host: HostInfo): Promise<PaneWorkbook> {
  if (!host.inExcel) {
    const { previewWorkbook } = await import(/* webpackChunkName: "preview" */ "./preview/previewWorkbook");
    const preview = previewWorkbook();
    // Besides the grid (preview/previewGrid), what set-up wrote can be read from the console, `contractTrackerPreview.formulas("Contracts", "RAG")`.
    (window as PreviewWindow).contractTrackerPreview = preview.inspector;
    return preview;
  }
  const { hostWorkbook } = await import("../office/hostWorkbook");
  const port = hostWorkbook();
  const setUp = async (options: SetUpOptions, onStep?: (progress: SetUpProgress) => void): Promise<SetUpReport> => {
    const { setUpTracker } = await import("../features/setUpTracker");
    return setUpTracker(onStep ? watchSetUpSteps(port, onStep) : port, options);
  };
  return { kind: "excel", port, setUp };
}
