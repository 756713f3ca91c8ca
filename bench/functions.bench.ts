import "../test/helpers/customFunctionsRuntime";
import { dateToSerial } from "../src/core/dates";
import { daysToExpiry, rag, slippage } from "../src/functions/functions";
import type { BenchCase } from "./measure";

const ROWS = 100_000;
const BASE = dateToSerial(2025, 1, 1) ?? 0;
const AS_OF = [[dateToSerial(2025, 3, 31) ?? 0]];

// A deterministic register-like column: mostly dates, some blank, some text dates, a few bad cells.
function column(make: (i: number) => unknown): unknown[][] {
  const out: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) out[i] = [make(i)];
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
