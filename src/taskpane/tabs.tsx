import { MathFormulaRegular } from "@fluentui/react-icons/svg/math-formula";
import { SettingsRegular } from "@fluentui/react-icons/svg/settings";
import { WrenchRegular } from "@fluentui/react-icons/svg/wrench";
import * as React from "react";
import type { PaneServices } from "./paneContext";

// Each view is a chunk of its own (view-<id>), fetched the first time its tab opens: the pane's
// first paint needs only its shell (title, tabs) and the view it opens on. Named exports become
// React.lazy's default here, so the views stay ordinary modules the tests import directly.
const SetUpWizard = React.lazy(() => import(/* webpackChunkName: "view-setup" */ "./setup/SetUpWizard").then((m) => ({ default: m.SetUpWizard })));
const SummaryView = React.lazy(() => import(/* webpackChunkName: "view-summary" */ "./summary/SummaryView").then((m) => ({ default: m.SummaryView })));
const DashboardView = React.lazy(() => import(/* webpackChunkName: "view-dashboard" */ "./dashboard/DashboardView").then((m) => ({ default: m.DashboardView })));
const ContractView = React.lazy(() => import(/* webpackChunkName: "view-contract" */ "./contract/ContractView").then((m) => ({ default: m.ContractView })));
const SettingsView = React.lazy(() => import(/* webpackChunkName: "view-settings" */ "./settings/SettingsView").then((m) => ({ default: m.SettingsView })));
const FunctionGuide = React.lazy(() => import(/* webpackChunkName: "view-functions" */ "./FunctionGuide").then((m) => ({ default: m.FunctionGuide })));

/** One tab of the pane. A new view (Dashboard, Contract, Settings) is one more entry in PANE_TABS. */
export interface PaneTab {
  /** Stable id: the value other views navigate to, and the base of the tab's element ids. */
  id: string;
  /** The tab's text, also its accessible name. */
  label: string;
  /**
   * For a view used now and then: its icon. In a narrow pane such a view sits in the tab row's More
   * menu (PaneTabs), so the views used every day (no icon) always keep their tabs.
   */
  icon?: React.JSX.Element;
  /** The view in a sentence, e.g. "the dashboard" ("Could not open the dashboard"); the label if not given. */
  name?: string;
  /** What the pane says while the view's code arrives, e.g. "Opening the dashboard…"; "Opening <label>…" if not given. */
  loading?: string;
  /**
   * The view. Once shown, a view stays mounted while other tabs are selected (its state survives a
   * tab change); `active` says whether its tab is the selected one.
   */
  render(props: { active: boolean; pane: PaneServices }): React.ReactNode;
}

/** The tabs, in order. Views not built yet are simply not listed. */
export const PANE_TABS: readonly PaneTab[] = [
  { id: "setup", label: "Set up", name: "set-up", loading: "Opening set-up…", icon: <WrenchRegular />, render: () => <SetUpWizard /> },
  { id: "summary", label: "Summary", name: "the summary", loading: "Opening the summary…", render: ({ active }) => <SummaryView active={active} /> },
  { id: "dashboard", label: "Dashboard", name: "the dashboard", loading: "Opening the dashboard…", render: ({ active }) => <DashboardView active={active} /> },
  { id: "contract", label: "Contract", name: "the contract card", loading: "Opening the contract card…", render: ({ active }) => <ContractView active={active} /> },
  { id: "settings", label: "Settings", name: "Settings", loading: "Opening Settings…", icon: <SettingsRegular />, render: ({ active }) => <SettingsView active={active} /> },
  { id: "functions", label: "Functions", name: "the function guide", loading: "Opening the function guide…", icon: <MathFormulaRegular />, render: ({ pane }) => <FunctionGuide loadCatalogue={pane.loadCatalogue} /> },
];

/** The tab the pane opens on: the summary once a tracker exists, else set-up. */
export function firstTab(trackerExists: boolean, tabs: readonly PaneTab[] = PANE_TABS): string {
  const preferred = trackerExists ? "summary" : "setup";
  return tabs.some((t) => t.id === preferred) ? preferred : (tabs[0]?.id ?? "");
}
