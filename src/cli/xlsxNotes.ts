// Notes on cells (what Excel calls a note, and older Excel a comment) as the .xlsx format stores
// them: the text in a comments part (ECMA-376 Part 1 §18.7), and the box Excel draws for each in a
// legacy VML drawing part, without which Excel shows no note (LibreOffice reads the text alone).
import { columnLetters } from "../core/cellRefs";
import { xmlText, xstringText } from "./xlsxPackage";

/** A note on one cell of a sheet; row and column are 0-based. `author`: who wrote it (a register's own notes keep theirs; the tracker's are the product's). */
export interface SheetNote {
  row: number;
  column: number;
  text: string;
  author?: string;
}

const PRODUCT_AUTHOR = "Contract tracker";

export const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
export const COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const VML_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/** The comments part of a sheet's notes. @example commentsXml([{ row: 0, column: 10, text: "…" }]) → '<?xml …><comments …><comment ref="K1" …' */
export function commentsXml(notes: readonly SheetNote[]): string {
  const authors: string[] = [];
  const authorId = (author: string): number => {
    const id = authors.indexOf(author);
    return id >= 0 ? id : authors.push(author) - 1;
  };
  // Excel lists a sheet's notes in cell order (row by row); a reader may expect it.
  const ordered = [...notes].sort((a, b) => a.row - b.row || a.column - b.column);
  const list = ordered
    .map((n) => `<comment ref="${columnLetters(n.column)}${n.row + 1}" authorId="${authorId(n.author ?? PRODUCT_AUTHOR)}"><text><r><t xml:space="preserve">${xstringText(n.text)}</t></r></text></comment>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>${authors.map((a) => `<author>${xmlText(a)}</author>`).join("")}</authors><commentList>${list}</commentList></comments>`;
}

/**
 * The VML drawing of a sheet's notes: one hidden box a note, shown when the pointer rests on its
 * cell. `sheetIndex` (1-based) keeps each sheet's shape ids apart, as Excel numbers them (1024 a sheet).
 */
export function notesVml(notes: readonly SheetNote[], sheetIndex: number): string {
  const shapes = notes
    .map((n, i) => {
      // Four columns wide and eight rows high beside the cell: room for a few lines of text.
      const anchor = `${n.column + 1}, 15, ${n.row}, 2, ${n.column + 5}, 15, ${n.row + 8}, 16`;
      return (
        `<v:shape id="_x0000_s${sheetIndex * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:300pt;height:120pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.column}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetIndex}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `${shapes}</xml>`
  );
}
