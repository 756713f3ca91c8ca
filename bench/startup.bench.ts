// The command line's start-up (issue 12: at most 0.2 s a call): `--version` and `help` through the
// bin as a user runs it, beside Node starting and doing nothing, and beside the TypeScript run
// through tsx as the bin did before it was compiled. Wall time of the whole process, median of 11.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin/contract-tracker.js");
/** The start-up target, in ms. */
export const STARTUP_TARGET_MS = 200;

interface StartupRow {
  name: string;
  medianMs: number;
  peakRssMb: number;
  target?: number;
}

/** Median wall time (ms) and the largest peak RSS (MB, from /usr/bin/time where there is one) of 11 runs of `node args`. */
function time(args: readonly string[]): { medianMs: number; peakRssMb: number } {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < 11; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { encoding: "utf8", cwd: ROOT });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const kb = Number(/(\d+)\s*$/.exec(run.stderr ?? "")?.[1] ?? 0);
    peak = Math.max(peak, kb / 1024);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[5], peakRssMb: peak };
}

/** The start-up table, the CLI compiled first as `npm ci` compiles it; and how many targets were missed. */
export function startupTable(): { table: string; missed: number } {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-cli.js")], { cwd: ROOT, stdio: "ignore" });
  // The bin as it was: tsx compiling the TypeScript sources on every call.
  const before = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-bench-")), "tsx-bin.js");
  fs.writeFileSync(before, `require(${JSON.stringify(require.resolve("tsx/cjs"))});\nrequire(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))}).run(process.argv.slice(2), console.log, console.error);\n`);
  const tsx = [before];
  const rows: StartupRow[] = [
    { name: "node -e 0 (Node alone)", ...time(["-e", "0"]) },
    { name: "contract-tracker --version", ...time([BIN, "--version"]), target: STARTUP_TARGET_MS },
    { name: "contract-tracker help", ...time([BIN, "help"]), target: STARTUP_TARGET_MS },
    { name: "--version through tsx (before)", ...time([...tsx, "--version"]) },
    { name: "help through tsx (before)", ...time([...tsx, "help"]) },
  ];
  const missed = rows.filter((r) => r.target !== undefined && r.medianMs > r.target).length;
  // On a shared machine Node's own start varies several-fold: what the command line adds to it is shown beside.
  const node = rows[0].medianMs;
  const lines = rows.map((r) => `| ${r.name.padEnd(32)} | ${r.medianMs.toFixed(0).padStart(7)} | ${(r.medianMs - node).toFixed(0).padStart(9)} | ${r.peakRssMb.toFixed(0).padStart(8)} | ${r.target === undefined ? "".padEnd(12) : `${r.medianMs <= r.target ? "met" : "MISSED"} ≤ ${r.target}`.padEnd(12)} |`);
  return {
    table: ["Command-line start-up (wall time of the process, median of 11; peak RSS)", "| call                             |      ms | over Node |  peak MB | target       |", "|----------------------------------|---------|-----------|----------|--------------|", ...lines].join("\n"),
    missed,
  };
}
