import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, RenderResult } from "@testing-library/react";
import * as React from "react";
import { readPaneData } from "../../src/features/paneData";
import { PaneContext, PaneServices } from "../../src/taskpane/paneContext";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import type { PaneWorkbook } from "../../src/taskpane/paneWorkbook";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { HOST } from "./paneHarness";

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

/**
 * Renders a view as the App does, with a working revision: trackerChanged() makes the views read
 * again (renderInPane's is a mock that changes nothing).
 */
export function renderLive(ui: React.ReactElement, workbook: PaneWorkbook, overrides: Partial<PaneServices> = {}): RenderResult & { navigate: jest.Mock; changes: () => number } {
  const navigate = jest.fn();
  let changes = 0;
  function Live(): React.JSX.Element {
    const [revision, setRevision] = React.useState(0);
    const trackerChanged = React.useCallback(() => {
      changes++;
      setRevision((r) => r + 1);
    }, []);
    const pane: PaneServices = { host: HOST, workbook, locale: "en-GB", loadCatalogue: () => Promise.resolve({ functions: [] }), navigate, revision, trackerChanged, ...overrides };
    return (
      <FluentProvider theme={webLightTheme}>
        <PaneContext.Provider value={pane}>{ui}</PaneContext.Provider>
      </FluentProvider>
    );
  }
  return { ...render(<Live />), navigate, changes: () => changes };
}

/** The view's live region (role="status"), found without the cost of a role query over a whole pane. */
export function statusOf(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>('[role="status"]');
}
