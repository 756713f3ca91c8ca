// `summary FOLDER` and `summary FILE FILE …`: the portfolio roll-up of a commercial lead who holds
// one register or tracker a department (issue 14 point 4).
//
// A folder is read one level deep, not recursively: departments keep last year's copies and
// archives in subfolders, and reading those would count every contract twice (as duplicates across
// files). A subfolder that should be in the roll-up is named beside the folder:
// `summary Registers Registers/Archive`.
import * as fs from "fs";
import * as path from "path";
import { todaySerial } from "../core/dates";
import { PortfolioPart, NotRead, portfolio } from "../core/portfolio";
import { renderPortfolio } from "../core/portfolioRender";
import type { SummaryFormat, SummaryLayout } from "../core/summaryRender";
import { InputError } from "./inputError";
import type { Options } from "./options";
import { checkOutput, filesRead } from "./outputFile";
import { deliver, layoutOf } from "./summary";
import { readChoices, readPart } from "./rollupRead";
import { ProblemCounts, asOfOption, problemsInWords } from "./trackerFile";

// What a folder's registers are saved as (the formats the command line reads; .xls is refused with why when named).
const REGISTER_FILE = /\.(csv|xlsx|xlsm)$/i;
// Excel's lock file beside an open workbook (`~$Adults.xlsx`), and hidden files (a half-written `--out`).
const NOT_A_REGISTER = /^(~\$|\.)/;

/**
 * The files the words name, in order, each once: a file as given, a folder's registers in name
 * order. What a folder holds that is no register is said on `note`, one line each.
 */
export function rollupFiles(args: readonly string[], note: (s: string) => void): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    let key = path.resolve(file);
    try {
      key = fs.realpathSync(file);
    } catch {
      // A file that is not there is read, and said not read, as given.
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    if (!(fs.existsSync(arg) && fs.statSync(arg).isDirectory())) {
      add(arg);
      continue;
    }
    const entries = fs.readdirSync(arg, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const file = path.join(arg, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && fs.existsSync(file) && fs.statSync(file).isDirectory());
      if (isFolder) note(`${file}: a subfolder, not read (name it to include it)`);
      else if (NOT_A_REGISTER.test(entry.name)) continue;
      else if (!REGISTER_FILE.test(entry.name)) note(`${file}: not read, not a .csv or .xlsx file`);
      else add(file);
    }
  }
  return files;
}

/** Each file's name in the roll-up: its own name, or the path given where two files share a name. */
function displayNames(files: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(path.basename(f), (counts.get(path.basename(f)) ?? 0) + 1);
  return new Map(files.map((f) => [f, (counts.get(path.basename(f)) ?? 0) > 1 ? f : path.basename(f)]));
}

/** Every file's data-quality problems in one line, added up by kind (each file's rows and duplicate IDs are its own). */
function problemsOfAll(parts: readonly ProblemCounts[]): SummaryLayout["problems"] {
  const all: ProblemCounts = { rows: 0, byCode: {} };
  for (const p of parts) {
    all.rows += p.rows;
    for (const [code, count] of Object.entries(p.byCode) as [keyof ProblemCounts["byCode"], number][]) all.byCode[code] = (all.byCode[code] ?? 0) + count;
  }
  return problemsInWords(all, "contract-tracker check FILE lists each file's");
}

/**
 * The portfolio roll-up: every register named or found is summarised by its own Settings on one
 * as-of date (`--as-of`, else today: a tracker's own fixed date would make files disagree), then
 * rolled up (core/portfolio) and printed or written in the summary's format.
 * @throws InputError when no file could be read as a register (each one's reason is said on `note` first)
 * @example await rollup(parseArguments(["summary", "Registers", "--as-of", "2026-01-01"]), console.log, console.error) // prints "Portfolio roll-up of 4 registers: …"
 */
export async function rollup(options: Options, write: (s: string) => void, note: (s: string) => void, now: Date = new Date()): Promise<void> {
  const files = rollupFiles(options.files, note);
  const outFile = options.value("--out");
  if (outFile) checkOutput(outFile, filesRead(options, files), options.has("--force"));
  const asOf = asOfOption(options) ?? todaySerial(now);
  const names = displayNames(files);
  const choices = readChoices(options);
  const parts: PortfolioPart[] = [];
  const problems: ProblemCounts[] = [];
  const notRead: NotRead[] = [];
  // One file after another: each register's cells are let go once it is summarised, so memory
  // stays that of one register and ten summaries. (Worker threads, one a core, were measured on
  // the two-core machine: 25% more CPU time and 100 MB more memory, and no faster when busy.)
  for (const file of files) {
    const read = await readPart(file, names.get(file) ?? file, choices, asOf);
    for (const line of read.notes) note(line);
    if ("part" in read) {
      parts.push(read.part);
      problems.push(read.problems);
    } else notRead.push(read.notRead);
  }
  if (parts.length === 0) {
    throw new InputError(files.length === 0 ? `No .csv or .xlsx register in ${options.files.join(", ")}` : `No register could be read of the ${files.length} file${files.length === 1 ? "" : "s"} given (each is said above)`);
  }
  const layout: SummaryLayout = { ...layoutOf(options), problems: problemsOfAll(problems) };
  await deliver(options, renderPortfolio(portfolio(parts, notRead), (options.value("--format") ?? "text") as SummaryFormat, layout), write);
}
