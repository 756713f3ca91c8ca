import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from "@fluentui/react-components";
import { render, RenderResult } from "@testing-library/react";
import * as React from "react";
import { dateToSerial } from "../../src/core/dates";
import { setUpTracker } from "../../src/features/setUpTracker";
import type { HostInfo } from "../../src/office/host";
import { PaneContext, PaneServices } from "../../src/taskpane/paneContext";
import type { PaneWorkbook } from "../../src/taskpane/paneWorkbook";
import { watchSetUpSteps } from "../../src/taskpane/setup/setUpSteps";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, WorkbookPort } from "../../src/workbook/port";

/** The day the hand-made workbooks of these tests are weighed on. */
export const AS_OF = dateToSerial(2026, 11, 25) ?? 0;

export const HOST: HostInfo = { inExcel: true, dark: false, locale: "en-GB" };

/** A pane workbook as the Office path builds it, over any port (a memory workbook, or one that fails). */
export function excelLike(port: WorkbookPort): PaneWorkbook {
  return { kind: "excel", port, setUp: (options, onStep) => setUpTracker(onStep ? watchSetUpSteps(port, onStep) : port, { asOf: AS_OF, ...options }) };
}

/** A small register with hostile cell text, set up as a tracker as of AS_OF. */
export async function hostileTracker(): Promise<MemoryWorkbook> {
  const rows: CellValue[][] = [
    ["Ref", "Contract title", "Provider", "Contract manager", "Tier", "Start date", "Expiry", "Notice", "Total value", "Status"],
    ["C-001", "<img src=x onerror=alert(1)>", "<b>Binco</b> Ltd", "Sam Patel", "Gold", "01/04/2022", "15/01/2027", "3 months", 100000, "Live"],
    ["C-002", "Cleaning", "Spotless Ltd", "Jo Bloggs", "Silver", "01/04/2024", "31/03/2030", "", 50000, "Live"],
    ["C-003", "Grounds", "Green & Co", "=2+3", "Bronze", "01/04/2021", "11/11/2026", "", 7000, "Live"],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  await setUpTracker(book, { asOf: AS_OF, createTables: ["Escalations"] });
  return book;
}

// jsdom has no ResizeObserver (the tab bar's overflow watches its width). Nothing is laid out there,
// so no size ever changes: an observer that never calls back is exact.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Fluent's styles go into a document of their own. jsdom neither lays out nor paints, and matching
// its thousands of CSS rules against every element made each axe run take seconds; colour contrast
// and layout are checked in the browser tests (test/e2e).
const styleDocument = document.implementation.createHTMLDocument("styles");

/** Renders anything with Fluent's styles kept out of the page's document (see above). */
export function renderFast(ui: React.ReactElement): RenderResult {
  return render(
    <RendererProvider renderer={createDOMRenderer(styleDocument)} targetDocument={styleDocument}>
      {ui}
    </RendererProvider>,
  );
}

/** Renders a view inside the pane's providers, as the App does. */
export function renderInPane(ui: React.ReactElement, workbook: PaneWorkbook, overrides: Partial<PaneServices> = {}): RenderResult & { navigate: jest.Mock; trackerChanged: jest.Mock } {
  const navigate = jest.fn();
  const trackerChanged = jest.fn();
  const pane: PaneServices = {
    host: HOST,
    workbook,
    locale: "en-GB",
    loadCatalogue: () => Promise.resolve({ functions: [] }),
    navigate,
    revision: 0,
    trackerChanged,
    ...overrides,
  };
  const result = renderFast(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>{ui}</PaneContext.Provider>
    </FluentProvider>,
  );
  return { ...result, navigate, trackerChanged };
}
