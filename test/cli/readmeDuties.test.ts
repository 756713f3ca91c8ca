import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

// The README's Procurement Act example is what the command line prints today: the workbook is
// built from its CSV blocks (one sheet each), the command in its text block is run, and the
// Procurement Act section printed is the one shown.
const ROOT = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const section = /## Procurement Act 2023 duties\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
const sheets = [...section.matchAll(/```csv (\w+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], lines: m[2].trimEnd().split("\n") }));
const example = /```text\n\$ npx (contract-tracker [^\n]+)\n…\n([\s\S]*?)```/.exec(section);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-readme-duties-"));

// A cell as a user types it: numbers as numbers, TRUE/FALSE as flags, the rest (dates too) as text.
const cell = (text: string): string | number | boolean | null =>
  text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text === "TRUE" ? true : text === "FALSE" ? false : text;

test("the README's Procurement Act example runs as shown", async () => {
  expect(sheets.map((s) => s.name)).toEqual(["Contracts", "Changes", "KPIs"]);
  if (!example) throw new Error("no command in the README's Procurement Act example");
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) book.addWorksheet(sheet.name).addRows(sheet.lines.map((line) => line.split(",").map(cell)));
  const argv = example[1].split(" ").slice(1);
  const file = path.join(dir, argv[1]);
  await book.xlsx.writeFile(file);
  let printed = "";
  expect(await run([argv[0], file, ...argv.slice(2)], (s) => (printed += `${s}\n`), () => undefined)).toBe(0);
  const shown = example[2].trimEnd().split("\n");
  const lines = printed.split("\n");
  const from = lines.indexOf(shown[0]);
  expect(from).toBeGreaterThan(0);
  expect(lines.slice(from, from + shown.length)).toEqual(shown);
  // Nothing more of the section is left unshown.
  expect(lines[from + shown.length] ?? "").not.toMatch(/^ {2}- /);
});
