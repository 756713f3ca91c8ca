import { CALENDAR_DATE_KINDS, CalendarDateKind, calendarDates } from "../../src/core/calendarDates";
import { dateToSerial } from "../../src/core/dates";
import type { NormalisedRow } from "../../src/core/normalise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const AS_OF = day(2025, 7, 31);
const contract = (row: number, fields: NormalisedRow["fields"]): NormalisedRow => ({ row, fields }) as NormalisedRow;

test("notice, end and final expiry dates to come, earliest first, each with what to do", () => {
  const dates = calendarDates(
    [
      contract(2, { contractId: "C-1", title: "Cleaning", endDate: day(2026, 3, 31), noticePeriod: "3 months", extensionOptions: "2 x 12 months" }),
      contract(3, { contractId: "C-2", title: "Catering", endDate: day(2025, 10, 31), noticePeriod: "90 days" }),
    ],
    DEFAULT_SETTINGS,
    { asOf: AS_OF },
  );
  expect(dates.map((d) => [d.contractId, d.label, d.date])).toEqual([
    ["C-2", "Notice date", day(2025, 8, 2)],
    ["C-2", "Contract ends", day(2025, 10, 31)],
    ["C-1", "Notice date", day(2025, 12, 31)],
    ["C-1", "Contract ends", day(2026, 3, 31)],
    ["C-1", "Final expiry", day(2028, 3, 31)],
  ]);
  expect(dates[2].whatToDo).toBe("Last day to give notice (notice period 3 months, before the end on 31 Mar 2026): decide whether to extend, re-procure or let the contract end, and give notice if it is to end.");
});

test("no dates for a closed contract, a stand-in or unreadable end date, or dates passed or beyond --within", () => {
  const rows = [
    contract(2, { contractId: "A", endDate: day(2026, 1, 1), status: "Terminated" }),
    contract(3, { contractId: "B", endDate: day(2099, 12, 31), noticePeriod: "1 month" }),
    contract(4, { contractId: "C", endDate: "soon" }),
    contract(5, { contractId: "D", endDate: day(2025, 7, 30) }),
    contract(6, { contractId: "E", endDate: day(2025, 7, 31) }),
    contract(7, { contractId: "F", endDate: day(2025, 9, 30) }),
  ];
  expect(calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF }).map((d) => d.contractId)).toEqual(["E", "F"]);
  expect(calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF, withinDays: 0 }).map((d) => d.contractId)).toEqual(["E"]);
});

test("UIDs stay the same whatever else changes, and contracts sharing an ID get their own", () => {
  // The end dates' events (their decide-by dates have UIDs of the same making, with decide-by- in front).
  const ends = (rows: NormalisedRow[]) => calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF }).filter((d) => d.kind === "end");
  const first = ends([contract(2, { contractId: "PO 18994", endDate: day(2026, 1, 1) }), contract(9, { contractId: "po 18994", endDate: day(2026, 2, 1) })]);
  expect(first.map((d) => d.uid)).toEqual(["end-po%2018994@contract-tracker", "end-po%2018994-2@contract-tracker"]);
  const edited = ends([contract(5, { contractId: "PO 18994", title: "Renamed", endDate: day(2026, 6, 1) })]);
  expect(edited[0].uid).toBe(first[0].uid);
  // A contract with no ID is named by its row.
  expect(ends([contract(14, { endDate: day(2026, 1, 1) })])[0].uid).toBe("end-row%2014@contract-tracker");
});

test("a new kind of date is one more entry in the list of kinds", () => {
  const review: CalendarDateKind = { key: "review", label: "Annual review", dateOf: (f) => (f.end === null ? null : f.end - 365), whatToDo: () => "Review the contract", reminderDays: 7 };
  const dates = calendarDates([contract(2, { contractId: "C-1", endDate: day(2027, 3, 31) })], DEFAULT_SETTINGS, { asOf: AS_OF, kinds: [...CALENDAR_DATE_KINDS, review] });
  expect(dates.map((d) => [d.label, d.uid])).toEqual([
    ["Annual review", "review-c-1@contract-tracker"],
    ["Decide by", "decide-by-c-1@contract-tracker"],
    ["Contract ends", "end-c-1@contract-tracker"],
  ]);
});

test("a decide-by date: the earlier of the notice and end dates less the tier's lead time, with what to decide; none once the status records the decision", () => {
  const bronze = contract(2, { contractId: "B-1", title: "Grounds", tier: "Bronze", endDate: day(2026, 6, 30), noticePeriod: "3 months", extensionOptions: "1+1" });
  const [decide] = calendarDates([bronze], DEFAULT_SETTINGS, { asOf: AS_OF }).filter((d) => d.kind === "decide-by");
  // Notice by 30 Mar 2026 (30 Jun less 3 months, as EDATE counts), less Bronze's 120 days.
  expect(decide).toMatchObject({ label: "Decide by", date: day(2026, 3, 30) - DEFAULT_SETTINGS.leadTimeBronzeDays, uid: "decide-by-b-1@contract-tracker", reminderDays: 28 });
  expect(decide.whatToDo).toBe(
    "Decide whether to extend (options: 1+1), re-procure or let the contract end: from here there is only the re-procurement lead time of a Bronze contract left before the notice date 30 Mar 2026.",
  );
  // Lead times are the tracker's Settings.
  const longer = calendarDates([bronze], { ...DEFAULT_SETTINGS, leadTimeBronzeDays: 150 }, { asOf: AS_OF }).find((d) => d.kind === "decide-by");
  expect(longer?.date).toBe(day(2026, 3, 30) - 150);
  // Re-procurement under way: the decision is made, its date is no longer one to keep.
  const decided = calendarDates([contract(2, { ...bronze.fields, status: "Re-procurement under way" })], DEFAULT_SETTINGS, { asOf: AS_OF });
  expect(decided.map((d) => d.kind)).toEqual(["notice", "end", "final-expiry"]);
});
