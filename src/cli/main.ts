import type { DateOrder } from "../core/dates";
import type { ProblemCode } from "../core/normalise";
import { convert } from "./convert";
import { InputError } from "./readRegister";
import { Options, USAGE, UsageError, parseArguments } from "./options";
import { map } from "./map";
import { normaliseRegister, openRegister } from "./register";
import { summary } from "./summary";

async function check(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const { found } = await openRegister(options, note);
  const order = (options.value("--date-order") ?? "dmy") as DateOrder;
  const result = normaliseRegister(found, order);
  const counts: Partial<Record<ProblemCode, number>> = {};
  for (const issue of result.issues) counts[issue.problem] = (counts[issue.problem] ?? 0) + 1;
  if (options.has("--json")) {
    const issues = result.issues.map(({ row, column, field, value, problem }) => ({ row, column, field, value, problem }));
    write(JSON.stringify({ rows: result.rows.length, counts, issues }, null, 2));
    return;
  }
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  const lines = [`${count(result.rows.length, "contract", "contracts")} on sheet "${found.sheet}": ${count(result.issues.length, "data-quality problem", "data-quality problems")}`];
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
    if (options.command === "map") await map(options, out, err);
    else if (options.command === "check") await check(options, out, err);
    else if (options.command === "summary") await summary(options, out, err);
    else await convert(options, out, err);
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
