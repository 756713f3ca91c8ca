import type { DateOrder } from "../core/dates";
import type { ProblemCode } from "../core/normalise";
import type { Options } from "./options";
import { normaliseRegister, openRegister } from "./register";
import { oneLine } from "./terminalText";

/**
 * `check FILE`: how many contracts the register holds and its data-quality problems, counted by
 * kind and listed (the first 50 as text; all with --json).
 */
export async function check(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const { found } = await openRegister(options, note);
  const order = (options.value("--date-order") ?? "dmy") as DateOrder;
  const result = normaliseRegister(found, order, options.value("--locale"));
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
  write(lines.map(oneLine).join("\n"));
}
