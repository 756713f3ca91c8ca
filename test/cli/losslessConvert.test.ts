// convert keeps everything a user had in an .xlsx register (issue 12, point 3): generated registers
// with random types, formulas (with a cached result from xlsxwriter, without one from openpyxl),
// notes, hyperlinks, merges, hidden rows, columns and sheets, defined names, written by an
// independent writer; the tracker read back by an independent reader (openpyxl) must hold every
// input cell unchanged, and LibreOffice must open it.
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { columnLetters } from "../../src/core/cellRefs";
import { readRegister } from "../../src/cli/readRegister";
import { readXlsx } from "../../src/cli/xlsxRead";
import { cli } from "../helpers/cli";
import { recalculateInLibreOffice, soffice } from "../helpers/libreOffice";
import { hasPythonModule, runPython } from "../helpers/python";
import { buildXlsx } from "../helpers/xlsxBuild";

const SCRIPT = fs.readFileSync(path.join(__dirname, "../helpers/workbookSpec.py"), "utf8");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lossless-"));
const canRun = (hasPythonModule("openpyxl") && hasPythonModule("xlsxwriter")) || process.env.CI;
const withWriters = canRun ? test : test.skip;
const why = canRun ? "" : " (skipped: /usr/bin/python3 needs python3-openpyxl and python3-xlsxwriter)";

type Cell = { t: "s"; v: string; fmt?: string } | { t: "n"; v: number; fmt?: string } | { t: "b"; v: boolean } | { t: "e"; v: string } | { t: "f"; f: string; cached?: number; fmt?: string } | null;
interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  notes?: { r: number; c: number; text: string; author: string }[];
  links?: { r: number; c: number; url: string }[];
  hiddenRows?: number[];
  hiddenColumns?: string[];
  hidden?: boolean;
  /** The first cell below and right of frozen panes (`A3`: the rows above 3 stay in view). */
  freeze?: string;
  /** A range given a conditional format (openpyxl only). */
  conditionalFormat?: string;
}
interface WorkbookSpec {
  file: string;
  writer: "openpyxl" | "xlsxwriter";
  sheets: SheetSpec[];
  names?: { name: string; ref: string }[];
}
interface DumpedCell {
  value: unknown;
  type: string;
  format: string;
  cached: unknown;
}
interface DumpedSheet {
  name: string;
  state: string;
  cells: Record<string, DumpedCell>;
  merges: string[];
  notes: Record<string, [string, string]>;
  links: Record<string, string>;
  hiddenRows: number[];
  hiddenColumns: string[];
  freeze: string | null;
}
interface Dumped {
  sheets: DumpedSheet[];
  names: [string, string][];
}

const writeBooks = (specs: readonly WorkbookSpec[]): void => void runPython(SCRIPT, JSON.stringify(specs), ["write"]);
const dump = (...files: string[]): Dumped[] => JSON.parse(runPython(SCRIPT, "", ["dump", ...files])) as Dumped[];

// Text of two words of letters: never a date, number, money or yes/no that convert would type.
const words = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{3,8}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([a, b]) => `${a} ${b}`);
const KINDS = {
  text: { headers: ["Supplier", "Title", "Department", "Category"], cell: words.map((v): Cell => ({ t: "s", v })) },
  number: { headers: ["Quantity", "Lots"], cell: fc.integer({ min: -1000, max: 100000 }).map((v): Cell => ({ t: "n", v })) },
  money: { headers: ["Budget", "Spend to date"], cell: fc.integer({ min: 0, max: 10_000_000 }).map((v): Cell => ({ t: "n", v: v / 100, fmt: '"£"#,##0.00' })) },
  date: { headers: ["End date", "Start date", "Review date"], cell: fc.integer({ min: 40000, max: 50000 }).map((v): Cell => ({ t: "n", v, fmt: "dd/mm/yyyy" })) },
  time: { headers: ["Meeting time"], cell: fc.integer({ min: 0, max: 95 }).map((q): Cell => ({ t: "n", v: q / 96, fmt: "hh:mm" })) },
  boolean: { headers: ["Renewable"], cell: fc.boolean().map((v): Cell => ({ t: "b", v })) },
  score: { headers: ["Score"], cell: fc.oneof(fc.integer({ min: 0, max: 100 }).map((v): Cell => ({ t: "n", v })), fc.constantFrom<Cell>({ t: "e", v: "#N/A" })) },
  formula: { headers: ["Twice value", "Value check"], cell: fc.constant(null) },
} as const;
type Kind = keyof typeof KINDS;

