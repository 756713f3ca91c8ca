/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value at this boundary */
// RAG and RAGREASON's reading of a row: the four components, and whether the end date beside them
// is a real one. Kept apart from functions.ts, which holds only what Excel registers.
import { BLANK_DATE, readDaysCell, readNumberCell } from "../core/cellValues";
import { DateOrder, isPlaceholderDate } from "../core/dates";
import { endDateGap } from "../core/endDates";
import { Result, fail, ok } from "../core/result";
import type { RagInputs } from "../core/rules/rag";
import type { TrackerSettings } from "../core/settings";
import { dateAt, everyCell, settingsIn } from "./cellArguments";
import { shownError } from "./cellErrors";
import { isExcelError, spill, valueError } from "./spill";

// Numbers and blanks need no parsing; RAG reads four cells a row over whole columns, so they skip
// building a Result each. Anything else goes through the full reader and its message.
function quickNumber(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return value === "" || value === null || value === undefined ? null : undefined;
}

function ragComponent(value: unknown, what: string, wholeDays: boolean): Result<number | null> {
  const quick = quickNumber(value);
  if (quick !== undefined) return ok(quick === null || !wholeDays ? quick : Math.round(quick));
  return wholeDays ? readDaysCell(value, what) : readNumberCell(value, what);
}

function ragInputs(values: readonly unknown[]): Result<RagInputs> {
  const [d, s, k, v] = values;
  const days = ragComponent(d, "days to expiry", true);
  if (!days.ok) return days;
  const slip = ragComponent(s, "slippage", true);
  if (!slip.ok) return slip;
  const kpi = ragComponent(k, "KPI attainment", false);
  if (!kpi.ok) return kpi;
  if (kpi.value !== null && kpi.value < 0) return fail(`The KPI attainment ${kpi.value} cannot be negative (1 = 100% of target)`);
  const spend = ragComponent(v, "spend variance", false);
  if (!spend.ok) return spend;
  return ok({ daysToExpiry: days.value, slippageDays: slip.value, kpiAttainment: kpi.value, spendVariance: spend.value });
}

// Why the expiry is not known, from the end date RAG is given beside days to expiry; null when it is
// a real date. Text that is not a date is named as written, as the tracker's contract card names it.
// Slash dates are read in the order of the thresholds given (the Settings table), else the workbook's.
function endGapOf(value: unknown, order: DateOrder): string | null {
  // Read as a bare serial over whole columns: the words are built only for an end date that has a gap.
  const end = dateAt(value, order);
  if (end >= 0 && !isPlaceholderDate(end)) return null;
  if (end !== end) return endDateGap(typeof value === "string" ? value : String(value));
  return endDateGap(end === BLANK_DATE ? null : end);
}

const NO_DECIDE = [null, null] as const;

/** Days to decide or to notice as RAG weighs them: a number of days (rounded), else not known. */
function wholeDaysOrNull(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const days = readDaysCell(value, "days");
  return days.ok ? days.value : null;
}

// Days to expiry left blank beside an end date that is real: said as it is, not blamed on the end date.
const DAYS_NOT_GIVEN = "Days to expiry not given";

/** What a RAG cell shows from its inputs (read them, do not keep them: they are refilled for the next cell); `unknownEnd` says why the expiry is not known, when the end date was given. */
export type RagShow = (inputs: RagInputs, settings: TrackerSettings, unknownEnd: string | undefined) => string;

/**
 * RAG and RAGREASON over their arguments. Given an end date, it decides whether the expiry is known:
 * blank, not a date or a stand-in, and days to expiry counts as blank whatever it holds (its #VALUE!
 * for "TBC" included: the end date explains it); a real date, and days to expiry is read as given.
 * @example ragSpill([[[""]], [[0]], null, null], null, [["31/12/2099"]], (i, s) => contractRag(i, s) ?? "Unrated") → [["Unrated"]]
 */
export function ragSpill(
  args: readonly unknown[],
  thresholds: any[][] | null | undefined,
  end_date: any[][] | null | undefined,
  show: RagShow,
  decide: readonly [any[][] | null | undefined, any[][] | null | undefined] = NO_DECIDE,
): any[][] {
  const endGiven = end_date !== null && end_date !== undefined;
  const decideGiven = (decide[0] !== null && decide[0] !== undefined) || (decide[1] !== null && decide[1] !== undefined);
  // Four components, then the end date: written out, as spreading or concat cost more than the rest of a one-cell call.
  const all = decideGiven ? [args[0], args[1], args[2], args[3], end_date, decide[0], decide[1]] : endGiven ? [args[0], args[1], args[2], args[3], end_date] : args;
  const settings = settingsIn(thresholds);
  if (!settings.ok) return everyCell(all, settings.shown);
  const order = settings.value.dateOrder;
  // One set of inputs for the whole call, refilled for each cell: `show` reads it and keeps nothing.
  const quick: RagInputs = { daysToExpiry: null, slippageDays: null, kpiAttainment: null, spendVariance: null };
  return spill(
    all,
    (values) => {
      if (decideGiven) {
        // An error in days to decide or to notice (a tier or notice period the Decide by column could
        // not read: that cell says why) leaves the decide-by date out, not the whole rating.
        quick.daysToDecide = wholeDaysOrNull(values[5]);
        quick.daysToNotice = wholeDaysOrNull(values[6]);
      }
      let days = values[0];
      let unknownEnd: string | undefined;
      if (endGiven) {
        const gap = endGapOf(values[4], order);
        if (gap !== null) {
          unknownEnd = gap;
          days = null;
          // No real end date, no decide-by date to weigh, whatever the cells beside it hold.
          quick.daysToDecide = null;
          quick.daysToNotice = null;
        } else if (isExcelError(days)) return shownError(days);
        else unknownEnd = DAYS_NOT_GIVEN;
      }
      // Numbers and blanks, what a tracker's columns hold, straight to the rule; anything else through the readers and their messages.
      const d = quickNumber(days);
      const s = quickNumber(values[1]);
      const k = quickNumber(values[2]);
      const v = quickNumber(values[3]);
      if (d !== undefined && s !== undefined && k !== undefined && v !== undefined && (k === null || k >= 0)) {
        quick.daysToExpiry = d === null ? null : Math.round(d);
        quick.slippageDays = s === null ? null : Math.round(s);
        quick.kpiAttainment = k;
        quick.spendVariance = v;
        return show(quick, settings.value, unknownEnd);
      }
      const inputs = ragInputs([days, values[1], values[2], values[3]]);
      if (!inputs.ok) return valueError(inputs.error);
      if (decideGiven) {
        inputs.value.daysToDecide = quick.daysToDecide;
        inputs.value.daysToNotice = quick.daysToNotice;
      }
      return show(inputs.value, settings.value, unknownEnd);
    },
    decideGiven ? (endGiven ? [0, 5, 6] : [5, 6]) : endGiven ? [0] : [],
  );
}
