// The performance assessment a contract over the KPI value owes (Procurement Act 2023 s.71), as a
// kind of calendar date. When it is due comes from the duty's own rule (core/duties/performance
// kpiDuties), so the calendar, the pane's duties and the summary never disagree on it.
import type { CalendarDateKind, DateFacts } from "./calendarKinds";
import { formatAmount } from "./currencies";
import { dateInWords } from "./dateWords";

// The KPI value in words is the same for every contract of a tracker: made once, as Intl.NumberFormat
// costs more than the rest of a contract's dates together (a 100,000-contract calendar: seconds).
const valueWords = new Map<number, string>();
function kpiValueInWords(value: number): string {
  let words = valueWords.get(value);
  if (words === undefined) {
    words = formatAmount(value, "GBP");
    if (valueWords.size > 100) valueWords.clear();
    valueWords.set(value, words);
  }
  return words;
}

/** Whether the contract's assessment is overdue: due before the day the calendar is made from. */
const overdue = (f: DateFacts): boolean => f.kpiDuties !== null && f.kpiDuties.nextDue !== null && f.kpiDuties.nextDue < f.asOf;

/** The KPIs it is assessed against, with what s.52 still asks where there are fewer than it needs. */
function kpiWords(count: number, needed: number): string {
  if (count === 0) return `its KPIs (none is recorded: set and publish at least ${needed} first)`;
  if (count < needed) return `its ${count} KPI${count === 1 ? "" : "s"} (at least ${needed} are needed: set and publish the rest)`;
  return `its ${count} KPIs`;
}

/**
 * The next performance assessment of each contract the KPI duties reach: 12 months after the last
 * KPI `Assessed on` (after the start where none is recorded), or on the contract's end where that
 * comes first. One overdue is put on the day the calendar is made from, saying since when, with its
 * reminder that morning: a contract manager wants it in front of them now, not on a day gone by.
 * Its reminder otherwise goes off `duty_warning_days` before (30 by default), the day the pane's
 * duties start listing it.
 */
export const ASSESSMENT: CalendarDateKind = {
  key: "assessment",
  label: "Performance assessment due",
  dateOf: (f) => f.kpiDuties?.nextDue ?? null,
  // The duty is owed until an assessment is recorded (its Assessed on moves the next one on).
  carriedForward: () => true,
  whatToDo: (f) => {
    const duty = f.kpiDuties;
    if (duty === null || duty.nextDue === null) return "";
    const date = (serial: number): string => dateInWords(serial, f.locale);
    const late = overdue(f);
    const last = duty.lastAssessed === null ? "no assessment is recorded yet" : `last assessed ${date(duty.lastAssessed)}`;
    const end = duty.dueAtEnd ? `, the last one, as the contract ${late ? "ended" : "ends"} on ${date(duty.nextDue)}` : "";
    return (
      `${late ? `Overdue since ${date(duty.nextDue)}: assess` : "Assess"} the supplier's performance against ${kpiWords(duty.kpiCount, duty.kpisNeeded)} ` +
      `and publish a contract performance notice with the rating (Good, Approaching target, Requires improvement, Inadequate or Other)${end}; ${last}. ` +
      `Procurement Act 2023 s.71: at least every ${f.settings.performanceAssessmentMonths} months, and at the end, for a contract worth over ${kpiValueInWords(f.settings.kpiDutyValueAbove)}.`
    );
  },
  // An overdue one is on the as-of date, where every reminder goes off that morning (core/calendarDates).
  reminderDays: (f) => f.settings.dutyWarningDays,
};
