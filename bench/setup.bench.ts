import { setUpTracker } from "../src/features/setUpTracker";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
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
  run: () => Promise<{ trips: number; largestTripBytes: number }>;
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

export const tripCases: TripCase[] = [
  { suite: "setup", name: "set-up, 10,000 rows × 20 columns", rows: 10_000, run: () => setUp(10_000, false) },
  { suite: "setup", name: "set-up, 100,000 rows × 20 columns", rows: 100_000, target: 30, run: () => setUp(100_000, false) },
  { suite: "setup", name: "set-up with all tracker tables, 100,000 rows", rows: 100_000, target: 30, run: () => setUp(100_000, true) },
];

export interface TripResult {
  suite: string;
  name: string;
  rows: number;
  trips: number;
  largestTripBytes: number;
  target?: number;
}

export function formatTripTable(results: readonly TripResult[]): string {
  const header = ["suite", "case", "rows", "round trips", "largest trip (MB)", "target", "verdict"];
  const lines = results.map((r) => [
    r.suite,
    r.name,
    r.rows.toLocaleString("en-GB"),
    String(r.trips),
    (r.largestTripBytes / 1e6).toFixed(2),
    r.target === undefined ? "" : `≤ ${r.target}`,
    r.target === undefined ? "" : r.trips <= r.target && r.largestTripBytes <= 5e6 ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}
