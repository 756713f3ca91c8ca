import {
  Badge, FluentProvider, Spinner, Text, makeStyles, tokens, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { savedMapping } from "../features/trackerData";
import type { HostInfo } from "../office/host";
import { paneLocale } from "./format";
import { Notices } from "./Notices";
import { PaneContext, PaneServices } from "./paneContext";
import { PaneTabs, useTabsInBar } from "./PaneTabs";
import type { PaneWorkbook } from "./paneWorkbook";
import { PreviewNote } from "./preview/PreviewNote";
import { PANE_TABS, PaneTab, firstTab } from "./tabs";

/** What the composition root hands the UI. */
export interface AppProps {
  host: HostInfo;
  workbook: PaneWorkbook;
  loadCatalogue: () => Promise<unknown>;
  /** The tabs to show; PANE_TABS unless a test gives others. */
  tabs?: readonly PaneTab[];
}

const useStyles = makeStyles({
  // Layout lives on a div inside the provider: Fluent copies the provider's classes onto the layers
  // it opens for drop-downs, where a full-height box would cover the pane.
  shell: { minHeight: "100vh", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  panel: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`, outlineOffset: "-2px" },
});

/** Whether set-up has made the tracker's table, so the pane can open on the summary. A failed look opens set-up, which reports it. */
async function trackerExists(workbook: PaneWorkbook): Promise<boolean> {
  try {
    const [{ table }, tables] = await Promise.all([savedMapping(workbook.port), workbook.port.tableNames()]);
    return tables.some((t) => t.name === table);
  } catch {
    return false;
  }
}

/** The pane: ribbon notices on top, the preview's label, then a tab for each view. */
export function App({ host, workbook, loadCatalogue, tabs = PANE_TABS }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<string | null>(null);
  const [visited, setVisited] = React.useState<ReadonlySet<string>>(new Set());
  const [revision, setRevision] = React.useState(0);
  const [section, setSection] = React.useState<{ id: string; seq: number } | null>(null);
  const inBar = useTabsInBar(tabs);

  React.useEffect(() => {
    let live = true;
    void trackerExists(workbook).then((exists) => live && setSelected((now) => now ?? firstTab(exists, tabs)));
    return () => {
      live = false;
    };
  }, [workbook, tabs]);

  React.useEffect(() => {
    if (selected !== null && !visited.has(selected)) setVisited(new Set([...visited, selected]));
  }, [selected, visited]);

  const navigate = React.useCallback((tab: string, sectionId?: string) => {
    if (!tabs.some((t) => t.id === tab)) return;
    setSelected(tab);
    if (sectionId) setSection((s) => ({ id: sectionId, seq: (s?.seq ?? 0) + 1 }));
  }, [tabs]);
  const trackerChanged = React.useCallback(() => setRevision((r) => r + 1), []);
  const pane = React.useMemo<PaneServices>(
    () => ({ host, workbook, locale: paneLocale(host.locale), loadCatalogue, navigate, section, revision, trackerChanged }),
    [host, workbook, loadCatalogue, navigate, section, revision, trackerChanged],
  );

  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme}>
      <PaneContext.Provider value={pane}>
        <div className={styles.shell}>
          <Notices />
          <header className={styles.header}>
            <div className={styles.brand}>
              <Text as="h1" weight="semibold" size={500} className={styles.title}>Contract Tracker</Text>
              {workbook.kind === "preview" && <Badge appearance="tint" color="warning">Preview</Badge>}
            </div>
            {workbook.kind === "preview" && <PreviewNote />}
          </header>
          {selected === null ? (
            <div className={styles.panel}>
              <Spinner size="small" label="Opening the workbook…" />
            </div>
          ) : (
            <>
              <PaneTabs tabs={tabs} selected={selected} onSelect={setSelected} />
              <main>
                {tabs.map((t) =>
                  visited.has(t.id) || t.id === selected ? (
                    <div
                      key={t.id}
                      id={`panel-${t.id}`}
                      // A view picked from the More menu has no tab to be the panel of: it is a region named as the view.
                      {...(inBar.has(t.id) ? { role: "tabpanel", "aria-labelledby": `tab-${t.id}` } : { role: "region", "aria-label": t.label })}
                      hidden={t.id !== selected}
                      tabIndex={0}
                      className={styles.panel}
                    >
                      {t.render({ active: t.id === selected, pane })}
                    </div>
                  ) : null,
                )}
              </main>
            </>
          )}
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}

/** Renders the pane into `root`. */
export function mountApp(root: HTMLElement, props: AppProps): void {
  createRoot(root).render(<App {...props} />);
}
