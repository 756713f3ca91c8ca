/* eslint-disable no-control-regex -- finding control characters is what this file is for */
// What the command line prints holds a register's own text (headers, IDs, titles, sheet and file
// names). A terminal acts on control characters in it: ESC [ … sequences recolour or move the
// cursor, OSC sequences retitle the window or plant hyperlinks, a carriage return or backspace
// overprints what was printed before. None of that may come from a cell.

// ECMA-48 §5.4 and §8.3: a control sequence is CSI (ESC [ or C1 0x9B), parameter bytes 0x30–0x3F,
// intermediate bytes 0x20–0x2F and one final byte 0x40–0x7E.
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// Command strings (OSC, DCS, SOS, PM, APC: ESC ] P X ^ _, or C1 0x9D 0x90 0x98 0x9E 0x9F) run to
// ST (ESC \ or 0x9C); xterm also ends OSC at BEL. An unterminated one runs to the end of the text.
const STRING = /(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u009c\u001b]*(?:\u0007|\u009c|\u001b\\)?/g;
// Any other escape: ESC, intermediate bytes, one final byte (ESC c resets the terminal).
const ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// What is left of C0 (all but tab and line feed), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text made safe to print on a terminal: escape sequences removed whole, other control characters
 * removed; tab and line feed (which the command line's own layout uses) kept.
 * @example terminalText("C-1\u001b[31m red\u001b[0m\r") → "C-1 red"
 * @example terminalText("\u001b]0;pwned\u0007Title") → "Title"
 */
export function terminalText(text: string): string {
  return text.replace(STRING, "").replace(CSI, "").replace(ESCAPE, "").replace(CONTROL, "");
}

/**
 * JSON text made safe to print on a terminal with its values unchanged: JSON.stringify already
 * writes C0 controls as \u escapes; DEL, C1 controls and the Unicode line and paragraph separators
 * are written so too (they are valid JSON either way, and read back as the same characters).
 * @example terminalJson(JSON.stringify({ title: "a\u009b31mb" })) → '{"title":"a\\u009b31mb"}'
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A line of the command line's own layout that holds cell text kept on its line: line breaks of any
 * kind (CR, LF, vertical tab, form feed, NEL, line and paragraph separators) become spaces, so a
 * cell's text cannot start a line of its own making.
 * @example oneLine('Row 3, Title: "a\r\nRow 4, fake"') → 'Row 3, Title: "a Row 4, fake"'
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, " ");
}
