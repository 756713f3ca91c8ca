import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";

// The roll-up of a folder is its files' own summaries added up: every count, every total and every
// list (escalated, unrated, probably closed, decide-by dates coming up, the week's changes, the
// Procurement Act duties, the data-quality problems) holds exactly what the single-file summaries
// hold, each entry naming its file — none taken from the first file alone. The folder holds a
// register, a copy of it with other departments (its IDs all shared), and two trackers with their
// own Settings (windows, ladder names; the Act's duties on in one, off in the other).
const AS_OF = "2026-01-01";
const BASE = Date.UTC(2026, 0, 1);
/** The day `offset` days from the as-of date, as a register writes it (dd/mm/yyyy). */
const day = (offset: number): string => {
  const d = new Date(BASE + offset * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-rollup-adds-up-"));
const folder = path.join(dir, "Departments");
fs.mkdirSync(folder);

// A register of every kind of contract: decisions coming (untiered and Gold), ended this week,
// within the Red window this week, notice passed this week, Red, unrated, probably closed, closed,
// terminated (a termination notice due), values in pounds and in no stated currency, an ID on two rows.
const REGISTER = (department: string): string[][] => [
  ["Contract ID", "Title", "Department", "Tier", "End date", "Notice period", "Total value", "Status"],
  ["R-1", "Decide soon", department, "", day(200), "", "£1,000", "Live"],
  ["R-2", "Decide Gold", department, "Gold", day(600), "", "5000", "Live"],
  ["R-3", "Ended this week", department, "", day(-3), "", "£70,000", "Live"],
  ["R-4", "Red window this week", department, "", day(88), "", "12000", "Live"],
  ["R-5", "Notice passed", department, "", "30/03/2026", "3 months", "£400", "Live"],
  ["R-6", "No end date", department, "", "", "", "£9,000", "Live"],
  ["R-7", "Long gone", department, "", day(-400), "", "300", "Live"],
  ["R-8", "Done", department, "", day(-20), "", "£50", "Completed"],
  ["R-9", "Twice", department, "", day(30), "", "£10", "Live"],
  ["r-9", "Twice again", department, "", day(31), "", "20", "Live"],
  ["R-10", "Red", department, "", day(-30), "", "", "Live"],
  ["R-11", "Tracker window", department, "", day(58), "", "£1", "Live"],
  ["R-12", "Ended early", department, "", day(-5), "", "£2,000", "Terminated"],
];
const csv = (rows: string[][]): string => rows.map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n");
fs.writeFileSync(path.join(folder, "a-highways.csv"), csv(REGISTER("Highways")));
fs.writeFileSync(path.join(folder, "b-copy.csv"), csv(REGISTER("Waste")));

/** A tracker with its own Settings, and Changes and KPIs that give Procurement Act duties. */
async function tracker(file: string, duties: "on" | "off"): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Contracts").addRows([
    ["Contract ID", "Title", "Supplier", "Department", "Start date", "End date", "Total value", "Contract type", "Status"],
    ["T-1", "Cleaning", "Shine Ltd", "Property", "01/04/2025", day(300), 1_000_000, "Services", "Live"],
    ["T-2", "Adult social care", "Carewell", "Care", "01/06/2025", day(1500), 12_000_000, "Services", "Live"],
    ["T-3", "Printing", "Inky plc", "Property", "01/03/2025", day(-10), 80_000, "Goods", "Terminated"],
    ["T-4", "Within its 60 days", "Lift Co", "Property", "01/03/2025", day(58), 5_000, "Services", "Live"],
    ["T-5", "Outside its 60 days", "Lift Co", "Property", "01/03/2025", day(88), 6_000, "Services", "Live"],
    ["T-6", "Stale by its 180 days", "Old Co", "Care", "01/03/2020", day(-200), 700, "Services", "Live"],
    ["R-1", "Same ID as the register", "Shine Ltd", "Property", "01/04/2025", day(190), 2_000, "Services", "Live"],
  ]);
  book.addWorksheet("Changes").addRows([
    ["Change ID", "Contract ID", "Description", "Value impact", "Requested", "Status", "Approved by", "Approved on", "New end date"],
    ["CH-1", "T-1", "Two more schools", 120_000, "01/06/2025", "Approved", "Head of Property", "05/06/2025", ""],
  ]);
  book.addWorksheet("KPIs").addRows([
    ["Contract ID", "KPI", "Target", "Actual", "Period", "Higher is better", "Assessed on"],
    ["T-2", "Visits on time", 0.98, 0.9, "Q2 2025", true, "30/09/2025"],
    ["T-2", "Complaints resolved", 0.95, 0.95, "Q2 2025", true, "30/09/2025"],
  ]);
  book.addWorksheet("Settings").addRows([
    ["Name", "Value"],
    ["expiry_red_days", 60],
    ["stale_after_days", 180],
    ["ladder_level_3", "Chief executive"],
    ["procurement_act_duties", duties],
  ]);
  await book.xlsx.writeFile(file);
}

