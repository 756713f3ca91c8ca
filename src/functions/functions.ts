/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes any cell value at this boundary */
import { BLANK_DATE, readDaysCell, readTextCell, describeCell, isBlankCell } from "../core/cellValues";
import { parseExtensionOptions } from "../core/extensionOptions";
import { ok } from "../core/result";
import { decideBy as decideByDate, leadTimeDays } from "../core/rules/decideBy";
import { escalationLevel as ladderLevel, parseTier, tierNotRecognised } from "../core/rules/escalation";
import { daysToExpiry as daysLeft, daysToNotice as noticeDaysLeft, finalExpiry as extendedEnd, noticeDate as lastNoticeDay } from "../core/rules/expiry";
import { phaseDatesProblem, phaseOn } from "../core/rules/phase";
import { Rag, UNRATED, contractRag, contractRagReason, isUnratedText, parseRag, ragReason as componentReason, ragStatus, worstOf } from "../core/rules/rag";
import { slippageDays, slippageFraction } from "../core/rules/slippage";
import { DEFAULT_SETTINGS } from "../core/settings";
import { asOfIn, dateAt, dateError, dateIn, dateOrderNow, endAt, endIn, everyCell, periodIn, settingsIn, today, todayOnce } from "./cellArguments";
import { shownError } from "./cellErrors";
import { ragSpill } from "./ragCells";
import { isExcelError, spill, toCell, valueError } from "./spill";

/**
 * Whole days from the as-of date to the contract's end date; negative once it has expired. Blank when the end date is blank or a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000): there is no real expiry to count to.
 * @customfunction DAYSTOEXPIRY
 * @param end_date The contract's end date: a date, a date typed as text (31/03/2025, 2025-03-31, 31 March 2025), or a range of them. 31/12/2099 and other stand-ins count as blank.
 * @param [as_of] The date to count from, or a range of them. Leave out for today.
 * @returns Days to expiry, one per input cell; blank where the end date is not known.
 */
export function daysToExpiry(end_date: any[][], as_of?: any[][]): any[][] {
  // Read over whole columns: dates as bare serials (BLANK_DATE, NaN when not a date, whose reason is
  // built only then), the workbook's date order once, today only if an as-of date is blank.
  const order = dateOrderNow();
  const now = todayOnce();
  return spill([end_date, as_of], (values) => {
    const end = endAt(values[0], order);
    if (end !== end) return dateError(values[0], order, "end date");
    if (end === BLANK_DATE) return "";
    const asOf = dateAt(values[1], order);
    if (asOf !== asOf) return dateError(values[1], order, "as-of date");
    return daysLeft(end, asOf === BLANK_DATE ? now() : asOf);
  });
}

/**
 * The last day to give notice: the end date minus the notice period. Months count like EDATE (31 Mar less 1 month is 28/29 Feb). Blank when the end date is blank or a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000).
 * @customfunction NOTICEDATE
 * @param end_date The contract's end date, or a range of them. 31/12/2099 and other stand-ins count as blank.
 * @param notice_period Days as a number (90), or text such as "90 days", "3 months", "6m", "1 year"; or a range of them.
 * @returns The notice date as a date serial (format the cell as a date).
 */
export function noticeDate(end_date: any[][], notice_period: any[][]): any[][] {
  return spill([end_date, notice_period], ([end, periodValue]) => {
    const endDate = endIn(end);
    if (!endDate.ok || endDate.value === null) return toCell(endDate);
    const period = periodIn(periodValue);
    if (!period.ok) return valueError(period.error);
    if (period.value === null) return "";
    return toCell(lastNoticeDay(endDate.value, period.value));
  });
}

/**
 * Days left until the last day to give notice; negative once it has been missed. Blank when the end date is blank or a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000).
 * @customfunction DAYSTONOTICE
 * @param end_date The contract's end date, or a range of them. 31/12/2099 and other stand-ins count as blank.
 * @param notice_period Days as a number (90), or text such as "90 days", "3 months", "1 year"; or a range of them.
 * @param [as_of] The date to count from, or a range of them. Leave out for today.
 * @returns Days to the notice date, one per input cell.
 */
