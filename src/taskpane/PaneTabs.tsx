import {
  Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList, Tooltip, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons/svg/more-horizontal";
import * as React from "react";
import { useTabsInBar } from "./paneWidth";
import type { PaneTab } from "./tabs";

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
