import { decodeText, detectEncoding, isText } from "../../src/cli/textEncoding";

// Windows-1252's characters for 0x80–0x9F (Unicode's published mapping table, cp1252.txt); the five
// bytes it leaves undefined become U+FFFD, visible, never an invisible control character.
const CP1252: Readonly<Record<number, string>> = {
  0x80: "€", 0x81: "\ufffd", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡",
  0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ", 0x8d: "\ufffd", 0x8e: "Ž", 0x8f: "\ufffd",
  0x90: "\ufffd", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9d: "\ufffd", 0x9e: "ž", 0x9f: "Ÿ",
};

const utf16be = (text: string): Buffer => Buffer.from(text, "utf16le").swap16();
const line = "Ref\tSupplier\tEnd date\r\nC-1\tCafé Ltd — “Nord”\t31/03/2025\r\n";

describe("Windows-1252, what Excel on Windows saves as CSV", () => {
  test.each(Object.entries(CP1252).map(([byte, char]) => [Number(byte).toString(16), Number(byte), char]))("byte 0x%s is %p", (_, byte, char) => {
    const bytes = Buffer.concat([Buffer.from("Title,Value\r\nFee "), Buffer.from([byte as number]), Buffer.from("1,500 caf\xe9 \xa3", "latin1")]);
    expect(detectEncoding(bytes)).toBe("windows-1252");
    expect(decodeText(bytes)).toBe(`Title,Value\r\nFee ${char as string}1,500 café £`);
  });
  test("all 32 bytes in one file: no control character comes out", () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const text = decodeText(bytes);
    expect(text).toBe(Object.values(CP1252).join(""));
    expect(/[\u0080-\u009f]/.test(text)).toBe(false);
  });
});

describe("Unicode", () => {
  test.each([
    ["UTF-8", Buffer.from(line, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line, "utf8")]), "utf-8"],
    ["UTF-16 LE with BOM (Excel's Unicode Text)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, "utf16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(line)]), "utf-16be"],
    ["UTF-16 LE without BOM", Buffer.from(line, "utf16le"), "utf-16le"],
    ["UTF-16 BE without BOM", utf16be(line), "utf-16be"],
  ])("%s", (_, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(decodeText(bytes)).toBe(line);
  });
  test("UTF-16 of a non-Latin script is still found by the NULs of its delimiters and digits", () => {
    const greek = "Κωδικός\tΠρομηθευτής\tΛήξη\r\nΣ-1\tΑλφα ΑΕ\t31/03/2025\r\n".repeat(3);
    expect(decodeText(Buffer.from(greek, "utf16le"))).toBe(greek);
  });
});

describe("binary data is not text", () => {
  // A fixed pseudo-random sequence: the same "junk" on every run.
  const junk = (length: number, noNul: boolean): Buffer => {
    let seed = 12345;
    return Buffer.from(Array.from({ length }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const byte = seed >> 16 & 0xff;
      return noNul && byte === 0 ? 1 : byte;
    }));
  };
  test.each([
    ["random bytes", junk(5000, false)],
    ["random bytes with no NUL", junk(5000, true)],
    ["a zip header", Buffer.from("504b0304140000000800", "hex")],
  ])("%s", (_, bytes) => {
    expect(isText(decodeText(bytes))).toBe(false);
  });
  test("text with a stray control character or a DOS end-of-file mark is still text", () => {
    expect(isText(`${"Ref,Title\r\n".repeat(20)}C1,Bad\u0007bell\r\n\u001a`)).toBe(true);
  });
});
