import * as fs from "fs";
import * as zlib from "zlib";
import { CompressedPart, zipPackage } from "../src/cli/xlsxPackage";

// A generated register of any length as Excel writes one (shared strings, date and currency
// formats, 20 columns), its sheet compressed a piece at a time so that a million rows never make
// one string.

const HEADERS = ["Contract Ref", "Contract title", "Supplier", "Contract manager", "Department", "Tier", "Start date", "End date", "Notice period", "Extension options",
  "Annual value", "Total value", "Budget", "Spend to date", "Status", "Notes", "Category", "Procurement route", "Framework", "Postcode"];
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

class CompressedText {
  private pieces: Buffer[] = [];
  private text = "";
  private crc = 0;
  private size = 0;

  write(text: string): void {
    this.text += text;
    if (this.text.length > 1 << 20) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.from(this.text, "utf8");
    this.text = "";
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pieces.push(zlib.deflateRawSync(bytes, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  finish(): CompressedPart {
    this.flush();
    return { compressed: Buffer.concat([...this.pieces, Buffer.from([0x03, 0x00])]), crc: this.crc, size: this.size };
  }
}

const column = (c: number): string => String.fromCharCode(65 + c);

/** Writes `file`: a one-sheet register of `rows` contracts (plus the header row), 20 columns. */
export function writeRegisterXlsx(file: string, rows: number): void {
  const strings: string[] = [...HEADERS];
  const index = new Map(strings.map((s, i) => [s, i]));
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const sheet = new CompressedText();
  sheet.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`);
  sheet.write(`<row r="1">${HEADERS.map((h, c) => `<c r="${column(c)}1" t="s"><v>${shared(h)}</v></c>`).join("")}</row>`);
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const text = ["AC-" + String(i).padStart(7, "0"), `Service ${i % 5000}, lot ${i % 9}`, ["Binco Ltd", "Shine Services", "Café Provisions"][i % 3], `Officer ${i % 97}`, "Highways", ["Gold", "Silver", "Bronze"][i % 3]];
    let cells = text.map((t, c) => `<c r="${column(c)}${r}" t="s"><v>${shared(t)}</v></c>`).join("");
    cells += `<c r="G${r}" s="1"><v>${43101 + (i % 2000)}</v></c><c r="H${r}" s="1"><v>${45292 + (i % 2000)}</v></c>`;
    cells += `<c r="I${r}" t="s"><v>${shared("3 months")}</v></c><c r="J${r}" t="s"><v>${shared("1+1")}</v></c>`;
    [10000 + i * 13, 50000 + i * 51, 40000 + i * 50, 38000.5 + i].forEach((v, k) => (cells += `<c r="${column(10 + k)}${r}" s="2"><v>${v}</v></c>`));
    cells += `<c r="O${r}" t="s"><v>${shared("Live")}</v></c><c r="P${r}" t="inlineStr"><is><t>Renewal ${i % 11 === 0 ? "under review" : "not due"}</t></is></c>`;
    ["Services", "Open", "G-Cloud 14", "AB1 2CD"].forEach((t, k) => (cells += `<c r="${column(16 + k)}${r}" t="s"><v>${shared(t)}</v></c>`));
    sheet.write(`<row r="${r}">${cells}</row>`);
  }
  sheet.write("</sheetData></worksheet>");
  const sheetPart = sheet.finish();
  const sst = new CompressedText();
  sst.write(`<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`);
  for (const s of strings) sst.write(`<si><t>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></si>`);
  sst.write("</sst>");
  const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const rels = (inner: string): Buffer => Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`);
  fs.writeFileSync(
    file,
    zipPackage([
      { name: "[Content_Types].xml", data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: "_rels/.rels", data: rels(`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`) },
      { name: "xl/workbook.xml", data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: rels(`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`),
      },
      { name: "xl/worksheets/sheet1.xml", data: sheetPart },
      { name: "xl/styles.xml", data: Buffer.from(styles) },
      // After the sheet, as Excel stores it: a reader that streams the package in order meets the sheet first.
      { name: "xl/sharedStrings.xml", data: sst.finish() },
    ]),
  );
}
