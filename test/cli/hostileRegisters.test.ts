// Files built to hurt the reader get one line naming the limit and exit 1, and a stray far cell
// does not make a million rows or columns of anything: all generated here, never committed.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { zipPackage } from "../../src/cli/xlsxPackage";
import { readXlsx } from "../../src/cli/xlsxRead";
import { bin, cli } from "../helpers/cli";
import { tempFiles } from "../helpers/tempFiles";
import { buildXlsx, row } from "../helpers/xlsxBuild";

const save = tempFiles("ct-hostile-", "register");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-hostile-special-"));

const HEADER = row(1, ["Contract ID", "Supplier", "End date"].map((h, c) => `<c r="${"ABC"[c]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join(""));
const contract = (r: number): string => row(r, `<c r="A${r}" t="inlineStr"><is><t>C${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Acme</t></is></c><c r="C${r}"><v>${46000 + r}</v></c>`);

/**
 * A workbook whose one sheet part inflates to `megabytes` MB of spaces from about a thousandth of
 * that: a zip bomb, built from one compressed megabyte repeated (sync-flushed deflate pieces join
 * into one stream), so the test never holds the gigabyte itself.
 */
function bomb(megabytes: number): Buffer {
  const piece = (bytes: Buffer): Buffer => zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const open = Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER}`);
  const close = Buffer.from("</sheetData></worksheet>");
  const spaces = Buffer.alloc(1024 * 1024, " ");
  const spacesPiece = piece(spaces);
  let crc = zlib.crc32(open);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(spaces, crc);
  crc = zlib.crc32(close, crc);
  const compressed = Buffer.concat([piece(open), ...Array.from({ length: megabytes }, () => spacesPiece), piece(close), Buffer.from([0x03, 0x00])]);
  const parts = [...readParts(buildXlsx({ sheets: [{ name: "Register", cells: HEADER }] }))].map(([name, data]) => ({
    name,
    data: name === "xl/worksheets/sheet1.xml" ? { compressed, crc, size: open.length + megabytes * spaces.length + close.length } : data,
  }));
  return zipPackage(parts);
}

function readParts(bytes: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (let at = bytes.indexOf("PK\u0003\u0004"); at >= 0 && at + 30 <= bytes.length; at = bytes.indexOf("PK\u0003\u0004", at + 4)) {
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    parts.set(bytes.toString("utf8", at + 30, at + 30 + nameLength), zlib.inflateRawSync(bytes.subarray(start, start + size)));
  }
  return parts;
}

describe("a zip bomb is refused in one line naming the limit, before it is inflated", () => {
  test("a sheet part of 1 GB of spaces in a file of about 1 MB", async () => {
    const file = save(bomb(1024), ".xlsx");
    expect(fs.statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const result = await cli("check", file);
    expect({ code: result.code, err: result.err }).toEqual({ code: 1, err: expect.stringMatching(/^contract-tracker: .* was not read: its part xl\/worksheets\/sheet1\.xml inflates to over 100 times its compressed size, the limit against zip bombs\n$/) });
    // It stopped near the 10 MB it reads before the ratio counts, not at a gigabyte.
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  }, 60_000);
});

describe("a stray cell far from the register makes one row or one long row, not a million", () => {
  test("a value at A1048576: the blank rows between are not contracts and are not each allocated", async () => {
    const file = save(buildXlsx({ sheets: [{ name: "Register", cells: HEADER + contract(2) + contract(3) + contract(4) + row(1048576, '<c r="B1048576" t="inlineStr"><is><t>stray</t></is></c>') }] }), ".xlsx");
    const rows = readXlsx(fs.readFileSync(file)).sheets.get("Register") ?? [];
    expect(rows).toHaveLength(1048576);
    // Every blank row is one and the same empty row.
    expect(new Set(rows.slice(4, -1)).size).toBe(1);
    const result = await cli("check", file, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).rows).toBe(4);
  }, 60_000);

  test("a value at XFD1 (the last column): one header row 16,384 cells long, every other row as long as its own cells", async () => {
    const file = save(buildXlsx({ sheets: [{ name: "Register", cells: row(1, HEADER.slice(HEADER.indexOf(">") + 1, -6) + '<c r="XFD1" t="inlineStr"><is><t>stray</t></is></c>') + contract(2) + contract(3) }] }), ".xlsx");
    const rows = readXlsx(fs.readFileSync(file)).sheets.get("Register") ?? [];
    expect(rows.map((r) => r.length)).toEqual([16384, 3, 3]);
    const result = await cli("check", file);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^2 contracts /);
  });
});

describe("past the size of an Excel sheet is refused in one line, before a row is made for it", () => {
  test.each([
    ["a row numbered 2,000,000", row(2000000, '<c r="A2000000"><v>1</v></c>'), /it has a row numbered 2000000, past the 1,048,576 rows a sheet holds$/],
    ["a cell in column XFE, one past the last", row(5, '<c r="XFE5"><v>1</v></c>'), /a cell of its row 5 is past column XFD, the last of the 16,384 columns a sheet holds$/],
  ])("an .xlsx with %s", async (_, cells, message) => {
    const result = await cli("check", save(buildXlsx({ sheets: [{ name: "Register", cells: HEADER + contract(2) + cells }] }), ".xlsx"));
    expect({ code: result.code, lines: result.err.trim().split("\n").length }).toEqual({ code: 1, lines: 1 });
    expect(result.err.trim()).toMatch(message);
  });
  test("a CSV of 1,048,577 rows", async () => {
    const result = await cli("check", save(Buffer.from(`Contract ID,End date\n${"C1,31/03/2026\n".repeat(1_048_576)}`), ".csv"));
    expect({ code: result.code, err: result.err }).toEqual({ code: 1, err: expect.stringMatching(/^contract-tracker: \S+ it has more than 1,048,576 rows, the most an Excel sheet holds\n$/) });
  });
});

describe("what is not a regular file is refused before it is read", () => {
  const refused = /^contract-tracker: .* is not a regular file \(it is a device, pipe or socket\): save the register to a file and give that\n$/;
  test("a FIFO named .csv (reading it would wait for a writer for ever)", () => {
    const fifo = path.join(dir, "pipe.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const result = bin("check", fifo);
    expect({ code: result.code, err: result.err }).toEqual({ code: 1, err: expect.stringMatching(refused) });
  });
  test("/dev/zero behind a .csv and an .xlsx name (it never ends)", () => {
    for (const name of ["zero.csv", "zero.xlsx"]) {
      const link = path.join(dir, name);
      fs.symlinkSync("/dev/zero", link);
      const result = bin("check", link);
      expect({ code: result.code, err: result.err }).toEqual({ code: 1, err: expect.stringMatching(refused) });
    }
  });
  test("a CSV over 512 MB, the most one string holds, is refused by its size", () => {
    const file = path.join(dir, "huge.csv");
    fs.writeFileSync(file, "Contract ID,End date\n");
    fs.truncateSync(file, 600 * 1024 * 1024); // sparse: nothing is written
    const result = bin("check", file);
    expect({ code: result.code, err: result.err }).toEqual({ code: 1, err: expect.stringMatching(/^contract-tracker: .*huge\.csv is 600 MB, over the 512 MB limit for a CSV or text register\n$/) });
  });
});
