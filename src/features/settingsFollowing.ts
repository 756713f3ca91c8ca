/**
 * The cell functions follow the workbook's Settings: the shared runtime reads the Settings table
 * when it starts and each time the table changes, so `date_order` decides how every CONTRACT
 * function reads a text date such as 1/2/2026, in the workbook opened again as in the one set up.
 */
import { DEFAULT_SETTINGS } from "../core/settings";
import type { WorkbookPort } from "../workbook/port";
import { settingsInTable } from "./settingsTable";
import { onWorkbookSettingsChanged, setWorkbookSettings } from "./workbookSettings";

const SETTINGS = "Settings";

/**
 * Makes the shared runtime's settings (workbookSettings, which the functions read) the workbook's
 * own: reads the Settings table now, again after each change to it (typed in the sheet, saved from
 * the pane, or the table made by set-up), and whenever the date order changes, from here or from the
 * pane's settings editor, asks Excel to recalculate, so cells already showing a date from text read
 * it again. A workbook without Settings has the defaults. Reads that fail are passed to `onError`
 * and leave the settings as they were. Resolves, after the first read, with the function that stops it.
 * @example const stop = await followWorkbookSettings(hostWorkbook(), (e) => postNotice("error", "Settings", String(e)));
 */
export async function followWorkbookSettings(port: WorkbookPort, onError: (error: unknown) => void = () => undefined): Promise<() => Promise<void>> {
  let stopped = false;
  const stopRecalculating = onWorkbookSettingsChanged((now, before) => {
    if (!stopped && now.dateOrder !== before.dateOrder) port.recalculate().catch(onError);
  });

  // One read at a time: a change that comes while one is under way is read once it is done, so an
  // older read can never overwrite a newer one.
  let reading: Promise<void> | null = null;
  let again = false;
  const read = async (): Promise<void> => {
    const table = (await port.readTables([SETTINGS])).get(SETTINGS);
    if (!stopped) setWorkbookSettings(table ? settingsInTable(table) : { ...DEFAULT_SETTINGS });
  };
  const refresh = (): Promise<void> => {
    again = reading !== null;
    reading ??= (async () => {
      do {
        again = false;
        await read().catch(onError);
      } while (again && !stopped);
      reading = null;
    })();
    return reading;
  };

  // Listen first, then read: a change made between the two is read, not missed.
  let stopListening: () => Promise<void> = async () => undefined;
  try {
    stopListening = await port.onTableChanged(SETTINGS, () => void refresh());
  } catch (error) {
    onError(error);
  }
  await refresh();
  return async () => {
    stopped = true;
    stopRecalculating();
    await stopListening();
  };
}
