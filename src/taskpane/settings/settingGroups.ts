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
    id: "decide",
    title: "Decide-by dates",
    about: "How long before the end or notice date each tier needs to decide whether to extend or re-procure. A missed decide-by date turns a contract amber, red once its notice date comes.",
    names: ["lead_time_gold_days", "lead_time_silver_days", "lead_time_bronze_days", "lead_time_default_days"],
  },
  {
    id: "procurementAct",
    title: "Procurement Act 2023",
    about: "The duties of the Act in England, Wales and Northern Ireland: change notices (section 75), KPIs and performance assessments (sections 52 and 71), termination notices (section 80). Switch them off where the Act does not apply.",
    names: [
      "procurement_act_duties", "act_commencement_date", "change_value_goods_services_above", "change_value_works_above", "change_term_above", "kpi_duty_value_above",
      "kpi_duty_minimum", "performance_assessment_months", "termination_notice_days", "rating_inadequate_below", "duty_warning_days",
    ],
  },
  {
    id: "dates",
    title: "Dates",
    about: "How dates typed as text are read, and the day the tracker is worked out at.",
    names: ["date_order", "as_of"],
  },
];
