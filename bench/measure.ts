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
  /** Lets go of the case's data once it is timed, so the next case is timed with only its own in memory. */
  release?: () => void;
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
  sink = undefined;
  c.release?.();
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

/**
 * One of our functions beside the plain loop that does the same arithmetic on the same inputs
 * (bench/plainLoops.ts): timed in turn, batch for batch, so both see the same machine.
 */
export interface PairCase {
  suite: string;
  name: string;
  rows: number;
  ours: () => unknown;
  loop: () => unknown;
  /** Ours may take at most this many times the loop (issue 11: 2 for date serials, 3 for text dates). */
  targetRatio?: number;
  /** Timed batches of each, warm-up batches, and runs a batch (default 9, 2 and 10). */
  runs?: number;
  warmups?: number;
  batch?: number;
  /** Builds the inputs (not timed) and may check both give the same answers; release drops them. */
  prepare?: () => void;
  release?: () => void;
}

export interface PairResult {
  suite: string;
  name: string;
  rows: number;
  oursMs: number;
  loopMs: number;
  oursBestMs: number;
  loopBestMs: number;
  /** Median over median. */
  ratio: number;
  /** Best batch over best batch: each at its least disturbed. */
  bestRatio: number;
  targetRatio?: number;
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

// Milliseconds of CPU time a run of `run` takes (this process's, collector threads included),
// averaged over a batch of `batch` runs back to back. CPU time rather than time on the clock: on a
// machine shared with other work, a run's clock time also counts the time it waited for a core.
function batchMs(run: () => unknown, batch: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < batch; i++) sink = run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / batch;
}

/**
 * Ours and the loop in alternating batches of runs back to back, after warm-up batches, each timed
 * by the CPU time it takes. A batch pays for the collections its own garbage brings on, as a workbook
 * recalculating does, rather than starting from a collected heap: after a full collection V8 regrows
 * its young generation over the next runs, and a 5 ms loop measured 5–35 ms depending on how many
 * runs followed one. The ratio of the medians is the verdict; the best batches are shown beside it
 * (a single lucky batch of either moves them, so they do not decide).
 */
export function measurePair(c: PairCase): PairResult {
  c.prepare?.();
  const batch = c.batch ?? 10;
  for (let i = 0; i < (c.warmups ?? 2); i++) {
    batchMs(c.loop, batch);
    batchMs(c.ours, batch);
  }
  const ours: number[] = [];
  const loop: number[] = [];
  for (let i = 0; i < (c.runs ?? 9); i++) {
    // Which goes first alternates, so neither always follows the other's garbage.
    if (i % 2 === 0) {
      loop.push(batchMs(c.loop, batch));
      ours.push(batchMs(c.ours, batch));
    } else {
      ours.push(batchMs(c.ours, batch));
      loop.push(batchMs(c.loop, batch));
    }
  }
  c.release?.();
  sink = undefined;
  const oursMs = median(ours);
  const loopMs = median(loop);
  const oursBestMs = Math.min(...ours);
  const loopBestMs = Math.min(...loop);
  return {
    suite: c.suite,
    name: c.name,
    rows: c.rows,
    oursMs,
    loopMs,
    oursBestMs,
    loopBestMs,
    ratio: oursMs / loopMs,
    bestRatio: oursBestMs / loopBestMs,
    targetRatio: c.targetRatio,
  };
}

/** Whether a pair met its target (the ratio of the medians within it); "" when it has none. */
export function pairVerdict(r: PairResult): string {
  if (r.targetRatio === undefined) return "";
  return r.ratio <= r.targetRatio ? "met" : "MISSED";
}

export function formatPairTable(results: readonly PairResult[]): string {
  const header = ["case", "rows", "ours ms", "loop ms", "ours ÷ loop", "best ms", "loop best", "best ÷ best", "target", "verdict"];
  const lines = results.map((r) => [
    r.name,
    r.rows.toLocaleString("en-GB"),
    r.oursMs.toFixed(1),
    r.loopMs.toFixed(1),
    `${r.ratio.toFixed(2)}×`,
    r.oursBestMs.toFixed(1),
    r.loopBestMs.toFixed(1),
    `${r.bestRatio.toFixed(2)}×`,
    r.targetRatio === undefined ? "" : `≤ ${r.targetRatio}×`,
    pairVerdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}
