// The command line's words: commands, options and what each needs.
import { SUMMARY_FORMATS } from "../core/summaryRender";

export const USAGE = `Usage:
  contract-tracker map FILE [--sheet NAME] [--json]
  contract-tracker check FILE [--sheet NAME] [--date-order dmy|mdy] [--json]
  contract-tracker convert FILE --out TRACKER.xlsx [--as-of YYYY-MM-DD] [--sheet NAME] [--date-order dmy|mdy]
  contract-tracker summary FILE [--as-of YYYY-MM-DD] [--date-order dmy|mdy] [--format text|markdown|html|json] [--out FILE] [--sheet NAME]
FILE is a .csv (UTF-8 or Windows-1252) or .xlsx register.`;

/** Bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

export interface Options {
  command: string;
  file: string;
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(["--sheet", "--out", "--as-of", "--date-order", "--format"]);
const SWITCHES = new Set(["--json"]);

export function parseArguments(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") throw new UsageError("");
  if (!["map", "check", "convert", "summary"].includes(command)) throw new UsageError(`Unknown command "${command}"`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (VALUE_FLAGS.has(arg)) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
      i++;
    } else if (SWITCHES.has(arg)) flags.set(arg, true);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "Give the register FILE" : `One FILE only (got ${positional.join(", ")})`);
  const order = flags.get("--date-order");
  if (order !== undefined && order !== "dmy" && order !== "mdy") throw new UsageError("--date-order is dmy or mdy");
  const asOf = flags.get("--as-of");
  if (asOf !== undefined && (typeof asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) throw new UsageError("--as-of is a date written YYYY-MM-DD");
  const format = flags.get("--format");
  if (format !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(String(format))) throw new UsageError("--format is text, markdown, html or json");
  if (format !== undefined && command !== "summary") throw new UsageError("--format is for summary only");
  if (command === "convert" && !flags.has("--out")) throw new UsageError("convert needs --out TRACKER.xlsx");
  return { command, file: positional[0], flags };
}

