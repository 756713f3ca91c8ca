// `npm run bench [filter]`: every benchmark case, printed as tables. Targets come from the issues.
import { execSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cliBench } from "./convert.bench";
import { functionCases, pairCases, pairSource } from "./functions.bench";
import { readCases } from "./read.bench";
import { formatCliTable, readCliResults } from "./readCli.bench";
import { BenchResult, PairResult, formatPairTable, formatTable, measure, pairVerdict } from "./measure";
import { TripResult, formatTripTable, tripCases, tripVerdict } from "./setup.bench";
import { paneLoadTable } from "./paneLoad.bench";
import { startupTable } from "./startup.bench";
import { summaryCases } from "./summary.bench";

const filter = process.argv[2]?.toLowerCase();
const wanted = (c: { suite: string; name: string }): boolean => !filter || `${c.suite} ${c.name}`.toLowerCase().includes(filter);

/** The initial JavaScript of taskpane.html (issue 5: at most 250 KB gzipped), from a production build. */
function bundleTable(): string {
  const dist = path.resolve(__dirname, "../dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    process.stderr.write("building dist/ for the bundle size …\n");
    execSync("npm run build", { stdio: "ignore", cwd: path.resolve(__dirname, "..") });
  }
  const { initialScripts, INITIAL_JS_LIMIT_BYTES } = require("../scripts/bundleSize.js") as {
    initialScripts: (dist: string) => { file: string; bytes: number; gzip: number }[];
    INITIAL_JS_LIMIT_BYTES: number;
  };
  const sizes = initialScripts(dist);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  bundleMissed = total > INITIAL_JS_LIMIT_BYTES;
  const lines = sizes.map((s) => `| ${s.file.padEnd(12)} | ${(s.bytes / 1024).toFixed(1).padStart(8)} | ${(s.gzip / 1024).toFixed(1).padStart(8)} |`);
  return [
    `Initial JavaScript of taskpane.html (KB; target ≤ ${INITIAL_JS_LIMIT_BYTES / 1024} KB gzipped: ${bundleMissed ? "MISSED" : "met"})`,
    "| script       |      raw |  gzipped |",
    "|--------------|----------|----------|",
    ...lines,
    `| ${"total".padEnd(12)} | ${(sizes.reduce((n, s) => n + s.bytes, 0) / 1024).toFixed(1).padStart(8)} | ${(total / 1024).toFixed(1).padStart(8)} |`,
  ].join("\n");
}
let bundleMissed = false;

/**
 * The two settings the functions are timed beside the loops under. With Node's defaults on a 2-core
 * machine, collecting the 100,000 one-cell rows a call returns costs more than the arithmetic, and
 * both pay it alike. With the collector set aside — a 64 MB young generation collected on the main
 * thread, and no allocation-site pretenuring, which otherwise moves a call's rows to the old
 * generation in some processes and not others and made the same loop measure 2 ms or 30 ms — the
 * arithmetic and what we allocate for it decide. A target is met only when it is met under both.
 */
const COLLECTOR_ASIDE = ["--single-threaded-gc", "--min-semi-space-size=64", "--max-semi-space-size=64", "--no-allocation-site-pretenuring"];
const PAIR_SETTINGS: readonly { name: string; flags: string[] }[] = [
  { name: "Node's defaults", flags: [] },
  { name: `the collector set aside (${COLLECTOR_ASIDE.join(" ")})`, flags: COLLECTOR_ASIDE },
];

// The pair cases in a process of their own with `flags` (bench/pairs.ts), as tsx runs this script.
function pairsWith(flags: readonly string[]): PairResult[] {
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, path.join(__dirname, "pairs.ts"), filter ?? ""], {
    cwd: path.resolve(__dirname, ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/pairs.ts ${flags.join(" ")} failed (${child.status})`);
  return JSON.parse(child.stdout) as PairResult[];
}

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  for (const c of [...functionCases, ...summaryCases(), ...readCases()].filter(wanted)) {
    results.push(await measure(c));
    process.stderr.write(".");
  }
  const pairTables = pairCases.some(wanted) ? PAIR_SETTINGS.map((setting) => ({ setting, results: pairsWith(setting.flags) })) : [];
  const pairs = pairTables.flatMap((t) => t.results);
  // The command line as a user runs it, a child process a case, with its peak memory (bench/convert.bench.ts).
  const cli = cliBench(filter, () => process.stderr.write("."));
  const trips: TripResult[] = [];
  for (const c of tripCases.filter(wanted)) {
    trips.push({ suite: c.suite, name: c.name, rows: c.rows, target: c.target, readTarget: c.readTarget, ...(await c.run()) });
    process.stderr.write(".");
  }
  const cliResults = readCliResults(wanted);
  process.stderr.write("\n");
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  if (results.length) console.log(formatTable(results));
  if (cli.table) console.log(`\nThe command line\n${cli.table}`);
  if (pairTables.length) {
    console.log(`\nThe cell functions beside a plain loop doing the same arithmetic on the same 2-D inputs (bench/plainLoops.ts); ours: ${pairSource}.`);
    console.log("ms: CPU time a run (process.cpuUsage, collector threads included), median and best of 9 batches of 10 runs (2 at 1,000,000 rows and per cell), ours and the loop in turn; the verdict compares the medians.");
    for (const { setting, results: table } of pairTables) console.log(`\nV8 with ${setting.name}\n${formatPairTable(table)}`);
  }
  if (cliResults.length) console.log(`\nReading registers from the command line: wall time and peak memory of each process (SheetJS beside ours, reading the same file)\n${formatCliTable(cliResults)}`);
  if (!filter || "bundle taskpane".includes(filter)) console.log(`\n${bundleTable()}`);
  const startup = !filter || "startup cli".includes(filter) ? startupTable() : undefined;
  if (startup) console.log(`\n${startup.table}`);
  const paneLoad = !filter || "pane load".includes(filter) ? await paneLoadTable() : undefined;
  if (paneLoad) console.log(`\n${paneLoad.table}`);
  if (trips.length) console.log(`\nRound trips to Excel (context.sync calls, counted over the fake Excel; Excel on the web refuses a trip over 5 MB, Excel desktop has no limit)\n${formatTripTable(trips)}`);
  const missed = results.filter((r) => r.targetMs !== undefined && r.medianMs >= r.targetMs).length + pairs.filter((r) => pairVerdict(r) === "MISSED").length + trips.filter((r) => tripVerdict(r) === "MISSED").length + (bundleMissed ? 1 : 0) + (startup?.missed ?? 0) + (paneLoad?.missed ?? 0) + cli.missed + cliResults.filter((r) => r.note?.endsWith("MISSED")).length;
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
