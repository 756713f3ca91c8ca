/** One timed case: what it does, how many rows, and a run that returns something to keep. */
export interface BenchCase {
  suite: string;
  name: string;
  rows: number;
  run: () => unknown;
  /** The target in milliseconds, if the issue names one. */
  targetMs?: number;
  /** Timed runs and warm-ups (default 7 and 2; fewer for whole-file cases). */
  runs?: number;
  warmups?: number;
}

export interface BenchResult {
  suite: string;
  name: string;
  rows: number;
  medianMs: number;
  bestMs: number;
  rowsPerSecond: number;
  targetMs?: number;
}

import * as v8 from "v8";
import * as vm from "vm";

let sink: unknown;

// A full collection before each timed run (not timed), so a run pays for its own garbage and not
// for the previous run's: each run then starts from the heap a user's first summary would find.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

/** Median and best of several timed runs after warm-up runs, each from a collected heap, so one slow GC pause does not decide. Awaits async cases. */
export async function measure(c: BenchCase): Promise<BenchResult> {
  const runs = c.runs ?? 7;
  for (let i = 0; i < (c.warmups ?? 2); i++) sink = await c.run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    sink = undefined;
    collect();
    const start = process.hrtime.bigint();
    sink = await c.run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  return { suite: c.suite, name: c.name, rows: c.rows, medianMs, bestMs: times[0], rowsPerSecond: c.rows / (medianMs / 1000), targetMs: c.targetMs };
}

/** Keeps results reachable so the engine cannot skip the work. */
export function lastResult(): unknown {
  return sink;
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ["suite", "case", "rows", "median ms", "best ms", "rows/s", "target", "verdict"];
  const lines = results.map((r) => [
    r.suite,
    r.name,
    r.rows.toLocaleString("en-GB"),
    r.medianMs.toFixed(1),
    r.bestMs.toFixed(1),
    Math.round(r.rowsPerSecond).toLocaleString("en-GB"),
    r.targetMs === undefined ? "" : `< ${r.targetMs} ms`,
    r.targetMs === undefined ? "" : r.medianMs < r.targetMs ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}
