/** How the Settings view lays the settings out: in groups, each with a label in words (the table's name is in its hint). */

export interface SettingGroup {
  id: string;
  title: string;
  /** What the group is about, shown under its heading. */
  about: string;
  names: readonly string[];
}

export const SETTING_GROUPS: readonly SettingGroup[] = [
  {
    id: "rag",
    title: "Red, amber and green",
    about: "When a contract turns amber or red. The worst of expiry, slippage, KPIs and spend gives its RAG.",
    names: ["expiry_red_days", "expiry_amber_days", "slippage_red_days", "slippage_amber_days", "kpi_red_below", "kpi_amber_below", "spend_red_above", "spend_amber_above"],
  },
  {
    id: "ladder",
    title: "Phases and the escalation ladder",
    about: "When a contract is in its exit phase, when the ladder steps up, when a long-ended contract is probably closed, and who each level goes to.",
    names: ["exit_window_days", "escalation_persist_days", "stale_after_days", "ladder_level_1", "ladder_level_2", "ladder_level_3"],
  },
  {
    id: "dates",
    title: "Dates",
    about: "How dates typed as text are read, and the day the tracker is worked out at.",
    names: ["date_order", "as_of"],
  },
];

/** A setting's label in words; the Settings table's own name otherwise. */
export const SETTING_LABELS: Readonly<Record<string, string>> = {
  expiry_red_days: "Expiry: red within (days)",
  expiry_amber_days: "Expiry: amber within (days)",
  slippage_red_days: "Slippage: red above (days)",
  slippage_amber_days: "Slippage: amber above (days)",
  kpi_red_below: "KPI attainment: red below",
  kpi_amber_below: "KPI attainment: amber below",
  spend_red_above: "Spend over budget: red above",
  spend_amber_above: "Spend over budget: amber above",
  exit_window_days: "Exit window (days)",
  escalation_persist_days: "Steps up after (days in status)",
  stale_after_days: "Probably closed after (days past its end date)",
  ladder_level_1: "Level 1 goes to",
  ladder_level_2: "Level 2 goes to",
  ladder_level_3: "Level 3 goes to",
  date_order: "Date order",
  as_of: "As of",
};
