/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value at this boundary */
// RAG and RAGREASON's reading of a row: the four components, and whether the end date beside them
// is a real one. Kept apart from functions.ts, which holds only what Excel registers.
import { readDaysCell, readNumberCell } from "../core/cellValues";
import { DateOrder, MAX_SERIAL, placeholderReason } from "../core/dates";
import { endDateGap } from "../core/endDates";
import { Result, fail, ok } from "../core/result";
import type { RagInputs } from "../core/rules/rag";
import type { TrackerSettings } from "../core/settings";
import { dateIn, everyCell, settingsIn } from "./cellArguments";
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
  // Most end dates are date cells, over whole columns: a real one is settled without building a Result.
  if (typeof value === "number" && value >= 1 && value <= MAX_SERIAL && placeholderReason(Math.floor(value)) === null) return null;
  const end = dateIn(value, "end date", order);
  if (end.ok) return endDateGap(end.value);
  return endDateGap(typeof value === "string" ? value : String(value));
}

// Days to expiry left blank beside an end date that is real: said as it is, not blamed on the end date.
const DAYS_NOT_GIVEN = "Days to expiry not given";

/** What a RAG cell shows from its inputs; `unknownEnd` says why the expiry is not known, when the end date was given. */
export type RagShow = (inputs: RagInputs, settings: TrackerSettings, unknownEnd: string | undefined) => string;

/**
 * RAG and RAGREASON over their arguments. Given an end date, it decides whether the expiry is known:
 * blank, not a date or a stand-in, and days to expiry counts as blank whatever it holds (its #VALUE!
 * for "TBC" included: the end date explains it); a real date, and days to expiry is read as given.
 * @example ragSpill([[[""]], [[0]], null, null], null, [["31/12/2099"]], (i, s) => contractRag(i, s) ?? "Unrated") → [["Unrated"]]
 */
export function ragSpill(args: readonly unknown[], thresholds: any[][] | null | undefined, end_date: any[][] | null | undefined, show: RagShow): any[][] {
  const endGiven = end_date !== null && end_date !== undefined;
  const all = endGiven ? [...args, end_date] : args;
  const settings = settingsIn(thresholds);
  if (!settings.ok) return everyCell(all, settings.shown);
  return spill(
    all,
    (values) => {
      let row = values;
      let unknownEnd: string | undefined;
      if (endGiven) {
        const gap = endGapOf(values[4], settings.value.dateOrder);
        if (gap !== null) {
          unknownEnd = gap;
          row = [null, values[1], values[2], values[3]];
        } else if (isExcelError(values[0])) return shownError(values[0]);
        else unknownEnd = DAYS_NOT_GIVEN;
      }
      const inputs = ragInputs(row);
      return inputs.ok ? show(inputs.value, settings.value, unknownEnd) : valueError(inputs.error);
    },
    endGiven ? [0] : [],
  );
}
