import * as fs from "fs";
import * as path from "path";
import { fileErrorWords, isFileError } from "./fileErrors";
import { InputError } from "./inputError";
import { Options, USAGE, UsageError, parseArguments } from "./options";
import { terminalJson, terminalText } from "./terminalText";

/** The version in package.json (two folders up from src/cli and from the compiled lib/cli alike). */
function version(): string {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    const found = typeof manifest === "object" && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
    return typeof found === "string" ? found : "unknown";
  } catch {
    return "unknown";
  }
}

/** Whether the command prints JSON (then its text is escaped by JSON, not stripped). */
const printsJson = (options: Options): boolean => options.has("--json") || options.value("--format") === "json";

// Each command's module is loaded only when it runs: `--version` and `help` load none of them.
// require, not import(): the compiled CLI is CommonJS, and tsx (the bin's fallback while a source
// is newer than the build) hooks require but not import().
/* eslint-disable @typescript-eslint/no-require-imports */
async function runCommand(options: Options, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  switch (options.command) {
    case "map":
      return (require("./map") as typeof import("./map")).map(options, out, err);
    case "check":
      return (require("./check") as typeof import("./check")).check(options, out, err);
    case "summary":
      return (require("./summary") as typeof import("./summary")).summary(options, out, err);
    case "convert":
      return (require("./convert") as typeof import("./convert")).convert(options, out, err);
    case "calendar":
      return (require("./calendar") as typeof import("./calendar")).calendar(options, out, err);
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * What a usage error prints under its reason: the usage of the command given, when it is one, and
 * where the rest is — not the whole text, whose twenty lines would bury the one that matters.
 * @example usageOf("calendar") → "Usage:\n  contract-tracker calendar FILE --out DATES.ics …\nRun contract-tracker help for every command and option."
 */
function usageOf(command: string | undefined): string {
  const line = USAGE.split("\n").find((l) => command !== undefined && l.startsWith(`  contract-tracker ${command} `));
  return line === undefined ? USAGE : `Usage:\n${line}\nRun contract-tracker help for every command and option.`;
}

/**
 * Runs the command line; returns the exit code: 0 done (and for `help`, `--help`, `-h`, `--version`,
 * which print to `out`), 1 bad input, 2 bad usage (checked before any file is read). Never throws:
 * failures are one line on `err`. What is printed holds a register's own text, so escape sequences
 * and other control characters in it are removed (JSON keeps them, escaped).
 * @example await run(["--version"], console.log, console.error) → 0, having printed "contract-tracker 0.1.0"
 */
export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const say = (s: string): void => err(terminalText(s));
  let request;
  try {
    request = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      say(error.message ? `${error.message}\n${usageOf(argv[0])}` : USAGE);
      return 2;
    }
    say(`contract-tracker: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (request.kind === "help") {
    out(USAGE);
    return 0;
  }
  if (request.kind === "version") {
    out(`contract-tracker ${version()}`);
    return 0;
  }
  const options: Options = request;
  const print = printsJson(options) ? (s: string) => out(terminalJson(s)) : (s: string) => out(terminalText(s));
  try {
    await runCommand(options, print, say);
    return 0;
  } catch (error) {
    if (error instanceof InputError) say(`contract-tracker: ${error.message}`);
    else if (isFileError(error)) say(`contract-tracker: ${fileErrorWords(error, error.path ?? options.file, "read")}`);
    else say(`contract-tracker: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
