import "../test/helpers/customFunctionsRuntime";
import { dateToSerial, formatSerial } from "../src/core/dates";
import { daysToExpiry, rag, slippage } from "../src/functions/functions";
import { FROM_SOURCE, excelCall, shown } from "./excelFunctions";
import type { BenchCase, PairCase } from "./measure";
import { daysToExpiryByCharactersLoop, daysToExpiryLoop, phaseLoop, ragLoop, slippageLoop } from "./plainLoops";

const ROWS = 100_000;
const BASE = dateToSerial(2025, 1, 1) ?? 0;
const AS_OF = [[dateToSerial(2025, 3, 31) ?? 0]];

// A deterministic register-like column: mostly dates, some blank, some text dates, a few bad cells.
function column(make: (i: number) => unknown, rows = ROWS): unknown[][] {
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = [make(i)];
  return out;
}
const ends = column((i) => (i % 50 === 0 ? "" : i % 97 === 0 ? "31/03/2026" : i % 997 === 0 ? "TBC" : BASE + ((i * 37) % 2000)));
const baselines = column((i) => BASE + ((i * 13) % 900));
const forecasts = column((i) => (i % 7 === 0 ? "" : BASE + ((i * 13) % 900) + ((i % 60) - 20)));
const actuals = column((i) => (i % 3 === 0 ? BASE + ((i * 13) % 900) + (i % 11) : ""));
const days = column((i) => (i % 40 === 0 ? "" : ((i * 7) % 400) - 30));
const slips = column((i) => (i % 5 === 0 ? "" : (i % 70) - 20));
const kpis = column((i) => (i % 4 === 0 ? "" : 0.9 + (i % 15) / 100));
const spends = column((i) => (i % 6 === 0 ? "" : ((i % 20) - 8) / 100));

const cell = (grid: unknown[][], i: number): unknown[][] => [grid[i]];

// The same work as Excel does when a formula is filled down a column: one call per row.
function perCell(name: string, call: (row: number) => unknown[][]): BenchCase {
  return {
    suite: "functions",
    name: `${name}, one call per cell`,
    rows: ROWS,
    run: () => {
      let n = 0;
      for (let i = 0; i < ROWS; i++) n += call(i).length;
      return n;
    },
  };
}

/** Time targets of the earlier issues, over a mixed column (text dates, "TBC", blanks) called from src/functions. */
export const functionCases: BenchCase[] = [
  { suite: "functions", name: "DAYSTOEXPIRY, one call over the column", rows: ROWS, targetMs: 50, run: () => daysToExpiry(ends, AS_OF) },
  { suite: "functions", name: "SLIPPAGE, one call over the column", rows: ROWS, targetMs: 50, run: () => slippage(baselines, forecasts, actuals, AS_OF) },
  { suite: "functions", name: "RAG, one call over the column", rows: ROWS, targetMs: 50, run: () => rag(days, slips, kpis, spends) },
  // The tracker gives RAG the end date too (why a blank days to expiry is blank): one date read more a row.
  { suite: "functions", name: "RAG with the end date, one call over the column", rows: ROWS, targetMs: 50, run: () => rag(days, slips, kpis, spends, undefined, ends) },
  perCell("DAYSTOEXPIRY", (i) => daysToExpiry(cell(ends, i), AS_OF)),
  perCell("SLIPPAGE", (i) => slippage(cell(baselines, i), cell(forecasts, i), cell(actuals, i), AS_OF)),
  perCell("RAG", (i) => rag(cell(days, i), cell(slips, i), cell(kpis, i), cell(spends, i))),
  perCell("RAG with the end date", (i) => rag(cell(days, i), cell(slips, i), cell(kpis, i), cell(spends, i), undefined, cell(ends, i))),
];

// ---- Issue 11: ours beside a plain loop, as Excel calls them --------------------------------------

type DateKind = "date serials" | "text dates (dd/mm/yyyy)";
const KINDS: readonly DateKind[] = ["date serials", "text dates (dd/mm/yyyy)"];
const STAND_IN = dateToSerial(2099, 12, 31) ?? 0;
const phaseStart = (i: number): number => BASE - 400 + ((i * 29) % 700);