/** A register sheet: title rows (maybe merged) above a header row, Contract ID, Annual value, then random columns. */
const registerSpec = fc
  .record({
    titleRows: fc.integer({ min: 0, max: 2 }),
    mergeTitle: fc.boolean(),
    kinds: fc.array(fc.constantFrom<Kind>(...(Object.keys(KINDS) as Kind[])), { minLength: 1, maxLength: 6 }),
    rows: fc.integer({ min: 1, max: 12 }),
    writer: fc.constantFrom<"openpyxl" | "xlsxwriter">("openpyxl", "xlsxwriter"),
    seed: fc.array(fc.nat({ max: 997 }), { minLength: 24, maxLength: 24 }),
    hideOther: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      cells: fc.tuple(...shape.kinds.map((kind) => fc.array(KINDS[kind].cell, { minLength: shape.rows, maxLength: shape.rows }))),
      values: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: shape.rows, maxLength: shape.rows }),
    }),
  );

let made = 0;
type Generated = typeof registerSpec extends fc.Arbitrary<infer T> ? T : never;

function buildSpec({ shape, cells, values }: Generated): WorkbookSpec {
  const file = path.join(dir, `register-${++made}.xlsx`);
  const pick = (i: number, n: number): number => shape.seed[i % shape.seed.length] % n;
  const header = shape.titleRows;
  const used = new Set<string>();
  const headers = ["Contract ID", "Annual value", ...shape.kinds.map((kind, k) => {
    const pool = KINDS[kind].headers;
    let name: string = pool[pick(k, pool.length)];
    for (let n = 2; used.has(name); n++) name = `${pool[pick(k, pool.length)]} ${n}`;
    used.add(name);
    return name;
  })];
  const rows: Cell[][] = [];
  for (let r = 0; r < shape.titleRows; r++) rows.push([{ t: "s", v: r === 0 ? "Register of contracts" : "Prepared by commercial team" }]);
  rows.push(headers.map((v): Cell => ({ t: "s", v })));
  for (let i = 0; i < shape.rows; i++) {
    const sheetRow = header + 1 + i;
    const line: Cell[] = [{ t: "s", v: `C-${String(i + 1).padStart(3, "0")}` }, { t: "n", v: values[i], fmt: '"£"#,##0' }];
    shape.kinds.forEach((kind, k) => {
      const formula = pick(k + i + 7, 2) === 0 ? `=B${sheetRow + 1}*2` : `=LEN(A${sheetRow + 1})`;
      const cached = formula.startsWith("=B") ? values[i] * 2 : line[0] && line[0].t === "s" ? line[0].v.length : 0;
      // A blank now and then, never in the formula columns (their value is the formula's).
      line.push(kind === "formula" ? { t: "f", f: formula, ...(shape.writer === "xlsxwriter" ? { cached } : {}) } : pick(k * 31 + i, 9) === 0 ? null : cells[k][i]);
    });
    rows.push(line);
  }
  const notes = Array.from({ length: pick(1, 4) }, (_, n) => ({ r: header + pick(n + 2, shape.rows + 1), c: pick(n + 3, headers.length), text: `Checked by the team, note ${n + 1}`, author: ["Ann Smith", "Raj Patel"][n % 2] }));
  const uniqueNotes = [...new Map(notes.map((n) => [`${n.r}:${n.c}`, n])).values()];
  const links = Array.from({ length: pick(4, 3) }, (_, n) => ({ r: header + 1 + pick(n + 5, shape.rows), c: 0, url: `https://example.org/contracts/${n + 1}` }));
  const uniqueLinks = [...new Map(links.map((l) => [`${l.r}:${l.c}`, l])).values()];
  const hiddenRows = [...new Set(Array.from({ length: pick(6, 3) }, (_, n) => header + 1 + pick(n + 8, shape.rows)))];
  const register: SheetSpec = {
    name: "Register",
    rows,
    merges: shape.titleRows > 0 && shape.mergeTitle ? ["A1:D1"] : [],
    notes: uniqueNotes,
    links: uniqueLinks,
    hiddenRows,
    hiddenColumns: pick(9, 2) === 0 ? [columnLetters(2 + pick(10, shape.kinds.length))] : [],
    // The header row frozen in view, as registers often have it.
    ...(pick(11, 2) === 0 ? { freeze: `A${header + 2}` } : {}),
  };
  const lookups: SheetSpec = {
    name: "Lookups",
    rows: [
      [{ t: "s", v: "Contracts counted" }, { t: "f", f: "=COUNTA(Register!A:A)", ...(shape.writer === "xlsxwriter" ? { cached: shape.rows + 1 + shape.titleRows } : {}) }],
      [{ t: "s", v: "Gold tier" }, { t: "n", v: 540 }],
      [{ t: "s", v: "Merged over two rows" }],
    ],
    merges: ["A3:B4"],
    hidden: shape.hideOther,
  };
  return { file, writer: shape.writer, sheets: [register, lookups], names: [{ name: "GoldTier", ref: "Lookups!$B$2" }] };
}

