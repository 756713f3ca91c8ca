import { CALENDAR_DATE_KINDS, ContractDate, calendarDates, contractCalendar, unrecognisedTiersNote } from "../../src/core/calendarDates";
import { contractStatus } from "../../src/core/contractStatus";
import { dateToSerial } from "../../src/core/dates";
import { dateInWords } from "../../src/core/dateWords";
import { procurementDuties } from "../../src/core/duties/procurementDuties";
import type { NormalisedRow } from "../../src/core/normalise";
import { DEFAULT_SETTINGS, TrackerSettings } from "../../src/core/settings";

// Dates that have passed but are still an action to take (decide-by and notice dates with no
// decision recorded on a running contract, performance assessments, termination notices) are put on
// the as-of date, saying since when; the rest of the passed dates are left out. Reminders never go
// off before the as-of date. Terminated contracts owe a termination notice (s.80) by the duty's rule.

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const AS_OF = day(2026, 11, 25);
const contract = (row: number, fields: NormalisedRow["fields"]): NormalisedRow => ({ row, fields }) as NormalisedRow;
const words = (serial: number): string => dateInWords(serial, "en-GB");
const CARRIED = new Set(["decide-by", "notice", "assessment", "termination-notice"]);

/** A register of every case: decisions passed, recorded or not; contracts running, ending today, ended; terminated. */
function register(): NormalisedRow[] {
  const rows: NormalisedRow["fields"][] = [];
  const statuses = ["", "Live", "Extended", "Notice given", "Re-procurement under way", "Completed", "Terminated", "Terminated - notice published"];
  const ends = [-400, -40, -1, 0, 1, 20, 60, 200, 400, 800];
  const notices = ["", "1 month", "3 months", "6 months", "12 months"];
  const tiers = ["", "Gold", "Silver", "Bronze"];
  let n = 0;
  for (const status of statuses)
    for (const end of ends)
      for (const notice of notices) {
        const tier = tiers[n % tiers.length];
        rows.push({ contractId: `K-${++n}`, title: "Case", status, tier, startDate: day(2025, 4, 1), endDate: AS_OF + end, noticePeriod: notice, extensionOptions: n % 3 === 0 ? "1+1" : "", totalValue: 6_000_000 });
      }
  return rows.map((f, i) => contract(i + 2, f));
}
const kpis = [contract(90, { contractId: "K-2", kpi: "On time", target: 1, actual: 1, higherIsBetter: true, assessedOn: day(2025, 6, 1) })];

