import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeTracker } from "../../src/cli/writeTracker";
import { ZipFileWriter } from "../../src/cli/zipStream";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { xlsxParts } from "../helpers/xlsxParts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-zipstream-"));
const PYTHON = "/usr/bin/python3";
const withPython = fs.existsSync(PYTHON) ? test : test.skip;

/** Writes a package of a streamed part (many pieces, with or without room for zip64 sizes) and a small one. */
async function packageOf(file: string, large: boolean): Promise<string> {
  const zip = ZipFileWriter.create(file);
  const part = zip.streamPart("xl/worksheets/sheet1.xml", large);
  let text = "";
  for (let i = 0; i < 40_000; i++) {
    const row = `<row r="${i + 1}"><c><v>${i}</v></c><c t="inlineStr"><is><t>Café £${i} — ${"x".repeat(i % 61)}</t></is></c></row>`;
    part.write(row);
    text += row;
    if (i % 256 === 0) await part.ready();
  }
  await part.finish();
  zip.addPart("small.xml", Buffer.from("<a/>"));
  zip.close();
  return text;
}

test.each([false, true])("a part streamed in pieces unzips to exactly what was written (room for zip64 sizes: %s)", async (large) => {
  const file = path.join(dir, `stream-${large}.zip`);
  const text = await packageOf(file, large);
  const parts = xlsxParts(file);
  expect(parts.get("xl/worksheets/sheet1.xml")).toBe(text);
  expect(parts.get("small.xml")).toBe("<a/>");
});

withPython("Python's zipfile checks every entry's CRC and sizes, the zip64 local header's too", async () => {
  for (const large of [false, true]) {
    const file = path.join(dir, `python-${large}.zip`);
    const text = await packageOf(file, large);
    const check = spawnSync(PYTHON, ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; sys.stdout.write(str(len(z.read('xl/worksheets/sheet1.xml'))))", file], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(Number(check.stdout)).toBe(Buffer.byteLength(text));
  }
});

test("a tracker that fails half-way leaves no half-written file behind", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Contract ID"], ["C-1"]] });
  const file = path.join(dir, "failed.xlsx");
  const failing = {
    sheet: "Register",
    from: 1,
    count: 5000,
    width: 1,
    row: (i: number) => {
      if (i === 4000) throw new Error("the disk is full");
      return [{ value: `C-${i}` }];
    },
    done: () => undefined,
  };
  await expect(writeTracker(book, file, failing)).rejects.toThrow("the disk is full");
  expect(fs.existsSync(file)).toBe(false);
});
