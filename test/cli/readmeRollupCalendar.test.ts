import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";
import { writeDutiesTracker } from "../helpers/readmeTracker";

// The README's roll-up and calendar examples are what the command line prints and writes today.
const ROOT = path.resolve(__dirname, "../..");
const REAL = path.join(ROOT, "../shared/data/real");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const blocks = (heading: string): string[] => {
  const section = new RegExp(`### ${heading}\\n([\\s\\S]*?)\\n##`).exec(readme)?.[1] ?? "";
  return [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]);
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-readme-rollup-"));

async function printed(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(argv, (s) => (out += `${s}\n`), (s) => (out += `${s}\n`));
  return { code, out };
}

test("the roll-up example: each piece between its … is what summary of the folder prints, in order, the first at its start and the last at its end", async () => {
  const [block] = blocks("A portfolio roll-up");
  const [command, ...shown] = block.trimEnd().split("\n");
  const folder = path.join(dir, "Registers");
  fs.mkdirSync(folder);
  for (const file of ["act-gov-contracts/act_contracts_2025.csv", "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx", "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv"]) {
    fs.symlinkSync(path.join(REAL, file), path.join(folder, path.basename(file)));
  }
  const argv = command.replace(/^\$ npx contract-tracker /, "").split(" ").map((arg) => (arg === "Registers" ? folder : arg));
  const result = await printed(argv);
  expect(result.code).toBe(0);
  const lines = result.out.trimEnd().split("\n");
  // The pieces the README shows, each a run of whole lines of the output (every count in them is checked).
  const pieces: string[][] = [[]];
  for (const line of shown) {
    if (line === "…") pieces.push([]);
    else pieces[pieces.length - 1].push(line);
  }
  expect(pieces.length).toBeGreaterThan(2);
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  expect(lines.slice(0, head.length)).toEqual(head);
  expect(lines.slice(lines.length - tail.length)).toEqual(tail);
  let from = head.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = lines.findIndex((line, i) => i >= from && line === piece[0]);
    expect(at).toBeGreaterThanOrEqual(from);
    expect(lines.slice(at, at + piece.length)).toEqual(piece);
    from = at + piece.length;
  }
  expect(from).toBeLessThanOrEqual(lines.length - tail.length);
}, 120_000);

test("the calendar example: what calendar prints, and the first event of the file it writes", async () => {
  const [commandBlock, eventBlock] = blocks("Contract dates in your calendar");
  const [command, said] = commandBlock.trimEnd().split("\n");
  const argv = command
    .replace(/^\$ npx contract-tracker /, "")
    .split(" ")
    .map((arg) => (arg.startsWith("../shared/") ? path.join(ROOT, arg) : arg.endsWith(".ics") ? path.join(dir, arg) : arg));
  const result = await printed(argv);
  expect(result).toEqual({ code: 0, out: `${said.replace("act-dates.ics", path.join(dir, "act-dates.ics"))}\n` });
  const ics = fs.readFileSync(path.join(dir, "act-dates.ics"), "utf8");
  const first = /BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/.exec(ics)?.[0] ?? "";
  const normal = first.replace(/^(SEQUENCE|DTSTAMP):.*$/gm, "$1:…").split("\r\n").join("\n");
  expect(normal).toBe(eventBlock);
}, 60_000);

test("the assessment example: calendar of the Procurement Act example's tracker, and its assessment event", async () => {
  const [, , commandBlock, eventBlock] = blocks("Contract dates in your calendar");
  const [command, said] = commandBlock.trimEnd().split("\n");
  const argv = command.replace(/^\$ npx contract-tracker /, "").split(" ");
  // The tracker the README's Procurement Act section shows, built from its sheets.
  const tracker = path.join(dir, argv[1]);
  await writeDutiesTracker(tracker);
  const out = path.join(dir, "duties-dates.ics");
  const result = await printed(argv.map((arg) => (arg === argv[1] ? tracker : arg.endsWith(".ics") ? out : arg)));
  expect(result).toEqual({ code: 0, out: `${said.replace("duties-dates.ics", out)}\n` });
  const ics = fs.readFileSync(out, "utf8");
  const first = /BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/.exec(ics)?.[0] ?? "";
  expect(first).toContain("UID:assessment-c-3@contract-tracker");
  expect(first.replace(/^(SEQUENCE|DTSTAMP):.*$/gm, "$1:…").split("\r\n").join("\n")).toBe(eventBlock);
  // "C-4's termination notice, due 15 Dec 2026, the second".
  const second = [...ics.matchAll(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g)][1]?.[0] ?? "";
  expect(second).toMatch(/^UID:termination-notice-c-4@contract-tracker\r$/m);
  expect(second).toMatch(/^DTSTART;VALUE=DATE:20261215\r$/m);
}, 60_000);
