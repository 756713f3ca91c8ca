import * as React from "react";
import type { HostInfo } from "../office/host";
import type { PaneWorkbook } from "./paneWorkbook";

/** What every view of the pane gets: the workbook and its actions, the locale, and the way to another tab. */
export interface PaneServices {
  host: HostInfo;
  workbook: PaneWorkbook;
  /** The locale dates and numbers are shown in (en-GB unless the host says otherwise). */
  locale: string;
  /** functions.json, as Excel's formula autocomplete reads it. */
  loadCatalogue: () => Promise<unknown>;
  /** Selects a tab by its id and, if given, asks it to bring one of its sections (an element id) into view. */
  navigate: (tab: string, section?: string) => void;
  /** The section another view asked for last (see useSectionRequest); `seq` goes up with each request, so asking twice works twice. */
  section?: { id: string; seq: number } | null;
  /** Goes up by one whenever a view changed the tracker, so the others read it again. */
  revision: number;
  trackerChanged: () => void;
}

export const PaneContext = React.createContext<PaneServices | null>(null);

/** The pane's services; views render only inside the App's provider. */
export function usePane(): PaneServices {
  const pane = React.useContext(PaneContext);
  if (!pane) throw new Error("usePane() needs the pane's PaneContext provider");
  return pane;
}