/** Every cell, note, link, merge, hidden row and column, sheet state and name of `input` is in `output` as it was. */
function expectKept(input: Dumped, output: Dumped): void {
  for (const sheet of input.sheets) {
    const out = output.sheets.find((s) => s.name === sheet.name);
    expect(out).toBeDefined();
    if (!out) continue;
    expect({ sheet: sheet.name, state: out.state }).toEqual({ sheet: sheet.name, state: sheet.state });
    for (const [ref, cell] of Object.entries(sheet.cells)) expect({ sheet: sheet.name, ref, ...out.cells[ref] }).toEqual({ sheet: sheet.name, ref, ...cell });
    expect(out.merges).toEqual(sheet.merges);
    for (const [ref, note] of Object.entries(sheet.notes)) expect({ ref, note: out.notes[ref] }).toEqual({ ref, note });
    expect(out.links).toEqual(sheet.links);
    expect(out.hiddenRows).toEqual(sheet.hiddenRows);
    expect(out.hiddenColumns).toEqual(expect.arrayContaining(sheet.hiddenColumns));
    expect({ sheet: sheet.name, freeze: out.freeze }).toEqual({ sheet: sheet.name, freeze: sheet.freeze });
  }
  expect(output.names).toEqual(expect.arrayContaining(input.names));
}

const trackers: string[] = [];

withWriters(`generated registers keep every cell, formula, note, link, merge and hidden part through convert${why}`, async () => {
  await fc.assert(
    fc.asyncProperty(registerSpec, async (generated) => {
      const spec = buildSpec(generated);
      writeBooks([spec]);
      const out = spec.file.replace("register-", "tracker-");
      const converted = await cli("convert", spec.file, "--out", out, "--as-of", "2025-06-30");
      // Notes on stderr (a register without an end date column) are fine; a refusal is not.
      expect({ code: converted.code, refusal: converted.code === 0 ? "" : converted.err }).toEqual({ code: 0, refusal: "" });
      const [input, output] = dump(spec.file, out);
      expectKept(input, output);
      trackers.push(out);
    }),
    { numRuns: Number(process.env.LOSSLESS_RUNS ?? 20) },
  );
}, 300_000);

const withOffice = canRun && (soffice || process.env.CI) ? test : test.skip;
withOffice(`LibreOffice opens every tracker written from a generated register, with the register's cells in place${soffice ? why : " (skipped: LibreOffice is not installed)"}`, () => {
  expect(trackers.length).toBeGreaterThan(0);
  const sheet = recalculateInLibreOffice(trackers, { formatted: false });
  for (const tracker of trackers) {
    const rows = sheet(tracker, "Register");
    const ids = rows.map((r) => r[0]).filter((v) => /^C-\d{3}$/.test(v ?? ""));
    expect(ids.length).toBeGreaterThan(0);
    expect(rows.some((r) => r[0] === "Contract ID" && r[1] === "Annual value")).toBe(true);
  }
}, 300_000);