describe("every kind of date the same way", () => {
  const dated = (asOf: number): ContractDate[] => calendarDates(register(), DEFAULT_SETTINGS, { asOf, kpis });

  test.each([AS_OF - 300, AS_OF, AS_OF + 45, AS_OF + 500])("as of day %i: a date to come is on its day; one passed is on the as-of date only where still to act on, saying since when, reminded that morning", (asOf) => {
    const dates = dated(asOf);
    expect(dates.length).toBeGreaterThan(50);
    for (const d of dates) {
      expect(d.date).toBe(Math.max(d.due, asOf));
      // A reminder never goes off before the as-of date, nor later than the kind's own lead.
      expect(d.reminderDays).toBeGreaterThanOrEqual(0);
      expect(d.reminderDays).toBeLessThanOrEqual(d.date - asOf);
      if (d.due >= asOf) {
        expect(d.whatToDo).not.toMatch(/^Overdue/);
        continue;
      }
      expect(CARRIED.has(d.kind)).toBe(true);
      expect(d.whatToDo.startsWith(`Overdue since ${words(d.due)}`)).toBe(true);
      expect(d.reminderDays).toBe(0);
    }
    // A passed end or final expiry date is not an action to take on time: never carried.
    expect(dates.filter((d) => (d.kind === "end" || d.kind === "final-expiry") && d.due < asOf)).toEqual([]);
    expect(new Set(dates.map((d) => d.uid)).size).toBe(dates.length);
  });

  test("a passed decide-by or notice date is carried only while no decision is recorded and the contract runs; one event asks for the decision", () => {
    const rows = register();
    const dates = dated(AS_OF);
    const passed = dates.filter((d) => (d.kind === "decide-by" || d.kind === "notice") && d.due < AS_OF);
    expect(passed.length).toBeGreaterThan(10);
    for (const d of passed) {
      const f = rows.find((r) => r.row === d.row)?.fields ?? {};
      expect(["", "Live"]).toContain(f.status);
      expect(Number(f.endDate)).toBeGreaterThanOrEqual(AS_OF);
    }
    // Never both for one contract: once the notice date has passed, its event is the one.
    const rowsOf = (kind: string) => new Set(passed.filter((d) => d.kind === kind).map((d) => d.row));
    const notices = rowsOf("notice");
    expect([...rowsOf("decide-by")].filter((row) => notices.has(row))).toEqual([]);
    // Every running contract with a passed, unrecorded decision is in it: the summary's RAG calls each Amber or Red.
    const missed = rows.filter((r) => {
      const decideBy = contractStatus(r.fields, { slippage: null, kpiAttainment: null }, DEFAULT_SETTINGS, AS_OF).decideBy;
      return ["", "Live"].includes(String(r.fields.status)) && Number(r.fields.endDate) >= AS_OF && decideBy !== null && decideBy < AS_OF;
    });
    expect(missed.length).toBeGreaterThan(10);
    expect(new Set(passed.map((d) => d.row))).toEqual(new Set(missed.map((r) => r.row)));
  });
});

describe("a decide-by date passed with no decision recorded", () => {
  // Gold, ends 31 Mar 2028, 6 months' notice: notice by 30 Sept 2027, decide by 540 days before, 7 Apr 2026.
  const gold = contract(2, { contractId: "D-2", title: "Gold example", tier: "Gold", endDate: day(2028, 3, 31), noticePeriod: "6 months" });
  const DUE = day(2027, 9, 30) - 540;

  test("is on the as-of date, overdue since its day, reminded that morning, with the same UID as before it passed", () => {
    const before = calendarDates([gold], DEFAULT_SETTINGS, { asOf: DUE - 10 }).find((d) => d.kind === "decide-by");
    const [late] = calendarDates([gold], DEFAULT_SETTINGS, { asOf: AS_OF }).filter((d) => d.kind === "decide-by");
    expect(late).toMatchObject({ label: "Decide by", date: AS_OF, due: DUE, reminderDays: 0, uid: before?.uid });
    expect(late.whatToDo).toBe(
      `Overdue since ${words(DUE)}, with no decision recorded: decide now whether to extend, re-procure or let the contract end: ` +
        "less than the re-procurement lead time of a Gold contract is left before the notice date 30 Sept 2027. " +
        "Record the decision in Status (e.g. Extended, Notice given, Re-procurement under way) and the date leaves the calendar.",
    );
    // Exported again a week later, the same event moves to that day.
    expect(calendarDates([gold], DEFAULT_SETTINGS, { asOf: AS_OF + 7 }).find((d) => d.kind === "decide-by")).toMatchObject({ date: AS_OF + 7, uid: late.uid });
  });

  test("is left out once the status records the decision", () => {
    for (const status of ["Extended", "Notice given", "Re-procurement under way"]) {
      expect(calendarDates([contract(2, { ...gold.fields, status })], DEFAULT_SETTINGS, { asOf: AS_OF }).filter((d) => d.due < AS_OF)).toEqual([]);
    }
  });

  test("once the notice date has passed too, the notice date's event asks for the decision, until the contract ends", () => {
    const asOf = day(2027, 10, 15);
    const dates = calendarDates([gold], DEFAULT_SETTINGS, { asOf });
    expect(dates.map((d) => [d.kind, d.date, d.due])).toEqual([
      ["notice", asOf, day(2027, 9, 30)],
      ["end", day(2028, 3, 31), day(2028, 3, 31)],
    ]);
    expect(dates[0].whatToDo).toBe(
      "Overdue since 30 Sept 2027, the last day to give notice (notice period 6 months, before the end on 31 Mar 2028), with no decision recorded: " +
        "decide now whether to extend, re-procure or let the contract end, and check the contract's terms for what notice given now still does. " +
        "Record the decision in Status (e.g. Extended, Notice given, Re-procurement under way) and the date leaves the calendar.",
    );
    expect(calendarDates([gold], DEFAULT_SETTINGS, { asOf: day(2028, 4, 1) })).toEqual([]);
  });
});