interface Entry {
  id: string;
  row: number;
  file?: string;
  kind?: string;
  decideBy?: string;
  urgent?: boolean;
  dueDate?: string | null;
}
interface SummaryJson {
  contractsRead: number;
  counts: Record<string, number>;
  byLevel: Record<string, number>;
  valueAtRisk: { totals: { currency: string | null; amount: number }[]; contracts: number; contractsWithoutValue: number; annualOnly: number } | null;
  contracts: Entry[];
  unrated: Entry[];
  probablyClosed: Entry[];
  decisionsComing: Entry[];
  changedInLast7Days: Record<"noticePassed" | "ended" | "cameWithinRed", Entry[]>;
  procurementAct?: Entry[];
}

const FILES = ["a-highways.csv", "b-copy.csv", "c-tracker.xlsx", "d-tracker-no-duties.xlsx"];
let singles: SummaryJson[];
let singleTexts: string[];
let rolled: SummaryJson;
let rolledText: string;
beforeAll(async () => {
  await tracker(path.join(folder, FILES[2]), "on");
  await tracker(path.join(folder, FILES[3]), "off");
  const run = async (format: string, ...files: string[]): Promise<string> => {
    const result = await cli("summary", ...files, "--as-of", AS_OF, "--format", format, "--limit", "0");
    expect(result.code).toBe(0);
    return result.out;
  };
  singles = await Promise.all(FILES.map(async (f) => JSON.parse(await run("json", path.join(folder, f))) as SummaryJson));
  singleTexts = await Promise.all(FILES.map((f) => run("text", path.join(folder, f))));
  rolled = JSON.parse(await run("json", folder)) as SummaryJson;
  rolledText = await run("text", folder);
}, 60_000);

const sum = (pick: (s: SummaryJson) => number): number => singles.reduce((n, s) => n + pick(s), 0);
/** A list's entries as "file|id|row|kind", sorted: the same contracts whatever the order. */
const keys = (list: readonly Entry[], file?: string): string[] => list.map((e) => `${file ?? e.file}|${e.id}|${e.row}|${e.kind ?? ""}`).sort();
const everyFile = (pick: (s: SummaryJson) => readonly Entry[]): string[] => singles.flatMap((s, i) => keys(pick(s), FILES[i])).sort();

test("every count is the files' counts added up", () => {
  expect(rolled.contractsRead).toBe(sum((s) => s.contractsRead));
  for (const key of Object.keys(singles[0].counts)) expect(rolled.counts[key]).toBe(sum((s) => s.counts[key]));
  for (const level of ["1", "2", "3"]) expect(rolled.byLevel[level]).toBe(sum((s) => s.byLevel[level]));
});

test("the value at risk is the files' added up, currency by currency", () => {
  const byCurrency = new Map<string | null, number>();
  for (const s of singles) for (const t of s.valueAtRisk?.totals ?? []) byCurrency.set(t.currency, (byCurrency.get(t.currency) ?? 0) + t.amount);
  expect(new Map((rolled.valueAtRisk?.totals ?? []).map((t) => [t.currency, t.amount]))).toEqual(byCurrency);
  expect(byCurrency.size).toBe(2);
  for (const key of ["contracts", "contractsWithoutValue", "annualOnly"] as const) expect(rolled.valueAtRisk?.[key]).toBe(sum((s) => s.valueAtRisk?.[key] ?? 0));
});