export function daysToNotice(end_date: any[][], notice_period: any[][], as_of?: any[][]): any[][] {
  const now = today();
  return spill([end_date, notice_period, as_of], ([end, periodValue, asOfValue]) => {
    const endDate = endIn(end);
    if (!endDate.ok || endDate.value === null) return toCell(endDate);
    const period = periodIn(periodValue);
    if (!period.ok) return valueError(period.error);
    if (period.value === null) return "";
    const asOf = asOfIn(asOfValue, now);
    return asOf.ok ? toCell(noticeDaysLeft(endDate.value, period.value, asOf.value)) : toCell(asOf);
  });
}

/**
 * The end date if every optional extension is taken: "1+1", "2+1+1" (years), "2 x 12 months", "24 months", "up to 12 months", "none". Each extension is a further term from the day after the end, so a month end stays a month end (30/09/2025 + "3 months" is 31/12/2025). Blank when the end date is blank or a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000).
 * @customfunction FINALEXPIRY
 * @param end_date The contract's current end date, or a range of them. 31/12/2099 and other stand-ins count as blank.
 * @param extension_options The extension options as the register writes them; blank means none. Or a range of them.
 * @returns The final possible end date as a date serial (format the cell as a date).
 */
export function finalExpiry(end_date: any[][], extension_options: any[][]): any[][] {
  return spill([end_date, extension_options], ([end, options]) => {
    const endDate = endIn(end);
    if (!endDate.ok || endDate.value === null) return toCell(endDate);
    if (isBlankCell(options)) return endDate.value;
    if (typeof options !== "string") {
      return valueError(`Extension options ${describeCell(options)} need words: "1+1", "2 x 12 months", "24 months" or "none"`);
    }
    const extension = parseExtensionOptions(options);
    return extension.ok ? toCell(extendedEnd(endDate.value, extension.value)) : toCell(extension);
  });
}

/**
 * The date by which to decide whether to extend or re-procure: the end date, or the notice date when notice must be given earlier, less the re-procurement lead time of the contract's tier (Settings: Gold 540 days, Silver 270, Bronze 120, no tier 180). Plan early: a complex replacement takes 18 months or more to procure (the government's Contract Management Guidance, exit phase). Blank when the end date is blank or a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000). A tier other than Gold, Silver, Bronze or blank is #VALUE! naming them, as in ESCALATIONLEVEL: a typo is never read as no tier.
 * @customfunction DECIDEBY
 * @param end_date The contract's current end date, or a range of them. 31/12/2099 and other stand-ins count as blank.
 * @param [notice_period] The notice period: days as a number (90), or text such as "90 days", "3 months", "1 year"; blank for none. Or a range of them.
 * @param [tier] The contract tier: Gold, Silver or Bronze, in any case; blank for none (the default lead time); anything else is #VALUE!. Or a range of them.
 * @param [thresholds] A two-column Name/Value range such as the Settings table (lead_time_gold_days, lead_time_silver_days, lead_time_bronze_days, lead_time_default_days).
 * @returns The decide-by date as a date serial (format the cell as a date), one per input cell.
 */
export function decideBy(end_date: any[][], notice_period?: any[][], tier?: any[][], thresholds?: any[][]): any[][] {
  const args = [end_date, notice_period, tier];
  const settings = settingsIn(thresholds);
  if (!settings.ok) return everyCell(args, settings.shown);
  const order = settings.value.dateOrder;
  return spill(args, ([e, p, t]) => {
    const end = endAt(e, order);
    if (end !== end) return dateError(e, order, "end date");
    if (end === BLANK_DATE) return "";
    const tierText = readTextCell(t);
    const contractTier = tierText === null ? null : parseTier(tierText);
    if (tierText !== null && contractTier === null) return valueError(tierNotRecognised(describeCell(t)));
    const period = periodIn(p);
    if (!period.ok) return valueError(period.error);
    const notice = period.value === null ? null : lastNoticeDay(end, period.value);
    if (notice !== null && !notice.ok) return toCell(notice);
    return toCell(decideByDate(end, notice === null ? null : notice.value, leadTimeDays(contractTier, settings.value)));
  });
}

