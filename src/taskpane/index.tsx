import { connectToHost } from "../office/host";
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
}

start().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `Contract Tracker could not start: ${error instanceof Error ? error.message : String(error)}. Close and reopen the pane.`;
});
