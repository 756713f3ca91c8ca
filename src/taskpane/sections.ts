import * as React from "react";
import { usePane } from "./paneContext";

/**
 * Brings a section of the pane into view and puts the focus on it (its heading, which takes focus
 * by tabIndex -1), so a keyboard or screen-reader user lands where a sighted one looks.
 * @example showSection("summary-stale")
 */
export function showSection(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  // jsdom has no scrollIntoView; a browser always does.
  if (typeof target.scrollIntoView === "function") target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * Shows the section another view asked for (pane.navigate(tab, section)) once this view is ready
 * (its data read and drawn), if it is one of `ids`. Each request is shown once.
 */
export function useSectionRequest(ready: boolean, ids: readonly string[]): void {
  const { section } = usePane();
  const shown = React.useRef(0);
  React.useEffect(() => {
    if (!ready || !section || section.seq === shown.current || !ids.includes(section.id)) return;
    shown.current = section.seq;
    showSection(section.id);
  });
}

/** Puts the focus on an element once React has drawn it (the first item a "Show more" revealed, say). */
export function focusWhenDrawn(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