// The columns of a tracker: dates over 2024–2030, about 2% blank and 1% the 31/12/2099 stand-in for end dates.
const TRACKER: Record<string, (i: number) => number | ""> = {
  end: (i) => (i % 50 === 7 ? "" : i % 100 === 3 ? STAND_IN : BASE - 200 + ((i * 37) % 2000)),
  baseline: (i) => (i % 50 === 11 ? "" : BASE + ((i * 13) % 900)),
  forecast: (i) => (i % 7 === 0 ? "" : BASE + ((i * 13) % 900) + ((i % 60) - 20)),
  actual: (i) => (i % 3 === 0 ? BASE + ((i * 13) % 900) + (i % 11) : ""),
  start: (i) => (i % 50 === 13 ? "" : phaseStart(i)),
  goLive: (i) => (i % 4 === 0 ? "" : phaseStart(i) + (i % 200)),
  // The phase's end follows its start, as in a register (an end before the start is #VALUE!).
  phaseEnd: (i) => (i % 50 === 17 ? "" : i % 100 === 3 ? STAND_IN : phaseStart(i) + 200 + ((i * 37) % 1500)),
};
const NUMBERS: Record<string, (i: number) => number | ""> = {
  days: (i) => (i % 40 === 0 ? "" : ((i * 7) % 400) - 30),
  slips: (i) => (i % 5 === 0 ? "" : (i % 70) - 20),
  kpis: (i) => (i % 4 === 0 ? "" : 0.9 + (i % 15) / 100),
  spends: (i) => (i % 6 === 0 ? "" : ((i % 20) - 8) / 100),
};

/** A tracker column of `rows` cells: its dates as serials, or as the dd/mm/yyyy text a converted tracker holds. */
function trackerColumn(name: string, rows: number, kind: DateKind): unknown[][] {
  const date = TRACKER[name];
  if (date === undefined) return column(NUMBERS[name], rows);
  return column((i) => {
    const serial = date(i);
    return serial === "" || kind === "date serials" ? serial : formatSerial(serial);
  }, rows);
}

type Columns = Record<string, unknown[][]>;

interface Work {
  fn: string;
  columns: readonly string[];
  /** Excel's arguments by parameter name. */
  args: (t: Columns) => Record<string, unknown>;
  loop: (t: Columns) => unknown[][];
}

const WORK: readonly Work[] = [
  { fn: "DAYSTOEXPIRY", columns: ["end"], args: (t) => ({ end_date: t.end, as_of: AS_OF }), loop: (t) => daysToExpiryLoop(t.end, AS_OF) },
  {
    fn: "SLIPPAGE",
    columns: ["baseline", "forecast", "actual"],
    args: (t) => ({ baseline_date: t.baseline, forecast_date: t.forecast, actual_date: t.actual, as_of: AS_OF }),
    loop: (t) => slippageLoop(t.baseline, t.forecast, t.actual, AS_OF),
  },
  {
    fn: "RAG",
    columns: ["days", "slips", "kpis", "spends", "end"],
    args: (t) => ({ days_to_expiry: t.days, slippage_days: t.slips, kpi_attainment: t.kpis, spend_variance: t.spends, end_date: t.end }),
    loop: (t) => ragLoop(t.days, t.slips, t.kpis, t.spends, t.end),
  },
  {
    fn: "PHASE",
    columns: ["start", "goLive", "phaseEnd"],
    args: (t) => ({ start_date: t.start, go_live_date: t.goLive, end_date: t.phaseEnd, as_of: AS_OF }),
    loop: (t) => phaseLoop(t.start, t.goLive, t.phaseEnd, AS_OF),
  },
];

// The same text dates against the fastest hand loop for dd/mm/yyyy alone (character codes at fixed places): no target, a yardstick.
const BY_CHARACTERS: Work = {
  fn: "DAYSTOEXPIRY",
  columns: ["end"],
  args: (t) => ({ end_date: t.end, as_of: AS_OF }),
  loop: (t) => daysToExpiryByCharactersLoop(t.end, AS_OF),
};

