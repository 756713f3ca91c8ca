import { DEFAULT_SETTINGS, TrackerSettings } from "../core/settings";

/** Told the settings now and before, each time they are replaced. */
export type SettingsListener = (now: Readonly<TrackerSettings>, before: Readonly<TrackerSettings>) => void;

interface SharedSettings {
  current: TrackerSettings;
  readonly listeners: Set<SettingsListener>;
}

// The shared runtime holds one copy of the open workbook's Settings, so cell functions read slash
// dates in the workbook's order without a round trip to Excel on every calculation. The page loads
// functions.js and taskpane.js, two webpack entries, each with its own copy of this module: the state
// lives on the page's global object under a registered symbol, so both copies hold the same one
// (the pane and the start-up read write it, the functions read it).
const KEY = Symbol.for("contract-tracker.workbook-settings");

function shared(): SharedSettings {
  const page = globalThis as { [KEY]?: SharedSettings };
  return (page[KEY] ??= { current: { ...DEFAULT_SETTINGS }, listeners: new Set() });
}

/** The open workbook's settings (the defaults until its Settings table has been read). @example workbookSettings().dateOrder → "dmy" */
export function workbookSettings(): Readonly<TrackerSettings> {
  return shared().current;
}

/**
 * Replaces the settings once the workbook's Settings table has been read or edited, and tells each
 * listener (whichever script of the page it subscribed from).
 * @example setWorkbookSettings({ ...DEFAULT_SETTINGS, dateOrder: "mdy" }); workbookSettings().dateOrder → "mdy"
 */
export function setWorkbookSettings(settings: TrackerSettings): void {
  const state = shared();
  const before = state.current;
  state.current = { ...settings };
  for (const listener of [...state.listeners]) listener(state.current, before);
}

/**
 * Calls the listener each time the settings are replaced, until the function it returns is called.
 * @example const stop = onWorkbookSettingsChanged((now, before) => now.dateOrder !== before.dateOrder && recalculate()); … stop();
 */
export function onWorkbookSettingsChanged(listener: SettingsListener): () => void {
  const { listeners } = shared();
  // Each subscription is its own entry, so one function subscribed twice is stopped once per stop.
  const entry: SettingsListener = (now, before) => listener(now, before);
  listeners.add(entry);
  return () => {
    listeners.delete(entry);
  };
}
