import { CALENDAR_DATE_KINDS, CalendarDateKind, calendarDates } from "../../src/core/calendarDates";
import { dateToSerial } from "../../src/core/dates";
import { procurementDuties } from "../../src/core/duties/procurementDuties";
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
    // Their decide-by dates (no tier: 180 days before the notice date) have passed, no decision recorded: on the as-of date.
    ["C-1", "Decide by", AS_OF],
    ["C-2", "Decide by", AS_OF],
    ["C-2", "Notice date", day(2025, 8, 2)],
    ["C-2", "Contract ends", day(2025, 10, 31)],
    ["C-1", "Notice date", day(2025, 12, 31)],
    ["C-1", "Contract ends", day(2026, 3, 31)],
    ["C-1", "Final expiry", day(2028, 3, 31)],
  ]);
  expect(dates[4].whatToDo).toBe("Last day to give notice (notice period 3 months, before the end on 31 Mar 2026): decide whether to extend, re-procure or let the contract end, and give notice if it is to end.");
});

test("no dates for a closed contract, a stand-in or unreadable end date, an ended contract, or dates beyond --within", () => {
  const rows = [
    contract(2, { contractId: "A", endDate: day(2026, 1, 1), status: "Terminated" }),
    contract(3, { contractId: "B", endDate: day(2099, 12, 31), noticePeriod: "1 month" }),
    contract(4, { contractId: "C", endDate: "soon" }),
    contract(5, { contractId: "D", endDate: day(2025, 7, 30) }),
    contract(6, { contractId: "E", endDate: day(2025, 7, 31) }),
    contract(7, { contractId: "F", endDate: day(2025, 9, 30) }),
  ];
  // D has ended: its passed end and decide-by dates are left out. E ends on the as-of date and F later, with their
  // decide-by dates passed and no decision recorded: those are on the as-of date, within any --within.
  const all = calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF }).map((d) => [d.contractId, d.kind, d.date]);
  expect(all).toEqual([
    ["E", "decide-by", AS_OF],
    ["E", "end", AS_OF],
    ["F", "decide-by", AS_OF],
    ["F", "end", day(2025, 9, 30)],
  ]);
  expect(calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF, withinDays: 0 }).map((d) => [d.contractId, d.kind, d.date])).toEqual(all.slice(0, 3));
});

test("UIDs stay the same whatever else changes, and contracts sharing an ID get their own", () => {
  // The end dates' events (their decide-by dates have UIDs of the same making, with decide-by- in front).
  const ends = (rows: NormalisedRow[]) => calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF }).filter((d) => d.kind === "end");
  const first = ends([contract(2, { contractId: "PO 18994", endDate: day(2026, 1, 1) }), contract(9, { contractId: "PO 18994", endDate: day(2026, 2, 1) })]);
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

