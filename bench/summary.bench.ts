import * as path from "path";
import { dateToSerial } from "../src/core/dates";
import type { TrackerSnapshots } from "../src/features/trackerData";
import { shipped } from "./shipped";
import { readRegister } from "../src/cli/readRegister";
import { findRegister } from "../src/cli/register";
import type { CellValue } from "../src/workbook/port";
import type { BenchCase } from "./measure";

// The escalation summary's compute: the engine over typed rows, and the whole read of raw tables
// (mapping, normalising, Settings) plus the engine, for a generated 100,000-contract tracker and
// the largest shared register.

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;
const N = 100_000;

/**
 * A portfolio of `N` contracts. `everyOneEscalated` ends them all within the next 180 days or
 * already (the worst case); otherwise end dates spread over five years, as in a real portfolio,
 * so that about one contract in five needs attention.
 */
export function generated(everyOneEscalated = false, untiered = false): TrackerSnapshots {
  const headers = ["Contract ID", "Title", "Supplier", "Contract manager", "Tier", "Start date", "End date", "Extension options", "Notice period", "Total value", "Budget", "Spend to date", "Status"];
  const rows: CellValue[][] = [];
  for (let i = 0; i < N; i++) {
    const start = AS_OF - 900 + (i % 300);
    const end = i % 50 === 0 ? null : everyOneEscalated ? AS_OF - 60 + ((i * 37) % 240) : AS_OF - 90 + ((i * 37) % 1890);
    // Spend to date tracks the share of the term gone (70–100% of the budget profiled to date), as in a real portfolio; one in 97 runs 30% over.
    const elapsed = end === null ? 1 : Math.min(1, (AS_OF - start) / (end - start));
    const spend = Math.round(40_000 * elapsed * (i % 97 === 0 ? 1.3 : 0.7 + (i % 100) / 330));
    rows.push([
      `C${String(i).padStart(6, "0")}`, `Service ${i}`, `Supplier ${i % 1000} Ltd`, `Manager ${i % 250}`, (untiered ? ["Gold", "Silver", "Bronze", ""] : ["Gold", "Silver", "Bronze"])[i % (untiered ? 4 : 3)],
      start, end, ["1+1", "", "2 x 12 months", ""][i % 4], ["3 months", "90 days", "", "6m"][i % 4],
      50_000 + (i % 1000) * 100, 40_000, spend, i % 20 === 0 ? "Terminated" : "Live",
    ]);
  }
  const milestones: CellValue[][] = [];
  for (let i = 0; i < N / 5; i++) milestones.push([`C${String(i * 5).padStart(6, "0")}`, `Milestone ${i}`, AS_OF - 100 + (i % 90), AS_OF - 100 + (i % 90) + (i % 60) - 10, null, "Owner"]);
  const log: CellValue[][] = [];
  for (let i = 0; i < N / 20; i++) log.push([`ESC-${i}`, `C${String(i * 20 + 1).padStart(6, "0")}`, AS_OF - (i % 60), "Tracker", 1 + (i % 3), ["Red", "Amber"][i % 2], "", "", "", "Open", null, null]);
  const table = (name: string, h: string[], r: CellValue[][]) => ({ name, sheet: name, row: 0, column: 0, headers: h, rows: r });
  return {
    contracts: table("Contracts", headers, rows),
    milestones: table("Milestones", ["Contract ID", "Milestone", "Baseline date", "Forecast date", "Actual date", "Owner"], milestones),
    escalations: table("Escalations", ["Escalation ID", "Contract ID", "Raised at", "Raised by", "Level", "RAG", "Reason", "Action", "Owner", "Status", "Resolved on", "Resolution"], log),
  };
}

/**
 * A case's data, built on its first (warm-up) run and let go of when the case is timed (BenchCase
 * release), so each case is timed with only its own data in memory, as a user's process holds one
 * register; a later case that needs the same data builds it again.
 */
