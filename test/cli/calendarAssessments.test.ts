import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { cli } from "../helpers/cli";
import { ParsedEvent, parseEvents } from "../helpers/icalendar";

// `contract-tracker calendar` on trackers with a KPIs sheet: each contract over the KPI value
// (Procurement Act 2023 s.71) gets its next performance assessment, read back by ical.js, an
// independent parser, and checked against the sheets it came from.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const OCDS = path.join(REAL, "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-calendar-kpis-"));
const DAY = 86_400;

const assessments = (events: ParsedEvent[]): ParsedEvent[] => events.filter((e) => e.uid.startsWith("assessment-"));
const sheetRow = (e: ParsedEvent): number => Number(/row (\d+) \(Contract Tracker for Excel\)$/.exec(e.description)?.[1]);

/** A tracker workbook of the sheets given, each a header row and rows, as a user's workbook holds them. */
async function workbook(name: string, sheets: Record<string, (string | number | boolean | null)[][]>): Promise<string> {
  const file = path.join(dir, name);
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows);
  await book.xlsx.writeFile(file);
  return file;
}

describe("a tracker built here: two contracts over £5 million with KPIs, two that are not", () => {
  const contracts = [
    ["Contract ID", "Title", "Supplier", "Start date", "End date", "Total value", "Status"],
    ["C-1", "Adult social care", "Carewell", "01/06/2025", "31/05/2030", 12_000_000, "Live"],
    ["C-2", "Highways maintenance", "Roadway Ltd", "01/04/2025", "31/03/2031", 40_000_000, "Live"],
    ["C-3", "Cleaning", "Shine Ltd", "01/04/2025", "31/03/2028", 1_000_000, "Live"],
    ["C-4", "Waste collection", "Binco Ltd", "01/04/2019", "31/03/2029", 60_000_000, "Live"],
  ];
  const kpis = [
    ["Contract ID", "KPI", "Target", "Actual", "Period", "Higher is better", "Assessed on"],
    ["C-1", "Visits on time", 0.98, 0.9, "Q2 2025", true, "30/09/2025"],
    ["C-1", "Complaints resolved in 20 days", 0.95, 0.95, "Q2 2025", true, "30/09/2025"],
    ["C-2", "Potholes made safe in 24 hours", 0.95, 0.97, "Q1 2026", true, "31/03/2026"],
    ["C-2", "Gullies cleared", 0.9, 0.9, "Q1 2026", true, "31/03/2026"],
    ["C-2", "Complaints answered in 10 days", 0.95, 0.96, "Q1 2026", true, "15/03/2026"],
    ["C-3", "Audit score", 0.9, 0.93, "Q1 2026", true, "31/03/2026"],
  ];

  test("C-1's overdue assessment is on the as-of date, reminded that morning; C-2's is 12 months after its last, reminded 30 days before", async () => {
    const file = await workbook("kpis.xlsx", { Contracts: contracts, KPIs: kpis, Settings: [["Name", "Value"]] });
    const out = path.join(dir, "kpis.ics");
    expect(await cli("calendar", file, "--out", out, "--as-of", "2026-11-25")).toMatchObject({ code: 0, err: "" });
    const [late, due] = assessments(parseEvents(fs.readFileSync(out, "utf8")).events);
    expect(assessments(parseEvents(fs.readFileSync(out, "utf8")).events)).toHaveLength(2);
    expect(late).toMatchObject({ uid: "assessment-c-1@contract-tracker", start: "2026-11-25", end: "2026-11-26", allDay: true, summary: "Performance assessment due: C-1 Adult social care" });
    expect(late.description.split("\n").slice(0, 3)).toEqual([
      "Overdue since 30 Sept 2026: assess the supplier's performance against its 2 KPIs (at least 3 are needed: set and publish the rest) and publish a contract performance notice with the rating (Good, Approaching target, Requires improvement, Inadequate or Other); last assessed 30 Sept 2025. Procurement Act 2023 s.71: at least every 12 months, and at the end, for a contract worth over £5,000,000.",
      // The day it fell due, not the as-of date the event is on.
      "Performance assessment due: 30 Sept 2026 (overdue)",
      "Contract: C-1 — Adult social care",
    ]);
    expect(late.alarms).toEqual([{ action: "DISPLAY", triggerSeconds: 9 * 3600, related: "START", description: late.summary }]);
    expect(late.categories).toEqual(["Contracts", "Performance assessment due"]);
    // The latest Assessed on of C-2's KPIs is its last assessment.
    expect(due).toMatchObject({ uid: "assessment-c-2@contract-tracker", start: "2027-03-31" });
    expect(due.description).toMatch(/^Assess the supplier's performance against its 3 KPIs and publish .*; last assessed 31 Mar 2026\./);
    expect(due.alarms).toEqual([{ action: "DISPLAY", triggerSeconds: -(30 * DAY - 9 * 3600), related: "START", description: due.summary }]);
  }, 60_000);

  test("switched off in Settings (procurement_act_duties off), there are no assessment dates; the others stay", async () => {
    const file = await workbook("kpis-off.xlsx", { Contracts: contracts, KPIs: kpis, Settings: [["Name", "Value"], ["procurement_act_duties", "off"]] });
    const out = path.join(dir, "kpis-off.ics");
    expect((await cli("calendar", file, "--out", out, "--as-of", "2026-11-25")).code).toBe(0);
    const { events } = parseEvents(fs.readFileSync(out, "utf8"));
    expect(assessments(events)).toEqual([]);
    expect(events.map((e) => e.uid)).toContain("end-c-3@contract-tracker");
  }, 60_000);
});

describe("the UK OCDS register as a tracker's Contracts sheet, with a KPIs sheet made here for two of its contracts", () => {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(OCDS, "utf8"), { header: true, skipEmptyLines: true }).data;
  const headers = Object.keys(rows[0]);
  const day = (text: string): string => text.slice(0, 10);
  const nextYear = (iso: string): string => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  const AS_OF = "2026-01-15";
  // Read here as `map` shows the register's columns: ID ocid, Start award_contract_start, End award_contract_end, Total value award_value.
  const inScope = rows.filter((r) => r.award_value !== "" && Number(r.award_value) > 5_000_000 && r.award_contract_start !== "" && day(r.award_contract_start) >= "2025-02-24");
  const unique = inScope.filter((r) => rows.filter((o) => o.ocid === r.ocid).length === 1);
  const assessed = new Map([
    [unique[0].ocid, "2025-10-31"],
    [unique[1].ocid, "2025-12-01"],
  ]);
  let events: ParsedEvent[];

  beforeAll(async () => {
    const kpiRows = [...assessed].flatMap(([ocid, on]) => ["On time", "Within budget", "Satisfaction"].map((kpi) => [ocid, kpi, 0.95, 0.96, "2025", true, on]));
    const file = await workbook("ocds-tracker.xlsx", {
      Contracts: [headers, ...rows.map((r) => headers.map((h) => r[h]))],
      KPIs: [["Contract ID", "KPI", "Target", "Actual", "Period", "Higher is better", "Assessed on"], ...kpiRows],
    });
    const out = path.join(dir, "ocds.ics");
    expect(await cli("calendar", file, "--out", out, "--as-of", AS_OF)).toMatchObject({ code: 0, err: "" });
    events = parseEvents(fs.readFileSync(out, "utf8")).events;
  }, 120_000);

  test("every contract over £5 million procured under the Act has its next assessment: 12 months after its last, or after its start, or its end where sooner", () => {
    expect(inScope.length).toBeGreaterThanOrEqual(5);
    const expected = inScope.map((r) => {
      const last = assessed.get(r.ocid) ?? null;
      const end = day(r.award_contract_end);
      const yearly = nextYear(last ?? day(r.award_contract_start));
      const due = end !== "" && end < yearly ? end : yearly;
      return { row: rows.indexOf(r) + 2, start: due < AS_OF ? AS_OF : due, overdue: due < AS_OF, last };
    });
    const got = assessments(events);
    expect(got.map((e) => ({ row: sheetRow(e), start: e.start })).sort((a, b) => a.row - b.row)).toEqual(expected.map(({ row, start }) => ({ row, start })));
    for (const e of got) {
      const truth = expected.find((x) => x.row === sheetRow(e));
      const first = e.description.split("\n")[0];
      expect(first.startsWith("Overdue since ")).toBe(truth?.overdue);
      expect(first).toContain(truth?.last ? "against its 3 KPIs" : "against its KPIs (none is recorded: set and publish at least 3 first)");
      expect(e.summary).toMatch(/^Performance assessment due: ocds-/);
    }
    // One of them ended before its first year was up: assessed on its end, now overdue.
    expect(expected.some((x) => x.overdue)).toBe(true);
  });

  test("read as a plain register (the CSV, no KPIs sheet), it has no assessment dates at all", async () => {
    const out = path.join(dir, "ocds-plain.ics");
    expect((await cli("calendar", OCDS, "--out", out, "--as-of", AS_OF)).code).toBe(0);
    const { events: plain } = parseEvents(fs.readFileSync(out, "utf8"));
    expect(plain.length).toBeGreaterThan(0);
    expect(assessments(plain)).toEqual([]);
  }, 60_000);
});
