// The dates a contract manager wants in their calendar (issue 14 point 3), one entry a kind of
// date. A kind says which date of a contract it is, what to do on it and how early to be
// reminded; the calendar writer (core/icalendar) knows nothing of kinds, so a new kind of date is
// one entry in CALENDAR_DATE_KINDS and nothing else.
import { ASSESSMENT } from "./calendarAssessment";
import { belongsTo, contractKey, contractName, contractsById, relatedByContract } from "./contractNames";
import { contractStatus, ContractStatus } from "./contractStatus";
import { dateInWords, DEFAULT_DATE_LOCALE } from "./dateWords";
import { KpiDuties, kpiDuties } from "./duties/performance";
import { EndDateFacts, LONE_END_DATE, endDateGap } from "./endDates";
import { statusMeaning } from "./contractAssessment";
import type { NormalisedRow, TypedValue } from "./normalise";
import type { TrackerSettings } from "./settings";

/** What a kind of date is given of a contract: its row, its computed columns and how dates are written. */
export interface DateFacts {
  fields: Readonly<Record<string, TypedValue>>;
  status: ContractStatus;
  /** The contract's real end date (serial), or null where it has none (then it has no notice date either). */
  end: number | null;
  locale: string;
  /** The day the calendar is made from (serial): a date already passed that still wants doing is put here. */
  asOf: number;
  settings: TrackerSettings;
  /**
   * What the Procurement Act's KPI duties say of the contract (core/duties/performance kpiDuties):
   * null where they do not reach it, or the tracker has no KPIs table to weigh them on.
   */
  kpiDuties: KpiDuties | null;
}

/** One kind of calendar date. */
export interface CalendarDateKind {
  /** Stable key, part of every event's UID: never rename one, or re-importing duplicates its events. */
  key: string;
  /** What the event is called before the contract's name: "Notice date". */
  label: string;
  /** The date (serial), or null where the contract has none of this kind. */
  dateOf(facts: DateFacts): number | null;
  /** What to do, in one sentence for the event's description. */
  whatToDo(facts: DateFacts): string;
  /** How many days before the date the reminder goes off: the time the action takes; a contract's own where it depends on it. */
  reminderDays: number | ((facts: DateFacts) => number);
}

const textOf = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

const NOTICE: CalendarDateKind = {
  key: "notice",
  label: "Notice date",
  dateOf: (f) => f.status.noticeDate,
  whatToDo: (f) =>
    `Last day to give notice (notice period ${textOf(f.fields.noticePeriod)}${f.end !== null ? `, before the end on ${dateInWords(f.end, f.locale)}` : ""}): ` +
    "decide whether to extend, re-procure or let the contract end, and give notice if it is to end.",
  // Four weeks: time to get a decision from the commercial lead and a letter out.
  reminderDays: 28,
};

const END: CalendarDateKind = {
  key: "end",
  label: "Contract ends",
  dateOf: (f) => f.end,
  whatToDo: (f) =>
    textOf(f.fields.extensionOptions) !== ""
      ? `The contract ends unless an extension is taken (options: ${textOf(f.fields.extensionOptions)}): record the extension taken, or have the replacement or exit in place.`
      : "The contract ends: have the replacement or exit in place, and mark it closed once it has ended.",
  // Four weeks: enough to confirm the handover; the decision itself is the notice date's.
  reminderDays: 28,
};

const FINAL_EXPIRY: CalendarDateKind = {
  key: "final-expiry",
  label: "Final expiry",
  // Only where extensions reach past the end date: otherwise it is the end date's event again.
  dateOf: (f) => (f.status.finalExpiry !== null && f.end !== null && f.status.finalExpiry > f.end ? f.status.finalExpiry : null),
  whatToDo: (f) =>
    `The last day the contract can run with every extension taken (${textOf(f.fields.extensionOptions)}): no further extension is possible, so the replacement must be in place.`,
  // Six months: a replacement procurement cannot start later than this and finish in time.
  reminderDays: 182,
};

const DECIDE_BY: CalendarDateKind = {
  key: "decide-by",
  label: "Decide by",
  // The date core/rules/decideBy gives (the earlier of the end and notice dates, less the tier's
  // re-procurement lead time); none once the status records the decision, as on the dashboard.
  dateOf: (f) => (statusMeaning(f.fields.status).decided ? null : f.status.decideBy),
  whatToDo: (f) => {
    const notice = f.status.noticeDate;
    const before = notice !== null && f.end !== null && notice < f.end ? `the notice date ${dateInWords(notice, f.locale)}` : f.end !== null ? `the end on ${dateInWords(f.end, f.locale)}` : "the end";
    const tier = textOf(f.fields.tier);
    const options = textOf(f.fields.extensionOptions);
    return (
      `Decide whether to extend${options !== "" ? ` (options: ${options})` : ""}, re-procure or let the contract end: ` +
      `from here there is only the re-procurement lead time${tier !== "" ? ` of a ${tier} contract` : ""} left before ${before}.`
    );
  },
  // Four weeks, as for the notice date: time to put the choice to whoever makes it.
  reminderDays: 28,
};

/**
 * The kinds of date the calendar holds, in the order a contract's events of one day are listed:
 * the assessment on a contract's end comes before the end itself.
 */
