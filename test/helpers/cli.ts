import { spawnSync } from "child_process";
import * as path from "path";
import { run } from "../../src/cli/main";

/** What a command printed, and its exit code. */
export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

const BIN = path.resolve(__dirname, "../../bin/contract-tracker.js");

/** The command line run in this process, as `bin/contract-tracker.js` runs it: each line printed ends with a newline. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, (s) => (out += `${s}\n`), (s) => (err += `${s}\n`));
  return { code, out, err };
}

/** The real command as a user's shell runs it: a Node process on the bin script. */
export function bin(...argv: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
