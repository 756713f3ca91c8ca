import {
  Badge, FluentProvider, Spinner, Text, makeStyles, tokens, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { listenForPaneRequests } from "../features/paneRequests";
import type { HostInfo } from "../office/host";
import { FALLBACK_LOCALE, paneLocale } from "./format";
import { RibbonNotices } from "./RibbonNotices";
import { PaneContext, PaneServices } from "./paneContext";
import { useTabsInBar } from "./paneWidth";
import type { PaneWorkbook } from "./paneWorkbook";
import { PANE_TABS, PaneTab, firstTab } from "./tabs";
import { ViewBoundary } from "./ViewBoundary";

// The tab row (Fluent's tabs, menu and tooltip) is a chunk of its own: the pane's first paint is its
// title and "Opening the workbook…", and the row is fetched while the workbook is read, as it shows
// only once the pane knows which view to open.
const loadPaneTabs = () => import(/* webpackChunkName: "pane-tabs" */ "./PaneTabs");
const PaneTabs = React.lazy(() => loadPaneTabs().then((m) => ({ default: m.PaneTabs })));
// The preview's note (Fluent's MessageBar; it reads the session's storage) shows with the tabs.
const loadPreviewNote = () => import(/* webpackChunkName: "preview-note" */ "./preview/PreviewNote");
const PreviewNote = React.lazy(() => loadPreviewNote().then((m) => ({ default: m.PreviewNote })));

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
    // Reading the saved mapping needs the mapping's code, which the first paint does not.
    const { savedMapping } = await import("../features/trackerData");
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
  const [locale, setLocale] = React.useState<string | null>(null);
  const inBar = useTabsInBar(tabs);

  React.useEffect(() => {
    let live = true;
    // Fetched while the workbook is read; a failure shows where they are drawn (ViewBoundary).
    void loadPaneTabs().catch(() => undefined);
    if (workbook.kind === "preview") void loadPreviewNote().catch(() => undefined);
    void trackerExists(workbook).then((exists) => {
      if (!live) return;
      // Asking the browser whether it knows the locale wakes its date-formatting data (tens of ms):
      // done once the title shows, before any view draws a date.
      setLocale(paneLocale(host.locale));
      setSelected((now) => now ?? firstTab(exists, tabs));
    });
    return () => {
      live = false;
    };
  }, [workbook, tabs, host.locale]);

  React.useEffect(() => {
    if (selected !== null && !visited.has(selected)) setVisited(new Set([...visited, selected]));
  }, [selected, visited]);

  const navigate = React.useCallback((tab: string, sectionId?: string) => {
    if (!tabs.some((t) => t.id === tab)) return;
    setSelected(tab);
    if (sectionId) setSection((s) => ({ id: sectionId, seq: (s?.seq ?? 0) + 1 }));
  }, [tabs]);
  // A ribbon button that needs the pane (Calendar) asks for a view and a control in it.
  React.useEffect(() => listenForPaneRequests((request) => navigate(request.tab, request.section)), [navigate]);
  const trackerChanged = React.useCallback(() => setRevision((r) => r + 1), []);
  const pane = React.useMemo<PaneServices>(
    () => ({ host, workbook, locale: locale ?? FALLBACK_LOCALE, loadCatalogue, navigate, section, revision, trackerChanged }),
    [host, workbook, locale, loadCatalogue, navigate, section, revision, trackerChanged],
  );

  const opening = (
    <div className={styles.panel}>
      <Spinner size="small" label="Opening the workbook…" />
    </div>
  );
  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme}>
      <PaneContext.Provider value={pane}>
        <div className={styles.shell}>
          <RibbonNotices />
          <header className={styles.header}>
            <div className={styles.brand}>
              <Text as="h1" weight="semibold" size={500} className={styles.title}>Contract Tracker</Text>
              {workbook.kind === "preview" && <Badge appearance="tint" color="warning">Preview</Badge>}
            </div>
            {workbook.kind === "preview" && selected !== null && (
              <ViewBoundary name="the preview's note" loading="" fallback={null}>
                <PreviewNote />
              </ViewBoundary>
            )}
          </header>
          {selected === null || locale === null ? (
            opening
          ) : (
            <ViewBoundary name="the pane's tabs" loading="Opening the workbook…" fallback={opening}>
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
                      <ViewBoundary name={t.name ?? t.label} loading={t.loading ?? `Opening ${t.label}…`}>{t.render({ active: t.id === selected, pane })}</ViewBoundary>
                    </div>
                  ) : null,
                )}
              </main>
            </ViewBoundary>
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
