import { MathFormulaRegular, SettingsRegular, WrenchRegular } from "@fluentui/react-icons";
import * as React from "react";
import { ContractView } from "./contract/ContractView";
import { DashboardView } from "./dashboard/DashboardView";
import { FunctionGuide } from "./FunctionGuide";
import type { PaneServices } from "./paneContext";
import { SettingsView } from "./settings/SettingsView";
import { SetUpWizard } from "./setup/SetUpWizard";
import { SummaryView } from "./summary/SummaryView";

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
  /**
   * The view. Once shown, a view stays mounted while other tabs are selected (its state survives a
   * tab change); `active` says whether its tab is the selected one.
   */
  render(props: { active: boolean; pane: PaneServices }): React.ReactNode;
}

/** The tabs, in order. Views not built yet are simply not listed. */
export const PANE_TABS: readonly PaneTab[] = [
  { id: "setup", label: "Set up", icon: <WrenchRegular />, render: () => <SetUpWizard /> },
  { id: "summary", label: "Summary", render: ({ active }) => <SummaryView active={active} /> },
  { id: "dashboard", label: "Dashboard", render: ({ active }) => <DashboardView active={active} /> },
  { id: "contract", label: "Contract", render: ({ active }) => <ContractView active={active} /> },
  { id: "settings", label: "Settings", icon: <SettingsRegular />, render: ({ active }) => <SettingsView active={active} /> },
  { id: "functions", label: "Functions", icon: <MathFormulaRegular />, render: ({ pane }) => <FunctionGuide loadCatalogue={pane.loadCatalogue} /> },
];

/** The tab the pane opens on: the summary once a tracker exists, else set-up. */
export function firstTab(trackerExists: boolean, tabs: readonly PaneTab[] = PANE_TABS): string {
  const preferred = trackerExists ? "summary" : "setup";
  return tabs.some((t) => t.id === preferred) ? preferred : (tabs[0]?.id ?? "");
}
