/** What the pane needs to know about where it runs. */
export interface HostInfo {
  /** True inside Excel; false in a plain browser (the preview). */
  inExcel: boolean;
  /** Office's theme is dark (inside Excel) or the browser prefers dark (preview). */
  dark: boolean;
  /** The display language, e.g. `en-GB`. */
  locale: string;
  /** Where Excel runs (Office.context.diagnostics.platform: `PC`, `OfficeOnline`, `Mac`, `iOS`); absent in the preview. */
  platform?: string;
}

/** Waits for Office.js; outside Office `Office.onReady` resolves with `host: null`. */
export async function connectToHost(): Promise<HostInfo> {
  const browserDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const browserLocale = typeof navigator !== "undefined" && navigator.language ? navigator.language : "en-GB";
  if (typeof Office === "undefined") return { inExcel: false, dark: browserDark, locale: browserLocale };
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return { inExcel: false, dark: browserDark, locale: browserLocale };
  const theme = Office.context.officeTheme;
  return {
    inExcel: true,
    dark: theme ? theme.isDarkTheme : browserDark,
    locale: Office.context.displayLanguage || browserLocale,
    platform: Office.context.diagnostics?.platform ? String(Office.context.diagnostics.platform) : undefined,
  };
}
