import * as fs from "fs";
import * as path from "path";
import { run } from "../../src/cli/main";
import { parseDateText } from "../../src/core/dates";
import { decideBy } from "../../src/functions/functions";

// The README's decide-by section is what the product gives: its list is the summary's on the real
// register it names, and its worked formula gives the date it says.
const ROOT = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const section = /\*\*Decide-by dates\.\*\*([\s\S]*?)\n\*\*Escalation ladder\*\*/.exec(readme)?.[1] ?? "";

test("the README's decide-by dates coming up are the lines summary prints for the UK OCDS register as of 30 Jun 2025", async () => {
  const shown = /```text\n([\s\S]*?)\n```/.exec(section)?.[1].split("\n") ?? [];
  expect(shown[0]).toMatch(/^Extend or re-procure, decide-by dates in the next 90 days/);
  let printed = "";
  const file = path.join(ROOT, "../shared/data/real/uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv");
  expect(await run(["summary", file, "--as-of", "2025-06-30"], (s) => (printed += `${s}\n`), () => undefined)).toBe(0);
  const lines = printed.split("\n");
  const at = lines.indexOf(shown[0]);
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at, at + shown.length)).toEqual(shown);
});

test("the README's worked DECIDEBY gives the date it says", () => {
  const example = /`=CONTRACT\.DECIDEBY\("([^"]+)", "([^"]+)", "([^"]+)"\)`\s+is (\d+ \w+ \d{4})/.exec(section);
  if (!example) throw new Error("no worked DECIDEBY in the README's decide-by section");
  const date = parseDateText(example[4], "dmy");
  expect(date.ok).toBe(true);
  expect(decideBy([[example[1]]], [[example[2]]], [[example[3]]])).toEqual([[date.ok ? date.value : NaN]]);
});
