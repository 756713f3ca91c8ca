import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PartWriter, xmlText, zipPackage } from "../../src/cli/xlsxPackage";
import { xlsxParts } from "../helpers/xlsxParts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-zip-"));

test("a part written in many compressed pieces unzips to exactly what was written", async () => {
  const writer = new PartWriter(64); // tiny pieces: dozens of sync-flushed deflate blocks
  let expected = "";
  for (let i = 0; i < 500; i++) {
    const text = `<row r="${i}">Café £${i} — ${"x".repeat(i % 97)}</row>`;
    writer.write(text);
    expected += text;
  }
  const file = path.join(dir, "pieces.zip");
  fs.writeFileSync(file, zipPackage([{ name: "big.xml", data: await writer.finish() }, { name: "small.xml", data: Buffer.from("<a/>") }]));
  const parts = xlsxParts(file);
  expect(parts.get("big.xml")).toBe(expected);
  expect(parts.get("small.xml")).toBe("<a/>");
});

test("an empty part is still a valid entry", async () => {
  const file = path.join(dir, "empty.zip");
  fs.writeFileSync(file, zipPackage([{ name: "empty.xml", data: await new PartWriter().finish() }]));
  expect(xlsxParts(file).get("empty.xml")).toBe("");
});

test("xmlText escapes markup and drops characters XML cannot hold", () => {
  expect(xmlText('<img src=x onerror="alert(1)"> & co')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
  expect(xmlText("bell\u0007 tab\t")).toBe("bell tab\t");
  expect(xmlText("plain text")).toBe("plain text");
});