describe("performance assessment dates (Procurement Act 2023 s.71), from the KPIs table", () => {
  const ON = day(2026, 11, 25);
  // A contract worth over £5 million, procured under the Act, and its KPIs as the KPIs table holds them.
  const care = (fields: NormalisedRow["fields"] = {}): NormalisedRow =>
    contract(2, { contractId: "C-3", title: "Adult social care", supplier: "Carewell", startDate: day(2025, 6, 1), endDate: day(2030, 5, 31), totalValue: 12_000_000, ...fields });
  const kpi = (name: string, assessedOn: number | null, contractId = "C-3"): NormalisedRow => ({ row: 5, fields: { contractId, kpi: name, target: 0.95, actual: 0.95, higherIsBetter: true, assessedOn } }) as NormalisedRow;
  const three = (assessedOn: number | null) => ["Visits on time", "Complaints resolved in 20 days", "Staff turnover"].map((n) => kpi(n, assessedOn));
  const assessments = (contracts: NormalisedRow[], kpis: NormalisedRow[] | undefined, settings = DEFAULT_SETTINGS, asOf = ON) =>
    calendarDates(contracts, settings, { asOf, kpis }).filter((d) => d.kind === "assessment");

  test("due 12 months after the last Assessed on, saying what to do, against how many KPIs, and since when; reminded when the pane starts listing it", () => {
    const [due] = assessments([care()], three(day(2026, 3, 31)));
    expect(due).toMatchObject({ label: "Performance assessment due", date: day(2027, 3, 31), uid: "assessment-c-3@contract-tracker", reminderDays: DEFAULT_SETTINGS.dutyWarningDays });
    expect(due.whatToDo).toBe(
      "Assess the supplier's performance against its 3 KPIs and publish a contract performance notice with the rating (Good, Approaching target, Requires improvement, Inadequate or Other); last assessed 31 Mar 2026. " +
        "Procurement Act 2023 s.71: at least every 12 months, and at the end, for a contract worth over £5,000,000.",
    );
    // The warning days are the user's: the reminder follows them.
    expect(assessments([care()], three(day(2026, 3, 31)), { ...DEFAULT_SETTINGS, dutyWarningDays: 45 })[0].reminderDays).toBe(45);
  });

  test("overdue: on the as-of date, saying since when, reminded that morning; the same day the pane's duty gives", () => {
    const kpis = [kpi("Visits on time", day(2025, 9, 30)), kpi("Complaints resolved in 20 days", day(2025, 9, 30))];
    const [late] = assessments([care()], kpis);
    expect(late).toMatchObject({ date: ON, reminderDays: 0 });
    expect(late.whatToDo).toMatch(/^Overdue since 30 Sept 2026: assess the supplier's performance against its 2 KPIs \(at least 3 are needed: set and publish the rest\) and publish .*; last assessed 30 Sept 2025\./);
    const [duty] = procurementDuties({ contracts: [care()], kpis }, DEFAULT_SETTINGS, ON).filter((d) => d.kind === "assessment");
    expect(duty.dueDate).toBe(day(2026, 9, 30));
    // Exported again a week later, the same event (its UID) moves to that day: one reminder, never a pile of them.
    expect(assessments([care()], kpis, DEFAULT_SETTINGS, ON + 7)[0]).toMatchObject({ date: ON + 7, uid: late.uid });
  });

  test("none assessed yet: the first is due 12 months after the start; with no KPIs recorded it says to set them first", () => {
    const [first] = assessments([care({ startDate: day(2026, 2, 1) })], []);
    expect(first.date).toBe(day(2027, 2, 1));
    expect(first.whatToDo).toMatch(/^Assess the supplier's performance against its KPIs \(none is recorded: set and publish at least 3 first\) .*; no assessment is recorded yet\./);
  });

  test("a contract ending before the 12 months are up is assessed on its end, the last time; once that is recorded there is none", () => {
    const ending = care({ endDate: day(2027, 1, 31) });
    const [last] = assessments([ending], three(day(2026, 3, 31)));
    expect(last.date).toBe(day(2027, 1, 31));
    expect(last.whatToDo).toContain("with the rating (Good, Approaching target, Requires improvement, Inadequate or Other), the last one, as the contract ends on 31 Jan 2027; last assessed 31 Mar 2026.");
    expect(calendarDates([ending], DEFAULT_SETTINGS, { asOf: ON, kpis: three(day(2026, 3, 31)) }).filter((d) => d.date === day(2027, 1, 31)).map((d) => d.label)).toEqual(["Performance assessment due", "Contract ends"]);
    expect(assessments([care({ endDate: day(2026, 10, 31) })], three(day(2026, 10, 31)))).toEqual([]);
  });

  test("no assessment date where the duty does not reach: no KPIs table, £5 million or less, before the Act, closed or terminated, switched off in Settings", () => {
    const kpis = three(day(2026, 3, 31));
    expect(assessments([care()], undefined)).toEqual([]);
    expect(assessments([care({ totalValue: 5_000_000 })], kpis)).toEqual([]);
    expect(assessments([care({ totalValue: null })], kpis)).toEqual([]);
    expect(assessments([care({ startDate: day(2025, 2, 23) })], kpis)).toEqual([]);
    expect(assessments([care({ status: "Completed" })], kpis)).toEqual([]);
    expect(assessments([care({ status: "Terminated early" })], kpis)).toEqual([]);
    expect(assessments([care()], kpis, { ...DEFAULT_SETTINGS, procurementActDuties: false })).toEqual([]);
    expect(assessments([care()], kpis, { ...DEFAULT_SETTINGS, kpiDutyValueAbove: 20_000_000 })).toEqual([]);
    // The other dates of the contract (it has no notice period) are there all the same.
    expect(calendarDates([care()], { ...DEFAULT_SETTINGS, procurementActDuties: false }, { asOf: ON, kpis }).map((d) => d.kind)).toEqual(["decide-by", "end"]);
  });

  test("each contract gets its own KPIs' date, a KPI of another contract or of none counting for nobody", () => {
    const other = contract(3, { contractId: "C-9", title: "Highways", startDate: day(2025, 4, 1), endDate: day(2031, 3, 31), totalValue: 40_000_000 });
    const kpis = [...three(day(2026, 3, 31)), kpi("Potholes fixed in 24 hours", day(2026, 6, 30), "c-9"), kpi("Orphan", day(2026, 8, 1), "C-404")];
    expect(assessments([care(), other], kpis).map((d) => [d.contractId, d.date])).toEqual([
      ["C-3", day(2027, 3, 31)],
      ["C-9", day(2027, 6, 30)],
    ]);
  });
});
