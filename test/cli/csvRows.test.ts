/**
 * The streaming CSV reader convert uses reads every file as the whole-file reader does (parseCsv
 * over decodeText): any encoding, line breaks of every kind (inside quotes too), `sep=` lines,
 * quoted delimiters and quotes, `="…"` cells, blank lines — whatever size the pieces it reads.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as os from "os";
import * as path from "path";
import { csvFileRows } from "../../src/cli/csvRows";
import { parseCsv } from "../../src/cli/csvDialect";
import { decodeText } from "../../src/cli/textEncoding";
import type { CellValue } from "../../src/workbook/port";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-csvrows-"));

async function streamed(file: string, chunkBytes: number): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  await csvFileRows(file, { chunkBytes }).forEachRow((cells) => rows.push([...cells]));
  return rows;
}

const cellText = fc.oneof(
  fc.constantFrom("", "C-001", "31/03/2025", "£1,200.50", "Café — naïve", "3 months", "a, b", 'say "hi"', "line\nbreak", "cr\r\nlf", "x;y", "tab\there", '="000123"', "€ 5", "日本語", "😀"),
  fc.string({ maxLength: 12 }),
);

/** A CSV line of cells, each quoted where it must be (or sometimes anyway), joined by the delimiter. */
const csvText = fc
  .record({
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
    lineBreak: fc.constantFrom("\n", "\r\n", "\r"),
    sepLine: fc.boolean(),
    finalBreak: fc.boolean(),
    quoteAll: fc.boolean(),
  })
  .map(({ delimiter, rows, lineBreak, sepLine, finalBreak, quoteAll }) => {
    const quote = (v: string): string => (quoteAll || /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = rows.map((r) => r.map(quote).join(delimiter));
    return `${sepLine ? `sep=${delimiter}${lineBreak}` : ""}${lines.join(lineBreak)}${finalBreak ? lineBreak : ""}`;
  })
  .filter((text) => text.trim() !== "");

test("every well-formed CSV reads the same streamed, in pieces of any size, as read whole", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(csvText, fc.constantFrom("utf-8", "utf-8-bom", "utf-16le", "windows-1252"), fc.constantFrom(1, 7, 64, 4096), async (text, encoding, chunkBytes) => {
      const bytes =
        encoding === "utf-8" ? Buffer.from(text, "utf8") : encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]) : iconv.encode(text, encoding, { addBOM: encoding === "utf-16le" });
      const file = path.join(dir, `p${n++}.csv`);
      fs.writeFileSync(file, bytes);
      // A quote the delimiter detected makes malformed (`"";""` split by commas) is refused by both, with the same line.
      let whole: CellValue[][] | Error;
      try {
        whole = parseCsv(decodeText(bytes));
      } catch (error) {
        whole = error as Error;
      }
      if (whole instanceof Error) await expect(streamed(file, chunkBytes)).rejects.toThrow(whole.message);
      else expect(await streamed(file, chunkBytes)).toEqual(whole);
    }),
    { numRuns: 300 },
  );
});

test("a file longer than one piece (tens of thousands of rows) reads the same", async () => {
  const lines = ["Ref,Title,End"];
  for (let i = 0; i < 30_000; i++) lines.push(`C-${i},"Lot ${i}, ""north""\r\nline two",${(i % 28) + 1}/03/2025`);
  const file = path.join(dir, "long.csv");
  fs.writeFileSync(file, lines.join("\r\n"));
  expect(await streamed(file, 65536)).toEqual(parseCsv(decodeText(fs.readFileSync(file))));
});

test("a quote never closed is reported with the line it opens on, as the whole-file reader reports it", async () => {
  const file = path.join(dir, "broken.csv");
  const rows = ["Ref,Title", ...Array.from({ length: 5000 }, (_, i) => `C-${i},Lot ${i}`), 'C-x,"never closed', "C-y,after"];
  fs.writeFileSync(file, rows.join("\n"));
  const whole = (() => {
    try {
      parseCsv(decodeText(fs.readFileSync(file)));
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  })();
  expect(whole).toMatch(/^line 5002 /);
  await expect(streamed(file, 1024)).rejects.toThrow(whole);
});

test("a file that is not UTF-8 past its first piece is read as Windows-1252 throughout, as the whole-file reader reads it", async () => {
  const file = path.join(dir, "late-1252.csv");
  const text = ["Ref,Supplier", ...Array.from({ length: 3000 }, (_, i) => `C-${i},Plain ${i}`), "C-z,Caf\u00e9 \u2013 \u20ac5"].join("\r\n");
  fs.writeFileSync(file, iconv.encode(text, "windows-1252"));
  const rows = await streamed(file, 4096);
  expect(rows.at(-1)).toEqual(["C-z", "Café – €5"]);
  expect(rows).toEqual(parseCsv(decodeText(fs.readFileSync(file))));
});
