// Saving a file from the pane. A link to a blob with a `download` name is what a browser saves
// without a server: Excel on the web (the browser's own download) and Excel on Windows (WebView2,
// Edge's download bar) both save it. Office.context.ui.openBrowserWindow is no way round: it opens
// the system browser, which cannot reach the pane's blob: URLs, and it needs a URL a server gives.
// Excel for Mac and iPad (WKWebView) ignore such links (OfficeDev/office-js#3385).

/** Whether the pane can save a file where it runs: not in Excel for Mac or on iPad. */
export function paneCanSaveFiles(platform: string | undefined): boolean {
  return platform !== "Mac" && platform !== "iOS";
}

/**
 * Saves `text` as a file named `name` through the browser's download: a blob link clicked once,
 * its URL let go a minute later (a download still starting keeps it meanwhile).
 * @example saveTextFile("contract-dates-2026-11-30.ics", ics, "text/calendar") // the browser saves contract-dates-2026-11-30.ics
 */
export function saveTextFile(name: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
