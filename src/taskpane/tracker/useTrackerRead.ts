import * as React from "react";
import { savedMapping } from "../../features/trackerData";
import type { WorkbookPort } from "../../workbook/port";
import { usePane } from "../paneContext";

/** What a view has read of the tracker: still reading, no tracker yet (an answer, not a failure), the value, or why it could not. */
export type TrackerRead<T> =
  | { status: "loading" }
  | { status: "no-tracker"; table: string }
  | { status: "ready"; value: T }
  | { status: "failed"; error: unknown };

/** Reads with `read` once set-up has made the tracker's Contracts table; says which table is missing otherwise. */
export async function readIfSetUp<T>(port: WorkbookPort, read: (port: WorkbookPort, locale: string) => Promise<T>, locale: string): Promise<TrackerRead<T>> {
  const [{ table }, tables] = await Promise.all([savedMapping(port), port.tableNames()]);
  if (!tables.some((t) => t.name === table)) return { status: "no-tracker", table };
  return { status: "ready", value: await read(port, locale) };
}

/**
 * A view's reading of the tracker: done when its tab is first shown, and again when shown after
 * another view changed the tracker (the pane's revision). What was read stays on screen while it
 * reads again (`reading`), so a saved form does not blank the view. `read` must be stable (a
 * module-level function), or it reads on every render; it gets the pane's display locale, the one
 * the features write dates in words in (core/dateWords).
 */
export function useTrackerRead<T>(active: boolean, read: (port: WorkbookPort, locale: string) => Promise<T>): { state: TrackerRead<T>; reading: boolean; reload: () => void } {
  const { workbook, revision, locale } = usePane();
  const [state, setState] = React.useState<TrackerRead<T>>({ status: "loading" });
  const [reading, setReading] = React.useState(false);
  const readAt = React.useRef<number | null>(null);
  const latest = React.useRef(0);
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => void (live.current = false);
  }, []);

  const reload = React.useCallback(() => {
    readAt.current = revision;
    const ticket = ++latest.current;
    setReading(true);
    // Only the latest read may land: an earlier one finishing late would show older data.
    const settle = (next: TrackerRead<T>): void => {
      if (!live.current || ticket !== latest.current) return;
      setState(next);
      setReading(false);
    };
    readIfSetUp(workbook.port, read, locale).then(settle, (error: unknown) => settle({ status: "failed", error }));
  }, [workbook, revision, read, locale]);

  React.useEffect(() => {
    if (active && readAt.current !== revision) reload();
  }, [active, revision, reload]);

  return { state, reading, reload };
}
