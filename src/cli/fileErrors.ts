// File-system failures in the user's words: Node reports them as `ENOENT: no such file or
// directory, open '…'`, which names neither what went wrong for the user nor what to do.
import * as fs from "fs";
import * as path from "path";

/** A Node file-system error: it carries a code such as ENOENT and, mostly, the path it was about. */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code ?? "");
}

/** The nearest folder above `file` that is missing, or undefined when every folder is there. */
function missingFolder(file: string): string | undefined {
  let folder = path.dirname(path.resolve(file));
  let missing: string | undefined;
  while (!fs.existsSync(folder)) {
    missing = folder;
    const up = path.dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  return missing;
}

/**
 * One line saying what went wrong with `file` (the path as the user gave it) and, where it helps,
 * what to do; `doing` is what the command was doing ("write", "read").
 * @example fileErrorWords(Object.assign(new Error("EACCES"), { code: "EACCES" }), "out/t.xlsx", "write") → "cannot write out/t.xlsx: permission denied"
 */
export function fileErrorWords(error: NodeJS.ErrnoException, file: string, doing: "read" | "write"): string {
  switch (error.code) {
    case "ENOENT": {
      const folder = missingFolder(file);
      return folder ? `cannot ${doing} ${file}: the folder ${folder} does not exist` : `cannot ${doing} ${file}: there is no such file`;
    }
    case "ENOTDIR":
      return `cannot ${doing} ${file}: a part of that path is a file, not a folder`;
    case "EISDIR":
      return `cannot ${doing} ${file}: it is a folder`;
    case "EACCES":
    case "EPERM":
      return `cannot ${doing} ${file}: permission denied`;
    case "EROFS":
      return `cannot ${doing} ${file}: the disk is read-only`;
    case "ENOSPC":
    case "EDQUOT":
      return `cannot ${doing} ${file}: the disk is full (or your quota is used up)`;
    case "EFBIG":
      return `cannot ${doing} ${file}: the file would be larger than this system allows`;
    case "ENAMETOOLONG":
      return `cannot ${doing} ${file}: the name is too long`;
    case "EBUSY":
    case "ETXTBSY":
      return `cannot ${doing} ${file}: it is in use by another program (close it there and try again)`;
    case "EMFILE":
    case "ENFILE":
      return `cannot ${doing} ${file}: too many files are open`;
    case "ELOOP":
      return `cannot ${doing} ${file}: its links go round in a loop`;
    case "EIO":
      return `cannot ${doing} ${file}: the disk reported an error`;
    default:
      return `cannot ${doing} ${file}: ${(error.message || String(error.code)).replace(/^E[A-Z0-9]+:\s*/, "").replace(/,\s*\w+ '.*'$/, "")}`;
  }
}
