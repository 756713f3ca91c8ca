import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { cli } from "../helpers/cli";
import { ParsedEvent, parseEvents } from "../helpers/icalendar";

// `contract-tracker calendar`: the file is read back by ical.js, an independent parser, and every
// event is checked against the register it came from.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const ACT = path.join(REAL, "act-gov-contracts/act_contracts_2025.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-calendar-"));
const DAY = 86_400;

const read = (file: string) => parseEvents(fs.readFileSync(file, "utf8"));
const addDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY * 1000).toISOString().slice(0, 10);

describe("the ACT register's expiry dates within a year of 31 Jul 2025", () => {
  const out = path.join(dir, "act.ics");
  let events: ParsedEvent[];
  let printed: string;
  // The register read independently: every row whose ISO expiry_date falls in the year.
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(ACT, "utf8"), { header: true, skipEmptyLines: true }).data;
  const inYear = (iso: string): boolean => iso >= "2025-07-31" && iso <= "2026-07-31";
  const expected = rows.filter((r) => inYear(r.expiry_date));
  // No tiers and no notice periods: each decide-by date is the expiry less the untiered lead time (180 days);
  // one passed with the contract still running (every status is Current: no decision recorded) is on the as-of date.
  const decideOn = (r: Record<string, string>): string => (addDays(r.expiry_date, -180) < "2025-07-31" ? "2025-07-31" : addDays(r.expiry_date, -180));
  const deciding = rows.filter((r) => r.expiry_date >= "2025-07-31" && inYear(decideOn(r)));
  const overdue = deciding.filter((r) => addDays(r.expiry_date, -180) < "2025-07-31");
  const ofKind = (kind: "end" | "decide-by"): ParsedEvent[] => events.filter((e) => e.uid.startsWith(`${kind}-`));

  beforeAll(async () => {
    const result = await cli("calendar", ACT, "--out", out, "--as-of", "2025-07-31", "--within", "365");
    expect(result).toMatchObject({ code: 0, err: "" });
    printed = result.out;
    events = read(out).events;
  }, 60_000);

  test("one all-day event for each contract ending in the year, on its day", () => {
    expect(expected.length).toBeGreaterThan(100);
    expect(ofKind("end")).toHaveLength(expected.length);
    const seen = new Set<number>();
    for (const e of ofKind("end")) {
      expect(e.allDay).toBe(true);
      expect(e.end).toBe(addDays(e.start, 1));
      // The event names its sheet row: the register's row 2 is the first below the headers.
      const sheetRow = Number(/row (\d+) \(Contract Tracker for Excel\)$/.exec(e.description)?.[1]);
      seen.add(sheetRow);
      const row = rows[sheetRow - 2];
      expect(expected).toContain(row);
      expect(e.start).toBe(row.expiry_date);
      expect(e.summary).toBe(`Contract ends: ${row.contract_number.trim()} ${row.title.replace(/\s+/g, " ").trim()}`);
      expect(e.description.split("\n")[0]).toBe("The contract ends: have the replacement or exit in place, and mark it closed once it has ended.");
      // A cell's line breaks are spaces in the event (a line break would end the description's line).
      const words = (text: string): string => text.replace(/\s+/g, " ").trim();
      expect(words(e.description)).toContain(`Supplier: ${words(row.suppliers)}`);
      expect(words(e.description)).toContain(`Department: ${words(row.directorate)}`);
    }
    expect(seen.size).toBe(expected.length);
    // The line after writing: how many dates, of how many contracts (rows), from the first day to the last.
    const contracts = new Set([...expected, ...deciding]).size;
    const days = [...expected.map((r) => r.expiry_date), ...deciding.map(decideOn)].sort();
    const inWords = (iso: string): string => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
    const count = (n: number): string => n.toLocaleString("en-GB");
    expect(printed).toBe(`Wrote ${out}: ${count(expected.length + deciding.length)} dates of ${count(contracts)} contracts, ${inWords(days[0])} – ${inWords(days[days.length - 1])}\n`);
  });

  test("and one for each decision to extend or re-procure due in the year, or overdue: the expiry less the lead time of a contract with no tier", () => {
    expect(deciding.length).toBeGreaterThan(50);
    expect(overdue.length).toBeGreaterThan(10);
    const decide = ofKind("decide-by");
    expect(decide).toHaveLength(deciding.length);
    for (const e of decide) {
      const row = rows[Number(/row (\d+) \(Contract Tracker for Excel\)$/.exec(e.description)?.[1]) - 2];
      expect(deciding).toContain(row);
      expect(e.start).toBe(decideOn(row));
      expect(e.summary).toBe(`Decide by: ${row.contract_number.trim()} ${row.title.replace(/\s+/g, " ").trim()}`);
      const [what, when] = e.description.split("\n");
      if (overdue.includes(row)) {
        // Passed, with no decision recorded and the contract running: still the decision to make, now.
        expect(what).toMatch(/^Overdue since \d{1,2} \w{3,4} 20\d\d, with no decision recorded: decide now whether to extend, re-procure or let the contract end: less than the re-procurement lead time is left before the end on \d{1,2} \w{3,4} \d{4}\. Record the decision in Status/);
        expect(when).toMatch(/^Decide by: \d{1,2} \w{3,4} 202\d \(overdue\)$/);
      } else {
        expect(what).toMatch(/^Decide whether to extend.*, re-procure or let the contract end: from here there is only the re-procurement lead time left before the end on \d{1,2} \w{3,4} \d{4}\.$/);
      }
    }
    expect(events).toHaveLength(expected.length + deciding.length);
  });

  test("each has a reminder at 09:00 four weeks before, or on the as-of date where that is later, shows as free time, and a UID of its own", () => {
    for (const e of events) {
      const daysAhead = Math.round((Date.parse(e.start) - Date.parse("2025-07-31")) / (DAY * 1000));
      expect(e.alarms).toEqual([{ action: "DISPLAY", triggerSeconds: -(Math.min(28, daysAhead) * DAY - 9 * 3600), related: "START", description: e.summary }]);
      expect(e.transparent).toBe(true);
      expect(e.categories).toEqual(["Contracts", e.uid.startsWith("end-") ? "Contract ends" : "Decide by"]);
      expect(e.uid).toMatch(/^(end|decide-by)-[^@\s]+@contract-tracker$/);
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  test("exported again, every event keeps its UID and comes as a later revision, so a calendar updates it", async () => {
    const again = path.join(dir, "act-again.ics");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await cli("calendar", ACT, "--out", again, "--as-of", "2025-07-31", "--within", "365")).code).toBe(0);
    const second = read(again).events;
    expect(second.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(second[0].sequence).toBeGreaterThan(events[0].sequence);
  }, 60_000);
});

test("a register with notice periods and extension options: notice, end and final expiry dates, and its text kept as text", async () => {
  const register = path.join(dir, "council.csv");
  const hostile = "Evil\r\nBEGIN:VEVENT\r\nSUMMARY:pwned; a,b \\ c\u2028next";
  fs.writeFileSync(
    register,
    Papa.unparse([
      ["Contract ID", "Title", "Supplier", "Contract manager", "End date", "Notice period", "Extension options", "Status"],
      ["C-1", hostile, "Binco Ltd", "Sam Patel", "31/03/2026", "3 months", "1+1", "Active"],
      ["C-2", "Cleaning", "Shine Ltd", "Jo Bloggs", "30/06/2025", "", "", "Active"],
      ["C-3", "Catering", "Feed Ltd", "Jo Bloggs", "30/09/2026", "90 days", "", "Terminated"],
      ["C-4", "Security", "Guard Ltd", "Ali Khan", "31/12/2099", "1 month", "", "Active"],
    ]),
  );
  const out = path.join(dir, "council.ics");
  expect(await cli("calendar", register, "--out", out, "--as-of", "2025-07-31")).toEqual({ code: 0, out: `Wrote ${out}: 4 dates of 1 contract, 31 Jul 2025 – 31 Mar 2027\n`, err: "" });
  const { events } = read(out);
  // C-2 has ended, C-3 is terminated (on its end date, still to come: no termination notice is due yet), C-4's end date is a
  // stand-in: none of them has a date. C-1's decide-by date (3 Jul 2025) has passed with no decision recorded: on the as-of date.
  expect(events.map((e) => [e.start, e.uid])).toEqual([
    ["2025-07-31", "decide-by-c-1@contract-tracker"],
    ["2025-12-31", "notice-c-1@contract-tracker"],
    ["2026-03-31", "end-c-1@contract-tracker"],
    ["2027-03-31", "final-expiry-c-1@contract-tracker"],
  ]);
  const title = "Evil BEGIN:VEVENT SUMMARY:pwned; a,b \\ c next";
  expect(events.map((e) => e.summary)).toEqual([`Decide by: C-1 ${title}`, `Notice date: C-1 ${title}`, `Contract ends: C-1 ${title}`, `Final expiry: C-1 ${title}`]);
  expect(events[1].description.split("\n")).toEqual([
    "Last day to give notice (notice period 3 months, before the end on 31 Mar 2026): decide whether to extend, re-procure or let the contract end, and give notice if it is to end.",
    "Notice date: 31 Dec 2025",
    `Contract: C-1 — ${title}`,
    "Supplier: Binco Ltd",
    "Contract manager: Sam Patel",
    "From council.csv, row 2 (Contract Tracker for Excel)",
  ]);
  expect(events[2].description).toMatch(/^The contract ends unless an extension is taken \(options: 1\+1\)/);
  expect(events[3].alarms[0].triggerSeconds).toBe(-(182 * DAY - 9 * 3600));
  // No line of the file starts a property the register's text made.
  expect(fs.readFileSync(out, "utf8").split("\r\n").filter((l) => l.startsWith("SUMMARY:pwned"))).toEqual([]);
});

test("--within keeps the dates up to that many days ahead", async () => {
  const out = path.join(dir, "within.ics");
  expect((await cli("calendar", ACT, "--out", out, "--as-of", "2025-07-31", "--within", "200")).code).toBe(0);
  const { events } = read(out);
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => e.start >= "2025-07-31" && e.start <= addDays("2025-07-31", 200))).toBe(true);
}, 60_000);

