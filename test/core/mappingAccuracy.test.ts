import { detectMapping } from "../../src/core/mapping";
import { isDateFormat } from "../../src/core/numberFormats";
import { readRegister } from "../../src/cli/readRegister";
import * as path from "path";
import { REAL, REGISTER_TRUTH, RegisterTruth } from "../helpers/registerTruth";
import { NAMING_STYLES, RegisterVariant, renamed, shuffled, withDecoys } from "../helpers/registerVariants";

// The mapping accuracy report: every shared register, as published and as other publishers would
// write the same columns (another order, another naming style, decoy columns beside them), read
// through the command line's reader. A line per register; every field its README names must be
// found, and no field it lacks invented.

interface Score {
  right: number;
  named: number;
  wrong: string[];
}

function score(truth: RegisterTruth, original: readonly string[], variant: RegisterVariant, isDateCell?: (row: number, column: number) => boolean | undefined): Score {
  const mapping = detectMapping(variant.rows, undefined, { isDateCell });
  const found: Record<string, number | undefined> = {};
  for (const [field, m] of Object.entries(mapping?.fields ?? {})) if (m) found[field] = variant.origin[m.index];
  const wrong: string[] = [];
  let right = 0;
  for (const [field, allowed] of Object.entries(truth.fields)) {
    const options = (Array.isArray(allowed) ? allowed : [allowed]).map((h) => original.indexOf(h));
    const at = found[field];
    if (at !== undefined && options.includes(at)) right++;
    else if (at === undefined) wrong.push(`${field} ← nothing`);
    else if (at >= 0) wrong.push(`${field} ← "${original[at]}"`);
  }
  for (const field of truth.absent) if (found[field] !== undefined && found[field] >= 0) wrong.push(`${field} invented from "${original[found[field] ?? 0]}"`);
  // A decoy taking any field is a wrong pick too.
  for (const [field, m] of Object.entries(mapping?.fields ?? {})) if (m && variant.origin[m.index] === -1) wrong.push(`${field} ← decoy "${String(variant.rows[0][m.index])}"`);
  return { right, named: Object.keys(truth.fields).length, wrong };
}

const lines: string[] = [];
afterAll(() => {
  console.log(["Mapping accuracy over 10 variants each (fields right / fields the README names; wrong picks: a field on the wrong column, a decoy or an invented field)", ...lines].join("\n"));
});

describe.each(REGISTER_TRUTH)("$file", (truth) => {
  test("maps every field its README names, as published, shuffled, renamed and beside decoys", async () => {
    const file = await readRegister(path.join(REAL, truth.file));
    const sheet = truth.sheet ?? [...file.sheets.keys()][0];
    const rows = file.sheets.get(sheet) ?? [];
    const formats = file.numberFormats.get(sheet);
    // A number cell's format says whether it is a date, where the file keeps formats (.xlsx).
    const dateCell = (origin: number[]) => (formats ? (row: number, column: number) => origin[column] >= 0 && isDateFormat(formats[row]?.[origin[column]] ?? "General") : undefined);
    const original = rows[0].map((h) => String(h ?? "").replace(/\s+/g, " ").trim());
    const variants: RegisterVariant[] = [
      { name: "as published", rows, origin: original.map((_, i) => i) },
      shuffled(rows, 1),
      shuffled(rows, 2),
      ...Object.keys(NAMING_STYLES).map((style) => renamed(rows, style)),
      withDecoys(rows, 3),
      withDecoys(rows, 4),
    ];
    const results = variants.map((v) => ({ variant: v.name, ...score(truth, original, v, dateCell(v.origin)) }));
    const total = results.reduce((n, r) => n + r.right, 0);
    const named = results.reduce((n, r) => n + r.named, 0);
    const wrongPicks = results.reduce((n, r) => n + r.wrong.length, 0);
    lines.push(`  ${truth.file.padEnd(86)} ${String(total).padStart(3)}/${named}  wrong picks ${String(wrongPicks).padStart(2)}${results.every((r) => r.wrong.length === 0) ? "" : `  ${results.filter((r) => r.wrong.length).map((r) => `[${r.variant}: ${r.wrong.join(", ")}]`).join(" ")}`}`);
    expect(results.filter((r) => r.wrong.length > 0)).toEqual([]);
  });
});
