import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The command line as a user runs it: each case is a child process (`node bin/contract-tracker.js
// …`), timed on the clock, with its peak resident memory (getrusage's max RSS, read by
// bench/peakRss.cjs preloaded into it). Convert is set beside a Python xlsxwriter writer of the same
// rows in constant-memory mode, run in the same bench (issue 12).
const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin/contract-tracker.js");
const REAL = path.resolve(ROOT, "../shared/data/real");
const LARGEST = path.join(REAL, "toronto-contracts/Awarded Contracts.csv");
const PYTHON = "/usr/bin/python3";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-bench-"));

/** A generated register of `rows` rows and 20 columns (dates, money, periods, text), written a block of lines at a time. */
function generatedRegister(rows: number): string {
  const file = path.join(dir, `register-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const suppliers = ["Binco Ltd", "Shine Services", "Acme Facilities", "Northgate Care", "Café Provisions"];
  const departments = ["Adult Social Care", "Highways", "Waste", "Children's Services", "Corporate IT"];
  const d = (x: Date): string => `${String(x.getUTCDate()).padStart(2, "0")}/${String(x.getUTCMonth() + 1).padStart(2, "0")}/${x.getUTCFullYear()}`;
  const out = fs.openSync(file, "w");
  let lines = ["Contract Ref,Contract title,Supplier,Contract manager,Department,Tier,Start date,End date,Notice period,Extension options,Annual value,Total value,Budget,Spend to date,Status,Notes,Category,Procurement route,Framework,Postcode"];
  for (let i = 0; i < rows; i++) {
    const start = new Date(Date.UTC(2018 + (i % 7), i % 12, 1 + (i % 28)));
    const end = new Date(Date.UTC(2024 + (i % 6), (i * 7) % 12, 1 + ((i * 3) % 28)));
    lines.push(
      [
        `AC-${String(i).padStart(7, "0")}`, `"Service ${i}, lot ${i % 9}"`, suppliers[i % 5], `Officer ${i % 97}`, `"${departments[i % 5]}"`,
        ["Gold", "Silver", "Bronze"][i % 3], d(start), i % 50 === 0 ? "" : d(end), ["3 months", "90 days", "6m", ""][i % 4],
        ["1+1", "2 x 12 months", "none", ""][i % 4], `"£${(10000 + i * 13).toLocaleString("en-GB")}"`, String(50000 + i * 51),
        String(40000 + i * 50), String(38000 + i * 47), "Live", "", "Services", "Open", "", "AB1 2CD",
      ].join(","),
    );
    if (lines.length >= 10_000) {
      fs.writeSync(out, `${lines.join("\r\n")}\r\n`);
      lines = [];
    }
  }
  fs.writeSync(out, lines.join("\r\n"));
  fs.closeSync(out);
  return file;
}

/** One timed run of a child process: clock time and peak RSS. */
export interface ChildRun {
  ms: number;
  rssKB: number;
}

/** A case of the CLI table: a command run as a child process, with its targets. */
interface CliCase {
  name: string;
  rows: number;
  runs: number;
  run: () => ChildRun;
  targetMs?: number;
  /** The case whose median time in this run is this one's target (the peer). */
  asFastAs?: string;
  targetRssKB?: number;
}

interface CliResult {
  name: string;
  rows: number;
  medianMs: number;
  rssKB: number;
  targetMs?: number;
  targetRssKB?: number;
}

function cli(args: readonly string[]): ChildRun {
  const rssFile = path.join(dir, "peak-rss");
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", path.join(__dirname, "peakRss.cjs"), BIN, ...args], { cwd: ROOT, env: { ...process.env, PEAK_RSS_FILE: rssFile }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`contract-tracker ${args.join(" ")} failed (${child.status}): ${child.stderr.split("\n")[0]}`);
  return { ms, rssKB: Number(fs.readFileSync(rssFile, "utf8")) };
}

/** The xlsxwriter peer where /usr/bin/python3 has it (Debian: python3-xlsxwriter), else the reason it is skipped. */
function xlsxwriterPeer(): ((file: string) => ChildRun) | string {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} is not installed`;
  const probe = spawnSync(PYTHON, ["-c", "import xlsxwriter"], { encoding: "utf8" });
  if (probe.status !== 0) return `${PYTHON} has no xlsxwriter (apt-get install python3-xlsxwriter)`;
  return (file) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(PYTHON, [path.join(__dirname, "xlsxwriterPeer.py"), file, path.join(dir, "peer.xlsx")], { encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.status !== 0) throw new Error(`the xlsxwriter peer failed: ${child.stderr.trim().split("\n").slice(-1)[0]}`);
    return { ms, rssKB: Number(child.stdout.trim()) };
  };
}

/** convert's arguments; the output of an earlier run is removed first, so every run writes a new file. */
function convertArgs(file: string, formulas: "contract" | "native" = "contract"): string[] {
  const out = path.join(dir, `${path.basename(file)}.${formulas}.xlsx`);
  fs.rmSync(out, { force: true });
  return ["convert", file, "--out", out, "--as-of", "2025-03-31", "--formulas", formulas];
}

// Named after convert, so the filter "cli convert" runs it with the case it is the target of.
const PEER = "convert's peer: Python xlsxwriter (constant memory) writing the same 100,000 rows";

function cliCases(notes: string[]): CliCase[] {
  const hundredK = generatedRegister(100_000);
  const cases: CliCase[] = [
    { name: "map a generated 100,000-row register (20 columns; values profiled)", rows: 100_000, runs: 3, run: () => cli(["map", hundredK]) },
    { name: "check the largest shared register (Toronto, 7,613 rows)", rows: 7613, runs: 3, run: () => cli(["check", LARGEST, "--json"]) },
    { name: "check a generated 100,000-row register (20 columns)", rows: 100_000, runs: 3, run: () => cli(["check", hundredK, "--json"]) },
    { name: "convert the largest shared register (Toronto, 7,613 rows)", rows: 7613, runs: 3, run: () => cli(convertArgs(LARGEST)) },
  ];
  const peer = xlsxwriterPeer();
  if (typeof peer === "string") notes.push(`The xlsxwriter peer is skipped: ${peer}; convert of 100,000 rows has no target this run.`);
  else cases.push({ name: PEER, rows: 100_000, runs: 3, run: () => peer(hundredK) });
  cases.push(
    { name: "convert a generated 100,000-row register (20 columns)", rows: 100_000, runs: 3, asFastAs: typeof peer === "string" ? undefined : PEER, run: () => cli(convertArgs(hundredK)) },
    // Excel's own formulas are longer than the CONTRACT functions' (no LET): more to write.
    { name: "convert a generated 100,000-row register (20 columns), --formulas native", rows: 100_000, runs: 1, run: () => cli(convertArgs(hundredK, "native")) },
    // Made only when asked for: 185 MB of CSV.
    { name: "convert a generated 1,000,000-row register (20 columns)", rows: 1_000_000, runs: 1, targetMs: 60_000, targetRssKB: 1024 * 1024, run: () => cli(convertArgs(generatedRegister(1_000_000))) },
  );
  return cases;
}

const verdict = (r: CliResult): string => {
  const targets = [r.targetMs === undefined ? null : r.medianMs <= r.targetMs, r.targetRssKB === undefined ? null : r.rssKB < r.targetRssKB].filter((t) => t !== null);
  return targets.length === 0 ? "" : targets.every(Boolean) ? "met" : "MISSED";
};

/**
 * Runs the CLI cases whose name holds `filter` (all without one): each as a child process, the
 * median of its runs and the peak RSS of the largest run. Returns the table and how many targets were missed.
 */
export function cliBench(filter: string | undefined, progress: () => void): { table: string; missed: number } {
  const cases = (notes: string[]): CliCase[] => cliCases(notes).filter((c) => !filter || `cli ${c.name}`.toLowerCase().includes(filter));
  if (cases([]).length === 0) return { table: "", missed: 0 };
  // The command line as `npm ci` leaves it, compiled: while lib/ is older than a source, the bin runs
  // the TypeScript through tsx, and every case would time the compiling too.
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-cli.js")], { cwd: ROOT, stdio: "ignore" });
  const notes: string[] = [];
  const results: CliResult[] = [];
  for (const c of cases(notes)) {
    const runs = Array.from({ length: c.runs }, () => {
      const run = c.run();
      progress();
      return run;
    });
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const targetMs = c.asFastAs ? results.find((r) => r.name === c.asFastAs)?.medianMs : c.targetMs;
    results.push({ name: c.name, rows: c.rows, medianMs: times[Math.floor(times.length / 2)], rssKB: Math.max(...runs.map((r) => r.rssKB)), targetMs, targetRssKB: c.targetRssKB });
  }
  if (results.length === 0) return { table: "", missed: 0 };
  const header = ["case (a child process each)", "rows", "median s", "peak RSS MB", "target", "verdict"];
  const lines = results.map((r) => [
    r.name,
    r.rows.toLocaleString("en-GB"),
    (r.medianMs / 1000).toFixed(1),
    (r.rssKB / 1024).toFixed(0),
    [r.targetMs === undefined ? "" : `≤ ${(r.targetMs / 1000).toFixed(1)} s`, r.targetRssKB === undefined ? "" : `< ${r.targetRssKB / 1024} MB`].filter(Boolean).join(", "),
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  const table = [
    ...notes,
    "Time on the clock (the median of the runs) and the largest peak resident memory of a run (getrusage max RSS).",
    row(header),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.map(row),
  ].join("\n");
  return { table, missed: results.filter((r) => verdict(r) === "MISSED").length };
}
