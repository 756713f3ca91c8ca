// The little XML an .xlsx part needs read: attributes of a start tag, element text with its
// entities, and the `_xHHHH_` escapes Excel writes for characters XML cannot hold. A scan over the
// part's text instead of an XML library: the parts are machine-written, and exceljs's SAX
// parsing was what made reading a 100,000-row register take 24 s.

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ESCAPED = /_x([0-9a-f]{4})_/gi;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}

/**
 * Element or attribute text as an XML parser gives it: line breaks written `\r\n` or `\r` are `\n`
 * (XML 1.0 §2.11, so a cell's line break is what Excel holds), then entities decoded (so `&#13;`
 * stays a carriage return).
 * @example xmlDecode("Fish &amp; Chips &#8364;5") → "Fish & Chips €5"
 */
export function xmlDecode(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(Number(dec)) : (NAMED[(name ?? "").toLowerCase()] ?? ""),
  );
}

/**
 * A cell's text as Excel shows it: entities decoded, then Excel's `_xHHHH_` escapes (ECMA-376
 * ST_Xstring: `_x000D_` is a carriage return, `_x005F_` a literal underscore) turned into characters.
 * @example cellText("Line 1_x000D__x000A_Line 2") → "Line 1\r\nLine 2"
 */
export function cellText(raw: string): string {
  const text = xmlDecode(raw);
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();

/**
 * One attribute of a start tag's attribute text (`r="A1" s="3"`), decoded; undefined when absent.
 * Either quote style is read; a namespace prefix is part of the name (`r:id`).
 * @example attribute(' r="B2" t="s"', "t") → "s"
 */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  return m ? xmlDecode(m[1] ?? m[2] ?? "") : undefined;
}

/**
 * Every element of a local name (any namespace prefix) in a part: its attribute text and inner XML
 * (empty for a self-closing element). Not for elements that nest inside themselves.
 * @example elements('<sheets><sheet name="A" r:id="rId1"/></sheets>', "sheet") → [{ attributes: ' name="A" r:id="rId1"', inner: "" }]
 */
export function elements(xml: string, localName: string): { attributes: string; inner: string }[] {
  const out: { attributes: string; inner: string }[] = [];
  const pattern = new RegExp(`<((?:[\\w.-]+:)?${localName})(?=[\\s/>])([^>]*?)(/?)>`, "g");
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml))) {
    if (m[3] === "/") {
      out.push({ attributes: m[2], inner: "" });
      continue;
    }
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, pattern.lastIndex);
    const stop = end < 0 ? xml.length : end;
    out.push({ attributes: m[2], inner: xml.slice(pattern.lastIndex, stop) });
    pattern.lastIndex = end < 0 ? xml.length : end + close.length;
  }
  return out;
}

const PHONETIC = /<((?:[\w.-]+:)?rPh)\b[^>]*>[\s\S]*?<\/\1>/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)</g;

/**
 * The text of a string item (`<si>` or `<is>`): plain `<t>` or the runs of rich text joined, without
 * the phonetic reading (`<rPh>`) Excel does not show in the cell.
 * @example stringItemText("<r><t>Fish </t></r><r><rPr><b/></rPr><t>&amp; Chips</t></r>") → "Fish & Chips"
 */
export function stringItemText(inner: string): string {
  const xml = inner.includes("rPh") ? inner.replace(PHONETIC, "") : inner;
  let text = "";
  TEXT_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT_RUN.exec(xml))) text += m[1];
  return cellText(text);
}

const isNameEnd = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2f || byte === 0x3e;
const isPrefixByte = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d;

/**
 * Where the last start tag of an element of `localName` (any namespace prefix) begins in a part's
 * UTF-8 bytes, or -1. Markup's "<" never appears in text or attribute values (it is `&lt;` there),
 * so a name right after "<" (or "<prefix:") is a tag; and "<" is one byte, so no character is cut there.
 * @example lastElementStart(Buffer.from('<row r="1"/><x:row r="2">'), "row") → 12
 */
export function lastElementStart(xml: Buffer, localName: string): number {
  for (let i = xml.lastIndexOf(localName, undefined, "latin1"); i > 0; i = i > 1 ? xml.lastIndexOf(localName, i - 1, "latin1") : -1) {
    const after = i + localName.length;
    if (after < xml.length && !isNameEnd(xml[after])) continue;
    let start = i - 1;
    if (xml[start] === 0x3a /* : */) {
      start--;
      while (start >= 0 && isPrefixByte(xml[start])) start--;
    }
    if (start >= 0 && xml[start] === 0x3c /* < */ && xml[start + 1] !== 0x2f /* / */) return start;
  }
  return -1;
}

/**
 * A part's UTF-8 bytes fed a piece at a time (as they inflate), handed on as text in windows that
 * each end where an element of `localName` begins, so no such element (a row, a string item) is cut
 * between windows and a part of gigabytes passes through without being one string. Bytes that hold
 * no such element past `maxBytes` are refused: no row of a real sheet is near that size.
 * @example const w = new ElementWindows("row", read, tooLong); w.push(piece1); w.push(piece2); w.finish()
 */
export class ElementWindows {
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly localName: string,
    private readonly onWindow: (xml: string) => void,
    private readonly tooLong: (bytes: number) => Error,
    private readonly maxBytes = 256 * 1024 * 1024,
  ) {}

  push(piece: Uint8Array): void {
    const bytes = this.carry.length ? Buffer.concat([this.carry, piece]) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const cut = lastElementStart(bytes, this.localName);
    if (cut <= 0) {
      if (bytes.length > this.maxBytes) throw this.tooLong(this.maxBytes);
      this.carry = bytes;
      return;
    }
    this.carry = Buffer.from(bytes.subarray(cut));
    this.onWindow(bytes.toString("utf8", 0, cut));
  }

  finish(): void {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    if (rest.length) this.onWindow(rest.toString("utf8"));
  }
}

/**
 * A string that does not keep the text it was cut from alive. V8 makes a substring of 13 or more
 * characters a view into its parent, so a cell's text cut from a megabyte window of sheet XML would
 * hold the whole window: a million-row sheet's every window, a gigabyte, for a few bytes a cell.
 * Copying through a joined string makes the parent the cell's own text.
 * @example ownString(window.slice(10, 40)) // keeps 30 characters, not the window
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
