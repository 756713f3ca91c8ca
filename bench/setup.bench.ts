import { runEscalationSummary } from "../src/features/escalations";
import { setUpTracker } from "../src/features/setUpTracker";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
import { DESKTOP_TRIP_BUDGET } from "../src/office/hostWorkbook";
import type { WorkbookPort } from "../src/workbook/port";
import type { CellValue } from "../src/workbook/port";
import { FakeExcel } from "../test/helpers/fakeExcel";

// Set-up of a register through the Office adapter, over the fake Excel that logs every
// context.sync() with its request and response size: round trips are what Excel on the web
// makes slow, so they are counted, not timed.

export interface TripCase {
  suite: string;
  name: string;
  rows: number;
  /** The most round trips allowed, if the issue names a number. */
  target?: number;
  /** The most round trips its reads may take, if the issue names a number. */
  readTarget?: number;
  run: () => Promise<{ trips: number; largestTripBytes: number; readTrips?: number }>;
}

const HEADERS = ["Contract ID", "Title", "Supplier", "Contract manager", "Department", "Tier", "Start date", "Go-live date", "End date", "Extension options",
  "Notice period", "Annual value", "Total value", "Budget", "Spend to date", "Status", "Category", "Region", "Notes", "Reference"];

function register(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      `C${String(i).padStart(6, "0")}`, `Facilities management lot ${i % 97}`, `Supplier ${i % 1000} Ltd`, `Manager ${i % 250}`, ["Adult Social Care", "Highways", "Corporate"][i % 3],
      ["Gold", "Silver", "Bronze"][i % 3], 44000 + (i % 2000), i % 5 === 0 ? null : 44100 + (i % 2000), 46000 + (i % 3000), ["1+1", "2+1+1", "none", "24 months"][i % 4],
      ["3 months", "90 days", "6m"][i % 3], 12345.67 + i, 49382.68 + i * 4, 50000 + (i % 500), Math.round(((i * 7919) % 100000) * 100) / 100, i % 11 === 0 ? "Expired" : "Active",
      "Services", ["North", "South", "East", "West"][i % 4], i % 10 === 0 ? "Renewal under review with the commercial team" : null, `REF-${i}`,
    ]);
  }
  return rows;
}

async function setUp(n: number, createTables: boolean): Promise<{ trips: number; largestTripBytes: number }> {
  const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...register(n)] });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: 45747, createTables: createTables ? ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] : [] });
  return { trips: excel.trips, largestTripBytes: excel.largestTrip };
}

/** Trips of each port call, counted by wrapping the port. */
function counted(port: WorkbookPort, excel: FakeExcel, calls: Map<string, number>): WorkbookPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const member: unknown = Reflect.get(target, prop, receiver);
      if (typeof member !== "function") return member;
      return async (...args: unknown[]) => {
        const before = excel.trips;
        const result: unknown = await member.apply(target, args);
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + excel.trips - before);
        return result;
      };
    },
  });
}

const READS = new Set(["loadSetting", "readTables", "tableNames", "readUsedRange"]);

/** The escalation summary of a set-up 100,000-row tracker, in Excel on the web (5 MB trips) or on the desktop. */
async function summaryTrips(n: number, budget: number | undefined): Promise<{ trips: number; largestTripBytes: number; readTrips: number }> {
  const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...register(n)] });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: 45747, createTables: ["Milestones", "KPIs", "Escalations"] });
  if (budget !== undefined) excel.payloadLimit = Number.POSITIVE_INFINITY;
  excel.clearLog();
  const calls = new Map<string, number>();
  await runEscalationSummary(counted(new ExcelWorkbook(excel.run, budget === undefined ? {} : { tripBudget: budget }), excel, calls), { asOf: 46351 });
  const readTrips = [...calls].filter(([call]) => READS.has(call)).reduce((sum, [, trips]) => sum + trips, 0);
  return { trips: excel.trips, largestTripBytes: excel.largestTrip, readTrips };
}

export const tripCases: TripCase[] = [
  { suite: "setup", name: "set-up, 10,000 rows × 20 columns", rows: 10_000, run: () => setUp(10_000, false) },
  { suite: "setup", name: "set-up, 100,000 rows × 20 columns", rows: 100_000, target: 30, run: () => setUp(100_000, false) },
  { suite: "setup", name: "set-up with all tracker tables, 100,000 rows", rows: 100_000, target: 30, run: () => setUp(100_000, true) },
  { suite: "summary", name: "escalation summary, 100,000 contracts, Excel desktop", rows: 100_000, readTarget: 4, run: () => summaryTrips(100_000, DESKTOP_TRIP_BUDGET) },
  { suite: "summary", name: "escalation summary, 100,000 contracts, Excel on the web", rows: 100_000, run: () => summaryTrips(100_000, undefined) },
];

export interface TripResult {
  suite: string;
  name: string;
  rows: number;
  trips: number;
  largestTripBytes: number;
  readTrips?: number;
  target?: number;
  readTarget?: number;
}

/** Whether a trip case met its targets (trips, read trips, and for the web's budget each trip under 5 MB). */
export function tripVerdict(r: TripResult): string {
  if (r.target === undefined && r.readTarget === undefined) return "";
  const ok = (r.target === undefined || r.trips <= r.target) && (r.readTarget === undefined || (r.readTrips ?? 0) <= r.readTarget);
  return ok ? "met" : "MISSED";
}

export function formatTripTable(results: readonly TripResult[]): string {
  const header = ["suite", "case", "rows", "round trips", "of which reads", "largest trip (MB)", "target", "verdict"];
  const lines = results.map((r) => [
    r.suite,
    r.name,
    r.rows.toLocaleString("en-GB"),
    String(r.trips),
    r.readTrips === undefined ? "" : String(r.readTrips),
    (r.largestTripBytes / 1e6).toFixed(2),
    r.target !== undefined ? `≤ ${r.target}` : r.readTarget !== undefined ? `reads ≤ ${r.readTarget}` : "",
    tripVerdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}
