import { readDateCell, readNumberCell } from "./cellValues";
import { DateOrder, formatSerial } from "./dates";
import { Result, fail, ok } from "./result";

/** The rules a tracker workbook carries in its Settings table (PRODUCT.md "Default rules"). */
export interface TrackerSettings {
  expiryRedDays: number;
  expiryAmberDays: number;
  slippageRedDays: number;
  slippageAmberDays: number;
  kpiRedBelow: number;
  kpiAmberBelow: number;
  spendRedAbove: number;
  spendAmberAbove: number;
  exitWindowDays: number;
  escalationPersistDays: number;
  /** Days past its end date after which a contract with no closing status is probably closed, not escalated. */
  staleAfterDays: number;
  /** Re-procurement lead times by tier, in days: how long before the end (or notice) date the decision to extend or re-procure is due (rules/decideBy). */
  leadTimeGoldDays: number;
  leadTimeSilverDays: number;
  leadTimeBronzeDays: number;
  /** The lead time of a contract with no tier. */
  leadTimeDefaultDays: number;
  dateOrder: DateOrder;
  // Procurement Act 2023 duties (core/duties): false where the Act does not apply (Scotland, contracts under older rules).
  procurementActDuties: boolean;
  /** s.75(2)(a): a change notice is needed once changes move the value by more than this fraction (goods and services; works). */
  changeValueGoodsServicesAbove: number;
  changeValueWorksAbove: number;
  /** s.75(2)(b): … or the term by more than this fraction of the maximum term provided for on award. */
  changeTermAbove: number;
  /** s.52(1): contracts over this estimated value (pounds) need at least `kpiDutyMinimum` KPIs. */
  kpiDutyValueAbove: number;
  kpiDutyMinimum: number;
  /** s.71(2): performance against the KPIs is assessed at least this often (months). */
  performanceAssessmentMonths: number;
  /** s.80(2): a contract termination notice is due within this many days of termination. */
  terminationNoticeDays: number;
  /** Below this worst KPI attainment the suggested rating is Inadequate (Procurement Regulations 2024 reg. 39 descriptors). */
  ratingInadequateBelow: number;
  /** Days ahead a duty coming due is listed. */
  dutyWarningDays: number;
  /**
   * The day the Act's duties begin (an Excel serial): a contract that started before it was
   * procured under the older rules, which the Act's notices do not reach (core/duties).
   */
  actCommencementDate: number;
}

type NumericKey = Exclude<keyof TrackerSettings, "dateOrder" | "procurementActDuties" | "actCommencementDate">;

export interface SettingDefinition {
  /** The name as written in the Settings table's Name column. */
  name: string;
  key: keyof TrackerSettings | null;
  meaning: string;
}

