import * as React from "react";
import type { PaneTab } from "./tabs";

// The pane's width and what it decides: which views have a tab of their own. Apart from the tab
// row's code (PaneTabs, a chunk of its own), so the pane's shell knows it before the row arrives.

/**
 * From this width (CSS px) every view has its named tab. Below it, at an Excel task pane's widths
 * (320–450 px), the views used every day (those without an icon) keep their named tabs and the
 * occasional ones (set-up, settings, functions) sit in one menu at the end of the row, so the row
 * fits at 320 px and never changes when a view is picked.
 */
export const ALL_TABS_FROM = 560;

// The pane's box: the page's root element (in Excel the whole window; in the preview a column beside the workbook's grid).
const paneBoxWidth = (): number => document.getElementById("root")?.getBoundingClientRect().width || window.innerWidth;

/**
 * The pane's width in CSS px, followed as it changes: its own box's, not the window's (the preview
 * sets the pane in a 360–420 px column beside the workbook's grid in a wide window).
 */
export function usePaneWidth(): number {
  const [width, setWidth] = React.useState(paneBoxWidth);
  React.useEffect(() => {
    const follow = (): void => setWidth(paneBoxWidth());
    const root = document.getElementById("root");
    const observer = root && typeof ResizeObserver !== "undefined" ? new ResizeObserver(follow) : undefined;
    if (root) observer?.observe(root);
    window.addEventListener("resize", follow);
    follow();
    return () => {
      observer?.disconnect();
      window.removeEventListener("resize", follow);
    };
  }, []);
  return width;
}

/** Which views (their ids) have a tab in the bar at the pane's width: every one from ALL_TABS_FROM, else those without an icon. */
export function useTabsInBar(tabs: readonly PaneTab[]): ReadonlySet<string> {
  const all = usePaneWidth() >= ALL_TABS_FROM;
  return React.useMemo(() => new Set(tabs.filter((t) => all || !t.icon).map((t) => t.id)), [tabs, all]);
}
