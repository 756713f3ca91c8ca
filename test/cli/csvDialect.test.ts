import { DELIMITERS, detectDialect, parseCsv, parseCsvWithQuotes, unwrapExcelText } from "../../src/cli/csvDialect";

// A register whose values hold every other delimiter, quotes, decimal commas and line breaks.
const REGISTER = [
  ["Contract ID", "Title", "Supplier", "End date", "Value"],
  ["C-001", "Cleaning, windows; doors | gates", "Acme \"Bright\" Ltd", "31/03/2025", "1.234,50"],
  ["C-002", "Two\nlines", "Binco\tand sons", "2025-04-30", "1,200"],
  ["C-003", "", "Cee", "", "9"],
];

function write(rows: string[][], delimiter: string, newline: string): string {
  const field = (v: string): string => (/["\n\r]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(delimiter)).join(newline);
}

const NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

describe.each(DELIMITERS.map((d) => [NAMES[d], d]))("%s-delimited", (_, delimiter) => {
  test.each([["\r\n"], ["\n"], ["\r"]])("line breaks %j, with and without a final one", (newline) => {
    const text = write(REGISTER, delimiter, newline);
    expect(detectDialect(text.replace(/\r\n?/g, "\n"))).toEqual({ delimiter, sepLine: false });
    expect(parseCsv(text)).toEqual(REGISTER);
    expect(parseCsv(text + newline)).toEqual(REGISTER);
  });
  test("Excel's sep= line names the delimiter and is not a row", () => {
    const text = `sep=${delimiter}\r\n${write(REGISTER, delimiter, "\r\n")}\r\n`;
    expect(parseCsv(text)).toEqual(REGISTER);
  });
  test("a two-column file", () => {
    expect(parseCsv(`Ref${delimiter}End date\nC1${delimiter}31/03/2025\n`)).toEqual([["Ref", "End date"], ["C1", "31/03/2025"]]);
  });
});

test("a semicolon file whose amounts have decimal commas is split on the semicolons", () => {
  expect(parseCsv("Ref;Value;Spend\nC1;1,5;2,25\nC2;3,5;4,75\n")).toEqual([["Ref", "Value", "Spend"], ["C1", "1,5", "2,25"], ["C2", "3,5", "4,75"]]);
});

test("blank lines stay rows, so row numbers are the ones Excel shows", () => {
  expect(parseCsv("Register of contracts\r\n\r\nRef,End\r\nC1,31/03/2025\r\n")).toEqual([["Register of contracts"], [""], ["Ref", "End"], ["C1", "31/03/2025"]]);
});

test("mixed line breaks (a CRLF header over LF rows) are all row ends", () => {
  expect(parseCsv("Ref,End\r\nC1,31/03/2025\nC2,30/04/2025\n")).toEqual([["Ref", "End"], ["C1", "31/03/2025"], ["C2", "30/04/2025"]]);
});

test("a line break inside a quoted value is Excel's in-cell line break, \\n, however the file writes it", () => {
  expect(parseCsv('Ref,Title\r\nC1,"Two\r\nlines"\r\nC2,"Old\rMac"\r\n')).toEqual([["Ref", "Title"], ["C1", "Two\nlines"], ["C2", "Old\nMac"]]);
});

describe('cells forced to text the ERP way, ="…"', () => {
  test.each([
    ['="000123"', "000123"],
    ['="31/05/2025"', "31/05/2025"],
    ['=""', ""],
    ['="say ""hi"""', 'say "hi"'],
    ["=A1+1", "=A1+1"],
    ['="a"&"b"', '="a"&"b"'],
    ['= "000123"', '= "000123"'],
    ["000123", "000123"],
  ])("%s reads %p", (cell, text) => {
    expect(unwrapExcelText(cell)).toBe(text);
  });
  test("bare or quoted in the file, with any delimiter", () => {
    expect(parseCsv('Ref,End\r\n="000123",="31/05/2025"\r\n"=""000124""","=""01/06/2025"""\r\n')).toEqual([["Ref", "End"], ["000123", "31/05/2025"], ["000124", "01/06/2025"]]);
    expect(parseCsv('Ref;End\n="000123";="31/05/2025"\n')).toEqual([["Ref", "End"], ["000123", "31/05/2025"]]);
  });
});

test("a quote that is never closed does not swallow the rest of the file: it is read as a character and its row reported", () => {
  const text = 'Ref,Supplier\r\nC1,Acme\r\nC2,"Big Supplier\r\nC3,Cee\r\n';
  expect(parseCsvWithQuotes(text)).toEqual({ rows: [["Ref", "Supplier"], ["C1", "Acme"], ["C2", '"Big Supplier'], ["C3", "Cee"]], strayQuotes: [{ row: 3, line: 3, problem: "never-closed" }] });
  // The sep= line is not a row, but it is a line of the file.
  expect(parseCsvWithQuotes('sep=,\nRef,Title\nC1,"open\nC2,x\n')).toEqual({ rows: [["Ref", "Title"], ["C1", '"open'], ["C2", "x"]], strayQuotes: [{ row: 2, line: 3, problem: "never-closed" }] });
});

test("an empty text has no rows", () => {
  expect(parseCsv("")).toEqual([]);
  expect(parseCsv("\r\n")).toEqual([]);
});
