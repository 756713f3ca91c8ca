import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";

// `--out` onto a file the command reads (a register, one of a roll-up's registers, the --mapping
// file) is refused for being read, with or without --force, before "already exists" is thought of:
// --force replaces an old output, never an input. Every command that writes --out is run.
const REGISTER = "Contract ID,Title,Department,End date\nC-1,Cleaning,Highways,31/03/2027\nC-2,Catering,Waste,30/06/2026\n";
const MAPPING = JSON.stringify({ fields: { title: "Title" } });

interface Setup {
  /** The command's words, reading the files named, with --out. */
  argv: (out: string) => string[];
  /** The file --out is pointed at: one the command reads. */
  input: string;
  said: RegExp;
}

async function folder(): Promise<{ dir: string; csv: string; other: string; xlsx: string; mapping: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-out-inputs-"));
  for (const d of ["deptC", "deptD"]) fs.mkdirSync(path.join(dir, d));
  const csv = path.join(dir, "deptC", "contracts.csv");
  const other = path.join(dir, "deptD", "contracts.csv");
  fs.writeFileSync(csv, REGISTER);
  fs.writeFileSync(other, REGISTER.replace(/C-/g, "D-"));
  const xlsx = path.join(dir, "tracker.xlsx");
  expect((await cli("convert", csv, "--out", xlsx, "--as-of", "2026-01-01")).code).toBe(0);
  const mapping = path.join(dir, "mapping.json");
  fs.writeFileSync(mapping, MAPPING);
  return { dir, csv, other, xlsx, mapping };
}

const CASES: readonly [string, (f: Awaited<ReturnType<typeof folder>>) => Setup][] = [
  ["summary of one register", (f) => ({ argv: (out) => ["summary", f.csv, "--out", out], input: f.csv, said: /is the register itself/ })],
  ["summary of two folders, onto the second's register", (f) => ({ argv: (out) => ["summary", path.dirname(f.csv), path.dirname(f.other), "--out", out], input: f.other, said: /is .*deptD.contracts\.csv, one of the registers being read/ })],
  ["summary of two files, onto the first", (f) => ({ argv: (out) => ["summary", f.csv, f.other, "--out", out], input: f.csv, said: /is .*deptC.contracts\.csv, one of the registers being read/ })],
  ["summary onto its --mapping file", (f) => ({ argv: (out) => ["summary", f.csv, "--mapping", f.mapping, "--out", out], input: f.mapping, said: /is the mapping file being read \(--mapping\)/ })],
  ["a roll-up onto its --mapping file", (f) => ({ argv: (out) => ["summary", f.csv, f.other, "--mapping", f.mapping, "--out", out], input: f.mapping, said: /is the mapping file being read \(--mapping\)/ })],
  ["calendar onto its register", (f) => ({ argv: (out) => ["calendar", f.csv, "--out", out], input: f.csv, said: /is the register itself/ })],
  ["calendar onto its --mapping file", (f) => ({ argv: (out) => ["calendar", f.csv, "--mapping", f.mapping, "--out", out], input: f.mapping, said: /is the mapping file being read \(--mapping\)/ })],
  ["convert onto its register", (f) => ({ argv: (out) => ["convert", f.xlsx, "--out", out], input: f.xlsx, said: /is the register itself/ })],
];

test.each(CASES)("%s: refused for being read, with --force or without; the file untouched", async (_name, setup) => {
  const files = await folder();
  const { argv, input, said } = setup(files);
  const before = fs.readFileSync(input);
  for (const force of [[], ["--force"]]) {
    const result = await cli(...argv(input), "--as-of", "2026-01-01", ...force);
    expect(result).toMatchObject({ code: 1, out: "" });
    expect(result.err).toMatch(said);
    expect(result.err).not.toMatch(/already exists/);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(input)).toEqual(before);
  }
});

test("an old output among the registers' folders is still replaced only with --force", async () => {
  const { dir, csv, other } = await folder();
  const out = path.join(dir, "rollup.md");
  fs.writeFileSync(out, "last week's");
  expect(await cli("summary", csv, other, "--out", out, "--as-of", "2026-01-01")).toMatchObject({ code: 1, err: expect.stringContaining("already exists: give --force to replace it") });
  expect(await cli("summary", csv, other, "--out", out, "--as-of", "2026-01-01", "--force")).toMatchObject({ code: 0, out: `Wrote ${out}\n` });
});
