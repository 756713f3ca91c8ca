import type { DateOrder } from "../core/dates";
import type { ProblemCode } from "../core/normalise";
import { CONTRACTS } from "../core/schema";
import { convert } from "./convert";
import { InputError, readRegister } from "./readRegister";
import { Options, USAGE, UsageError, parseArguments } from "./options";
import { findRegister, normaliseRegister } from "./register";
import { summary } from "./summary";


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
    else if (options.command === "check") await check(options, out);
    else if (options.command === "summary") await summary(options, out);
    else await convert(options, out);
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