withWriters(`a merge over the register's rows is unmerged (a table cannot hold one) with its value in its first cell; what cannot be carried over, or a name the tracker's table takes, is named${why}`, async () => {
  const file = path.join(dir, "merged-rows.xlsx");
  const date = (v: number): Cell => ({ t: "n", v, fmt: "dd/mm/yyyy" });
  writeBooks([
    {
      file,
      writer: "openpyxl",
      sheets: [
        {
          name: "Register",
          rows: [
            [{ t: "s", v: "Contract ID" }, { t: "s", v: "Supplier" }, { t: "s", v: "End date" }],
            [{ t: "s", v: "C-001" }, { t: "s", v: "Shared supplier" }, date(46000)],
            [{ t: "s", v: "C-002" }, null, date(46100)],
          ],
          merges: ["B2:B3"],
          conditionalFormat: "C2:C3",
        },
      ],
      // A name the tracker's table takes, and one of the register's own.
      names: [{ name: "Contracts", ref: "Register!$A$1:$C$3" }, { name: "FirstEnd", ref: "Register!$C$2" }],
    },
  ]);
  const out = path.join(dir, "merged-rows-tracker.xlsx");
  const converted = await cli("convert", file, "--out", out, "--as-of", "2025-06-30");
  expect(converted.code).toBe(0);
  expect(converted.out).toContain('  unmerged (a table cannot hold merged cells; each value stays in its first cell): B2:B3 on "Register"');
  expect(converted.out).toContain("  not carried over (the values are): conditional formats");
  expect(converted.out).toContain("  defined names the tracker's own replace (a workbook holds a name once): Contracts");
  const [tracker] = dump(out);
  const register = tracker.sheets.find((s) => s.name === "Register");
  expect(register?.merges).toEqual([]);
  expect(register?.cells.B2?.value).toBe("Shared supplier");
  expect(tracker.names).toContainEqual(["FirstEnd", "Register!$C$2"]);
  expect(tracker.names.filter(([name]) => name === "Contracts")).toEqual([]);
});

