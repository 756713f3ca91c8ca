import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/main";

// The README's command-line example is what the command line prints today: each `$ npx
// contract-tracker …` line of the example block is run and its output compared, line by line
// (convert's elapsed time aside).
const ROOT = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const block = /## The command line[\s\S]*?```text\n[\s\S]*?```[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
const examples = block
  .split(/^\$ /m)
  .filter((part) => part.trim() !== "")
  .map((part) => {
    const [command, ...output] = part.trimEnd().split("\n");
    return { command, output };
  });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-readme-"));

test("the README shows map, check and convert on a real register", () => {
  expect(examples.map((e) => e.command.split(" ")[2])).toEqual(["map", "check", "convert"]);
});

test.each(examples.map((e) => [e.command, e]))("%s", async (_, { command, output }) => {
  const argv = command.split(" ").slice(2).map((arg) => (arg.startsWith("../shared/") ? path.join(ROOT, arg) : arg.endsWith(".xlsx") ? path.join(dir, arg) : arg));
  let printed = "";
  const code = await run(argv, (s) => (printed += `${s}\n`), (s) => (printed += `${s}\n`));
  expect(code).toBe(0);
  const normal = (lines: string[]): string[] => lines.map((line) => line.replace(path.join(ROOT, "../shared/"), "../shared/").replace(path.join(dir, "/"), "").replace(/\(\d+\.\d s\)/, "(… s)"));
  expect(normal(printed.trimEnd().split("\n"))).toEqual(normal(output));
}, 60_000);

test("the README's escalation summary is the start of what summary prints", async () => {
  const section = /## The Contracts tab and the escalation summary[\s\S]*?```text\n\$ npx (contract-tracker [^\n]+)\n([\s\S]*?)\n…\n```/.exec(readme);
  if (!section) throw new Error("no summary example in the README");
  const argv = section[1].split(" ").slice(1).map((arg) => (arg.startsWith("../shared/") ? path.join(ROOT, arg) : arg));
  let printed = "";
  expect(await run(argv, (s) => (printed += `${s}\n`), (s) => (printed += s))).toBe(0);
  const shown = section[2].split("\n");
  expect(printed.split("\n").slice(0, shown.length)).toEqual(shown);
});

test("the README's worked correction runs as shown: the mapping saved by map --json is reused with --mapping", async () => {
  const block = /### Correcting the mapping[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("no worked correction in the README");
  const steps = block.split(/^\$ /m).filter((part) => part.trim() !== "");
  expect(steps).toHaveLength(2);
  for (const [i, step] of steps.entries()) {
    const [command, ...output] = step.trimEnd().split("\n");
    // Words as a shell splits them here: quoted or bare; `> FILE` keeps what the command prints.
    const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(2);
    const redirect = words.indexOf(">");
    const saveTo = redirect >= 0 ? path.join(dir, words[redirect + 1]) : undefined;
    const argv = (redirect >= 0 ? words.slice(0, redirect) : words).map((arg) => (arg.startsWith("../shared/") ? path.join(ROOT, arg) : arg.endsWith(".json") ? path.join(dir, arg) : arg));
    let printed = "";
    let errors = "";
    expect(await run(argv, (s) => (printed += `${s}\n`), (s) => (errors += `${s}\n`))).toBe(0);
    // The layout reads Contract type from the column the user gave to Title: reusing the mapping says so, as the README does.
    expect(errors).toBe(i === 0 ? 'Contract type no longer has a column: you gave "High Level Category" to Title\n' : "");
    if (saveTo) fs.writeFileSync(saveTo, printed);
    else expect(printed.trimEnd().split("\n")).toEqual(output);
  }
});