const LISTS: [string, (s: SummaryJson) => readonly Entry[]][] = [
  ["contracts needing attention", (s) => s.contracts],
  ["unrated", (s) => s.unrated],
  ["probably closed", (s) => s.probablyClosed],
  ["decide-by dates coming up", (s) => s.decisionsComing],
  ["notice dates passed this week", (s) => s.changedInLast7Days.noticePassed],
  ["ended this week", (s) => s.changedInLast7Days.ended],
  ["came within the Red window this week", (s) => s.changedInLast7Days.cameWithinRed],
  ["Procurement Act duties", (s) => s.procurementAct ?? []],
];

test.each(LISTS)("%s: every file's, each naming its file, none left out or added", (_name, pick) => {
  const all = everyFile(pick);
  expect(all.length).toBeGreaterThan(0);
  // Not all from the first file: the class of bug this guards against.
  expect(new Set(all.map((k) => k.split("|")[0])).size).toBeGreaterThan(1);
  expect(keys(pick(rolled))).toEqual(all);
});

test("the lists keep their order across files: decisions soonest first, duties needed now and soonest due first", () => {
  const decideBy = rolled.decisionsComing.map((d) => d.decideBy ?? "");
  expect(decideBy).toEqual([...decideBy].sort());
  const duties = rolled.procurementAct ?? [];
  const rank = (d: Entry): string => `${d.urgent ? 0 : 1}|${d.dueDate ?? "9999"}`;
  expect(duties.map(rank)).toEqual(duties.map(rank).sort());
  // A file whose Settings switch the duties off adds none.
  expect(duties.some((d) => d.file === FILES[3])).toBe(false);
});

const heading = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
test.each([
  ["decide-by dates coming up", /^Extend or re-procure, decide-by dates in the next 90 days \(([\d,]+)\):$/m],
  ["decisions needed", /^Needs a decision \(([\d,]+)\):$/m],
  ["Procurement Act duties", /^Procurement Act 2023: ([\d,]+) dut(?:y|ies)/m],
])("text: the %s heading counts every file's", (_name, pattern) => {
  expect(heading(rolledText, pattern)).toBe(singleTexts.reduce((n, t) => n + heading(t, pattern), 0));
  expect(heading(rolledText, pattern)).toBeGreaterThan(heading(singleTexts[0], pattern));
});

test("text: the data-quality line adds up each kind of every file", () => {
  const kinds = (text: string): Map<string, number> => {
    const line = /^Data quality: (.*) in [\d,]+ rows?;/m.exec(text)?.[1] ?? "";
    return new Map(line.split(", ").filter(Boolean).map((part) => {
      const [, n, kind] = /^([\d,]+) (.*?)s?$/.exec(part) ?? [];
      return [kind, Number(n.replace(/,/g, ""))] as [string, number];
    }));
  };
  const expected = new Map<string, number>();
  for (const t of singleTexts) for (const [k, n] of kinds(t)) expected.set(k, (expected.get(k) ?? 0) + n);
  expect(expected.size).toBeGreaterThan(0);
  expect(kinds(rolledText)).toEqual(expected);
});

test("text: each file's windows and ladder names are said where files differ", () => {
  expect(rolledText).toMatch(/came within 60 or 90 days of their end/);
  expect(rolledText).toMatch(/ended more than 180 or 365 days ago with no closing status/);
  expect(rolledText).toMatch(/at level 3 \(Senior responsible owner \/ board or Chief executive\)/);
  // Every decision and duty line says which file its contract is in.
  const listed = (title: RegExp): string[] => {
    const lines = rolledText.split("\n");
    const at = lines.findIndex((l) => title.test(l));
    const end = lines.findIndex((l, i) => i > at && !l.startsWith("  - "));
    return lines.slice(at + 1, end);
  };
  for (const title of [/^Extend or re-procure/, /^Procurement Act 2023/, /^Needs a decision/]) {
    const lines = listed(title);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(` · in (${FILES.map((f) => f.replace(/\./g, "\\.")).join("|")}): `));
  }
});

test("Markdown and HTML carry every file's duties and decisions too", async () => {
  const duties = sum((s) => s.procurementAct?.length ?? 0);
  const decisions = sum((s) => s.decisionsComing.length);
  for (const format of ["markdown", "html"]) {
    const out = (await cli("summary", folder, "--as-of", AS_OF, "--format", format, "--limit", "0")).out;
    expect(out).toContain(`Procurement Act 2023: ${duties} duties`);
    expect(out).toContain(`decide-by dates in the next 90 days (${decisions})`);
    expect(out).toContain("in c-tracker.xlsx: Changes approved add £120,000");
  }
});
