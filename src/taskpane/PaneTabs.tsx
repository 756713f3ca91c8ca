import {
  Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList, Tooltip, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import * as React from "react";
import type { PaneTab } from "./tabs";

/**
 * From this width (CSS px) every view has its named tab. Below it, at an Excel task pane's widths
 * (320–450 px), the views used every day (those without an icon) keep their named tabs and the
 * occasional ones (set-up, settings, functions) sit in one menu at the end of the row, so the row
 * fits at 320 px and never changes when a view is picked.
 */
export const ALL_TABS_FROM = 560;

const useStyles = makeStyles({
  bar: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  list: { flexWrap: "nowrap", minWidth: 0 },
  more: { flexShrink: 0, marginRight: tokens.spacingHorizontalXS, position: "relative" },
  // The tab's selection mark, under the menu's button while one of its views is shown.
  moreSelected: {
    color: tokens.colorBrandForeground1,
    "::after": {
      content: '""', position: "absolute", left: tokens.spacingHorizontalS, right: tokens.spacingHorizontalS, bottom: "-4px",
      height: tokens.strokeWidthThick, borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

// The pane's box: the page's root element (in Excel the whole window; in the preview a column beside the workbook's grid).
const paneBoxWidth = (): number => document.getElementById("root")?.getBoundingClientRect().width || window.innerWidth;

/**
 * The pane's width, followed as it changes: its own box's, not the window's (the preview sets the
 * pane in a 360–420 px column beside the workbook's grid in a wide window).
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

/** Which views have a tab in the bar at the pane's width: every one from ALL_TABS_FROM, else those without an icon. */
export function useTabsInBar(tabs: readonly PaneTab[]): ReadonlySet<string> {
  const all = usePaneWidth() >= ALL_TABS_FROM;
  return React.useMemo(() => new Set(tabs.filter((t) => all || !t.icon).map((t) => t.id)), [tabs, all]);
}

export interface PaneTabsProps {
  tabs: readonly PaneTab[];
  selected: string;
  onSelect: (id: string) => void;
}

/**
 * The views as one row of tabs that stays as it is whichever view is picked: named tabs, and in a
 * narrow pane a "More views" menu (an icon button named for what it holds, with a tooltip) for the
 * occasional ones, marked while one of them is shown. Arrow keys move between the tabs, Enter or
 * Space selects; Tab reaches the menu.
 */
export function PaneTabs({ tabs, selected, onSelect }: PaneTabsProps): React.JSX.Element {
  const styles = useStyles();
  const inBar = useTabsInBar(tabs);
  const inMenu = tabs.filter((t) => !inBar.has(t.id));
  const menuShown = inMenu.some((t) => t.id === selected);
  const menuName = `More views: ${inMenu.map((t) => t.label).join(", ")}`;
  return (
    <nav className={styles.bar} aria-label="Views">
      <div className={styles.row}>
        <TabList size="small" className={styles.list} selectedValue={inBar.has(selected) ? selected : null} onTabSelect={(_, data) => onSelect(String(data.value))}>
          {tabs.filter((t) => inBar.has(t.id)).map((t) => (
            <Tab key={t.id} id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`} icon={t.icon}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {inMenu.length > 0 && (
          <Menu checkedValues={{ view: [selected] }} onCheckedValueChange={(_, data) => data.checkedItems[0] && onSelect(data.checkedItems[0])}>
            <MenuTrigger disableButtonEnhancement>
              <Tooltip content={inMenu.map((t) => t.label).join(", ")} relationship="inaccessible" withArrow>
                <Button
                  appearance="subtle"
                  icon={<MoreHorizontalRegular />}
                  aria-label={menuName}
                  className={mergeClasses(styles.more, menuShown && styles.moreSelected)}
                />
              </Tooltip>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {inMenu.map((t) => (
                  <MenuItemRadio key={t.id} name="view" value={t.id} icon={t.icon}>{t.label}</MenuItemRadio>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
    </nav>
  );
}
