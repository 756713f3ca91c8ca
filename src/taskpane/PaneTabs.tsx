import {
  Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList, makeStyles, tokens,
  useIsOverflowItemVisible, useOverflowMenu,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneTab } from "./tabs";

const useStyles = makeStyles({
  bar: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  row: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden" },
  list: { minWidth: 0, flexShrink: 1 },
  // As tall and as large as the small tabs beside it.
  more: { alignSelf: "center", flexShrink: 0, minWidth: "auto", fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
});

/** A tab that does not fit, offered in the More menu instead. */
function HiddenTab({ tab, onSelect }: { tab: PaneTab; onSelect: (id: string) => void }): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

/** The tabs that do not fit; the selected tab is never among them (it has the higher priority). */
function MoreTabs({ tabs, onSelect }: { tabs: readonly PaneTab[]; onSelect: (id: string) => void }): React.JSX.Element | null {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={ref} size="small" appearance="transparent" className={styles.more} aria-label={`More views (${overflowCount})`}>
          More
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <HiddenTab key={t.id} tab={t} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export interface PaneTabsProps {
  tabs: readonly PaneTab[];
  selected: string;
  onSelect: (id: string) => void;
}

/**
 * The views as tabs. Those that do not fit the pane's width go into a More menu; the selected one
 * always stays in view. Arrow keys move between the tabs, Enter or Space selects; Tab reaches More.
 */
export function PaneTabs({ tabs, selected, onSelect }: PaneTabsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <nav className={styles.bar} aria-label="Views">
      <Overflow minimumVisible={2}>
        {/* The More button sits beside the tab list, not in it: a tab list may hold only tabs. */}
        <div className={styles.row}>
          <TabList size="small" className={styles.list} selectedValue={selected} onTabSelect={(_, data) => onSelect(String(data.value))}>
            {tabs.map((t) => (
              <OverflowItem key={t.id} id={t.id} priority={t.id === selected ? 2 : 1}>
                <Tab id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`}>{t.label}</Tab>
              </OverflowItem>
            ))}
          </TabList>
          <MoreTabs tabs={tabs} onSelect={onSelect} />
        </div>
      </Overflow>
    </nav>
  );
}
