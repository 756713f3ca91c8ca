/**
 * The settings in a contract manager's words: what each is called on the form, what it means,
 * and the unit it is entered in. The Settings table keeps its names (`expiry_red_days`) and its
 * fractions (0.95), which the cell functions read; the form shows days and percentages (95%) and
 * speaks of a setting by its label, never its table name.
 */

/** How a setting's number is entered: whole days, a percentage (held as a fraction), or not a number. */
export type SettingUnit = "days" | "percent" | "months" | "pounds" | "none";

export interface SettingWords {
  label: string;
  meaning: string;
  unit: SettingUnit;
}

export const SETTING_WORDS: Readonly<Record<string, SettingWords>> = {
  expiry_red_days: { label: "Expiry: red at or below", unit: "days", meaning: "A contract is Red when this many days or fewer are left before its end date, or it has ended" },
  expiry_amber_days: { label: "Expiry: amber at or below", unit: "days", meaning: "A contract is Amber when this many days or fewer are left before its end date" },
  slippage_red_days: { label: "Slippage: red above", unit: "days", meaning: "Red when a milestone is more than this many days late" },
  slippage_amber_days: { label: "Slippage: amber above", unit: "days", meaning: "Amber when a milestone is more than this many days late" },
  kpi_red_below: { label: "KPI attainment: red below", unit: "percent", meaning: "Red when a KPI's actual is below this share of its target" },
  kpi_amber_below: { label: "KPI attainment: amber below", unit: "percent", meaning: "Amber when a KPI's actual is below this share of its target" },
  spend_red_above: { label: "Spend over budget: red above", unit: "percent", meaning: "Red when spend to date is over its budget by more than this" },
  spend_amber_above: { label: "Spend over budget: amber above", unit: "percent", meaning: "Amber when spend to date is over its budget by more than this" },
  exit_window_days: {
    label: "Exit phase starts (days before the end date)",
    unit: "days",
    meaning: "A contract enters its exit phase — time to re-procure, extend or plan the exit — when this many days or fewer are left before its end date",
  },
  escalation_persist_days: { label: "Steps up the ladder after (days)", unit: "days", meaning: "A contract Amber or Red for more than this many days goes one level up the escalation ladder" },
  stale_after_days: {
    label: "Probably closed after (days past its end date)",
    unit: "days",
    meaning: "A contract ended more than this many days ago with no closing status is listed to confirm as probably closed, not escalated",
  },
  date_order: { label: "Date order", unit: "none", meaning: "How a date typed as text with slashes is read: day first (31/03/2026) or month first (03/31/2026)" },
  as_of: { label: "As of", unit: "none", meaning: "The day the tracker is worked out at" },
  ladder_level_1: { label: "Level 1 goes to", unit: "none", meaning: "Who level 1 escalations go to" },
  ladder_level_2: { label: "Level 2 goes to", unit: "none", meaning: "Who level 2 escalations go to" },
  ladder_level_3: { label: "Level 3 goes to", unit: "none", meaning: "Who level 3 escalations go to" },
  lead_time_gold_days: {
    label: "Decide by, Gold (days before the end)",
    unit: "days",
    meaning: "How long before a Gold contract's end date, or its notice date if that is earlier, you must decide to extend or re-procure: a complex replacement takes 18 months or more to procure",
  },
  lead_time_silver_days: { label: "Decide by, Silver (days before the end)", unit: "days", meaning: "The same for a Silver contract" },
  lead_time_bronze_days: { label: "Decide by, Bronze (days before the end)", unit: "days", meaning: "The same for a Bronze contract" },
  lead_time_default_days: {
    label: "Decide by, no tier (days before the end)",
    unit: "days",
    meaning: "The same for a contract with no tier (180 days: when its exit phase begins); give a contract a tier for a lead time that fits it",
  },
  procurement_act_duties: {
    label: "Procurement Act 2023 duties",
    unit: "none",
    meaning: "On: list contracts likely to need a change notice, KPIs, a performance assessment or a termination notice. Off where the Act does not apply (Scotland, or contracts procured under the older rules)",
  },
  change_value_goods_services_above: { label: "Change notice: goods and services value change above", unit: "percent", meaning: "Changes moving a goods or services contract's value by more than this need a contract change notice (section 75)" },
  change_value_works_above: { label: "Change notice: works value change above", unit: "percent", meaning: "Changes moving a works contract's value by more than this need a contract change notice (section 75)" },
  change_term_above: { label: "Change notice: term extension above", unit: "percent", meaning: "Extending the term by more than this share of the maximum term at award needs a contract change notice (section 75)" },
  kpi_duty_value_above: { label: "KPIs needed above (estimated value)", unit: "pounds", meaning: "A contract worth more than this needs at least the minimum number of KPIs and a performance assessment at least every 12 months (sections 52 and 71)" },
  kpi_duty_minimum: { label: "KPIs needed at least", unit: "none", meaning: "How many KPIs such a contract needs (section 52)" },
  performance_assessment_months: { label: "Performance assessed at least every (months)", unit: "months", meaning: "A contract performance notice is due this many months after the last assessment (section 71)" },
  termination_notice_days: { label: "Termination notice due within (days)", unit: "days", meaning: "A contract termination notice is due this many days after a contract is terminated (section 80)" },
  rating_inadequate_below: { label: "Suggested rating Inadequate below", unit: "percent", meaning: "The suggested performance rating is Inadequate when the worst KPI is below this share of its target" },
  duty_warning_days: { label: "Duties listed ahead (days)", unit: "days", meaning: "A Procurement Act duty is listed this many days before it falls due" },
  act_commencement_date: {
    label: "Act duties for contracts starting from",
    unit: "none",
    meaning:
      "A contract that started before this date was procured under the older rules (the Public Contracts Regulations 2015 and their kind), and no Procurement Act duty is listed for it. 24 February 2025, when the Act came into force; change it where other rules set another day",
  },
};

/**
 * The pairs of thresholds that must keep their order — [the one that must be at least as large,
 * the other] — so a contract turns amber before it turns red.
 */
export const ORDERED_PAIRS: readonly (readonly [string, string])[] = [
  ["expiry_amber_days", "expiry_red_days"],
  ["slippage_red_days", "slippage_amber_days"],
  ["kpi_amber_below", "kpi_red_below"],
  ["spend_red_above", "spend_amber_above"],
];

/**
 * A fraction as the form shows it, a percentage without its sign, to at most two decimals.
 * @example percentText(0.95) → "95"; percentText(0.125) → "12.5"
 */
export function percentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/**
 * A setting's value in words with its unit, for sentences: "90 days", "95%".
 * @example valueWords("kpi_red_below", 0.8) → "80%"; valueWords("expiry_red_days", 1) → "1 day"
 */
export function valueWords(name: string, value: number): string {
  const unit = SETTING_WORDS[name]?.unit ?? "none";
  if (unit === "percent") return `${percentText(value)}%`;
  if (unit === "days") return `${value} day${value === 1 ? "" : "s"}`;
  if (unit === "months") return `${value} month${value === 1 ? "" : "s"}`;
  if (unit === "pounds") return `£${value.toLocaleString("en-GB")}`;
  return String(value);
}
