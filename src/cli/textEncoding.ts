import { isUtf8 } from "buffer";
import * as iconv from "iconv-lite";

/** The text encodings a register saved by Excel or an export tool comes in. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

// How many leading bytes decide a BOM-less UTF-16 file: enough lines to see its pattern.
const SNIFF_BYTES = 4096;

/**
 * The encoding of a text file's bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE as Excel's
 * "Unicode Text" saves it); without one, UTF-16 is recognised by its NUL bytes (text of mostly
 * Latin characters has a NUL in every other byte), then bytes that are valid UTF-8 are UTF-8, and
 * anything else is Windows-1252, what Excel on Windows saves as "CSV". Only the first 4 KB are
 * looked at for UTF-16, so a stream can be decided from its first chunk.
 * @example detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])) → "utf-16le"; detectEncoding(Buffer.from("£", "latin1")) → "windows-1252"
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const utf16 = utf16ByNuls(bytes.subarray(0, SNIFF_BYTES));
  if (utf16) return utf16;
  return isUtf8(bytes) ? "utf-8" : "windows-1252";
}

// UTF-16 text of Latin letters, digits and delimiters has its NULs all on one side of each pair;
// binary data has NULs scattered on both sides, and 8-bit text has none.
function utf16ByNuls(sample: Uint8Array): TextEncoding | null {
  let even = 0;
  let odd = 0;
  const pairs = sample.length >> 1;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (pairs === 0) return null;
  if (odd * 4 >= pairs && even * 20 <= odd) return "utf-16le";
  if (even * 4 >= pairs && odd * 20 <= even) return "utf-16be";
  return null;
}

/**
 * A text file's bytes as a string, in the encoding detectEncoding finds, without its byte-order
 * mark. Windows-1252 is decoded by iconv-lite, which maps every byte 0x80–0x9F to its character
 * (`€ ‘ ’ “ ” – — … ™`); the five bytes that code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
 * become U+FFFD, visible rather than an invisible control character.
 * @example decodeText(Buffer.from([0x80, 0x31])) → "€1"
 */
export function decodeText(bytes: Buffer): string {
  const encoding = detectEncoding(bytes);
  // iconv-lite drops the byte-order mark of every encoding it decodes.
  return encoding === "utf-8" && bytes[0] !== 0xef ? bytes.toString("utf8") : iconv.decode(bytes, encoding);
}

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000E-\u001F]/g;

/**
 * Whether decoded text is text at all: a spreadsheet, image or other binary file renamed .csv
 * decodes to NULs and control characters, which no register holds (tabs, line breaks, form feeds
 * and a DOS end-of-file mark aside): text is refused when over 1 character in 100 is one (random
 * bytes decoded as Windows-1252 give about 9 in 100). Looks at the first 64 K characters.
 * @example isText("Ref,End\r\nC1,31/03/2025") → true; isText("PK\u0003\u0004\u0014\u0000") → false
 */
export function isText(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.includes("\u0000")) return false;
  const controls = (sample.endsWith("\u001a") ? sample.slice(0, -1) : sample).match(CONTROL)?.length ?? 0;
  return controls === 0 || controls * 100 < sample.length;
}
