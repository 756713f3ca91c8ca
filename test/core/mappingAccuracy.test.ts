import { detectMapping } from "../../src/core/mapping";
import { isDateFormat } from "../../src/core/numberFormats";
import { readRegister } from "../../src/cli/readRegister";
import * as path from "path";
import { CONTRACTS } from "../../src/core/schema";
import { STANDARD_LAYOUTS } from "../../src/core/standardLayouts";
import { asRows, writeRegister } from "../helpers/standardLayouts";
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

/** One line of the report: fields right over fields named across the variants, and the wrong picks. */
function report(name: string, results: (Score & { variant: string })[]): void {
  const total = results.reduce((n, r) => n + r.right, 0);
  const named = results.reduce((n, r) => n + r.named, 0);
  const wrongPicks = results.reduce((n, r) => n + r.wrong.length, 0);
  const detail = results.filter((r) => r.wrong.length).map((r) => `[${r.variant}: ${r.wrong.join(", ")}]`).join(" ");
  lines.push(`  ${name.padEnd(86)} ${String(total).padStart(3)}/${named}  wrong picks ${String(wrongPicks).padStart(2)}${detail ? `  ${detail}` : ""}`);
}
afterAll(() => {
  console.log(["Mapping accuracy over the variants of each register (fields right / fields the README names; wrong picks: a field on the wrong column, a decoy or an invented field)", ...lines].join("\n"));
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
    report(truth.file, results);
    expect(results.filter((r) => r.wrong.length > 0)).toEqual([]);
  });
});

// Each standard layout written out from its published field list, with values as its publishers
// write them: every field in the column the standard defines, in any order, naming style, and beside decoys.
describe.each(STANDARD_LAYOUTS.map((layout) => ({ layout, name: layout.name })))("$name", ({ layout }) => {
  test("maps every field exactly as the standard defines it, shuffled, renamed and beside decoys", () => {
    const written = writeRegister(layout, { rows: 60, seed: 7 });
    const rows = asRows(written);
    const truth: RegisterTruth = {
      file: layout.name,
      fields: Object.fromEntries(Object.entries(written.expected).flatMap(([field, at]) => (at === undefined ? [] : [[field, written.headers[at]]]))),
      absent: CONTRACTS.fields.map((f) => f.key).filter((key) => written.expected[key] === undefined),
    };
    const variants: RegisterVariant[] = [
      { name: "as written", rows, origin: written.headers.map((_, i) => i) },
      shuffled(rows, 5),
      ...Object.keys(NAMING_STYLES).map((style) => renamed(rows, style)),
      withDecoys(rows, 6),
    ];
    const results = variants.map((v) => ({ variant: v.name, ...score(truth, written.headers, v) }));
    report(layout.name, results);
    expect(results.filter((r) => r.wrong.length > 0)).toEqual([]);
  });
});
