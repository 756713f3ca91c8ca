import { DEFAULT_SETTINGS, TrackerSettings } from "../core/settings";

// The shared runtime holds one copy of the open workbook's Settings, so cell functions read slash
// dates in the workbook's order without a round trip to Excel on every calculation.
let current: TrackerSettings = { ...DEFAULT_SETTINGS };

/** The open workbook's settings (the defaults until its Settings table has been read). @example workbookSettings().dateOrder → "dmy" */
export function workbookSettings(): Readonly<TrackerSettings> {
  return current;
}

/** Replaces the settings once the workbook's Settings table has been read or edited. */
export function setWorkbookSettings(settings: TrackerSettings): void {
  current = { ...settings };
}
