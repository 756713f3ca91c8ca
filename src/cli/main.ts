import type { DateOrder } from "../core/dates";
import type { ProblemCode } from "../core/normalise";
import { CONTRACTS } from "../core/schema";
import { InputError, readRegister } from "./readRegister";
import { findRegister, normaliseRegister } from "./register";

const USAGE = `Usage:
  contract-tracker map FILE [--sheet NAME] [--json]
  contract-tracker check FILE [--sheet NAME] [--date-order dmy|mdy] [--json]
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
  if (!["map", "check"].includes(command)) throw new UsageError(`Unknown command "${command}"`);
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
  return { command, file: positional[0], flags };
}

const text = (flags: Options["flags"], name: string): string | undefined => {
  const value = flags.get(name);
  return typeof value === "string" ? value : undefined;
};

async function map(options: Options, write: (s: string) => void): Promise<void> {
  const found = findRegister(await readRegister(options.file), text(options.flags, "--sheet"));
  const fields = Object.fromEntries(
    CONTRACTS.fields.flatMap((f) => {
      const m = found.mapping.fields[f.key];
      return m ? [[f.key, { column: m.column, index: m.index, confidence: m.confidence }]] : [];
    }),
  );
  if (options.flags.has("--json")) {
    write(JSON.stringify({ sheet: found.sheet, headerRow: found.mapping.headerRow + 1, fields, unmapped: found.mapping.unmapped }, null, 2));
    return;
  }
  const lines = [`Sheet "${found.sheet}", headers on row ${found.mapping.headerRow + 1}`];
  for (const f of CONTRACTS.fields) {
    const m = found.mapping.fields[f.key];
    lines.push(`  ${f.header.padEnd(18)} ${m ? `← ${m.column}  (${Math.round(m.confidence * 100)}% sure)` : "— not found"}`);
  }
  if (found.mapping.unmapped.length) lines.push(`Not mapped: ${found.mapping.unmapped.join(", ")}`);
  write(lines.join("\n"));
}

async function check(options: Options, write: (s: string) => void): Promise<void> {
  const found = findRegister(await readRegister(options.file), text(options.flags, "--sheet"));
  const order = (text(options.flags, "--date-order") ?? "dmy") as DateOrder;
  const result = normaliseRegister(found, order);
  const counts: Partial<Record<ProblemCode, number>> = {};
  for (const issue of result.issues) counts[issue.problem] = (counts[issue.problem] ?? 0) + 1;
  if (options.flags.has("--json")) {
    const issues = result.issues.map(({ row, column, field, value, problem }) => ({ row, column, field, value, problem }));
    write(JSON.stringify({ rows: result.rows.length, counts, issues }, null, 2));
    return;
  }
  const lines = [`${result.rows.length.toLocaleString("en-GB")} contracts on sheet "${found.sheet}": ${result.issues.length.toLocaleString("en-GB")} data-quality problems`];
  for (const [code, n] of Object.entries(counts)) lines.push(`  ${code.padEnd(18)} ${String(n).padStart(6)}`);
  for (const issue of result.issues.slice(0, 50)) lines.push(`Row ${issue.row}, ${issue.column}: ${issue.message}`);
  if (result.issues.length > 50) lines.push(`… and ${result.issues.length - 50} more (use --json for all)`);
  write(lines.join("\n"));
}

/** Runs the command line; returns the exit code. Never throws: failures are one line on stderr. */
export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: Options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message ? `${error.message}\n${USAGE}` : USAGE);
      return 2;
    }
    throw error;
  }
  try {
    if (options.command === "map") await map(options, out);
    else await check(options, out);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      err(`contract-tracker: ${error.message}`);
      return 1;
    }
    err(`contract-tracker: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
