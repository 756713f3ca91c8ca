/** The tracker's Settings table: the rows set-up writes into a new one, and the settings a table holds. */
import { DateOrder, serialToDate } from "../core/dates";
import { DEFAULT_LADDER } from "../core/summaryTypes";
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS, TrackerSettings, readSettings } from "../core/settings";
import type { CellInput, CellValue, TableSnapshot } from "../workbook/port";

export interface NewSettings {
  /** The as-of date (serial) the tracker is worked out at now; the cell's value until Excel recalculates. */
  asOf?: number;
  /** as_of is `asOf` for good (convert --as-of), written =DATE(y,m,d); otherwise =TODAY(). */
  fixedAsOf: boolean;
  /** How the register's slash dates read (workbookDateOrder). */
  dateOrder: DateOrder;
}

/**
 * A date setting's cell: =DATE(y,m,d), which no locale reads day or month first and Excel shows as a
 * date in the user's own style, with the date as its value until Excel calculates.
 * @example dateSettingCell(45712) → { formula: "=DATE(2025,2,24)", cachedValue: 45712 }
 */
export function dateSettingCell(serial: number): CellInput {
  const date = serialToDate(serial);
  return date === null ? serial : { formula: `=DATE(${date.year},${date.month},${date.day})`, cachedValue: serial };
}

/** The as_of cell: =TODAY(), or the date asked for as =DATE(y,m,d). */
function asOfCell(asOf: number | undefined, fixed: boolean): CellInput {
  return fixed && asOf !== undefined ? dateSettingCell(asOf) : { formula: "=TODAY()", cachedValue: asOf ?? null };
}

/**
 * The Name/Value rows of a new Settings table: every setting of SETTING_DEFINITIONS in order, each
 * at its default but the date order and the as-of date, which are the register's.
 * @example newSettingsRows({ asOf: 46023, fixedAsOf: true, dateOrder: "mdy" }) → [["expiry_red_days", 90], …, ["date_order", "mdy"], ["as_of", { formula: "=DATE(2026,1,1)", cachedValue: 46023 }], …]
 */
export function newSettingsRows(settings: NewSettings): CellInput[][] {
  const values: Record<string, CellInput> = {
    expiry_red_days: DEFAULT_SETTINGS.expiryRedDays,
    expiry_amber_days: DEFAULT_SETTINGS.expiryAmberDays,
    slippage_red_days: DEFAULT_SETTINGS.slippageRedDays,
    slippage_amber_days: DEFAULT_SETTINGS.slippageAmberDays,
    kpi_red_below: DEFAULT_SETTINGS.kpiRedBelow,
    kpi_amber_below: DEFAULT_SETTINGS.kpiAmberBelow,
    spend_red_above: DEFAULT_SETTINGS.spendRedAbove,
    spend_amber_above: DEFAULT_SETTINGS.spendAmberAbove,
    exit_window_days: DEFAULT_SETTINGS.exitWindowDays,
    escalation_persist_days: DEFAULT_SETTINGS.escalationPersistDays,
    stale_after_days: DEFAULT_SETTINGS.staleAfterDays,
    date_order: settings.dateOrder,
    as_of: asOfCell(settings.asOf, settings.fixedAsOf),
    ladder_level_1: DEFAULT_LADDER[1],
    ladder_level_2: DEFAULT_LADDER[2],
    ladder_level_3: DEFAULT_LADDER[3],
    lead_time_gold_days: DEFAULT_SETTINGS.leadTimeGoldDays,
    lead_time_silver_days: DEFAULT_SETTINGS.leadTimeSilverDays,
    lead_time_bronze_days: DEFAULT_SETTINGS.leadTimeBronzeDays,
    lead_time_default_days: DEFAULT_SETTINGS.leadTimeDefaultDays,
    procurement_act_duties: DEFAULT_SETTINGS.procurementActDuties ? "on" : "off",
    change_value_goods_services_above: DEFAULT_SETTINGS.changeValueGoodsServicesAbove,
    change_value_works_above: DEFAULT_SETTINGS.changeValueWorksAbove,
    change_term_above: DEFAULT_SETTINGS.changeTermAbove,
    kpi_duty_value_above: DEFAULT_SETTINGS.kpiDutyValueAbove,
    kpi_duty_minimum: DEFAULT_SETTINGS.kpiDutyMinimum,
    performance_assessment_months: DEFAULT_SETTINGS.performanceAssessmentMonths,
    termination_notice_days: DEFAULT_SETTINGS.terminationNoticeDays,
    rating_inadequate_below: DEFAULT_SETTINGS.ratingInadequateBelow,
    duty_warning_days: DEFAULT_SETTINGS.dutyWarningDays,
    act_commencement_date: dateSettingCell(DEFAULT_SETTINGS.actCommencementDate),
  };
  return SETTING_DEFINITIONS.map((d) => [d.name, values[d.name] ?? null]);
}

/** `Date order`, `date-order` and `DATE_ORDER` all name date_order, as readSettings has it. @example settingName(" Date order ") → "date_order" */
export const settingName = (value: CellValue | undefined): string => String(value ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");

/**
 * Where a Settings table keeps names and values: its Name and Value columns, found by header, else
 * the first two columns. @example settingColumns(["Value", "Name"]) → { nameAt: 1, valueAt: 0 }
 */
export function settingColumns(headers: readonly string[]): { nameAt: number; valueAt: number } {
  const at = (header: string, fallback: number): number => {
    const found = headers.findIndex((h) => h.trim().toLowerCase() === header);
    return found >= 0 ? found : fallback;
  };
  return { nameAt: at("name", 0), valueAt: at("value", 1) };
}

/**
 * The settings a Settings table holds, read from its Name and Value columns (found by header, else
 * the first two) over the defaults. A table one of whose settings does not read (a threshold typed
 * as "lots") still gives its date order when that reads: one bad threshold must not turn the
 * functions' 01/02/2026 from 2 January into 1 February.
 * @example settingsInTable({ headers: ["Name", "Value"], rows: [["date_order", "mdy"]] }).dateOrder → "mdy"
 */
export function settingsInTable(table: Pick<TableSnapshot, "headers" | "rows">): TrackerSettings {
  const { nameAt, valueAt } = settingColumns(table.headers);
  const pairs = table.rows.map((row) => [row[nameAt] ?? null, row[valueAt] ?? null]);
  const whole = readSettings(pairs);
  if (whole.ok) return whole.value;
  const order = readSettings(pairs.filter(([name]) => settingName(name) === "date_order"));
  return { ...DEFAULT_SETTINGS, dateOrder: order.ok ? order.value.dateOrder : DEFAULT_SETTINGS.dateOrder };
}
