// The command line's words: commands, options and what each needs.
import { SUMMARY_FORMATS, SUMMARY_GROUPINGS } from "../core/summaryRender";
import { FORMULA_STYLES } from "../features/trackerFormulas";

const MAPPING = "[--map FIELD=HEADER]... [--mapping FILE.json]";

export const USAGE = `Usage:
  contract-tracker map FILE [--sheet NAME] ${MAPPING} [--json]
  contract-tracker check FILE [--sheet NAME] ${MAPPING} [--date-order dmy|mdy] [--json]
  contract-tracker convert FILE --out TRACKER.xlsx [--formulas contract|native] [--as-of YYYY-MM-DD] [--sheet NAME] ${MAPPING} [--date-order dmy|mdy]
  contract-tracker summary FILE [--as-of YYYY-MM-DD] [--date-order dmy|mdy] [--format text|markdown|html|json] [--limit N] [--group-by department|manager] [--out FILE] [--sheet NAME] ${MAPPING}
FILE is a .csv (UTF-8 or Windows-1252) or .xlsx register.
--map FIELD=HEADER puts a field (contractId or "Contract ID") in the column with that header; FIELD= says
  the register has no such column. Give it once a field.
--mapping FILE.json reuses a mapping saved from \`map --json\` (or {"fields": {"title": "HEADER", "status": null}});
  --map wins over it.
--formulas native writes the computed columns in Excel's own formulas, so the tracker works without the add-in
  (Excel for iPad, LibreOffice, a colleague who has not installed it); contract, the default, uses CONTRACT functions.
--limit N lists up to N contracts of each level in the summary (default 25; 0 lists them all; JSON lists them all).
--group-by department|manager lists each level's contracts under their department or contract manager.`;

/** Bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

export type Command = "map" | "check" | "convert" | "summary";
/** Options that take one value. */
export type ValueOption = "--sheet" | "--out" | "--as-of" | "--date-order" | "--format" | "--mapping" | "--limit" | "--group-by" | "--formulas";
/** Options that may be given again and again, each time with a value. */
export type RepeatableOption = "--map";
/** Options that take no value. */
export type Switch = "--json";

export interface Options {
  command: Command;
  file: string;
  /** The value of a one-value option, or undefined when it was not given. */
  value(name: ValueOption): string | undefined;
  /** Every value of a repeatable option, in the order given (none: empty). */
  values(name: RepeatableOption): readonly string[];
  /** Whether a switch was given. */
  has(name: Switch): boolean;
}

const COMMANDS: readonly string[] = ["map", "check", "convert", "summary"];
const VALUE_OPTIONS: readonly string[] = ["--sheet", "--out", "--as-of", "--date-order", "--format", "--mapping", "--limit", "--group-by", "--formulas"];
const REPEATABLE: readonly string[] = ["--map"];
const SWITCHES: readonly string[] = ["--json"];

/**
 * Reads the command line's words (without `node` and the script). A one-value option given twice is
 * bad usage (which did the user mean?); a repeatable one collects its values.
 * @throws UsageError naming what is wrong: unknown command or option, a missing value, a bad value
 * @example parseArguments(["check", "reg.csv", "--map", "title=Name", "--map", "status="]).values("--map") → ["title=Name", "status="]
 */
export function parseArguments(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") throw new UsageError("");
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command "${command}"`);
  const single = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (VALUE_OPTIONS.includes(arg) || REPEATABLE.includes(arg)) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      i++;
      if (REPEATABLE.includes(arg)) lists.set(arg, [...(lists.get(arg) ?? []), value]);
      else if (single.has(arg)) throw new UsageError(`${arg} is given twice`);
      else single.set(arg, value);
    } else if (SWITCHES.includes(arg)) switches.add(arg);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "Give the register FILE" : `One FILE only (got ${positional.join(", ")})`);
  const order = single.get("--date-order");
  if (order !== undefined && order !== "dmy" && order !== "mdy") throw new UsageError("--date-order is dmy or mdy");
  const asOf = single.get("--as-of");
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError("--as-of is a date written YYYY-MM-DD");
  const format = single.get("--format");
  if (format !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(format)) throw new UsageError("--format is text, markdown, html or json");
  if (format !== undefined && command !== "summary") throw new UsageError("--format is for summary only");
  const limit = single.get("--limit");
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError("--limit is a whole number of contracts per level (0 lists them all)");
  const groupBy = single.get("--group-by");
  if (groupBy !== undefined && !(SUMMARY_GROUPINGS as readonly string[]).includes(groupBy)) throw new UsageError("--group-by is department or manager");
  for (const [name, value] of [["--limit", limit], ["--group-by", groupBy]] as const) if (value !== undefined && command !== "summary") throw new UsageError(`${name} is for summary only`);
  const formulas = single.get("--formulas");
  if (formulas !== undefined && !(FORMULA_STYLES as readonly string[]).includes(formulas)) throw new UsageError("--formulas is contract (CONTRACT functions, with the add-in) or native (Excel's own formulas)");
  if (formulas !== undefined && command !== "convert") throw new UsageError("--formulas is for convert only");
  if (command === "convert" && !single.has("--out")) throw new UsageError("convert needs --out TRACKER.xlsx");
  for (const map of lists.get("--map") ?? []) {
    if (!map.includes("=")) throw new UsageError(`--map ${map}: write FIELD=HEADER (or FIELD= for a field the register does not have)`);
  }
  return {
    command: command as Command,
    file: positional[0],
    value: (name) => single.get(name),
    values: (name) => lists.get(name) ?? [],
    has: (name) => switches.has(name),
  };
}
