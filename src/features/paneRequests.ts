/**
 * What a ribbon button asks the task pane to show: a view, and the control in it to bring into view
 * and focus. An Office command has no surface of its own and cannot save a file, so a button whose
 * work needs the pane (saving the calendar) opens the pane there. Held in memory as the notices are:
 * the ribbon and the pane share one runtime (webpack: one entry, one copy of this module).
 */

/** A view of the pane and one of its sections (an element id in it). */
export interface PaneRequest {
  /** The pane's tab id (taskpane/tabs PANE_TABS): "summary". */
  tab: string;
  /** The element to scroll to and focus once the view is ready (taskpane/sections showSection). */
  section: string;
}

/** The Summary view's "Add dates to my calendar" button: where the ribbon's Calendar button opens the pane. */
export const CALENDAR_EXPORT: PaneRequest = Object.freeze({ tab: "summary", section: "summary-calendar" });

type Listener = (request: PaneRequest) => void;

// The request not yet taken: the pane may not have drawn when the ribbon asks (the runtime just started).
let pending: PaneRequest | null = null;
let listener: Listener | null = null;

/**
 * Asks the pane to show `request`: at once if the pane listens, else as soon as it does. A newer
 * request replaces one not yet taken (the user's last click is what they want to see).
 * @example requestPaneView(CALENDAR_EXPORT) // the pane selects Summary and focuses "Add dates to my calendar"
 */
export function requestPaneView(request: PaneRequest): void {
  if (listener) listener(request);
  else pending = request;
}

/**
 * The pane listens for requests (one listener: there is one pane), and takes the one waiting, if
 * any. Returns the function that stops listening.
 * @example React.useEffect(() => listenForPaneRequests((r) => navigate(r.tab, r.section)), [navigate])
 */
export function listenForPaneRequests(onRequest: Listener): () => void {
  listener = onRequest;
  const waiting = pending;
  pending = null;
  if (waiting) onRequest(waiting);
  return () => {
    if (listener === onRequest) listener = null;
  };
}