function columnsOf(work: Work, rows: number, kind: DateKind): Columns {
  const t: Columns = {};
  for (const name of work.columns) t[name] = trackerColumn(name, rows, kind);
  return t;
}

// Both must give the same answer on every row, or the comparison says nothing.
function sameAnswers(fn: string, ours: unknown, loop: unknown[][]): void {
  const grid = ours as unknown[][];
  if (grid.length !== loop.length) throw new Error(`${fn}: ${grid.length} rows, the loop ${loop.length}`);
  for (let r = 0; r < loop.length; r++) {
    if (grid[r].length !== 1 || shown(grid[r][0]) !== loop[r][0]) {
      throw new Error(`${fn} row ${r}: ours ${String(shown(grid[r][0]))}, the loop ${String(loop[r][0])}`);
    }
  }
}

// One spilled call over whole columns: each argument one 2-D array of `rows` × 1.
function pairCase(work: Work, kind: DateKind, rows: number, yardstick = false): PairCase {
  let t: Columns | undefined;
  let ours: (() => unknown) | undefined;
  return {
    suite: "functions vs loop",
    name: `${work.fn}, ${kind}, one call over the column${yardstick ? ", vs a loop reading characters" : ""}`,
    rows,
    targetRatio: yardstick ? undefined : kind === "date serials" ? 2 : 3,
    batch: rows > ROWS ? 2 : 10,
    prepare: () => {
      const columns = (t = columnsOf(work, rows, kind));
      ours = excelCall(work.fn, work.args(columns));
      sameAnswers(work.fn, ours(), work.loop(columns));
    },
    ours: () => ours?.(),
    loop: () => t && work.loop(t),
    release: () => {
      t = undefined;
      ours = undefined;
    },
  };
}

// A formula filled down a column: Excel calls the function once a row, each argument a 1×1 range.
// The arguments of every row are built before timing, for both, as Excel has them before it calls.
function filledDownCase(work: Work, kind: DateKind): PairCase {
  let calls: (() => unknown)[] = [];
  let rowColumns: Columns[] = [];
  return {
    suite: "functions vs loop",
    name: `${work.fn}, ${kind}, one call per cell`,
    rows: ROWS,
    batch: 2,
    prepare: () => {
      const t = columnsOf(work, ROWS, kind);
      rowColumns = new Array(ROWS);
      calls = new Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        const one: Columns = {};
        for (const name of work.columns) one[name] = [t[name][i]];
        rowColumns[i] = one;
        calls[i] = excelCall(work.fn, work.args(one));
      }
    },
    ours: () => {
      let n = 0;
      for (let i = 0; i < ROWS; i++) n += (calls[i]() as unknown[][]).length;
      return n;
    },
    loop: () => {
      let n = 0;
      for (let i = 0; i < ROWS; i++) n += work.loop(rowColumns[i]).length;
      return n;
    },
    release: () => {
      calls = [];
      rowColumns = [];
    },
  };
}

/** Issue 11's speed targets: ours at most 2× the loop over date serials, 3× over text dates, at 100,000 and 1,000,000 rows. */
export const pairCases: PairCase[] = [
  ...WORK.flatMap((w) => KINDS.flatMap((kind) => [pairCase(w, kind, ROWS), pairCase(w, kind, 1_000_000)])),
  ...[ROWS, 1_000_000].map((rows) => pairCase(BY_CHARACTERS, "text dates (dd/mm/yyyy)", rows, true)),
  ...WORK.flatMap((w) => KINDS.map((kind) => filledDownCase(w, kind))),
];

/** Which functions the pairs time, for the table's title. */
export const pairSource = FROM_SOURCE
  ? "src/functions with Excel's argument shapes (CONTRACT_BENCH_SOURCE=src)"
  : "dist/functions.js, the production bundle, each function as it gives CustomFunctions.associate";
