// A stray quote in a CSV register (`12" pipe` typed in a cell, a quote never closed) is read as
// Excel and Python's csv module read it, and never runs the rest of the file into one cell: the
// project read these with papaparse, which ran every row after `"ab"cd` into one cell.
import fc from "fast-check";
import { parseCsvWithQuotes } from "../../src/cli/csvDialect";
import { splitCsv } from "../../src/cli/csvSplit";
import { cli } from "../helpers/cli";
import { runPython, withPython } from "../helpers/python";
import { tempFiles } from "../helpers/tempFiles";

const save = tempFiles("ct-quotes-", "register");
const python = withPython("csv");

/** How Python's csv module (default dialect, as it reads Excel's CSV) splits each text; a blank line is one empty field, as Excel shows it. */
function pythonRows(texts: readonly string[]): string[][][] {
  const script = "import csv, io, json, sys\nprint(json.dumps([list(csv.reader(io.StringIO(t, newline=''))) for t in json.load(sys.stdin)]))";
  return (JSON.parse(runPython(script, JSON.stringify(texts))) as string[][][]).map((rows) => rows.map((row) => (row.length === 0 ? [""] : row)));
}

// Texts where a quote is not where RFC 4180 puts one, but Python and Excel agree on the cells.
const AGREED: [string, string][] = [
  ["a quote mid-field (inches)", 'Ref,Title\r\nC1,12" pipe\r\nC2,Valve\r\n'],
  ["quotes mid-field twice", 'Ref,Title\nC1,a 3" and a 4" pipe\nC2,x\n'],
  ["text after a closing quote", 'Ref,Title\nC1,"12" pipe,x\nC2,y\n'],
  ["a space after a closing quote", 'Ref,Title\nC1,"Acme" ,x\nC2,y\n'],
  ["doubled quotes inside quotes", 'Ref,Title\nC1,"the ""best"" one",x\nC2,y\n'],
  ["a cell of several lines, properly closed", 'Ref,Title\nC1,"line 1\nline 2",x\nC2,y\n'],
  ["a quote as a whole field after text", 'Ref,Title\nC1,5",x\nC2,y\n'],
  ["semicolons", 'Ref;Title\nC1;12" pipe\nC2;"Acme";x\n'],
];

python.test(`a stray quote reads as Python's csv module reads it, and the row is reported where the quotes break the rules${python.why}`, () => {
  const expected = pythonRows(AGREED.map(([, text]) => text.replace(/;/g, ",")));
  AGREED.forEach(([name, text], i) => {
    const ours = splitCsv(text.replace(/;/g, ","), ",").rows;
    expect({ name, rows: ours }).toEqual({ name, rows: expected[i] });
  });
  expect(parseCsvWithQuotes(AGREED[2][1]).strayQuotes).toEqual([{ row: 2, line: 2, problem: "text-after-quote" }]);
  expect(parseCsvWithQuotes(AGREED[0][1]).strayQuotes).toEqual([]);
});

python.test(`a quote never closed, or closed by a stray quote lines later, does not swallow the rows after it (Python's csv would)${python.why}`, () => {
  const neverClosed = 'Ref,Supplier,End date\nC1,"Acme,31/03/2026\nC2,Binco,30/04/2026\nC3,Cee,31/05/2026\n';
  const closedLate = 'Ref,Supplier,End date\nC1,"Acme,31/03/2026\nC2,Binco,30/04/2026\nC3,"Cee" Ltd,31/05/2026\n';
  const [pythonNever, pythonLate] = pythonRows([neverClosed, closedLate]);
  // What Python makes of them: every row after C1 inside one cell.
  expect(pythonNever).toHaveLength(2);
  expect(pythonLate).toHaveLength(2);
  for (const [text, problem] of [[neverClosed, "never-closed"], [closedLate, "closed-late"]] as const) {
    const { rows, strayQuotes } = parseCsvWithQuotes(text);
    expect(rows.map((r) => r[0])).toEqual(["Ref", "C1", "C2", "C3"]);
    expect(rows[1]).toEqual(["C1", '"Acme', "31/03/2026"]);
    expect(strayQuotes[0]).toEqual({ row: 2, line: 2, problem });
  }
});

python.test(`any text of quotes, delimiters and line breaks splits as Python's csv splits it, wherever no quote was left open${python.why}`, () => {
  const texts = fc.sample(fc.stringOf(fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", "\r"), { maxLength: 40 }), { numRuns: 400, seed: 12 });
  const expected = pythonRows(texts);
  texts.forEach((text, i) => {
    const { rows, strayQuotes } = splitCsv(text, ",");
    if (strayQuotes.some((q) => q.problem !== "text-after-quote")) return;
    // Python reads a lone \r inside a quoted value as \r; Excel holds a cell's line break as \n.
    expect({ text, rows }).toEqual({ text, rows: expected[i].map((row) => row.map((cell) => cell.replace(/\r\n?/g, "\n"))) });
  });
});

test("check reads every contract after a stray quote and names the row on its own line", async () => {
  const file = save(Buffer.from('Contract ID,Supplier,End date\r\nC1,Binco 12" pipes,30/04/2026\r\nC2,"Acme,31/03/2026\r\nC3,Cee,31/05/2026\r\n'), ".csv");
  const result = await cli("check", file);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^3 contracts /);
  expect(result.err.trim().split("\n")).toEqual([expect.stringMatching(/row 3 \(line 3 of the file\): a quote opens a value and is never closed/)]);
});

test.each([["map"], ["map", "--json"], ["summary", "--as-of", "2025-06-30"], ["convert", "--as-of", "2025-06-30"]])("%s names a stray quote's row on stderr too", async (command, ...rest) => {
  const file = save(Buffer.from('Contract ID,Supplier,End date\r\nC1,Binco 12" pipes,30/04/2026\r\nC2,"Acme,31/03/2026\r\nC3,Cee,31/05/2026\r\n'), ".csv");
  const args = command === "convert" ? [file, "--out", file.replace(/\.csv$/, ".xlsx"), ...rest] : [file, ...rest];
  const result = await cli(command, ...args);
  expect(result.code).toBe(0);
  expect(result.err).toMatch(/row 3 \(line 3 of the file\): a quote opens a value and is never closed/);
});
