// The command line's words: commands, options and what each needs.
import { dateToSerial } from "../core/dates";
import { SUMMARY_FORMATS, SUMMARY_GROUPINGS } from "../core/summaryChoices";
import { FORMULA_STYLES } from "../features/formulaStyles";

const MAPPING = "[--map FIELD=HEADER]... [--mapping FILE.json]";

export const USAGE = `Usage:
  contract-tracker map FILE [--sheet NAME] ${MAPPING} [--json]
  contract-tracker check FILE [--sheet NAME] ${MAPPING} [--date-order dmy|mdy] [--locale en-GB|en-US|…] [--json]
  contract-tracker convert FILE --out TRACKER.xlsx [--force] [--formulas contract|native] [--as-of YYYY-MM-DD] [--sheet NAME] ${MAPPING} [--date-order dmy|mdy]
  contract-tracker summary FILE|FOLDER [FILE|FOLDER]... [--as-of YYYY-MM-DD] [--date-order dmy|mdy] [--locale en-GB|en-US|…] [--format text|markdown|html|json] [--limit N] [--group-by department|manager] [--out FILE [--force]] [--sheet NAME] ${MAPPING}
  contract-tracker calendar FILE --out DATES.ics [--force] [--within DAYS] [--as-of YYYY-MM-DD] [--date-order dmy|mdy] [--sheet NAME] ${MAPPING}
  contract-tracker help | --help | -h       this text
  contract-tracker --version                the version
FILE is a .csv (UTF-8 or Windows-1252) or .xlsx register.
--map FIELD=HEADER puts a field (contractId or "Contract ID") in the column with that header; FIELD= says
  the register has no such column. Give it once a field.
--mapping FILE.json reuses a mapping saved from \`map --json\` (or {"fields": {"title": "HEADER", "status": null}});
  --map wins over it.
--out never overwrites a file the command reads (a register, the --mapping file); another file already there is
  replaced only with --force.
--formulas native writes the computed columns in Excel's own formulas, so the tracker works without the add-in
  (Excel for iPad, LibreOffice, a colleague who has not installed it); contract, the default, uses CONTRACT functions.
--locale says how dates are written in words: en-GB "1 Aug 2027", en-US "Aug 1, 2027" (default: the date order's,
  dmy en-GB and mdy en-US). JSON keeps ISO dates.
--as-of is the day the summary or tracker is worked out for (default: today; a tracker whose Settings fix a date, that date).
--limit N lists up to N contracts of each level in the summary (default 25; 0 lists them all; JSON lists them all).
--group-by department|manager lists each level's contracts under their department or contract manager.
summary of a FOLDER, or of several files, is one roll-up of every .csv and .xlsx register in it (not its subfolders:
  name them too), with a breakdown by file and by department; a contract ID found in two files is listed, not merged.
calendar writes an iCalendar file (Outlook, Google, Apple Calendar) with an all-day event and reminder for each
  decide-by, notice, end and final expiry date, each performance assessment due (a tracker with a KPIs sheet) and
  each termination notice due; one overdue and still to act on is put on --as-of. With no date, it writes no file.
  --within DAYS keeps those from --as-of up to DAYS days ahead (default: every one to come).`;

/** Bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

export type Command = "map" | "check" | "convert" | "summary" | "calendar";
/** Options that take one value. */
export type ValueOption = "--sheet" | "--out" | "--as-of" | "--date-order" | "--locale" | "--format" | "--mapping" | "--limit" | "--group-by" | "--formulas" | "--within";
/** Options that may be given again and again, each time with a value. */
export type RepeatableOption = "--map";
/** Options that take no value. */
export type Switch = "--json" | "--force";

export interface Options {
  command: Command;
  /** The first FILE given: the register every command but a roll-up works on. */
  file: string;
  /** Every FILE (or FOLDER) given, in order: only summary takes more than one. */
  files: readonly string[];
  /** The value of a one-value option, or undefined when it was not given. */
  value(name: ValueOption): string | undefined;
  /** Every value of a repeatable option, in the order given (none: empty). */
  values(name: RepeatableOption): readonly string[];
  /** Whether a switch was given. */
  has(name: Switch): boolean;
}

/** What the words ask for: a command to run, or the usage text or version (exit 0). */
export type Request = { kind: "help" } | { kind: "version" } | ({ kind: "command" } & Options);

const VALUE_OPTIONS: readonly string[] = ["--sheet", "--out", "--as-of", "--date-order", "--locale", "--format", "--mapping", "--limit", "--group-by", "--formulas", "--within"];
const REPEATABLE: readonly string[] = ["--map"];
const SWITCHES: readonly string[] = ["--json", "--force"];
// Each command's options: any other known option would be ignored, so it is bad usage.
const REGISTER = ["--sheet", "--map", "--mapping"];
const ACCEPTS: Readonly<Record<Command, readonly string[]>> = {
  map: [...REGISTER, "--json"],
  check: [...REGISTER, "--date-order", "--locale", "--json"],
  convert: [...REGISTER, "--date-order", "--out", "--force", "--formulas", "--as-of"],
  summary: [...REGISTER, "--date-order", "--locale", "--out", "--force", "--as-of", "--format", "--limit", "--group-by"],
  calendar: [...REGISTER, "--date-order", "--out", "--force", "--as-of", "--within"],
};
// What a user who gave an option the command does not take most likely wants instead.
const INSTEAD: Readonly<Record<string, string>> = {
  "summary --json": " (use --format json)",
  "check --out": " (it prints to the screen: redirect with > FILE)",
  "map --out": " (it prints to the screen: redirect with > FILE)",
};
const isCommand = (word: string): word is Command => Object.prototype.hasOwnProperty.call(ACCEPTS, word);

