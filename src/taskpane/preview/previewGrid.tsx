import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { MemoryWorkbook } from "../../workbook/memoryWorkbook";
import type { WorkbookPort } from "../../workbook/port";
import { WorkbookGrid } from "./WorkbookGrid";

// Wide windows (1100 px and over: room for a pane column and a grid of a dozen columns): the pane in
// a column of a task pane's width (360–420 px) and the grid to its right; narrower ones (a phone, a
// task-pane-sized window, an 800 px window where the pane is as wide as a wide task pane): the grid
// under the pane. The page's own style
// sheet knows nothing of the grid, so the layout comes with it and never reaches Excel.
// The pane's box grows with what it holds (the page gives it the window's height only), so the grid
// never lies over the pane's lower part.
const LAYOUT = `
body.with-workbook-grid > #root { height: auto; min-height: 100vh; }
@media (min-width: 1100px) {
  body.with-workbook-grid { display: flex; align-items: flex-start; }
  body.with-workbook-grid > #root { flex: 0 0 clamp(360px, 32vw, 420px); min-width: 0; }
  body.with-workbook-grid > #workbook-grid { flex: 1 1 0; min-width: 0; position: sticky; top: 0; height: 100vh; }
}
@media (max-width: 1099.98px) {
  body.with-workbook-grid > #workbook-grid { height: 80vh; }
}
`;

/**
 * Shows the preview's workbook in `place`, beside or under the pane, in the pane's theme. Does
 * nothing for a workbook that is not held in the page (Excel shows its own).
 * @example mountPreviewGrid(document.getElementById("workbook-grid"), workbook.port, host.dark)
 */
export function mountPreviewGrid(place: HTMLElement, port: WorkbookPort, dark: boolean): void {
  if (!(port instanceof MemoryWorkbook)) return;
  const style = document.createElement("style");
  style.textContent = LAYOUT;
  document.head.append(style);
  document.body.classList.add("with-workbook-grid");
  createRoot(place).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ height: "100%" }}>
      <WorkbookGrid book={port} />
    </FluentProvider>,
  );
}
