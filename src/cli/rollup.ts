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

// What a folder's registers are saved as (the formats the command line reads).
const REGISTER_FILE = /\.(csv|xlsx|xlsm)$/i;
// Excel's lock file beside an open workbook (`~$Adults.xlsx`), and hidden files (a half-written
// `--out`): the system's, not the user's, so passed over without a word.
const NOT_A_REGISTER = /^(~\$|\.)/;

/** A file named or found for the roll-up: a register to read, or what a folder holds that is left out, with why (`leftOut`). */
export interface RollupEntry {
  file: string;
  leftOut?: string;
}

/** Why a folder's entry is not read, in the words of the roll-up's Not read list; undefined for a register to read. */
function leftOutBecause(name: string, isFolder: boolean): string | undefined {
  if (isFolder) return "a subfolder (name it to include it)";
  if (/\.xls$/i.test(name)) return "an old .xls workbook (save it from Excel as .xlsx to include it)";
  if (!REGISTER_FILE.test(name)) return "not a .csv or .xlsx file";
  return undefined;
}

/** The real path of a file, or its path as given when it is not there (it is read, and said not read, as given). */
function identity(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The files the words name, in order, each once: a file as given, a folder's entries in name order.
 * What a folder holds that is no register (a subfolder not itself named, a file that is not a
 * spreadsheet) comes back with why it is left out, and is said on `note`, one line each; lock and
 * hidden files are passed over.
 * @example rollupFiles(["Registers"], console.error) → [{ file: "Registers/adults.xlsx" }, { file: "Registers/archive", leftOut: "a subfolder (name it to include it)" }, { file: "Registers/notes.txt", leftOut: "not a .csv or .xlsx file" }]
 */
export function rollupFiles(args: readonly string[], note: (s: string) => void): RollupEntry[] {
  const entries: RollupEntry[] = [];
  const seen = new Set<string>();
  const isFolder = (file: string): boolean => fs.existsSync(file) && fs.statSync(file).isDirectory();
  // A subfolder named beside its folder is read, so it is not left out.
  const named = new Set(args.filter(isFolder).map(identity));
  const add = (entry: RollupEntry): void => {
    const key = identity(entry.file);
    if (seen.has(key) || (entry.leftOut !== undefined && named.has(key))) return;
    seen.add(key);
    entries.push(entry);
  };
  for (const arg of args) {
    if (!isFolder(arg)) {
      add({ file: arg });
      continue;
    }
    const found = fs.readdirSync(arg, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of found) {
      const file = path.join(arg, entry.name);
      const folder = entry.isDirectory() || (entry.isSymbolicLink() && isFolder(file));
      if (!folder && NOT_A_REGISTER.test(entry.name)) continue;
      const leftOut = leftOutBecause(entry.name, folder);
      add(leftOut === undefined ? { file } : { file, leftOut });
    }
  }
  for (const entry of entries) if (entry.leftOut !== undefined) note(`${entry.file}: not read: ${entry.leftOut}`);
  return entries;
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
  const entries = rollupFiles(options.files, note);
  const files = entries.filter((e) => e.leftOut === undefined).map((e) => e.file);
  const outFile = options.value("--out");
  if (outFile) checkOutput(outFile, filesRead(options, files), options.has("--force"));
  const asOf = asOfOption(options) ?? todaySerial(now);
  const names = displayNames(entries.map((e) => e.file));
  const choices = readChoices(options);
  const parts: PortfolioPart[] = [];
  const problems: ProblemCounts[] = [];
  const notRead: NotRead[] = [];
  // One file after another: each register's cells are let go once it is summarised, so memory
  // stays that of one register and ten summaries. (Worker threads, one a core, were measured on
  // the two-core machine: 25% more CPU time and 100 MB more memory, and no faster when busy.)
  for (const { file, leftOut } of entries) {
    const name = names.get(file) ?? file;
    if (leftOut !== undefined) {
      notRead.push({ name, reason: leftOut });
      continue;
    }
    const read = await readPart(file, name, choices, asOf);
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