/** An --as-of value checked before anything is read: a real day of the calendar, written YYYY-MM-DD. */
function checkAsOf(text: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new UsageError(`--as-of ${text}: write the date YYYY-MM-DD`);
  if (dateToSerial(Number(m[1]), Number(m[2]), Number(m[3])) === null) throw new UsageError(`--as-of ${text} is not a day of the calendar`);
}

/**
 * Reads the command line's words (without `node` and the script). `--name value` and `--name=value`
 * both work. A one-value option given twice is bad usage (which did the user mean?), as is one the
 * command does not take (it would be ignored) or an empty value; a repeatable one collects its values.
 * @throws UsageError naming what is wrong: unknown command or option, a missing or empty value, a bad value
 * @example parseArguments(["check", "reg.csv", "--map", "title=Name", "--map", "status="]) → { kind: "command", command: "check", … } whose values("--map") → ["title=Name", "status="]
 * @example parseArguments(["--help"]) → { kind: "help" }
 */
export function parseArguments(argv: readonly string[]): Request {
  if (argv.some((arg) => arg === "--help" || arg === "-h") || argv[0] === "help") return { kind: "help" };
  if (argv.includes("--version")) return { kind: "version" };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("");
  if (!isCommand(command)) throw new UsageError(command.startsWith("-") ? `Give a command before the options (got ${command})` : `Unknown command "${command}"`);
  const single = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i];
    let inline: string | undefined;
    const equals = arg.indexOf("=");
    if (arg.startsWith("--") && equals > 2) [arg, inline] = [arg.slice(0, equals), arg.slice(equals + 1)];
    const known = VALUE_OPTIONS.includes(arg) || REPEATABLE.includes(arg) || SWITCHES.includes(arg);
    if (!known) {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`Unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    if (!ACCEPTS[command].includes(arg)) throw new UsageError(`${command} does not take ${arg}${INSTEAD[`${command} ${arg}`] ?? ""}`);
    if (SWITCHES.includes(arg)) {
      if (inline !== undefined) throw new UsageError(`${arg} takes no value`);
      switches.add(arg);
      continue;
    }
    const value = inline ?? rest[i + 1];
    if (inline === undefined) i++;
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${arg} needs a value`);
    if (value.trim() === "") throw new UsageError(`${arg} needs a value (it was given an empty one)`);
    if (REPEATABLE.includes(arg)) lists.set(arg, [...(lists.get(arg) ?? []), value]);
    else if (single.has(arg)) throw new UsageError(`${arg} is given twice`);
    else single.set(arg, value);
  }
  if (positional.length === 0) throw new UsageError(command === "summary" ? "Give the register FILE, or a FOLDER of registers" : "Give the register FILE");
  if (positional.length > 1 && command !== "summary") throw new UsageError(`One FILE only (got ${positional.join(", ")})`);
  checkValues(command, single, switches);
  for (const map of lists.get("--map") ?? []) {
    if (!map.includes("=")) throw new UsageError(`--map ${map}: write FIELD=HEADER (or FIELD= for a field the register does not have)`);
  }
  return {
    kind: "command",
    command,
    file: positional[0],
    files: positional,
    value: (name) => single.get(name),
    values: (name) => lists.get(name) ?? [],
    has: (name) => switches.has(name),
  };
}

/** Whether Intl formats dates in this locale (a malformed tag throws; an unknown one is not supported). */
function knownLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** The one-value options' values, each a word the option knows. */
function checkValues(command: Command, single: ReadonlyMap<string, string>, switches: ReadonlySet<string>): void {
  const order = single.get("--date-order");
  if (order !== undefined && order !== "dmy" && order !== "mdy") throw new UsageError("--date-order is dmy or mdy");
  const locale = single.get("--locale");
  if (locale !== undefined && !knownLocale(locale)) throw new UsageError(`--locale is a language tag such as en-GB or en-US; "${locale}" is not one this runtime knows`);
  const asOf = single.get("--as-of");
  if (asOf !== undefined) checkAsOf(asOf);
  const format = single.get("--format");
  if (format !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(format)) throw new UsageError("--format is text, markdown, html or json");
  const limit = single.get("--limit");
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError("--limit is a whole number of contracts per level (0 lists them all)");
  const groupBy = single.get("--group-by");
  if (groupBy !== undefined && !(SUMMARY_GROUPINGS as readonly string[]).includes(groupBy)) throw new UsageError("--group-by is department or manager");
  const formulas = single.get("--formulas");
  if (formulas !== undefined && !(FORMULA_STYLES as readonly string[]).includes(formulas)) throw new UsageError("--formulas is contract (CONTRACT functions, with the add-in) or native (Excel's own formulas)");
  const within = single.get("--within");
  if (within !== undefined && !/^\d+$/.test(within)) throw new UsageError("--within is a whole number of days ahead of --as-of");
  if (command === "calendar" && !single.has("--out")) throw new UsageError("calendar needs --out DATES.ics");
  if (command === "convert" && !single.has("--out")) throw new UsageError("convert needs --out TRACKER.xlsx");
  if (switches.has("--force") && !single.has("--out")) throw new UsageError("--force replaces the --out file: give --out FILE");
}
