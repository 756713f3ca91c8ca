import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { dutiesSheets, readmeSection, writeDutiesTracker } from "../helpers/readmeTracker";

// The README's Procurement Act example is what the command line prints today: the workbook is
// built from its CSV blocks (one sheet each), the command in its text block is run, and the
// Procurement Act section printed is the one shown.
const section = readmeSection("Procurement Act 2023 duties");
const example = /```text\n\$ npx (contract-tracker [^\n]+)\n…\n([\s\S]*?)```/.exec(section);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-readme-duties-"));

test("the README's Procurement Act example runs as shown", async () => {
  expect(dutiesSheets().map((s) => s.name)).toEqual(["Contracts", "Changes", "KPIs"]);
  if (!example) throw new Error("no command in the README's Procurement Act example");
  const argv = example[1].split(" ").slice(1);
  const file = path.join(dir, argv[1]);
  await writeDutiesTracker(file);
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