/** Every name the Settings table may hold, in the order PRODUCT.md lists them. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  { name: "expiry_red_days", key: "expiryRedDays", meaning: "Red when days to expiry is at most this (or expired)" },
  { name: "expiry_amber_days", key: "expiryAmberDays", meaning: "Amber when days to expiry is at most this" },
  { name: "slippage_red_days", key: "slippageRedDays", meaning: "Red when slippage is more than this" },
  { name: "slippage_amber_days", key: "slippageAmberDays", meaning: "Amber when slippage is more than this" },
  { name: "kpi_red_below", key: "kpiRedBelow", meaning: "Red when KPI attainment is below this (1 = 100%)" },
  { name: "kpi_amber_below", key: "kpiAmberBelow", meaning: "Amber when KPI attainment is below this" },
  { name: "spend_red_above", key: "spendRedAbove", meaning: "Red when spend is over budget by more than this fraction" },
  { name: "spend_amber_above", key: "spendAmberAbove", meaning: "Amber when spend is over budget by more than this fraction" },
  { name: "exit_window_days", key: "exitWindowDays", meaning: "PHASE's exit window in days" },
  { name: "escalation_persist_days", key: "escalationPersistDays", meaning: "Days in status after which the ladder steps up" },
  { name: "stale_after_days", key: "staleAfterDays", meaning: "Days past its end date after which a contract with no closing status is probably closed: listed to confirm, not escalated" },
  { name: "date_order", key: "dateOrder", meaning: "How slash dates in text are read: dmy or mdy" },
  // Held in the same table for the workbook and the task pane; the functions take them as arguments.
  { name: "as_of", key: null, meaning: "The date the tracker is worked out at (default =TODAY())" },
  { name: "ladder_level_1", key: null, meaning: "Who level 1 escalations go to" },
  { name: "ladder_level_2", key: null, meaning: "Who level 2 escalations go to" },
  { name: "ladder_level_3", key: null, meaning: "Who level 3 escalations go to" },
  // Decide-by dates (rules/decideBy): after the names above, so trackers set up before them keep their rows.
  { name: "lead_time_gold_days", key: "leadTimeGoldDays", meaning: "Days before the end date (or the notice date, if earlier) to decide whether to extend or re-procure a Gold contract: 18 months, the guidance's time to procure a complex replacement" },
  { name: "lead_time_silver_days", key: "leadTimeSilverDays", meaning: "The same for a Silver contract: 9 months" },
  { name: "lead_time_bronze_days", key: "leadTimeBronzeDays", meaning: "The same for a Bronze contract: 4 months" },
  {
    name: "lead_time_default_days",
    key: "leadTimeDefaultDays",
    meaning:
      "The same for a contract with no tier: 180 days, the default exit window and amber expiry, so an untiered contract is asked for its decision when its exit phase begins (earlier by its notice period). Its criticality is not known: a Gold or Silver lead time would turn every short, simple contract of a transparency register amber from the day it starts; a tier is how a contract asks for longer",
  },
  // The Procurement Act 2023 duties (core/duties).
  { name: "procurement_act_duties", key: "procurementActDuties", meaning: "on: check the Procurement Act 2023 duties (change, performance and termination notices); off where the Act does not apply" },
  { name: "change_value_goods_services_above", key: "changeValueGoodsServicesAbove", meaning: "A change notice is likely needed once changes move a goods or services contract's value by more than this fraction (s.75(2)(a))" },
  { name: "change_value_works_above", key: "changeValueWorksAbove", meaning: "A change notice is likely needed once changes move a works contract's value by more than this fraction (s.75(2)(a))" },
  { name: "change_term_above", key: "changeTermAbove", meaning: "A change notice is likely needed once changes extend the term by more than this fraction of the maximum term (s.75(2)(b))" },
  { name: "kpi_duty_value_above", key: "kpiDutyValueAbove", meaning: "Contracts worth more than this need KPIs and yearly performance assessments (s.52, s.71)" },
  { name: "kpi_duty_minimum", key: "kpiDutyMinimum", meaning: "How many KPIs such a contract needs at least (s.52(1))" },
  { name: "performance_assessment_months", key: "performanceAssessmentMonths", meaning: "Months between performance assessments at most (s.71(2))" },
  { name: "termination_notice_days", key: "terminationNoticeDays", meaning: "Days after termination by which a termination notice is due (s.80)" },
  { name: "rating_inadequate_below", key: "ratingInadequateBelow", meaning: "Suggested rating Inadequate when the worst KPI attainment is below this (1 = 100%)" },
  { name: "duty_warning_days", key: "dutyWarningDays", meaning: "Days ahead a Procurement Act duty coming due is listed" },
  // Last, so trackers set up before it keep every row where it was.
  { name: "act_commencement_date", key: "actCommencementDate", meaning: "Contracts that started before this date were procured under the older rules and get no Procurement Act duties (default 24 Feb 2025, when the Act came into force)" },
];

/**
 * 24 February 2025, the day the Procurement Act 2023 came into force: The Procurement Act 2023
 * (Commencement No. 3 and Transitional and Saving Provisions) Regulations 2024 (SI 2024/716), reg. 2,
 * its day moved from 28 October 2024 by the (Amendment) Regulations 2024 (SI 2024/959); reg. 5
 * keeps the Public Contracts Regulations 2015 for procurements begun and contracts awarded before it.
 * The default of `act_commencement_date`, which a tracker under other rules (or a test) changes.
 */
export const ACT_COMMENCEMENT_DATE = 45712;

/** PRODUCT.md's defaults. @example DEFAULT_SETTINGS.expiryRedDays → 90 */
export const DEFAULT_SETTINGS: Readonly<TrackerSettings> = Object.freeze({
  expiryRedDays: 90,
  expiryAmberDays: 180,
  slippageRedDays: 30,
  slippageAmberDays: 0,
  kpiRedBelow: 0.95,
  kpiAmberBelow: 1,
  spendRedAbove: 0.05,
  spendAmberAbove: 0,
  exitWindowDays: 180,
  escalationPersistDays: 30,
  staleAfterDays: 365,
  leadTimeGoldDays: 540,
  leadTimeSilverDays: 270,
  leadTimeBronzeDays: 120,
  leadTimeDefaultDays: 180,
  dateOrder: "dmy",
  procurementActDuties: true,
  changeValueGoodsServicesAbove: 0.1,
  changeValueWorksAbove: 0.15,
  changeTermAbove: 0.1,
  kpiDutyValueAbove: 5_000_000,
  kpiDutyMinimum: 3,
  performanceAssessmentMonths: 12,
  terminationNoticeDays: 30,
  ratingInadequateBelow: 0.8,
  dutyWarningDays: 30,
  actCommencementDate: ACT_COMMENCEMENT_DATE,
});

