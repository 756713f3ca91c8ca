import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";

// What a department's folder holds besides registers is in the roll-up's "Not read", with why, in
// every format (the summary is often read far from the terminal that printed stderr); Excel's lock
// files and hidden files are the system's and passed over; a subfolder named too is read, not left out.
const AS_OF = "2026-01-01";
const REGISTER = "Contract ID,Title,End date\nC-1,Cleaning,31/03/2027\n";

function departmentFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-rollup-not-read-"));
  fs.writeFileSync(path.join(dir, "contracts.csv"), REGISTER);
  fs.writeFileSync(path.join(dir, "notes.txt"), "call the supplier");
  fs.writeFileSync(path.join(dir, "old register.xls"), Buffer.from("d0cf11e0a1b11ae1", "hex"));
  fs.writeFileSync(path.join(dir, "~$contracts.xlsx"), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(dir, ".contracts.csv.1234.tmp"), "half");
  fs.mkdirSync(path.join(dir, "archive"));
  fs.writeFileSync(path.join(dir, "archive", "2024.csv"), REGISTER.replace("C-1", "A-1"));
  return dir;
}
const LEFT_OUT = [
  { name: "archive", reason: "a subfolder (name it to include it)" },
  { name: "notes.txt", reason: "not a .csv or .xlsx file" },
  { name: "old register.xls", reason: "an old .xls workbook (save it from Excel as .xlsx to include it)" },
];

test("text: each is under Not read with why, and said once on stderr", async () => {
  const dir = departmentFolder();
  const result = await cli("summary", dir, "--as-of", AS_OF);
  expect(result.code).toBe(0);
  const lines = result.out.split("\n");
  const at = lines.indexOf(`Not read (${LEFT_OUT.length}):`);
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at + 1, at + 1 + LEFT_OUT.length)).toEqual(LEFT_OUT.map((n) => `  ${n.name}: ${n.reason}`));
  expect(result.err.trimEnd().split("\n")).toEqual(LEFT_OUT.map((n) => `${path.join(dir, n.name)}: not read: ${n.reason}`));
  expect(result.out + result.err).not.toMatch(/~\$|\.tmp/);
});

test("Markdown, HTML and JSON list them too", async () => {
  const dir = departmentFolder();
  const run = async (format: string): Promise<string> => (await cli("summary", dir, "--as-of", AS_OF, "--format", format)).out;
  expect(JSON.parse(await run("json")).notRead).toEqual(LEFT_OUT);
  const markdown = await run("markdown");
  expect(markdown).toContain(["## Not read", "", ...LEFT_OUT.map((n) => `- ${n.name}: ${n.reason}`)].join("\n"));
  const html = await run("html");
  for (const n of LEFT_OUT) expect(html).toContain(`<li>${n.name}: ${n.reason}</li>`);
});

test("a subfolder named beside its folder is read, not left out; a folder given twice is listed once", async () => {
  const dir = departmentFolder();
  const result = JSON.parse((await cli("summary", dir, path.join(dir, "archive"), dir, "--as-of", AS_OF, "--format", "json")).out);
  expect(result.files.map((f: { name: string }) => f.name)).toEqual(["contracts.csv", "2024.csv"]);
  expect(result.notRead).toEqual(LEFT_OUT.slice(1));
});
