import { connectToHost } from "../office/host";

// The composition root. The cell functions and ribbon handlers in this page's other scripts are
// already registered; React and Fluent UI load only now, as their own chunk, so they never delay them.
async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const host = await connectToHost();
  const { mountApp } = await import(/* webpackChunkName: "app" */ "./App");
  mountApp(root, { host, loadCatalogue: () => fetch("functions.json").then((r) => {
    if (!r.ok) throw new Error(`the server answered ${r.status}`);
    return r.json();
  }) });
}

start().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) root.textContent = `Contract Tracker could not start: ${error instanceof Error ? error.message : String(error)}. Close and reopen the pane.`;
});
