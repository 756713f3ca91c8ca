// The dates a contract manager wants in their calendar (issue 14 point 3): every kind of date
// (core/calendarKinds) of every contract, each one event, and what the calendar cannot hold and the
// user should hear of. The calendar writer (core/icalendar) knows nothing of kinds.
import { ASSESSMENT } from "./calendarAssessment";
import { CalendarDateKind, DECIDE_BY, DateFacts, END, FINAL_EXPIRY, NOTICE } from "./calendarKinds";
import { TERMINATION_NOTICE } from "./calendarTermination";
import { contractUidParts } from "./calendarUids";
import { belongsTo, contractName, contractsById, relatedByContract } from "./contractNames";
import { contractStatus } from "./contractStatus";
import { DEFAULT_DATE_LOCALE } from "./dateWords";
import { kpiDuties } from "./duties/performance";
import { EndDateFacts, LONE_END_DATE, endDateGap } from "./endDates";
import { statusMeaning, tierOf } from "./contractAssessment";
import type { NormalisedRow, TypedValue } from "./normalise";
import type { TrackerSettings } from "./settings";

export type { CalendarDateKind, DateFacts } from "./calendarKinds";

/**
 * The kinds of date the calendar holds, in the order a contract's events of one day are listed:
 * the assessment on a contract's end comes before the end itself.
 *
 * Which are carried forward once passed (put on the as-of date, saying since when they are overdue)
 * and why: those that are still an action to take now. A decide-by or notice date with no decision
 * recorded and the contract not ended: the decision is still to make, and late is the most urgent
 * (the notice date's event takes over from the decide-by date's once both have passed: one event
 * asks for the one decision). A performance assessment and a termination notice: the Act's duty is
 * owed until the tracker records it. Not an end or final expiry date: once passed the contract has
 * ended, which is no longer an action to take on time but a record to close or correct (the summary
 * asks for that: "expired with no replacement", "probably closed").
 */
export const CALENDAR_DATE_KINDS: readonly CalendarDateKind[] = [DECIDE_BY, NOTICE, ASSESSMENT, TERMINATION_NOTICE, END, FINAL_EXPIRY];

/** One date of one contract, ready to be an all-day calendar event. */
export interface ContractDate {
  kind: CalendarDateKind["key"];
  /** The kind's label: "Notice date". */
  label: string;
  /** The day of the event (1900-system serial): the day it falls due, or the as-of date for one overdue. */
  date: number;
  /** The day it falls due (serial): before `date` where it is overdue and carried forward. */
  due: number;
  /** The contract's name (its ID, or "Row 14") and the register's text of it. */
  contractId: string;
  title: string;
  supplier: string;
  contractManager: string;
  department: string;
  /** 1-based sheet row of the contract. */
  row: number;
  whatToDo: string;
  /** Days before `date` the reminder goes off: the kind's, but never before the as-of date. */
  reminderDays: number;
  /**
   * Stable across exports, so a calendar that imports the file again updates the event instead of
   * adding another: the kind and the contract's ID (core/calendarUids contractUidParts). RFC 5545 §3.8.4.7.
   */
  uid: string;
}

