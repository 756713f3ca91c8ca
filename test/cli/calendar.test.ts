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
  // No tiers and no notice periods: each decide-by date is the expiry less the untiered lead time (180 days).
  const deciding = rows.filter((r) => r.expiry_date !== "" && inYear(addDays(r.expiry_date, -180)));
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
    const days = [...expected.map((r) => r.expiry_date), ...deciding.map((r) => addDays(r.expiry_date, -180))].sort();
    const inWords = (iso: string): string => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
    const count = (n: number): string => n.toLocaleString("en-GB");
    expect(printed).toBe(`Wrote ${out}: ${count(expected.length + deciding.length)} dates of ${count(contracts)} contracts, ${inWords(days[0])} – ${inWords(days[days.length - 1])}\n`);
  });

  test("and one for each decision to extend or re-procure due in the year: the expiry less the lead time of a contract with no tier", () => {
    expect(deciding.length).toBeGreaterThan(50);
    const decide = ofKind("decide-by");
    expect(decide).toHaveLength(deciding.length);
    for (const e of decide) {
      const row = rows[Number(/row (\d+) \(Contract Tracker for Excel\)$/.exec(e.description)?.[1]) - 2];
      expect(deciding).toContain(row);
      expect(e.start).toBe(addDays(row.expiry_date, -180));
      expect(e.summary).toBe(`Decide by: ${row.contract_number.trim()} ${row.title.replace(/\s+/g, " ").trim()}`);
      expect(e.description.split("\n")[0]).toMatch(/^Decide whether to extend.*, re-procure or let the contract end: from here there is only the re-procurement lead time left before the end on \d{1,2} \w{3,4} \d{4}\.$/);
    }
    expect(events).toHaveLength(expected.length + deciding.length);
  });

  test("each has a reminder at 09:00 four weeks before, shows as free time, and a UID of its own", () => {
    for (const e of events) {
      expect(e.alarms).toEqual([{ action: "DISPLAY", triggerSeconds: -(28 * DAY - 9 * 3600), related: "START", description: e.summary }]);
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
  expect(await cli("calendar", register, "--out", out, "--as-of", "2025-07-31")).toEqual({ code: 0, out: `Wrote ${out}: 3 dates of 1 contract, 31 Dec 2025 – 31 Mar 2027\n`, err: "" });
  const { events } = read(out);
  // C-2 has ended, C-3 is terminated, C-4's end date is a stand-in: none of them has a date to come.
  expect(events.map((e) => [e.start, e.uid])).toEqual([
    ["2025-12-31", "notice-c-1@contract-tracker"],
    ["2026-03-31", "end-c-1@contract-tracker"],
    ["2027-03-31", "final-expiry-c-1@contract-tracker"],
  ]);
  const title = "Evil BEGIN:VEVENT SUMMARY:pwned; a,b \\ c next";
  expect(events.map((e) => e.summary)).toEqual([`Notice date: C-1 ${title}`, `Contract ends: C-1 ${title}`, `Final expiry: C-1 ${title}`]);
  expect(events[0].description.split("\n")).toEqual([
    "Last day to give notice (notice period 3 months, before the end on 31 Mar 2026): decide whether to extend, re-procure or let the contract end, and give notice if it is to end.",
    "Notice date: 31 Dec 2025",
    `Contract: C-1 — ${title}`,
    "Supplier: Binco Ltd",
    "Contract manager: Sam Patel",
    "From council.csv, row 2 (Contract Tracker for Excel)",
  ]);
  expect(events[1].description).toMatch(/^The contract ends unless an extension is taken \(options: 1\+1\)/);
  expect(events[2].alarms[0].triggerSeconds).toBe(-(182 * DAY - 9 * 3600));
  // No line of the file starts a property the register's text made.
  expect(fs.readFileSync(out, "utf8").split("\r\n").filter((l) => l.startsWith("SUMMARY:pwned"))).toEqual([]);
});

test("--within keeps the dates up to that many days ahead; an empty calendar is said", async () => {
  const out = path.join(dir, "within.ics");
  expect((await cli("calendar", ACT, "--out", out, "--as-of", "2025-07-31", "--within", "200")).code).toBe(0);
  const { events } = read(out);
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((e) => e.start >= "2025-07-31" && e.start <= addDays("2025-07-31", 200))).toBe(true);
  const none = path.join(dir, "none.ics");
  expect(await cli("calendar", ACT, "--out", none, "--as-of", "2060-01-01")).toMatchObject({ code: 0, out: `Wrote ${none}: no decide-by, notice, assessment or end date from 1 Jan 2060 (the calendar is empty)\n` });
  expect(read(none).events).toEqual([]);
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
