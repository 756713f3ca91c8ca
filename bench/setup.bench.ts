import { runEscalationSummary } from "../src/features/escalations";
import { setUpTracker } from "../src/features/setUpTracker";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
import { DESKTOP_TRIP_BUDGET } from "../src/office/hostWorkbook";
import { BIG_HEADERS, bigRegister } from "../test/helpers/bigRegister";
import { FakeExcel } from "../test/helpers/fakeExcel";
import { countTripsByCall } from "../test/helpers/tripCounter";

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

const HEADERS = BIG_HEADERS;
const register = bigRegister;

async function setUp(n: number, createTables: boolean): Promise<{ trips: number; largestTripBytes: number }> {
  const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...register(n)] });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: 45747, createTables: createTables ? ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] : [] });
  return { trips: excel.trips, largestTripBytes: excel.largestTrip };
}

const READS = new Set(["loadSetting", "readTables", "tableNames", "readUsedRange"]);

/** The escalation summary of a set-up 100,000-row tracker, in Excel on the web (5 MB trips) or on the desktop. */
async function summaryTrips(n: number, budget: number | undefined): Promise<{ trips: number; largestTripBytes: number; readTrips: number }> {
  const excel = FakeExcel.fromSheets({ Register: [["Contract register"], [], HEADERS, ...register(n)] });
  await setUpTracker(new ExcelWorkbook(excel.run), { asOf: 45747, createTables: ["Milestones", "KPIs", "Escalations"] });
  if (budget !== undefined) excel.payloadLimit = Number.POSITIVE_INFINITY;
  excel.clearLog();
  const calls = new Map<string, number>();
  await runEscalationSummary(countTripsByCall(new ExcelWorkbook(excel.run, budget === undefined ? {} : { tripBudget: budget }), excel, calls), { asOf: 46351 });
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