/**
 * Days a milestone is late (+) or early (−): actual if given, else forecast, minus baseline. Past its baseline with no actual, it is at least that many days late.
 * @customfunction SLIPPAGE
 * @param baseline_date The milestone's baseline (planned) date, or a range of them.
 * @param forecast_date The current forecast date (may be blank), or a range of them.
 * @param [actual_date] The date it was actually met, if it has been, or a range of them.
 * @param [as_of] The date to judge from, or a range of them. Leave out for today.
 * @returns Days of slippage; blank when nothing says how the milestone is going.
 */
export function slippage(baseline_date: any[][], forecast_date: any[][], actual_date?: any[][], as_of?: any[][]): any[][] {
  // Whole columns: bare serials as in daysToExpiry.
  const order = dateOrderNow();
  const now = todayOnce();
  return spill([baseline_date, forecast_date, actual_date, as_of], (values) => {
    const baseline = dateAt(values[0], order);
    if (baseline !== baseline) return dateError(values[0], order, "baseline date");
    if (baseline === BLANK_DATE) return "";
    const forecast = dateAt(values[1], order);
    if (forecast !== forecast) return dateError(values[1], order, "forecast date");
    const actual = dateAt(values[2], order);
    if (actual !== actual) return dateError(values[2], order, "actual date");
    const asOf = dateAt(values[3], order);
    if (asOf !== asOf) return dateError(values[3], order, "as-of date");
    const milestone = { baseline, forecast: forecast === BLANK_DATE ? null : forecast, actual: actual === BLANK_DATE ? null : actual };
    const days = slippageDays(milestone, asOf === BLANK_DATE ? now() : asOf);
    return days === null ? "" : days;
  });
}

/**
 * Slippage of the end date as a fraction of the planned duration (0.1 = 10% longer than planned).
 * @customfunction SLIPPAGEPCT
 * @param start_date The start date, or a range of them.
 * @param baseline_end The planned (baseline) end date, or a range of them.
 * @param forecast_end The forecast end date, or a range of them.
 * @returns The slippage as a fraction of the plan (format the cell as a percentage).
 */
export function slippagePct(start_date: any[][], baseline_end: any[][], forecast_end: any[][]): any[][] {
  return spill([start_date, baseline_end, forecast_end], ([s, b, f]) => {
    const start = dateIn(s, "start date");
    if (!start.ok || start.value === null) return toCell(start);
    const baseline = dateIn(b, "baseline end date");
    if (!baseline.ok || baseline.value === null) return toCell(baseline);
    const forecast = dateIn(f, "forecast end date");
    if (!forecast.ok || forecast.value === null) return toCell(forecast);
    return toCell(slippageFraction(start.value, baseline.value, forecast.value));
  });
}

// An exit window left out: the default, without reading a cell.
const BLANK_WINDOW = ok(null);
const known = (serial: number): number | null => (serial === BLANK_DATE ? null : serial);

/**
 * The contract's phase: Not started, Mobilisation (start to the day before go-live), Delivery, Exit (within the exit window of the end date) or Expired. An end date that is a stand-in for none (31/12/2099 or later, a date in 1900, 01/01/2000) counts as blank: the phase comes from the other dates.
 * @customfunction PHASE
 * @param start_date The contract start date, or a range of them.
 * @param go_live_date The go-live date (blank when there is no mobilisation), or a range of them.
 * @param end_date The contract end date, or a range of them. Blank, 31/12/2099 and other stand-ins: never Exit or Expired.
 * @param [as_of] The date to judge from, or a range of them. Leave out for today.
 * @param [exit_window_days] Days before the end date when the exit phase begins. Default 180.
 * @returns The phase, one per input cell.
 */
