import { connectToHost } from "../office/host";
import type { WorkbookPort } from "../workbook/port";
import { openPaneWorkbook } from "./paneWorkbook";

// The composition root. The cell functions and ribbon handlers in this page's other scripts are
// already registered; the workbook adapter (Excel, or the sample in the preview) and React with
// Fluent UI load only now, as their own chunks, so they never delay them.
async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const host = await connectToHost();
  const [{ mountApp }, workbook] = await Promise.all([import(/* webpackChunkName: "app" */ "./App"), openPaneWorkbook(host)]);
  mountApp(root, {
    host,
    workbook,
    loadCatalogue: () =>
      fetch("functions.json").then((r) => {
        if (!r.ok) throw new Error(`the server answered ${r.status}`);
        return r.json();
      }),
  });
  if (workbook.kind === "preview") showPreviewGrid(root, workbook.port, host.dark);
}

/**
 * Outside Excel, the workbook the pane works on is drawn beside (or under) it, so a newcomer sees
 * what set-up, "select its row" and "Write summary sheet" do. Its own chunk, asked for once the pane
 * has drawn: Excel never fetches it.
 */
function showPreviewGrid(root: HTMLElement, port: WorkbookPort, dark: boolean): void {
  const place = document.createElement("div");
  place.id = "workbook-grid";
  root.after(place);
  const load = (): void => {
    import(/* webpackChunkName: "preview-grid" */ "./preview/previewGrid").then(
      ({ mountPreviewGrid }) => mountPreviewGrid(place, port, dark),
      (error: unknown) => (place.textContent = `The sample workbook could not be shown: ${error instanceof Error ? error.message : String(error)}.`),
    );
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 1000 });
  else setTimeout(load, 0);
}

start().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `Contract Tracker could not start: ${error instanceof Error ? error.message : String(error)}. Close and reopen the pane.`;
});
