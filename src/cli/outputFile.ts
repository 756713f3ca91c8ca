// Where `--out` writes, and how: never over the register, never over another file unasked, and
// never half a file — the output is written under a temporary name in its own folder and renamed
// into place only once complete (a rename within one folder replaces the name in one step).
import * as fs from "fs";
import * as path from "path";
import { fileErrorWords, isFileError } from "./fileErrors";
import { InputError } from "./inputError";
import type { Options } from "./options";

const statOrNull = (file: string, follow: boolean): fs.Stats | null => {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
};

/** The files a command reads, which `--out` must never be: its registers, and the mapping file `--mapping` names. */
export interface FilesRead {
  registers: readonly string[];
  mapping?: string;
}

/**
 * What a command's words have it read: the register (or the roll-up's registers) and the `--mapping` file.
 * @example filesRead(parseArguments(["convert", "reg.csv", "--out", "t.xlsx", "--mapping", "m.json"])) → { registers: ["reg.csv"], mapping: "m.json" }
 */
export function filesRead(options: Options, registers: readonly string[] = [options.file]): FilesRead {
  const mapping = options.value("--mapping");
  return mapping === undefined ? { registers } : { registers, mapping };
}

/** Whether two names are one file: the same name, or the same device and inode (a link, the other letter case on a case-insensitive disk). */
function sameFile(out: string, target: fs.Stats | null, file: string): boolean {
  const source = statOrNull(file, true);
  return (target !== null && source !== null && target.dev === source.dev && target.ino === source.ino) || path.resolve(out) === path.resolve(file);
}

/**
 * Checks `--out` before anything is read, so a long conversion does not end in a refusal: the
 * output must not be a file the command reads under any name (a register or the mapping file; a
 * symbolic link, a hard link, the same name in other letter case on a case-insensitive disk: the
 * same device and inode) — checked first, as `--force` never makes that right — its folder must be
 * there and writable, and a file already there is replaced only with `force`.
 * @throws InputError with a one-line reason
 * @example checkOutput("tracker.xlsx", { registers: ["register.csv"] }, false) // throws when tracker.xlsx exists: "… already exists: give --force to replace it"
 */
export function checkOutput(out: string, read: FilesRead, force: boolean): void {
  const existing = statOrNull(out, false);
  const target = existing && statOrNull(out, true);
  const link = existing?.isSymbolicLink() ? " (through a link)" : "";
  const register = read.registers.find((file) => sameFile(out, target, file));
  if (register !== undefined) {
    const which = read.registers.length === 1 ? "the register itself" : `${register}, one of the registers being read`;
    throw new InputError(`--out ${out} is ${which}${link}: the original is never overwritten; name another file`);
  }
  if (read.mapping !== undefined && sameFile(out, target, read.mapping)) {
    throw new InputError(`--out ${out} is the mapping file being read (--mapping)${link}: it is never overwritten; name another file`);
  }
  if (target?.isDirectory()) throw new InputError(`--out ${out} is a folder: name a file in it`);
  if (existing && !force) throw new InputError(`${out} already exists: give --force to replace it`);
  const folder = path.dirname(path.resolve(out));
  try {
    if (!fs.statSync(folder).isDirectory()) throw new InputError(`cannot write ${out}: ${path.dirname(out)} is a file, not a folder`);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    if (isFileError(error)) throw new InputError(fileErrorWords(error, out, "write"));
    throw error;
  }
}

/** A temporary name beside `out`, hidden (a leading dot) and unique to this process and call. */
function temporaryName(out: string): string {
  const stamp = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(out), `.${path.basename(out)}.${stamp}.tmp`);
}

/**
 * Writes `out` through `write`, which writes the whole file to the path it is given: a temporary
 * name in the same folder, renamed to `out` once `write` has finished. When `write` fails (or the
 * process is interrupted) the temporary file is removed and `out` is as it was. A file that
 * appeared at `out` meanwhile is replaced only with `force`; a replaced file's permissions are kept.
 * @throws InputError with a file-system failure in words; whatever `write` throws otherwise
 * @example await writeOutput("tracker.xlsx", false, (temp) => fs.promises.writeFile(temp, bytes))
 */
export async function writeOutput(out: string, force: boolean, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = temporaryName(out);
  const removeTemporary = (): void => fs.rmSync(temporary, { force: true });
  // Ctrl+C or a kill while writing: the half-written temporary file goes too.
  const interrupted = (signal: NodeJS.Signals): void => {
    removeTemporary();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, interrupted);
  try {
    await write(temporary);
    const replaced = statOrNull(out, true);
    if (statOrNull(out, false) && !force) throw new InputError(`${out} already exists: give --force to replace it`);
    if (replaced?.isFile()) fs.chmodSync(temporary, replaced.mode & 0o7777);
    fs.renameSync(temporary, out);
  } catch (error) {
    removeTemporary();
    if (isFileError(error)) throw new InputError(fileErrorWords(error, out, "write"));
    throw error;
  } finally {
    for (const signal of signals) process.off(signal, interrupted);
  }
}
