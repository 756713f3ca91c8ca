/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value at this boundary */
// How the cell functions read their arguments: dates in the workbook's order, the end date as a real
// one or none, notice periods, thresholds. Shared by functions.ts and ragCells.ts.
import { BLANK_DATE, describeCell, isBlankCell, readDateCell, readDateSerial } from "../core/cellValues";
import { DateOrder, isPlaceholderDate, todaySerial } from "../core/dates";
import { endDateGap } from "../core/endDates";
import { parsePeriod, Period } from "../core/periods";
import { Result, fail, ok } from "../core/result";
import { DEFAULT_SETTINGS, TrackerSettings, readSettings, settingNamed } from "../core/settings";
import { workbookSettings } from "../features/workbookSettings";
import { shownError } from "./cellErrors";
import { CellOutput, isExcelError, spill, toCell, valueError } from "./spill";

/** Today's serial, when the cell calculates. @example today() → 45747 on 31 March 2025 */
export const today = (): number => todaySerial(new Date());

/**
 * A date argument read in the workbook's date order (Settings' date_order), or `order` when the
 * formula gives its own thresholds; blank is null.
 * @example dateIn("31/03/2025", "end date") → ok(45747); dateIn("soon", "end date") → fail("The end date …")
 */
export const dateIn = (value: unknown, what: string, order: DateOrder = workbookSettings().dateOrder): Result<number | null> => readDateCell(value, order, what);

/** The as-of argument, or `now` when it is blank or left out. @example asOfIn("", 45747) → ok(45747) */
export const asOfIn = (value: unknown, now: number): Result<number> => {
  const asOf = dateIn(value, "as-of date");
  return asOf.ok ? ok(asOf.value ?? now) : asOf;
};

/**
 * The end date as a real date, or null: blank, or a stand-in (31/12/2099 and later, 1900, 01/01/2000,
 * the 1904 and Unix epochs: core/endDates endDateGap) that says "no end date" in a date's clothes.
 * The tracker rates such a contract Unrated, so its days to expiry, notice and final expiry are blank
 * rather than 27,000 days away.
 * @example endIn("31/12/2099") → ok(null); endIn(45747) → ok(45747); endIn("TBC") → fail("The end date …")
 */
export function endIn(value: unknown): Result<number | null> {
  const end = dateIn(value, "end date");
  return end.ok && end.value !== null && endDateGap(end.value) !== null ? ok(null) : end;
}

/**
 * The workbook's date order (Settings' date_order), for reading one call's cells: read once a call,
 * not once a cell. @example dateOrderNow() → "dmy"
 */
export const dateOrderNow = (): DateOrder => workbookSettings().dateOrder;

/**
 * A date argument as a bare serial, for the functions that read whole columns: BLANK_DATE (-1) when
 * blank, NaN when not a date (dateError then says why). The same reading as dateIn, without a
 * Result a cell. @example dateAt("31/03/2025", "dmy") → 45747; dateAt("", "dmy") → -1; dateAt("soon", "dmy") → NaN
 */
export const dateAt = (value: unknown, order: DateOrder): number => readDateSerial(value, order);

/**
 * endIn as a bare serial: BLANK_DATE (-1) when the end date is blank or a stand-in for none
 * (31/12/2099 …), NaN when it is not a date.
 * @example endAt("31/12/2099", "dmy") → -1; endAt(45747, "dmy") → 45747; endAt("TBC", "dmy") → NaN
 */
export function endAt(value: unknown, order: DateOrder): number {
  const end = readDateSerial(value, order);
  return end >= 0 && isPlaceholderDate(end) ? BLANK_DATE : end;
}

/**
 * Today's serial, worked out on first asking and kept for the rest of the call: a column whose as-of
 * dates are all given never reads the clock. @example const now = todayOnce(); now() → 45747 on 31 March 2025
 */
export function todayOnce(): () => number {
  let serial = Number.NaN;
  return () => (serial === serial ? serial : (serial = today()));
}

/**
 * The #VALUE! a cell shows for a date argument dateAt or endAt found not to be a date: the full
 * reader's reason, built only for such a cell.
 * @example dateError("soon", "dmy", "end date") → #VALUE! 'The end date "soon" is not a date: …'
 */
export function dateError(value: unknown, order: DateOrder, what: string): CellOutput {
  return toCell(readDateCell(value, order, what));
}

/** A notice period argument: days or text such as "3 months"; blank is null. @example periodIn("3 months") → ok({ unit: "months", amount: 3 }) */
export function periodIn(value: unknown): Result<Period | null> {
  if (isBlankCell(value)) return ok(null);
  if (typeof value === "number" || typeof value === "string") return parsePeriod(value);
  return fail(`The notice period ${describeCell(value)} is not a period: use days (90), "90 days", "3 months" or "1 year"`);
}

/** The thresholds as settings, or what every cell of the result shows instead. */
export type Thresholds = { ok: true; value: TrackerSettings } | { ok: false; shown: CustomFunctions.Error };

// The defaults in each date order, made once: a formula filled down a column calls RAG once a row.
const defaultsIn = (dateOrder: DateOrder): Thresholds => ({ ok: true, value: Object.freeze({ ...DEFAULT_SETTINGS, dateOrder }) });
const workbookDefaults: Record<DateOrder, Thresholds> = { dmy: defaultsIn("dmy"), mdy: defaultsIn("mdy") };

/**
 * Settings from a thresholds range (the Settings table's Name/Value rows) over the workbook's own
 * date order, the defaults when it is left out, or what every cell of the result shows: #VALUE! with
 * the reason, or the error value in a cell the settings are read from (a name, or the value of a
 * setting the functions use; as_of and the ladder names they ignore).
 * @example settingsIn([["expiry_red_days", 60]]) → ok({ ...DEFAULT_SETTINGS, expiryRedDays: 60 })
 */
export function settingsIn(thresholds: any[][] | null | undefined): Thresholds {
  if (thresholds === null || thresholds === undefined) return workbookDefaults[dateOrderNow()];
  const base = { ...DEFAULT_SETTINGS, dateOrder: dateOrderNow() };
  for (const row of thresholds) {
    const [name, value] = row;
    if (isExcelError(name)) return { ok: false, shown: shownError(name) };
    if (isExcelError(value) && typeof name === "string" && settingNamed(name)?.key) return { ok: false, shown: shownError(value) };
  }
  const settings = readSettings(thresholds, base);
  return settings.ok ? settings : { ok: false, shown: valueError(`Thresholds: ${settings.error}`) };
}

/** The result's shape with `shown` in every cell. @example everyCell([[[1], [2]]], valueError("Thresholds: …")) → [[#VALUE!], [#VALUE!]] */
export function everyCell(args: readonly unknown[], shown: CellOutput): CellOutput[][] {
  return spill(args, () => shown);
}