const BY_NAME = new Map(SETTING_DEFINITIONS.map((d) => [d.name, d]));

/** `Expiry red days`, `expiry-red-days` and `EXPIRY_RED_DAYS` all name expiry_red_days. */
function settingName(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** The setting a Name cell names, however it is written; undefined for a name the table does not hold. @example settingNamed("Expiry red days")?.key → "expiryRedDays" */
export function settingNamed(text: string): SettingDefinition | undefined {
  return BY_NAME.get(settingName(text));
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

// A setting's number reads as every number a function is given does: 60, "1,200", "90%".
function numberFrom(value: unknown): number | null {
  const n = readNumberCell(value, "setting");
  return n.ok ? n.value : null;
}

/** A switch cell: on/off, yes/no, true/false (text or a TRUE/FALSE cell), 1/0; null for anything else. */
function onOff(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (["on", "yes", "y", "true", "1"].includes(text)) return true;
  if (["off", "no", "n", "false", "0"].includes(text)) return false;
  return null;
}

const PAIRS: ReadonlyArray<[NumericKey, NumericKey, string]> = [
  ["expiryAmberDays", "expiryRedDays", "expiry_amber_days must be at least expiry_red_days"],
  ["slippageRedDays", "slippageAmberDays", "slippage_red_days must be at least slippage_amber_days"],
  ["kpiAmberBelow", "kpiRedBelow", "kpi_amber_below must be at least kpi_red_below"],
  ["spendRedAbove", "spendAmberAbove", "spend_red_above must be at least spend_amber_above"],
];

/**
 * Reads a two-column Name/Value range (the Settings table, with or without its header row) over
 * `base` (the defaults unless given: the cell functions give the workbook's own date order). A
 * blank value keeps the default; one that does not read fails with a one-line reason naming the
 * setting. `act_commencement_date` is a date cell, or a date as text read in the range's own
 * date order (ISO always reads).
 * @example readSettings([["expiry_red_days", 60]]) → ok({ …DEFAULT_SETTINGS, expiryRedDays: 60 })
 * @example readSettings([["act_commencement_date", "2025-04-01"]]) → ok({ …DEFAULT_SETTINGS, actCommencementDate: 45748 })
 */
export function readSettings(rows: readonly (readonly unknown[])[] | null | undefined, base: Readonly<TrackerSettings> = DEFAULT_SETTINGS): Result<TrackerSettings> {
  const settings: TrackerSettings = { ...base };
  if (!rows || rows.length === 0) return ok(settings);
  // A date written as text reads in the date order the range sets, wherever its row is: read last.
  let commencement: unknown = null;
  if (rows.some((row) => row.length !== 2) && !rows.every((row) => row.every(isBlank))) {
    return fail(`Thresholds must be a two-column range of names and values (got ${rows[0].length} columns)`);
  }
  for (let i = 0; i < rows.length; i++) {
    const [rawName, value] = rows[i];
    if (isBlank(rawName)) continue;
    const name = settingName(String(rawName));
    if (i === 0 && name === "name" && typeof value === "string" && settingName(value) === "value") continue;
    const definition = BY_NAME.get(name);
    if (!definition) {
      const valid = SETTING_DEFINITIONS.map((d) => d.name).join(", ");
      return fail(`Unknown setting "${String(rawName).trim()}". Valid names: ${valid}`);
    }
    if (definition.key === null || isBlank(value)) continue;
    if (definition.key === "dateOrder") {
      const order = String(value).trim().toLowerCase();
      if (order !== "dmy" && order !== "mdy") return fail(`date_order must be dmy or mdy, not "${String(value)}"`);
      settings.dateOrder = order;
      continue;
    }
    if (definition.key === "actCommencementDate") {
      commencement = value;
      continue;
    }
    if (definition.key === "procurementActDuties") {
      const on = onOff(value);
      if (on === null) return fail(`procurement_act_duties must be on or off, not "${String(value)}"`);
      settings.procurementActDuties = on;
      continue;
    }
    const n = numberFrom(value);
    if (n === null || n < 0) return fail(`${definition.name} must be a number of zero or more, not "${String(value)}"`);
    settings[definition.key] = n;
  }
  if (commencement !== null) {
    const date = readDateCell(commencement, settings.dateOrder, "act_commencement_date");
    if (!date.ok || date.value === null) return fail(`act_commencement_date must be a date such as ${formatSerial(ACT_COMMENCEMENT_DATE, "iso")}, not "${String(commencement)}"`);
    settings.actCommencementDate = date.value;
  }
  for (const [larger, smaller, message] of PAIRS) {
    if (settings[larger] < settings[smaller]) return fail(`${message} (${settings[larger]} < ${settings[smaller]})`);
  }
  return ok(settings);
}