test("a reminder that would fall before the as-of date goes off on it", () => {
  // Decide-by on the as-of date, end in 10 days, final expiry in 100: reminders 0, 10 and 100 days before, not 28, 28 and 182.
  const asOf = day(2026, 3, 21) - 180;
  const dates = calendarDates([contract(2, { contractId: "R-1", endDate: day(2026, 3, 21), extensionOptions: "90 days" })], DEFAULT_SETTINGS, { asOf });
  expect(dates.map((d) => [d.kind, d.date - asOf, d.reminderDays])).toEqual([
    ["decide-by", 0, 0],
    ["end", 180, 28],
    ["final-expiry", 270, 182],
  ]);
  const soon = calendarDates([contract(2, { contractId: "R-1", endDate: asOf + 10, extensionOptions: "90 days" })], DEFAULT_SETTINGS, { asOf });
  expect(soon.map((d) => [d.kind, d.date - asOf, d.reminderDays])).toEqual([
    ["decide-by", 0, 0],
    ["end", 10, 10],
    ["final-expiry", 100, 100],
  ]);
});

describe("termination notices (Procurement Act 2023 s.80)", () => {
  const terminated = (id: string, endDate: number | null, status = "Terminated", startDate = day(2025, 4, 1)): NormalisedRow =>
    contract(2, { contractId: id, title: "Printing", startDate, endDate, status });
  const notices = (rows: NormalisedRow[], settings: TrackerSettings = DEFAULT_SETTINGS, asOf = AS_OF) =>
    calendarDates(rows, settings, { asOf }).filter((d) => d.kind === "termination-notice");

  test("due 30 days after the end date, saying what to do; overdue, on the as-of date saying since when", () => {
    const [due] = notices([terminated("C-4", AS_OF - 10)]);
    expect(due).toMatchObject({ label: "Termination notice due", date: AS_OF + 20, due: AS_OF + 20, reminderDays: 20, uid: "termination-notice-c-4@contract-tracker" });
    expect(due.whatToDo).toBe(
      "Publish a contract termination notice, then note it in Status (e.g. Terminated – notice published) and the date leaves the calendar. " +
        `Procurement Act 2023 s.80: within 30 days of termination; terminated on ${words(AS_OF - 10)}.`,
    );
    const [late] = notices([terminated("C-4", AS_OF - 45)]);
    expect(late).toMatchObject({ date: AS_OF, due: AS_OF - 15, reminderDays: 0, uid: due.uid });
    expect(late.whatToDo).toMatch(new RegExp(`^Overdue since ${words(AS_OF - 15)}: publish a contract termination notice`));
  });

  test("the same contracts and days as the pane's duties, whatever the status, start, Settings and day", () => {
    const cases: NormalisedRow[] = [];
    const statuses = ["Terminated", "Terminated early", "Terminated - notice published", "Termination pending", "Completed", "Live"];
    const ends = [null, -400, -200, -31, -30, -1, 0, 5, 60];
    const starts = [day(2024, 6, 1), day(2025, 2, 24), day(2025, 9, 1), null];
    let n = 0;
    for (const status of statuses) for (const end of ends) for (const start of starts) cases.push(contract(++n + 1, { contractId: `T-${n}`, status, startDate: start, endDate: end === null ? null : AS_OF + end }));
    const settingsList: TrackerSettings[] = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, terminationNoticeDays: 60 },
      { ...DEFAULT_SETTINGS, actCommencementDate: day(2024, 1, 1) },
      { ...DEFAULT_SETTINGS, staleAfterDays: 30 },
      { ...DEFAULT_SETTINGS, procurementActDuties: false },
    ];
    for (const settings of settingsList)
      for (const asOf of [AS_OF, AS_OF + 40]) {
        const duties = procurementDuties({ contracts: cases }, settings, asOf).filter((x) => x.kind === "termination" && x.dueDate !== null);
        const events = notices(cases, settings, asOf);
        expect(events.map((e) => [e.contractId, e.due, e.date]).sort()).toEqual(duties.map((x) => [x.id, x.dueDate, Math.max(x.dueDate ?? 0, asOf)]).sort());
      }
    expect(notices(cases).length).toBeGreaterThan(5);
    expect(notices(cases, { ...DEFAULT_SETTINGS, procurementActDuties: false })).toEqual([]);
  });

  test("a terminated contract has no other date, and its notice comes before the end on a day they share", () => {
    expect(calendarDates([terminated("C-4", AS_OF - 10)], DEFAULT_SETTINGS, { asOf: AS_OF }).map((d) => d.kind)).toEqual(["termination-notice"]);
    expect(CALENDAR_DATE_KINDS.map((k) => k.key).indexOf("termination-notice")).toBeLessThan(CALENDAR_DATE_KINDS.map((k) => k.key).indexOf("end"));
  });
});