interface Lazy<T> {
  (): T;
  release(): void;
}
function lazy<T>(make: () => T): Lazy<T> {
  let value: T | undefined;
  const get = (() => (value ??= make())) as Lazy<T>;
  get.release = () => {
    value = undefined;
  };
  return get;
}

export function summaryCases(): BenchCase[] {
  // The engine, its words and the tables' read as the command line ships them (bench/shipped), loaded when a case first runs.
  const core = lazy(() => ({
    ...shipped<typeof import("../src/core/escalationSummary")>("core/escalationSummary"),
    ...shipped<typeof import("../src/core/summaryRender")>("core/summaryRender"),
    ...shipped<typeof import("../src/features/trackerData")>("features/trackerData"),
  }));
  const readTrackerData: typeof import("../src/features/trackerData").readTrackerData = (...a) => core().readTrackerData(...a);
  const summarise: typeof import("../src/features/trackerData").summarise = (...a) => core().summarise(...a);
  const tracker = lazy(() => generated());
  const typed = lazy(() => readTrackerData(tracker(), { asOf: AS_OF }));
  const worst = lazy(() => readTrackerData(generated(true), { asOf: AS_OF }));
  // Every tier and none, each with its lead time: thousands of decide-by dates fall in the next 90 days.
  const tiered = lazy(() => readTrackerData(generated(false, true), { asOf: AS_OF }));
  // Read only when its case runs, so the other cases are timed without it in memory.
  let real: Promise<TrackerSnapshots> | undefined;
  const realTables = (): Promise<TrackerSnapshots> =>
    (real ??= readRegister(path.resolve(__dirname, "../../shared/data/real/uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx")).then((file) => {
      const found = findRegister(file);
      return {
        contracts: { name: "Contracts", sheet: found.sheet, row: found.mapping.headerRow, column: 0, headers: found.rows[found.mapping.headerRow].map((h) => String(h ?? "")), rows: found.rows.slice(found.mapping.headerRow + 1) },
      };
    }));
  const realRows = 2_960; // the register's contract rows (its README)
  const releaseAll = (): void => [tracker, typed, worst, tiered].forEach((data) => data.release());
  const engine = (data: () => ReturnType<typeof readTrackerData>) => () => {
    const d = data();
    return core().escalationSummary({ contracts: d.contracts, milestones: d.milestones, escalations: d.escalations }, d.settings, AS_OF, d.ladder);
  };
  return [
    { suite: "summary", name: "escalation engine, 100,000 contracts (typed rows, 20,000 milestones, 5,000 log entries)", rows: N, targetMs: 300, run: engine(typed), release: releaseAll },
    { suite: "summary", name: "escalation engine, 100,000 contracts all needing attention (worst case)", rows: N, run: engine(worst), release: releaseAll },
    {
      suite: "summary",
      name: "summary with decide-by dates over 100,000 contracts (Gold, Silver, Bronze, no tier; the coming decisions in words)",
      rows: N,
      targetMs: 300,
      run: () => {
        const summary = engine(tiered)();
        const words = summary.decisionsComing.map((d) => core().decideByWords(d, summary.dateLocale));
        if (words.length === 0) throw new Error("no decide-by date came up: the case measures nothing");
        return words;
      },
      release: releaseAll,
    },
    { suite: "summary", name: "read raw tables + engine, 100,000 contracts", rows: N, runs: 3, warmups: 1, run: () => summarise(readTrackerData(tracker(), { asOf: AS_OF })), release: releaseAll },
    { suite: "summary", name: "text summary of 100,000 contracts", rows: N, runs: 3, warmups: 1, run: () => core().renderText(summarise(typed())), release: releaseAll },
    { suite: "summary", name: `read + engine, largest shared register with end dates (Contracts Finder xlsx, ${realRows.toLocaleString("en-GB")} rows)`, rows: realRows, run: async () => summarise(readTrackerData(await realTables(), { asOf: AS_OF })) },
  ];
}
