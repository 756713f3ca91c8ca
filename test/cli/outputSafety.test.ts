import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeOutput } from "../../src/cli/outputFile";
import { bin } from "../helpers/cli";

// `--out` as a user gives it: never the register under another name, never over a file unasked,
// never half a file, and file-system failures in words. Every case runs the real command.
const BIN = path.resolve(__dirname, "../../bin/contract-tracker.js");
const REGISTER = "Contract ID,Supplier,Title,End date,Value\nC-1,Acme,Cleaning,31/03/2027,1200\nC-2,Brill,Catering,30/06/2026,800\n";

/** A fresh folder holding reg.csv. */
function folder(): { dir: string; register: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-out-"));
  const register = path.join(dir, "reg.csv");
  fs.writeFileSync(register, REGISTER);
  return { dir, register };
}

const oneLine = (text: string): void => {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\bE[A-Z]{3,}\b|\n\s+at /); // no ENOENT-style codes, no stack trace
};

// convert writes .xlsx, summary any file: both go through the same checks.
const WRITERS: readonly { name: string; args: (register: string, out: string) => string[]; extension: string }[] = [
  { name: "convert", args: (register, out) => ["convert", register, "--out", out, "--as-of", "2026-01-01"], extension: ".xlsx" },
  { name: "summary", args: (register, out) => ["summary", register, "--out", out, "--as-of", "2026-01-01", "--format", "markdown"], extension: ".md" },
];

describe.each(WRITERS)("$name --out", ({ args, extension }) => {
  test.each(["symbolic link", "hard link", "symbolic link to a link"])("a %s to the register is refused, even with --force, and the register is untouched", (kind) => {
    const { dir, register } = folder();
    const out = path.join(dir, `tracker${extension}`);
    if (kind === "hard link") fs.linkSync(register, out);
    else if (kind === "symbolic link") fs.symlinkSync(register, out);
    else {
      fs.symlinkSync(register, path.join(dir, "middle"));
      fs.symlinkSync(path.join(dir, "middle"), out);
    }
    for (const force of [[], ["--force"]]) {
      const result = bin(...args(register, out), ...force);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/is the register itself/);
      oneLine(result.err);
      expect(fs.readFileSync(register, "utf8")).toBe(REGISTER);
    }
  });

  test("an existing output is replaced only with --force; without it, one line and the file as it was", () => {
    const { dir, register } = folder();
    const out = path.join(dir, `tracker${extension}`);
    fs.writeFileSync(out, "last month's");
    const refused = bin(...args(register, out));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists: give --force to replace it/);
    oneLine(refused.err);
    expect(fs.readFileSync(out, "utf8")).toBe("last month's");
    const forced = bin(...args(register, out), "--force");
    expect({ code: forced.code, err: forced.err }).toEqual({ code: 0, err: "" });
    expect(fs.readFileSync(out, "utf8")).not.toBe("last month's");
    expect(fs.readdirSync(dir).sort()).toEqual(["reg.csv", `tracker${extension}`]);
  });

  test("a missing folder, a folder as the output, a file as the folder: said in words, before the register is read", () => {
    const { dir } = folder();
    const cases: [string, RegExp][] = [
      [path.join(dir, "nowhere", "deeper", `t${extension}`), new RegExp(`the folder ${path.join(dir, "nowhere").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not exist`)],
      [path.join(dir, "reg.csv", `t${extension}`), /is a file, not a folder|a part of that path is a file/],
    ];
    fs.mkdirSync(path.join(dir, `folder${extension}`));
    cases.push([path.join(dir, `folder${extension}`), /is a folder/]);
    for (const [out, words] of cases) {
      // A register that is not there: the output's problem is found first, without reading.
      const result = bin(...args(path.join(dir, "not-there.csv"), out));
      expect(result.code).toBe(1);
      expect(result.err).toMatch(words);
      oneLine(result.err);
    }
  });

  (process.getuid?.() === 0 ? test.skip : test)("a folder the user may not write to: permission denied", () => {
    const { dir, register } = folder();
    const locked = path.join(dir, "locked");
    fs.mkdirSync(locked, 0o555);
    const result = bin(...args(register, path.join(locked, `t${extension}`)));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/permission denied/);
    oneLine(result.err);
  });
});

describe("a write that fails midway leaves no half workbook and no temporary file", () => {
  // 3,000 contracts make a tracker of some 200 KB; the file-size limit (ulimit -f, in KB) stops the
  // write at 64 KB, as a full disk or a quota would. The signal a process gets at the limit is
  // ignored, so the write fails with EFBIG as it does on a full disk.
  const big = (): { dir: string; register: string } => {
    const { dir, register } = folder();
    const lines = ["Contract ID,Supplier,Title,End date,Value"];
    for (let i = 0; i < 3000; i++) lines.push(`C-${i},Supplier ${i},A title of some length number ${i},${1 + (i % 28)}/0${1 + (i % 9)}/2027,${i * 100}`);
    fs.writeFileSync(register, `${lines.join("\n")}\n`);
    return { dir, register };
  };
  const limited = (...argv: string[]) => {
    const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const result = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f 64; exec ${quoted}`], { encoding: "utf8" });
    return { code: result.status, err: result.stderr };
  };

  test("a new output: nothing is left", () => {
    const { dir, register } = big();
    const result = limited("convert", register, "--out", path.join(dir, "tracker.xlsx"), "--as-of", "2026-01-01");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot write .*tracker\.xlsx: the file would be larger than this system allows/);
    oneLine(result.err);
    expect(fs.readdirSync(dir)).toEqual(["reg.csv"]);
  });

  test("replacing with --force: the old output is kept whole", () => {
    const { dir, register } = big();
    const out = path.join(dir, "tracker.xlsx");
    fs.writeFileSync(out, "last month's tracker");
    const result = limited("convert", register, "--out", out, "--as-of", "2026-01-01", "--force");
    expect(result.code).toBe(1);
    expect(fs.readFileSync(out, "utf8")).toBe("last month's tracker");
    expect(fs.readdirSync(dir).sort()).toEqual(["reg.csv", "tracker.xlsx"]);
  });

  test("a writer that throws after writing half: no output, no temporary file, the error passed on", async () => {
    const { dir } = folder();
    const out = path.join(dir, "tracker.xlsx");
    let written = "";
    const failing = async (temporary: string): Promise<void> => {
      written = temporary;
      await fs.promises.writeFile(temporary, "PK half a workbook");
      throw new Error("the writer stopped");
    };
    await expect(writeOutput(out, false, failing)).rejects.toThrow("the writer stopped");
    expect(path.dirname(written)).toBe(dir);
    expect(fs.readdirSync(dir)).toEqual(["reg.csv"]);
  });
});

test("on a case-insensitive disk, the register's name in other letters is the register", () => {
  const { dir, register } = folder();
  const other = path.join(dir, "REG.CSV");
  const caseInsensitive = fs.existsSync(other);
  const result = bin("summary", register, "--out", other, "--as-of", "2026-01-01", "--force");
  if (caseInsensitive) {
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/is the register itself/);
  } else expect(result.code).toBe(0); // a different file here: written
  expect(fs.readFileSync(register, "utf8")).toBe(REGISTER);
});