export const CALENDAR_DATE_KINDS: readonly CalendarDateKind[] = [DECIDE_BY, NOTICE, ASSESSMENT, END, FINAL_EXPIRY];

/** One date of one contract, ready to be an all-day calendar event. */
export interface ContractDate {
  kind: CalendarDateKind["key"];
  /** The kind's label: "Notice date". */
  label: string;
  /** The day (1900-system serial). */
  date: number;
  /** The contract's name (its ID, or "Row 14") and the register's text of it. */
  contractId: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
  /** 1-based sheet row of the contract. */
  row: number;
  whatToDo: string;
  reminderDays: number;
  /**
   * Stable across exports, so a calendar that imports the file again updates the event instead of
   * adding another: the kind and the contract's key (ID, case ignored), and for the second and later
   * contracts sharing an ID, which of them it is. RFC 5545 §3.8.4.7.
   */
  uid: string;
}

/** Which dates `calendarDates` keeps. */
export interface CalendarChoice {
  /** The day dates are counted from (serial); earlier dates are left out: they have passed. */
  asOf: number;
  /** Keep only dates at most this many days after `asOf`; undefined keeps every date to come. */
  withinDays?: number;
  /** What the Contracts table says of its end dates (core/endDates), so a stand-in end date is no date. */
  endDates?: EndDateFacts;
  /** The locale dates in words are written in (core/dateWords). */
  locale?: string;
  /** The kinds to give; all of CALENDAR_DATE_KINDS when left out. */
  kinds?: readonly CalendarDateKind[];
  /**
   * The rows of the tracker's KPIs table, where it has one: performance assessment dates are
   * worked out from them. Left out (a register with no KPIs table says nothing of KPIs), no contract
   * has an assessment date.
   */
  kpis?: readonly Pick<NormalisedRow, "fields">[];
}

// The domain part of every UID (RFC 5545 §3.8.4.7 suggests one, so ours never meet another program's).
const UID_DOMAIN = "contract-tracker";

/**
 * Every date to come of the register's live contracts, earliest first (then by contract and kind):
 * decide-by dates, notice dates, performance assessment dates (from `choice.kpis`), end dates and
 * final expiry dates (CALENDAR_DATE_KINDS). A contract its status calls closed, and an end date
 * that is a stand-in (31/12/2099) or unreadable, give no dates.
 * @example calendarDates([{ row: 2, fields: { contractId: "C-1", title: "Cleaning", endDate: 46112, noticePeriod: "3 months" } }], DEFAULT_SETTINGS, { asOf: 45900 }).map((d) => [d.label, d.date]) → [["Notice date", 46022], ["Contract ends", 46112]]
 */
export function calendarDates(contracts: readonly Pick<NormalisedRow, "row" | "fields">[], settings: TrackerSettings, choice: CalendarChoice): ContractDate[] {
  const { asOf, withinDays } = choice;
  const last = withinDays === undefined ? Infinity : asOf + withinDays;
  const kinds = choice.kinds ?? CALENDAR_DATE_KINDS;
  const locale = choice.locale ?? DEFAULT_DATE_LOCALE;
  // Each contract's KPI rows, matched as the pane's duties match them (a shared ID told apart by Which contract).
  const kpisOf = choice.kpis ? relatedByContract(contractsById(contracts, new Set(choice.kpis.map(belongsTo))), choice.kpis) : null;
  const sameKey = new Map<string, number>();
  const out: ContractDate[] = [];
  for (const contract of contracts) {
    const key = contractKey(contract);
    // The nth contract sharing an ID gets its own UIDs (the first keeps the plain ones).
    const nth = (sameKey.get(key) ?? 0) + 1;
    sameKey.set(key, nth);
    const f = contract.fields;
    if (statusMeaning(f.status).closed) continue;
    const gap = endDateGap(f.endDate, choice.endDates ?? LONE_END_DATE, contract.row, locale);
    const status = contractStatus(f, { slippage: null, kpiAttainment: null }, settings, asOf, { endDateGap: gap });
    const duties = kpisOf === null ? null : kpiDuties(contract, kpisOf.get(contract) ?? [], settings, asOf);
    const facts: DateFacts = { fields: f, status, end: gap === null && typeof f.endDate === "number" ? f.endDate : null, locale, asOf, settings, kpiDuties: duties };
    for (const kind of kinds) {
      const date = kind.dateOf(facts);
      if (date === null || date < asOf || date > last) continue;
      out.push({
        kind: kind.key,
        label: kind.label,
        date,
        contractId: contractName(contract),
        title: textOf(f.title),
        supplier: textOf(f.supplier),
        contractManager: textOf(f.contractManager),
        department: textOf(f.department),
        row: contract.row,
        whatToDo: kind.whatToDo(facts),
        reminderDays: typeof kind.reminderDays === "number" ? kind.reminderDays : kind.reminderDays(facts),
        uid: `${kind.key}-${encodeURIComponent(key)}${nth > 1 ? `-${nth}` : ""}@${UID_DOMAIN}`,
      });
    }
  }
  const order = new Map(kinds.map((k, i) => [k.key, i]));
  return out.sort((a, b) => a.date - b.date || a.row - b.row || (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
}