export function phase(start_date: any[][], go_live_date: any[][], end_date: any[][], as_of?: any[][], exit_window_days?: any[][]): any[][] {
  // Whole columns: bare serials as in daysToExpiry.
  const order = dateOrderNow();
  const now = todayOnce();
  return spill([start_date, go_live_date, end_date, as_of, exit_window_days], (values) => {
    const start = dateAt(values[0], order);
    if (start !== start) return dateError(values[0], order, "start date");
    const goLive = dateAt(values[1], order);
    if (goLive !== goLive) return dateError(values[1], order, "go-live date");
    const end = endAt(values[2], order);
    if (end !== end) return dateError(values[2], order, "end date");
    const asOf = dateAt(values[3], order);
    if (asOf !== asOf) return dateError(values[3], order, "as-of date");
    const w = values[4];
    const window = w === null || w === undefined ? BLANK_WINDOW : readDaysCell(w, "exit window");
    if (!window.ok) return toCell(window);
    if (window.value !== null && window.value < 0) return valueError(`The exit window ${window.value} must be zero or more days`);
    const problem = phaseDatesProblem(known(start), known(goLive), known(end));
    if (problem !== null) return valueError(problem);
    return phaseOn(known(start), known(goLive), known(end), asOf === BLANK_DATE ? now() : asOf, window.value ?? DEFAULT_SETTINGS.exitWindowDays) ?? "";
  });
}

/**
 * Red, Amber or Green: the worst of the components given. Given the end date, a contract's RAG: Unrated when the end date is blank, not a date or a stand-in such as 31/12/2099 and nothing else is Amber or Red (an unknown expiry is never an all-clear). Without it, the components given alone (a milestone's slippage), blank when none is.
 * @customfunction RAG
 * @param days_to_expiry Days to expiry (negative once expired), or a range of them. Blank means the expiry is not known.
 * @param [slippage_days] Days the worst milestone is late, or a range of them.
 * @param [kpi_attainment] KPI actual ÷ target (1 = 100%), or a range of them.
 * @param [spend_variance] Spend over budget as a fraction (0.05 = 5% over), or a range of them.
 * @param [thresholds] A two-column Name/Value range such as the Settings table, overriding the default thresholds.
 * @param [end_date] The contract's end date, or a range of them: give it to rate a contract. When it is blank, not a date or a stand-in (31/12/2099), the expiry is not known whatever days_to_expiry holds.
 * @param [days_to_decide] Days to the decide-by date (DECIDEBY less the as-of date), negative once passed; or a range of them. A passed decide-by date is Amber, Red from the notice date on.
 * @param [days_to_notice] Days to the notice date (DAYSTONOTICE), or a range of them: at zero or fewer, a passed decide-by date is Red.
 * @returns Red, Amber, Green or (given the end date) Unrated, one per input cell.
 */
export function rag(
  days_to_expiry: any[][],
  slippage_days?: any[][],
  kpi_attainment?: any[][],
  spend_variance?: any[][],
  thresholds?: any[][],
  end_date?: any[][],
  days_to_decide?: any[][],
  days_to_notice?: any[][],
): any[][] {
  return ragSpill([days_to_expiry, slippage_days, kpi_attainment, spend_variance], thresholds, end_date, (inputs, settings, unknownEnd) =>
    // Without the end date, the rating of the components given, as before the end date was a parameter:
    // trackers set up earlier rate their Milestones and KPIs rows with CONTRACT.RAG("", …), which must stay Green when on time.
    unknownEnd === undefined ? (ragStatus(inputs, settings) ?? "") : (contractRag(inputs, settings) ?? UNRATED),
    [days_to_decide, days_to_notice],
  );
}

/**
 * One line saying which components drove the status, e.g. "Expires in 45 days (red at 90 or fewer); milestone 12 days late", or why a contract is Unrated: "Unrated: no real end date: 31 Dec 2099 is a stand-in; milestone on time".
 * @customfunction RAGREASON
 * @param days_to_expiry Days to expiry (negative once expired), or a range of them. Blank means the expiry is not known.
 * @param [slippage_days] Days the worst milestone is late, or a range of them.
 * @param [kpi_attainment] KPI actual ÷ target (1 = 100%), or a range of them.
 * @param [spend_variance] Spend over budget as a fraction (0.05 = 5% over), or a range of them.
 * @param [thresholds] A two-column Name/Value range such as the Settings table, overriding the default thresholds.
 * @param [end_date] The contract's end date, or a range of them: the reason then says why the expiry is not known (no end date, not a date, or a stand-in such as 31/12/2099). Left out, the reason of the components given alone, as RAG without the end date.
 * @param [days_to_decide] Days to the decide-by date, negative once passed; or a range of them: "Decide-by date passed 21 days ago (amber once passed)".
 * @param [days_to_notice] Days to the notice date, or a range of them: a passed decide-by date is red from the notice date on.
 * @returns The reason, one per input cell.
 */