describe("contracts with no decide-by date because their tier is not recognised", () => {
  const row = (n: number, tier: string, fields: NormalisedRow["fields"] = {}): NormalisedRow =>
    contract(n, { contractId: `D-${n}`, tier, endDate: day(2028, 3, 31), noticePeriod: "6 months", ...fields });

  test("are counted and the first few named; a tier read in any case or spacing, a closed, decided or ended contract is not", () => {
    const rows = [
      row(2, "Gold"),
      row(3, "Gld"),
      row(4, " GOLD "),
      row(5, ""),
      row(6, "Platinum"),
      row(7, "Gld", { status: "Completed" }),
      row(8, "Gld", { status: "Extended" }),
      row(9, "Gld", { endDate: AS_OF - 1 }),
      row(10, "Sliver"),
      row(11, "Tier 1"),
      row(12, "2"),
    ];
    const { dates, unrecognisedTiers } = contractCalendar(rows, DEFAULT_SETTINGS, { asOf: AS_OF });
    expect(unrecognisedTiers).toEqual({
      count: 5,
      named: [
        { contractId: "D-3", tier: "Gld" },
        { contractId: "D-6", tier: "Platinum" },
        { contractId: "D-10", tier: "Sliver" },
      ],
    });
    // Those counted are exactly the running, undecided contracts without a decide-by event.
    const deciding = new Set(dates.filter((d) => d.kind === "decide-by").map((d) => d.contractId));
    expect(["D-2", "D-4", "D-5"].every((id) => deciding.has(id))).toBe(true);
    expect(["D-3", "D-6", "D-10", "D-11", "D-12"].some((id) => deciding.has(id))).toBe(false);
    expect(unrecognisedTiersNote(unrecognisedTiers)).toBe(
      'No decide-by date for 5 contracts whose tier is not recognised: D-3 "Gld", D-6 "Platinum", D-10 "Sliver" and 2 more (use Gold, Silver or Bronze, or leave it blank for no tier).',
    );
    expect(unrecognisedTiersNote(contractCalendar([row(3, "Gld")], DEFAULT_SETTINGS, { asOf: AS_OF }).unrecognisedTiers)).toBe(
      'No decide-by date for 1 contract whose tier is not recognised: D-3 "Gld" (use Gold, Silver or Bronze, or leave it blank for no tier).',
    );
    expect(unrecognisedTiersNote(contractCalendar([row(2, "Gold")], DEFAULT_SETTINGS, { asOf: AS_OF }).unrecognisedTiers)).toBe("");
  });
});