/** Which dates `calendarDates` keeps. */
export interface CalendarChoice {
  /** The day dates are counted from (serial); dates passed are left out, or put on it where still to act on (CALENDAR_DATE_KINDS). */
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

/** Running contracts that have no decide-by date because their tier is not Gold, Silver, Bronze or blank. */
export interface UnrecognisedTiers {
  count: number;
  /** The first few (UNRECOGNISED_TIERS_NAMED), in row order: the contract's name and its tier as the cell holds it. */
  named: { contractId: string; tier: string }[];
}

/** The calendar of a register: its dates, and what it could not put in. */
export interface ContractCalendar {
  dates: ContractDate[];
  unrecognisedTiers: UnrecognisedTiers;
}

// The domain part of every UID (RFC 5545 §3.8.4.7 suggests one, so ours never meet another program's).
const UID_DOMAIN = "contract-tracker";
/** How many contracts with an unrecognised tier are named in the note; the rest are counted. */
export const UNRECOGNISED_TIERS_NAMED = 3;

const textOf = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * The register's calendar: every date of its contracts from the as-of date on (calendarDates), and
 * the running contracts with no decision recorded that have no decide-by date because their tier is
 * not recognised (`Gld`: CONTRACT.DECIDEBY gives #VALUE! for it), for the user to hear of.
 * @example contractCalendar([{ row: 3, fields: { contractId: "D-3", tier: "Gld", endDate: 46843 } }], DEFAULT_SETTINGS, { asOf: 46351 }).unrecognisedTiers → { count: 1, named: [{ contractId: "D-3", tier: "Gld" }] }
 */
export function contractCalendar(contracts: readonly Pick<NormalisedRow, "row" | "fields">[], settings: TrackerSettings, choice: CalendarChoice): ContractCalendar {
  const { asOf, withinDays } = choice;
  const last = withinDays === undefined ? Infinity : asOf + withinDays;
  const kinds = choice.kinds ?? CALENDAR_DATE_KINDS;
  const ofClosed = kinds.filter((k) => k.ofClosedContracts === true);
  const locale = choice.locale ?? DEFAULT_DATE_LOCALE;
  // Each contract's KPI rows, matched as the pane's duties match them (a shared ID told apart by Which contract).
  const kpisOf = choice.kpis ? relatedByContract(contractsById(contracts, new Set(choice.kpis.map(belongsTo))), choice.kpis) : null;
  const uidParts = contractUidParts(contracts);
  const unrecognised: UnrecognisedTiers = { count: 0, named: [] };
  const out: ContractDate[] = [];
  contracts.forEach((contract, at) => {
    const f = contract.fields;
    const meaning = statusMeaning(f.status);
    const kindsHere = meaning.closed ? ofClosed : kinds;
    if (kindsHere.length === 0) return;
    const gap = endDateGap(f.endDate, choice.endDates ?? LONE_END_DATE, contract.row, locale);
    const status = contractStatus(f, { slippage: null, kpiAttainment: null }, settings, asOf, { endDateGap: gap });
    const duties = kpisOf === null ? null : kpiDuties(contract, kpisOf.get(contract) ?? [], settings, asOf);
    const end = gap === null && typeof f.endDate === "number" ? f.endDate : null;
    const facts: DateFacts = { fields: f, status, end, locale, asOf, settings, kpiDuties: duties };
    if (!meaning.closed && !meaning.decided && kindsHere.includes(DECIDE_BY) && end !== null && end >= asOf && textOf(f.tier) !== "" && tierOf(f.tier) === null) {
      unrecognised.count++;
      if (unrecognised.named.length < UNRECOGNISED_TIERS_NAMED) unrecognised.named.push({ contractId: contractName(contract), tier: textOf(f.tier) });
    }
    for (const kind of kindsHere) {
      const due = kind.dateOf(facts);
      if (due === null || due > last) continue;
      if (due < asOf && kind.carriedForward?.(facts, due) !== true) continue;
      const date = Math.max(due, asOf);
      const reminder = typeof kind.reminderDays === "number" ? kind.reminderDays : kind.reminderDays(facts);
      out.push({
        kind: kind.key,
        label: kind.label,
        date,
        due,
        contractId: contractName(contract),
        title: textOf(f.title),
        supplier: textOf(f.supplier),
        contractManager: textOf(f.contractManager),
        department: textOf(f.department),
        row: contract.row,
        whatToDo: kind.whatToDo(facts, due),
        // A reminder that would go off before the as-of date goes off on it: a day gone by reminds no one.
        reminderDays: Math.max(0, Math.min(reminder, date - asOf)),
        uid: `${kind.key}-${uidParts[at]}@${UID_DOMAIN}`,
      });
    }
  });
  const order = new Map(kinds.map((k, i) => [k.key, i]));
  out.sort((a, b) => a.date - b.date || a.row - b.row || (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return { dates: out, unrecognisedTiers: unrecognised };
}

/**
 * Every date of the register's contracts from the as-of date on, earliest first (then by row and
 * kind): decide-by, notice, performance assessment (from `choice.kpis`), termination notice, end and
 * final expiry dates (CALENDAR_DATE_KINDS). A passed one still to act on is put on the as-of date,
 * saying since when it is overdue (which kinds, and why: CALENDAR_DATE_KINDS). A contract its status
 * calls closed gives only a termination notice still owed, and an end date that is a stand-in
 * (31/12/2099) or unreadable gives no dates.
 * @example calendarDates([{ row: 2, fields: { contractId: "C-1", title: "Cleaning", endDate: 46112, noticePeriod: "3 months" } }], DEFAULT_SETTINGS, { asOf: 45900 }).map((d) => [d.label, d.date, d.due]) → [["Decide by", 45900, 45842], ["Notice date", 46022, 46022], ["Contract ends", 46112, 46112]]
 */
export function calendarDates(contracts: readonly Pick<NormalisedRow, "row" | "fields">[], settings: TrackerSettings, choice: CalendarChoice): ContractDate[] {
  return contractCalendar(contracts, settings, choice).dates;
}

/**
 * The note for contracts a calendar has no decide-by date for because their tier is not
 * recognised: one line, naming the first few with their tier, counting the rest; "" where there are none.
 * @example unrecognisedTiersNote({ count: 5, named: [{ contractId: "D-3", tier: "Gld" }, { contractId: "D-9", tier: "Sliver" }] }) → 'No decide-by date for 5 contracts whose tier is not recognised: D-3 "Gld", D-9 "Sliver" and 3 more (use Gold, Silver or Bronze, or leave it blank for no tier).'
 */
export function unrecognisedTiersNote(tiers: UnrecognisedTiers): string {
  if (tiers.count === 0) return "";
  const more = tiers.count - tiers.named.length;
  const list = `${tiers.named.map((t) => `${t.contractId} "${t.tier}"`).join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-GB")} more` : ""}`;
  return `No decide-by date for ${tiers.count.toLocaleString("en-GB")} contract${tiers.count === 1 ? "" : "s"} whose tier is not recognised: ${list} (use Gold, Silver or Bronze, or leave it blank for no tier).`;
}