export function ragReason(
  days_to_expiry: any[][],
  slippage_days?: any[][],
  kpi_attainment?: any[][],
  spend_variance?: any[][],
  thresholds?: any[][],
  end_date?: any[][],
  days_to_decide?: any[][],
  days_to_notice?: any[][],
): any[][] {
  return ragSpill([days_to_expiry, slippage_days, kpi_attainment, spend_variance], thresholds, end_date, (inputs, settings, unknownEnd) =>
    unknownEnd === undefined ? componentReason(inputs, settings) : contractRagReason(inputs, settings, unknownEnd),
    [days_to_decide, days_to_notice],
  );
}

/**
 * The worst status (Red, then Amber, then Green) in one or more ranges, for portfolio and supplier roll-ups. Blank and Unrated cells are skipped.
 * @customfunction WORSTRAG
 * @param values Ranges or values holding Red, Amber, Green or Unrated.
 * @returns The worst status, or blank when there is none.
 */
export function worstRag(values: any[][][]): any[][] {
  // A repeating parameter: Excel passes one array holding each range given (Microsoft's custom
  // functions parameter options, "Repeating parameters"), or none at all when none is given.
  const found: Rag[] = [];
  for (const range of values ?? []) {
    for (const row of range ?? []) {
      for (const value of row) {
        if (isBlankCell(value)) continue;
        if (isExcelError(value)) return [[shownError(value)]];
        if (typeof value === "string" && isUnratedText(value)) continue;
        const status = typeof value === "string" ? parseRag(value) : null;
        if (status === null) return [[valueError(`WORSTRAG expects Red, Amber, Green or Unrated; found ${describeCell(value)}`)]];
        found.push(status);
      }
    }
  }
  return [[worstOf(found) ?? ""]];
}

/**
 * The step on the escalation ladder: 0 none (Green, or Unrated: an unknown end date is not escalated by RAG); 1 contract manager (Amber); 2 commercial lead / head of service (Red, or Amber for more than 30 days); 3 senior responsible owner / board (Red for more than 30 days, or Red on a Gold contract). A tier other than Gold, Silver, Bronze or blank is #VALUE! naming them, whatever the status: a typo such as "Gld" read as no tier would put a Red Gold contract a level too low. The escalation summary, which must still rank such a contract, ranks it by its status alone and lists the tier as a data-quality problem in the same words.
 * @customfunction ESCALATIONLEVEL
 * @param rag The status: Red, Amber, Green or Unrated; or a range of them.
 * @param [days_in_status] How many days the contract has had this status, or a range of them.
 * @param [tier] The contract tier: Gold, Silver or Bronze, in any case; blank for none; anything else is #VALUE!. Or a range of them.
 * @param [thresholds] A two-column Name/Value range such as the Settings table (escalation_persist_days).
 * @returns The level 0–3, one per input cell.
 */
export function escalationLevel(rag: any[][], days_in_status?: any[][], tier?: any[][], thresholds?: any[][]): any[][] {
  const args = [rag, days_in_status, tier];
  const settings = settingsIn(thresholds);
  if (!settings.ok) return everyCell(args, settings.shown);
  return spill(args, ([r, d, t]) => {
    const text = readTextCell(r);
    if (text === null) return "";
    const status = parseRag(text);
    const unrated = status === null && isUnratedText(text);
    if (status === null && !unrated) return valueError(`The status ${describeCell(r)} is not Red, Amber, Green or Unrated`);
    const days = readDaysCell(d, "days in status");
    if (!days.ok) return toCell(days);
    if (days.value !== null && days.value < 0) return valueError(`Days in status ${days.value} cannot be negative`);
    const tierText = readTextCell(t);
    const contractTier = tierText === null ? null : parseTier(tierText);
    if (tierText !== null && contractTier === null) return valueError(tierNotRecognised(describeCell(t)));
    // Unrated is not a finding about the contract but a gap in the register: data quality and the
    // summary's unrated list deal with it, not the escalation ladder.
    if (status === null) return 0;
    return ladderLevel({ rag: status, daysInStatus: days.value ?? 0, tier: contractTier }, settings.value.escalationPersistDays);
  });
}
