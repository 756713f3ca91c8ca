import * as fs from "fs";
import * as path from "path";
import { parseDateText } from "../src/core/dates";
import * as functions from "../src/functions/functions";

// The README's function reference is evaluated: each example formula must give the result shown.
const readme = fs.readFileSync(path.resolve(__dirname, "../README.md"), "utf8");
const rows = [...readme.matchAll(/^\| `[A-Z]+\(.*\| `=CONTRACT\.([A-Z]+)\((.*)\)` \| (.+) \|$/gm)].map((m) => ({ id: m[1], args: m[2], shown: m[3].trim() }));
const byId = new Map(Object.entries(functions).map(([name, fn]) => [name.toUpperCase(), fn as unknown as (...a: unknown[]) => unknown[][]]));

function argument(token: string): unknown {
  const t = token.trim();
  if (t.startsWith('"')) return [[t.slice(1, -1)]];
  return [[Number(t)]];
}

function expected(shown: string): unknown {
  if (shown.startsWith("`")) {
    const text = shown.slice(1, -1);
    return Number.isFinite(Number(text)) ? Number(text) : text;
  }
  const date = parseDateText(shown, "dmy");
  if (!date.ok) throw new Error(`README result ${shown} is neither \`value\` nor a date`);
  return date.value;
}

test("the README shows an example for every function", () => {
  expect(new Set(rows.map((r) => r.id)).size).toBe(12);
});

test.each(rows.filter((r) => !/[A-Z]+\d+:/.test(r.args)).map((r) => [`=CONTRACT.${r.id}(${r.args}) → ${r.shown}`, r] as const))(
  "%s",
  (_name, row) => {
    const fn = byId.get(row.id);
    if (!fn) throw new Error(`no function ${row.id}`);
    const args = row.args.match(/"[^"]*"|[^,\s][^,]*/g) ?? [];
    expect(fn(...args.map(argument))).toEqual([[expected(row.shown)]]);
  },
);
