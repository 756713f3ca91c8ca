// A sheet part longer than any string V8 can hold (about 536 million characters) reads all the same:
// a 100,000-row tracker in Excel's own formulas is a sheet of some 740 MB, and `summary` or `check`
// on it stopped with "Cannot create a string longer than 0x1fffffe8 characters".
import { openXlsx, readXlsx } from "../../src/cli/xlsxRead";
import { INFLATE_LIMITS } from "../../src/cli/zipArchive";
import { zipPackage } from "../../src/cli/xlsxPackage";

const CELL_TEXT = 100_000;
const ROWS = 5_500; // 5,500 rows of 100,000 bytes: about 549 million characters, past the limit
// Every 100th row's text is "é", two bytes a character.
const charOf = (r: number): string => (r % 100 === 0 ? "é" : "x");

let built: Buffer | undefined;
/** The bytes of a one-sheet package whose sheet part is built as bytes (no string could hold it), built once for both tests. */
function largePackage(): Buffer {
  return (built ??= buildLargePackage());
}

function buildLargePackage(): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from("</sheetData></worksheet>");
  const rowOf = (r: number): [Buffer, Buffer] => [Buffer.from(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>`), Buffer.from("</t></is></c></row>")];
  const [open] = rowOf(ROWS);
  const sheet = Buffer.alloc(head.length + ROWS * (open.length + CELL_TEXT + 20) + tail.length);
  let at = head.copy(sheet, 0);
  for (let r = 1; r <= ROWS; r++) {
    const [start, end] = rowOf(r);
    at += start.copy(sheet, at);
    sheet.fill(charOf(r), at, at + CELL_TEXT);
    at += CELL_TEXT;
    at += end.copy(sheet, at);
  }
  at += tail.copy(sheet, at);
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
  return zipPackage([
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "_rels/.rels", data: Buffer.from(`${rels}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`${rels}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: sheet.subarray(0, at) },
  ]);
}

test("a sheet of 549 million characters reads back, every row, text of several bytes and all", () => {
  // Cells of 100,000 repeated characters (no real cell has more than 32,767) inflate some 1,000
  // times: the ratio that refuses zip bombs is raised here to reach the string limit.
  const rows = readXlsx(largePackage(), { limits: { ...INFLATE_LIMITS, maxRatio: 2000 } }).sheets.get("Big") ?? [];
  expect(rows).toHaveLength(ROWS);
  expect(rows.every((row, i) => row[0] === i + 1)).toBe(true);
  const whole = (text: unknown, ch: string): boolean => typeof text === "string" && text.length === CELL_TEXT / Buffer.byteLength(ch) && text.startsWith(ch) && text.endsWith(ch) && text.indexOf(ch === "x" ? "é" : "x") < 0 && !text.includes("\ufffd");
  expect(rows.every((row, i) => whole(row[1], charOf(i + 1)))).toBe(true);
}, 180_000);

test("read a row at a time, a sheet of 549 million characters never holds more than a few pieces of it", () => {
  const book = openXlsx(largePackage(), { limits: { ...INFLATE_LIMITS, maxRatio: 2000 } });
  const base = process.memoryUsage().heapUsed;
  let most = 0;
  let rows = 0;
  let characters = 0;
  book.readRows("Big", (index, values) => {
    rows++;
    characters += String(values[1]).length;
    if (index % 100 === 0) most = Math.max(most, process.memoryUsage().heapUsed - base);
  });
  expect({ rows, characters }).toEqual({ rows: ROWS, characters: ROWS * CELL_TEXT - (ROWS / 100) * (CELL_TEXT / 2) });
  // The whole sheet would be over 500 MB of text; a piece is about 1 MB.
  expect(most).toBeLessThan(64 * 1024 * 1024);
}, 180_000);
