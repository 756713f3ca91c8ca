import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BIG_HEADERS, bigRegister } from "../test/helpers/bigRegister";
import { writeRegisterXlsx } from "./registerXlsx";

// `check` and `summary` as a user runs them (a Node process on bin/contract-tracker.js), timed with
// their peak memory, beside SheetJS reading the same file in a process of its own: SheetJS is not a
// dependency; a throwaway copy (`npm pack xlsx`, unpacked in the temporary folder) is used when npm
// can fetch it, and the table says so when it cannot.

/** One command timed in its own process: wall time and peak resident memory. */
export interface CliResult {
  name: string;
  rows: number;
  seconds: number;
  peakMb: number;
  note?: string;
}

const ROOT = path.resolve(__dirname, "..");
const PROBE = path.join(__dirname, "rssProbe.js");
const dir = path.join(os.tmpdir(), "ct-bench-read-cli");
fs.mkdirSync(dir, { recursive: true });

function timed(name: string, rows: number, args: readonly string[]): CliResult {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", PROBE, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = Number(child.output[3] ?? "");
  if (child.status !== 0) return { name, rows, seconds, peakMb: peakKb / 1024, note: `failed: ${String(child.stderr).trim().split("\n").pop()}` };
  return { name, rows, seconds, peakMb: peakKb / 1024 };
}

function csvRegister(rows: number): string {
  const file = path.join(dir, `register-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const quote = (v: unknown): string => {
    const s = v === null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [BIG_HEADERS.map(quote).join(","), ...bigRegister(rows).map((r) => r.map(quote).join(","))];
  fs.writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

/**
 * A commercial lead's folder: ten registers of `rows` rows each, one a department. They are the same
 * generated register, so every Contract ID is in all ten files: the roll-up's worst case for
 * reporting duplicates (10 places for each ID).
 */
function rollupFolder(rows: number): string {
  const folder = path.join(dir, `rollup-10x${rows}`);
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= 10; i++) {
    const file = path.join(folder, `department-${String(i).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(file)) fs.copyFileSync(xlsxRegister(rows), file);
  }
  return folder;
}

function xlsxRegister(rows: number): string {
  const file = path.join(dir, `register-${rows}.xlsx`);
  if (!fs.existsSync(file)) writeRegisterXlsx(file, rows);
  return file;
}

/** The unpacked SheetJS package (`xlsx` on npm), fetched once into the temporary folder; undefined when npm cannot fetch it. */
function sheetJs(): string | undefined {
  const unpacked = path.join(dir, "sheetjs", "package");
  if (fs.existsSync(path.join(unpacked, "package.json"))) return unpacked;
  fs.mkdirSync(path.dirname(unpacked), { recursive: true });
  const pack = spawnSync("npm", ["pack", "xlsx", "--pack-destination", path.dirname(unpacked)], { encoding: "utf8" });
  const tarball = pack.stdout.trim().split("\n").pop();
  if (pack.status !== 0 || !tarball) return undefined;
  const untar = spawnSync("tar", ["xzf", path.join(path.dirname(unpacked), tarball), "-C", path.dirname(unpacked)]);
  return untar.status === 0 ? unpacked : undefined;
}

function sheetJsRead(pkg: string, dense: boolean, file: string): string[] {
  const script = `const XLSX = require(${JSON.stringify(pkg)}); const wb = XLSX.readFile(process.argv[1], { dense: ${dense} }); if (!wb.SheetNames.length) process.exit(1);`;
  return ["-e", script, file];
}

/** The cases, run in turn (each in its own process); `wanted` filters by name. */
export function readCliResults(wanted: (c: { suite: string; name: string }) => boolean): CliResult[] {
  const results: CliResult[] = [];
  const pkg = sheetJs();
  const cases: { name: string; rows: number; file: () => string; ours: string[]; peer?: boolean; targetSeconds?: number }[] = [
    { name: "check, a 100,000-row CSV (20 columns)", rows: 100_000, file: () => csvRegister(100_000), ours: ["check"], peer: true },
    { name: "check, a 100,000-row .xlsx (20 columns)", rows: 100_000, file: () => xlsxRegister(100_000), ours: ["check"], peer: true },
    { name: "summary, a 100,000-row .xlsx", rows: 100_000, file: () => xlsxRegister(100_000), ours: ["summary", "--as-of", "2026-01-01"] },
    // Issue 14: the roll-up of ten 10,000-row registers under 10 s.
    { name: "summary (roll-up) of a folder of ten 10,000-row .xlsx", rows: 100_000, file: () => rollupFolder(10_000), ours: ["summary", "--as-of", "2026-01-01"], targetSeconds: 10 },
    { name: "check, a 1,000,000-row .xlsx (20 columns)", rows: 1_000_000, file: () => xlsxRegister(1_000_000), ours: ["check"] },
    { name: "summary, a 1,000,000-row .xlsx", rows: 1_000_000, file: () => xlsxRegister(1_000_000), ours: ["summary", "--as-of", "2026-01-01"] },
  ];
  for (const c of cases.filter((c) => wanted({ suite: "read-cli", name: c.name }))) {
    const file = c.file();
    const [command, ...rest] = c.ours;
    const ours = timed(`contract-tracker ${c.name}`, c.rows, [path.join(ROOT, "bin/contract-tracker.js"), command, file, ...rest]);
    if (c.targetSeconds !== undefined && ours.note === undefined) ours.note = `target ≤ ${c.targetSeconds} s: ${ours.seconds < c.targetSeconds ? "met" : "MISSED"}`;
    results.push(ours);
    process.stderr.write(".");
    if (!c.peer) continue;
    for (const dense of [true, false]) {
      const name = `SheetJS ${dense ? "dense" : "default"} read of the same file`;
      results.push(pkg ? timed(name, c.rows, sheetJsRead(pkg, dense, file)) : { name, rows: c.rows, seconds: NaN, peakMb: NaN, note: "not measured: npm pack xlsx failed" });
      process.stderr.write(".");
    }
  }
  return results;
}

export function formatCliTable(results: readonly CliResult[]): string {
  const lines = results.map((r) => [r.name, r.rows.toLocaleString("en-GB"), Number.isNaN(r.seconds) ? "" : r.seconds.toFixed(2), Number.isNaN(r.peakMb) ? "" : r.peakMb.toFixed(0), r.note ?? ""]);
  const header = ["command (one process each)", "rows", "seconds", "peak RSS MB", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}
