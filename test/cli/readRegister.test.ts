import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import { InputError, readRegister } from "../../src/cli/readRegister";
import { run } from "../../src/cli/main";
import { tempFiles } from "../helpers/tempFiles";

// Registers as Excel and export tools save them, written byte by byte, then read and checked as a user would.
const saveFile = tempFiles("ct-read-", "register");
const save = (bytes: Buffer, extension = ".csv"): string => saveFile(bytes, extension);

async function check(file: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(["check", file, "--json"], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const ROWS = [
  ["Contract ID", "Title", "Supplier", "End date", "Total value"],
  ["000123", "Cleaning — “windows”", "Café Nord", "31/03/2025", "€1,500"],
  ["000124", "Grounds", "Acme", "30/04/2025", "£2,000"],
];

describe.each([
  ["Excel's CSV in most of Europe: semicolons, Windows-1252", ";", "\r\n", (t: string) => iconv.encode(t, "windows-1252"), ".csv"],
  ["Excel's Unicode Text: tabs, UTF-16 LE with BOM, .txt", "\t", "\r\n", (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]), ".txt"],
  ["UTF-16 BE with BOM", "\t", "\r\n", (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()]), ".txt"],
  ["UTF-16 LE without BOM", "\t", "\n", (t: string) => Buffer.from(t, "utf16le"), ".txt"],
  ["UTF-8 with BOM, pipes", "|", "\n", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]), ".csv"],
  ["UTF-8, commas", ",", "\r\n", (t: string) => Buffer.from(t, "utf8"), ".csv"],
  ["Excel's sep= line", ";", "\r\n", (t: string) => Buffer.from(`sep=;\r\n${t}`, "utf8"), ".csv"],
] as const)("%s", (_, delimiter, newline, encode, extension) => {
  const quote = (v: string): string => (v.includes(delimiter) ? `"${v}"` : v);
  const text = ROWS.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
  test("every value reads as written", async () => {
    const book = await readRegister(save(encode(text), extension));
    expect(book.kind).toBe("csv");
    expect(book.numberFormats.size).toBe(0);
    expect([...book.sheets.values()][0]).toEqual(ROWS);
  });
  test("check finds the header row and reads every contract", async () => {
    const result = await check(save(encode(text), extension));
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ rows: 2, counts: {} });
  });
});

test("IDs and dates forced to text the ERP way (=\"…\") read as the text Excel shows", async () => {
  const file = save(Buffer.from('Contract ID,Supplier,End date\r\n="000123",Acme,="31/05/2025"\r\n="000124",Binco,="20250630"\r\n'));
  const book = await readRegister(file);
  expect([...book.sheets.values()][0].slice(1)).toEqual([["000123", "Acme", "31/05/2025"], ["000124", "Binco", "20250630"]]);
  const result = await check(file);
  expect(JSON.parse(result.out)).toMatchObject({ rows: 2, counts: {} });
});

describe("bad text files get a one-line error and exit code 1", () => {
  test.each([
    ["binary junk", Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)), /is not a CSV text file/],
    ["a workbook renamed .csv", fs.readFileSync(path.resolve(__dirname, "../../../shared/data/real/uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx")), /is not a CSV text file/],
    ["an image renamed .csv", fs.readFileSync(path.resolve(__dirname, "../../assets/icon-16.png")), /is not a CSV text file/],
    ["an empty file", Buffer.alloc(0), /is empty$/],
    ["a UTF-8 BOM and nothing else", Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), /is empty$/],
  ])("%s", async (_, bytes, message) => {
    const file = save(bytes);
    await expect(readRegister(file)).rejects.toThrow(InputError);
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split("\n")).toHaveLength(1);
  });
});