test("Excel's shared formulas (written once, pointed at by the rows below), array formulas and error cells keep their formulas; the tracker's own shared formulas are numbered after them", async () => {
  const file = path.join(dir, "shared-formulas.xlsx");
  const text = (ref: string, v: string): string => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${v}</x:t></x:is></x:c>`;
  const cells = [
    `<x:row r="1">${text("A1", "Contract ID")}${text("B1", "Annual value")}${text("C1", "Twice value")}${text("D1", "End date")}${text("E1", "Score")}${text("F1", "Total")}</x:row>`,
    ...[2, 3, 4].map(
      (r) =>
        `<x:row r="${r}">${text(`A${r}`, `C-00${r - 1}`)}<x:c r="B${r}"><x:v>${r * 100}</x:v></x:c>` +
        `<x:c r="C${r}">${r === 2 ? '<x:f t="shared" ref="C2:C4" si="0">B2*2</x:f>' : '<x:f t="shared" si="0"/>'}<x:v>${r * 200}</x:v></x:c>` +
        `<x:c r="D${r}" s="1"><x:v>${46000 + r}</x:v></x:c>${r === 3 ? '<x:c r="E3" t="e"><x:v>#DIV/0!</x:v></x:c>' : `<x:c r="E${r}"><x:v>${r}</x:v></x:c>`}` +
        `${r === 2 ? '<x:c r="F2"><x:f t="array" ref="F2">SUM(B2:B4*2)</x:f><x:v>1800</x:v></x:c>' : ""}</x:row>`,
    ),
  ].join("");
  fs.writeFileSync(file, buildXlsx({ prefix: "x", sheets: [{ name: "Register", cells }], numFmts: { 164: "dd/mm/yyyy" }, cellXfs: [0, 164] }));
  const out = path.join(dir, "shared-formulas-tracker.xlsx");
  const converted = await cli("convert", file, "--out", out, "--as-of", "2025-06-30");
  expect(converted.code).toBe(0);
  expect(converted.out).toContain("  kept from the workbook: 4 formulas, 1 error cell");
  const tracker = await readRegister(out);
  const book = readXlsx(fs.readFileSync(out), { keep: true });
  const kept = book.kept?.sheets.get("Register");
  // The register's shared formula as it was (si 0); the tracker's computed columns count on from 1.
  expect(kept?.formulas.get(1)?.[2]).toBe('<f t="shared" ref="C2:C4" si="0">B2*2</f>');
  expect(kept?.formulas.get(2)?.[2]).toBe('<f t="shared" si="0"/>');
  expect(kept?.formulas.get(1)?.[5]).toBe('<f t="array" ref="F2">SUM(B2:B4*2)</f>');
  const header = tracker.sheets.get("Register")?.[0] ?? [];
  const daysToExpiry = header.indexOf("Days to expiry");
  expect(daysToExpiry).toBeGreaterThan(5);
  expect(kept?.formulas.get(1)?.[daysToExpiry]).toMatch(/^<f t="shared" ref="[A-Z]+2:[A-Z]+4" si="1">/);
  expect([...(kept?.errors.get(2) ?? [])]).toEqual([4]);
  expect(tracker.sheets.get("Register")?.[2]?.[4]).toBe("#DIV/0!");
  if (!canRun) return;
  // openpyxl, reading on its own, expands the shared formula row by row.
  const register = dump(out)[0].sheets.find((s) => s.name === "Register");
  expect([register?.cells.C2?.value, register?.cells.C3?.value, register?.cells.C4?.value, register?.cells.E3?.type]).toEqual(["=B2*2", "=B3*2", "=B4*2", "e"]);
});

withWriters(`a tracker converted again keeps every cell, formula and note it had: nothing becomes a value${why}`, async () => {
  const [generated] = fc.sample(registerSpec, { numRuns: 1, seed: 12 });
  const spec = buildSpec(generated);
  writeBooks([spec]);
  for (const formulas of ["contract", "native"]) {
    const first = spec.file.replace(".xlsx", `-${formulas}-first.xlsx`);
    const second = spec.file.replace(".xlsx", `-${formulas}-second.xlsx`);
    expect((await cli("convert", spec.file, "--out", first, "--as-of", "2025-06-30", "--formulas", formulas)).code).toBe(0);
    expect((await cli("convert", first, "--out", second, "--as-of", "2025-06-30", "--formulas", formulas)).code).toBe(0);
    const [once, twice] = dump(first, second);
    expect(twice).toEqual(once);
    // The computed columns are formulas still, not the values they had.
    const register = twice.sheets.find((s) => s.name === "Register");
    expect(Object.values(register?.cells ?? {}).filter((c) => c.type === "f" && /^=(?:CONTRACT\.|IF\()/.test(String(c.value))).length).toBeGreaterThan(0);
  }
}, 60_000);

test("a formula an Excel table cannot hold (in its header row, an array over several cells) keeps its value, and convert says so; elsewhere it stays a formula", async () => {
  const file = path.join(dir, "table-formulas.xlsx");
  const text = (ref: string, v: string): string => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const register =
    `<row r="1">${text("A1", "Contract ID")}${text("B1", "Annual value")}<c r="C1" t="str"><f>"Twice "&amp;"value"</f><v>Twice value</v></c></row>` +
    `<row r="2">${text("A2", "C-001")}<c r="B2"><v>100</v></c><c r="C2"><f t="array" ref="C2:C3">B2:B3*2</f><v>200</v></c></row>` +
    `<row r="3">${text("A3", "C-002")}<c r="B3"><v>150</v></c><c r="C3"><v>300</v></c></row>`;
  const totals = `<row r="1"><c r="A1"><f t="array" ref="A1:A2">Register!B2:B3</f><v>100</v></c></row><row r="2"><c r="A2"><v>150</v></c></row>`;
  fs.writeFileSync(file, buildXlsx({ sheets: [{ name: "Register", cells: register }, { name: "Totals", cells: totals }] }));
  const out = path.join(dir, "table-formulas-tracker.xlsx");
  const converted = await cli("convert", file, "--out", out, "--as-of", "2025-06-30", "--map", "contractId=Contract ID");
  expect(converted.code).toBe(0);
  expect(converted.out).toContain("  2 formulas are kept as their values: an Excel table holds no formula in its header row, nor an array formula over several cells");
  const book = readXlsx(fs.readFileSync(out), { keep: true });
  expect(book.sheets.get("Register")?.slice(0, 3).map((line) => line.slice(0, 3))).toEqual([["Contract ID", "Annual value", "Twice value"], ["C-001", 100, 200], ["C-002", 150, 300]]);
  expect(book.kept?.sheets.get("Register")?.formulas.get(0)?.[2]).toBeUndefined();
  expect(book.kept?.sheets.get("Register")?.formulas.get(1)?.[2]).toBeUndefined();
  expect(book.kept?.sheets.get("Totals")?.formulas.get(0)?.[0]).toBe('<f t="array" ref="A1:A2">Register!B2:B3</f>');
});
