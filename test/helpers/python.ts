import { spawnSync } from "child_process";
import * as fs from "fs";

/** The system Python with Debian's python3-openpyxl and python3-xlsxwriter (the `python3` first on PATH may be another). */
export const PYTHON = "/usr/bin/python3";

/** Whether the system Python can import `module`. */
export function hasPythonModule(module: string): boolean {
  return fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${module}`]).status === 0;
}

/**
 * `test` where the system Python has `module` or in CI (where its absence fails the test, as .ci/run
 * installs it), else a skipped test whose name says what is missing.
 */
export function withPython(module: string): { test: jest.It; why: string } {
  if (hasPythonModule(module) || process.env.CI) return { test, why: "" };
  return { test: test.skip, why: ` (skipped: ${PYTHON} has no ${module}; apt-get install python3-${module})` };
}

/** Runs a Python script with `input` on its stdin (JSON in, JSON out by convention) and `args` as sys.argv[1:]; throws with Python's error when it fails. */
export function runPython(script: string, input = "", args: readonly string[] = []): string {
  const result = spawnSync(PYTHON, ["-c", script, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${PYTHON} failed: ${result.stderr}`);
  return result.stdout;
}
