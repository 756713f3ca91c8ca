/**
 * Excel.NoteCollection on a worksheet (ExcelApi 1.18) and Excel.CommentCollection on the workbook
 * (ExcelApi 1.10): a note or a threaded comment on one cell. A host older than the set refuses the
 * call when the request runs (ApiNotFound), as Excel does whatever office.js the page loaded.
 * Adding to a cell that already has one is refused here; the adapter must not rely on replacing it.
 */
import type { FakeRequestContext } from "./context";
import { jsonBytes, parseA1, type Rect } from "./cells";
import { FakeOfficeError, invalidArgument, invalidOperation, notModelled } from "./errors";
import type { CellNoteModel, SheetModel } from "./model";
import { ACTION_BYTES, FakeProxy } from "./proxy";
import { FakeRange } from "./range";

/** Compares requirement-set versions such as "1.9" and "1.18" part by part. */
export function versionAtLeast(version: string, wanted: string): boolean {
  const [a, b] = [version, wanted].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function needApi(context: FakeRequestContext, version: string, what: string): void {
  if (!versionAtLeast(context.host.apiVersion, version)) throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what}, ExcelApi ${version})`);
}

/** The one cell a note or comment goes on: a Range of one cell, or an address. */
function oneCell(cellAddress: FakeRange | string, sheetOf: (name: string | null) => SheetModel | null): { sheet: SheetModel; rect: Rect } {
  if (typeof cellAddress !== "string") {
    const target = cellAddress.resolve();
    if (target === null) throw invalidArgument("a null range");
    if (target.rect.rowCount !== 1 || target.rect.columnCount !== 1) throw invalidArgument("the range is larger than one cell");
    return target;
  }
  const bang = cellAddress.lastIndexOf("!");
  const sheetName = bang < 0 ? null : cellAddress.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const rect = parseA1(bang < 0 ? cellAddress : cellAddress.slice(bang + 1));
  const sheet = sheetOf(sheetName);
  if (rect === null || sheet === null) throw new FakeOfficeError("InvalidCellAddress", `The cell address is invalid. (${cellAddress})`);
  if (rect.rowCount !== 1 || rect.columnCount !== 1) throw invalidArgument("the range is larger than one cell");
  return { sheet, rect };
}

const key = (rect: Rect): string => `${rect.row},${rect.column}`;

export class FakeNote extends FakeProxy<CellNoteModel> {
  constructor(context: FakeRequestContext, locate: () => CellNoteModel | null) {
    super(context, locate, "eager", "Note");
  }

  get content(): string {
    return this.read("content");
  }

  protected scalar(name: string, note: CellNoteModel): unknown {
    if (name === "content") return note.content;
    throw notModelled(`Note.${name}`);
  }
}

/** A worksheet's notes. */
export class FakeNoteCollection extends FakeProxy<SheetModel> {
  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, locate, "lazy", "NoteCollection");
  }

  add(cellAddress: FakeRange | string, content: string): void {
    this.queue("add", { cellAddress: typeof cellAddress === "string" ? cellAddress : "range", content }, (sheet) => {
      needApi(this.context, "1.18", "worksheet.notes");
      const cell = oneCell(cellAddress, (name) => (name === null ? sheet : this.context.model.sheet(name)));
      if (cell.sheet !== sheet) throw invalidArgument("the cell is on another sheet");
      if (sheet.notes.has(key(cell.rect))) throw invalidOperation("the cell already has a note");
      sheet.notes.set(key(cell.rect), { row: cell.rect.row, column: cell.rect.column, content: String(content) });
    });
  }

  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.context, () => {
      const sheet = this.resolve();
      needApi(this.context, "1.18", "worksheet.notes");
      if (sheet === null) return null;
      const cell = oneCell(address, (name) => (name === null ? sheet : this.context.model.sheet(name)));
      return cell.sheet.notes.get(key(cell.rect)) ?? null;
    });
  }

  protected scalar(name: string): unknown {
    throw notModelled(`NoteCollection.${name}`);
  }
}

/** The workbook's threaded comments. */
export class FakeCommentCollection extends FakeProxy<null> {
  constructor(context: FakeRequestContext) {
    super(context, () => null, { bound: null }, "CommentCollection");
  }

  add(cellAddress: FakeRange | string, content: string, contentType?: string): void {
    this.context.enqueue({
      label: "CommentCollection add",
      requestBytes: ACTION_BYTES + jsonBytes({ cellAddress: typeof cellAddress === "string" ? cellAddress : "range", content }),
      run: () => {
        needApi(this.context, "1.10", "workbook.comments");
        if (contentType !== undefined && contentType !== "Plain") throw notModelled(`comments of type ${contentType}`);
        // A string address must name its sheet.
        const cell = oneCell(cellAddress, (name) => (name === null ? null : this.context.model.sheet(name)));
        if (cell.sheet.comments.has(key(cell.rect))) throw invalidOperation("the cell already has a comment");
        cell.sheet.comments.set(key(cell.rect), { row: cell.rect.row, column: cell.rect.column, content: String(content) });
      },
    });
  }

  protected scalar(name: string): unknown {
    throw notModelled(`CommentCollection.${name}`);
  }
}