describe("no date to put in a calendar: said, and no file written (RFC 5545: a calendar holds at least one event)", () => {
  const register = path.join(dir, "later.csv");
  fs.writeFileSync(register, "Contract ID,Title,End date,Status\nL-1,Parks,31/03/2027,Live\nL-2,Roads,30/06/2025,Live\n");

  test.each([
    ["every date is beyond --within 0", register, ["--as-of", "2025-07-31", "--within", "0"], "No dates from 31 Jul 2025 to 31 Jul 2025"],
    ["every date is beyond --within 30", register, ["--as-of", "2025-07-31", "--within", "30"], "No dates from 31 Jul 2025 to 30 Aug 2025"],
    ["the register has no date to come at all", ACT, ["--as-of", "2060-01-01"], "No dates from 1 Jan 2060 on"],
  ])("%s", async (_, file, args, said) => {
    const out = path.join(dir, `none-${args.join("")}.ics`);
    const result = await cli("calendar", file, "--out", out, ...args);
    expect(result).toEqual({
      code: 0,
      out: `${said}: no decide-by, notice, performance assessment, termination notice, end or final expiry date, overdue or to come, so there is no calendar to save. Nothing was written to ${out}.\n`,
      err: "",
    });
    expect(fs.existsSync(out)).toBe(false);
    // A file already there, even with --force, is left as it was.
    fs.writeFileSync(out, "mine");
    expect((await cli("calendar", file, "--out", out, "--force", ...args)).code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
  }, 60_000);
});

test("every line of the file ends with CRLF, END:VCALENDAR too", async () => {
  const out = path.join(dir, "crlf.ics");
  expect((await cli("calendar", ACT, "--out", out, "--as-of", "2025-07-31", "--within", "30")).code).toBe(0);
  const text = fs.readFileSync(out, "utf8");
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
}, 60_000);

test("contracts with a tier it cannot read are said on stderr, in one line: how many, the first few by ID", async () => {
  const register = path.join(dir, "tiers.csv");
  fs.writeFileSync(
    register,
    [
      "Contract ID,Title,Tier,End date,Notice period,Status",
      "D-1,Silver example,Silver,01/08/2028,3 months,Live",
      "D-3,Typo tier,Gld,31/03/2028,6 months,Live",
      "D-4,No tier,,31/03/2028,6 months,Live",
      "D-7,Spaced tier, GOLD ,31/03/2028,12 weeks,Live",
      "D-8,Another,Sliver,31/03/2028,6 months,Live",
      "D-9,Closed,Gld,31/03/2028,6 months,Completed",
      "D-10,Third,Tier 1,31/03/2028,6 months,Live",
      "D-11,Fourth,Au,31/03/2028,6 months,Live",
    ].join("\n"),
  );
  const out = path.join(dir, "tiers.ics");
  const result = await cli("calendar", register, "--out", out, "--as-of", "2026-11-25");
  expect(result.code).toBe(0);
  expect(result.err).toBe(
    'No decide-by date for 4 contracts whose tier is not recognised: D-3 "Gld", D-8 "Sliver", D-10 "Tier 1" and 1 more (use Gold, Silver or Bronze, or leave it blank for no tier); contract-tracker check lists them\n',
  );
  const deciding = read(out).events.filter((e) => e.uid.startsWith("decide-by-")).map((e) => e.uid);
  expect(deciding.sort()).toEqual(["decide-by-d-1@contract-tracker", "decide-by-d-4@contract-tracker", "decide-by-d-7@contract-tracker"]);
  // A register whose tiers are all read says nothing.
  expect((await cli("calendar", ACT, "--out", path.join(dir, "act-tiers.ics"), "--as-of", "2025-07-31")).err).toBe("");
}, 60_000);

test("the output is as safe as convert's: never over the register, never over a file unasked, usage checked first", async () => {
  const out = path.join(dir, "safe.ics");
  fs.writeFileSync(out, "mine");
  expect(await cli("calendar", ACT, "--out", out)).toMatchObject({ code: 1, err: `contract-tracker: ${out} already exists: give --force to replace it\n` });
  expect(fs.readFileSync(out, "utf8")).toBe("mine");
  expect((await cli("calendar", ACT, "--out", out, "--force", "--as-of", "2025-07-31")).code).toBe(0);
  expect(read(out).events.length).toBeGreaterThan(0);
  expect(await cli("calendar", ACT, "--out", ACT, "--force")).toMatchObject({ code: 1, err: expect.stringContaining("is the register itself") });
  expect(await cli("calendar", ACT)).toMatchObject({ code: 2, err: expect.stringMatching(/^calendar needs --out DATES\.ics\n/) });
  expect(await cli("calendar", ACT, "--out", out, "--within", "soon")).toMatchObject({ code: 2, err: expect.stringMatching(/^--within is a whole number of days/) });
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}, 60_000);
