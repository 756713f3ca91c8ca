// Cell text as the file format holds it (ST_Xstring) comes back exactly as written: text that looks
// like Excel's `_xHHHH_` escapes stays literal, control characters XML cannot carry and carriage
// returns (which XML reads as line feeds) are escaped, emoji pass through.
import { xstringText } from "../../src/cli/xlsxPackage";
import { cellText } from "../../src/cli/xmlText";

// Pieces that combine into every awkward case: escape look-alikes next to each other, underscores,
// control characters, CR/LF/tab, XML markup, surrogate halves alone and paired.
const PIECES = ["_", "x", "0041", "_x0041_", "_x005F_", "_X00aF_", "\u0001", "\u000B", "\u001F", "\r", "\n", "\t", "\r\n", "&", "<", '"', "😀", "\uD83D", "\uDE00", "\uFFFE", "a"];

/** A deterministic run of pseudo-random strings (no test depends on chance). */
function* strings(count: number): Generator<string> {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let k = next(12); k >= 0; k--) text += PIECES[next(PIECES.length)];
    yield text;
  }
}

test("every text written as a cell's xstring reads back as it was, whatever escapes it resembles", () => {
  for (const text of strings(20000)) {
    const written = xstringText(text);
    // What a file holds is well-formed XML text: no raw control characters but tab and line feed, no lone surrogates, no CR.
    // eslint-disable-next-line no-control-regex
    expect(written).not.toMatch(/[\u0000-\u0008\u000B-\u001F<]|&(?!amp;|lt;|gt;|quot;)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(cellText(written)).toBe(text);
  }
});

test("the escapes Excel itself writes", () => {
  // Both look-alikes escaped: escaping only the first would read back as "_x0041B".
  expect(xstringText("_x0041_x0042_")).toBe("_x005F_x0041_x005F_x0042_");
  expect(xstringText("a\r\nb")).toBe("a_x000D_\nb");
  expect(xstringText("bell\u0007")).toBe("bell_x0007_");
  expect(xstringText("plain £ text 😀")).toBe("plain £ text 😀");
  // A table column's name also escapes its line breaks.
  expect(xstringText("Line\nbreak", true)).toBe("Line_x000A_break");
});
