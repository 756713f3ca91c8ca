// One register of a roll-up read and summarised: what comes back is plain data, its part of the
// roll-up or why it is not in it, with the notes said on the way.
import type { PortfolioPart } from "../core/portfolio";
import { portfolioContract } from "../core/portfolio";
import { trackerDuties } from "../features/procurementDuties";
import { summarise } from "../features/trackerData";
import { fileErrorWords, isFileError } from "./fileErrors";
import { InputError } from "./inputError";
import type { Options, RepeatableOption, Switch, ValueOption } from "./options";
import { ProblemCounts, problemCounts, readTrackerTables } from "./trackerFile";

/** The options a roll-up passes on to each file's reading, as plain data. */
export interface ReadChoices {
  values: Partial<Record<ValueOption, string>>;
  lists: Partial<Record<RepeatableOption, readonly string[]>>;
  switches: readonly Switch[];
}

// The options that change how a file is read (the rest shape the output, which the roll-up makes).
const READ_VALUES: readonly ValueOption[] = ["--sheet", "--date-order", "--locale", "--mapping"];

/** The reading options of the command line's words, as plain data. */
export function readChoices(options: Options): ReadChoices {
  const values: Partial<Record<ValueOption, string>> = {};
  for (const name of READ_VALUES) {
    const value = options.value(name);
    if (value !== undefined) values[name] = value;
  }
  return { values, lists: { "--map": options.values("--map") }, switches: [] };
}

/** Options for one file of the roll-up, from the plain data. */
function optionsFor(file: string, choices: ReadChoices): Options {
  return {
    command: "summary",
    file,
    files: [file],
    value: (name) => choices.values[name],
    values: (name) => choices.lists[name] ?? [],
    has: (name) => choices.switches.includes(name),
  };
}

/** What reading one file came to: its part of the roll-up, or why it is not in it; and the notes said meanwhile. */
export type PartRead = { notes: string[] } & ({ part: PortfolioPart; problems: ProblemCounts } | { notRead: { name: string; reason: string } });

/**
 * Reads and summarises one register of the roll-up on `asOf`, with its Procurement Act duties (as
 * `summary FILE` finds them: its KPIs and Changes tables, its Settings); a file that cannot be read as a
 * register comes back as not read, with its reason (other failures are thrown: they are bugs).
 * @example await readPart("Registers/adults.xlsx", "adults.xlsx", choices, 46023) → { part: { name: "adults.xlsx", … }, problems, notes: [] }
 */
export async function readPart(file: string, name: string, choices: ReadChoices, asOf: number): Promise<PartRead> {
  const notes: string[] = [];
  const base = file.split(/[\\/]/).pop() ?? file;
  // A register's own notes name it: one roll-up says many files' notes.
  const said = (line: string): void => void notes.push(line.startsWith(name) || line.startsWith(base) ? line : `${name}: ${line}`);
  try {
    const { data, kpis, changes } = await readTrackerTables(optionsFor(file, choices), said, asOf);
    // The duties by the file's own Settings (procurement_act_duties off in one file leaves only its own out), as its summary reads them.
    const part = { name, summary: summarise(data), contracts: data.contracts.map(portfolioContract), duties: trackerDuties(data, { kpis, changes }) };
    return { part, problems: problemCounts(data.issues), notes };
  } catch (error) {
    if (!(error instanceof InputError) && !isFileError(error)) throw error;
    const why = error instanceof InputError ? error.message : fileErrorWords(error, file, "read");
    // The reason without the path it starts with (the file is named once, in front), or by its name.
    const reason = why.startsWith(file) ? why.slice(file.length).replace(/^[\s:,]+/, "") : why.split(file).join(name);
    notes.push(`${name}: not read: ${reason}`);
    return { notRead: { name, reason }, notes };
  }
}
