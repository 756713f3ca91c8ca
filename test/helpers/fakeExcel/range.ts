/** Excel.Range: addresses, cell properties (typed input on write), and ranges found from ranges. */
import type { FakeRequestContext } from "./context";
import { MAX_COLUMNS, MAX_ROWS, Rect, formatA1, fromR1C1, quoteSheet, readTypedInput, toR1C1 } from "./cells";
import { invalidArgument, notModelled } from "./errors";
import { FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFormat } from "./formats";
import type { SheetModel } from "./model";
import { Binding, FakeProxy, cellsIn } from "./proxy";
import { FakeTableCollection } from "./table";
import { FakeWorksheet } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

type CellProperty = "values" | "formulas" | "formulasR1C1" | "numberFormat";

export function checkedRect(rect: Rect, what: string): Rect {
  const ok = rect.row >= 0 && rect.column >= 0 && rect.rowCount >= 1 && rect.columnCount >= 1 && rect.row + rect.rowCount <= MAX_ROWS && rect.column + rect.columnCount <= MAX_COLUMNS;
  if (!ok) throw invalidArgument(`${what}: ${JSON.stringify(rect)} is not a range on the sheet`);
  return rect;
}

export class FakeRange extends FakeProxy<RangeTarget> {
  private sheetProxy?: FakeWorksheet;
  private formatsProxy?: FakeConditionalFormatCollection;
  private validationProxy?: FakeDataValidation;
  private formatProxy?: FakeRangeFormat;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null, binding: Binding<RangeTarget> = "eager") {
    super(context, locate, binding, "Range");
  }

  /** A range found from this one when the call runs (a null object stays null). */
  private derive(what: string, rect: (r: Rect, target: RangeTarget) => Rect | null): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      if (target === null) return null;
      const next = rect(target.rect, target);
      return next === null ? null : { sheet: target.sheet, rect: checkedRect(next, what) };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive("getCell", (r) => ({ row: r.row + row, column: r.column + column, rowCount: 1, columnCount: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive("getResizedRange", (r) => ({ ...r, rowCount: r.rowCount + deltaRows, columnCount: r.columnCount + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive("getOffsetRange", (r) => ({ ...r, row: r.row + rowOffset, column: r.column + columnOffset }));
  }

  getRow(row: number): FakeRange {
    return this.derive("getRow", (r) => {
      if (row < 0 || row >= r.rowCount) throw invalidArgument(`getRow(${row}) of a ${r.rowCount}-row range`);
      return { ...r, row: r.row + row, rowCount: 1 };
    });
  }

  getColumn(column: number): FakeRange {
    return this.derive("getColumn", (r) => {
      if (column < 0 || column >= r.columnCount) throw invalidArgument(`getColumn(${column}) of a ${r.columnCount}-column range`);
      return { ...r, column: r.column + column, columnCount: 1 };
    });
  }

  getColumnsAfter(count = 1): FakeRange {
    return this.derive("getColumnsAfter", (r) => ({ ...r, column: r.column + r.columnCount, columnCount: count }));
  }

  getLastColumn(): FakeRange {
    return this.derive("getLastColumn", (r) => ({ ...r, column: r.column + r.columnCount - 1, columnCount: 1 }));
  }

  getLastRow(): FakeRange {
    return this.derive("getLastRow", (r) => ({ ...r, row: r.row + r.rowCount - 1, rowCount: 1 }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derive("getUsedRangeOrNullObject", (r, target) => target.sheet.usedRect(valuesOnly, r));
  }

  getTables(fullyContained = false): FakeTableCollection {
    return new FakeTableCollection(this.context, () => {
      const target = this.resolve();
      return target === null ? null : { model: this.context.model, sheet: target.sheet, rect: target.rect, fullyContained };
    });
  }

  get worksheet(): FakeWorksheet {
    return (this.sheetProxy ??= new FakeWorksheet(this.context, () => this.resolve()?.sheet ?? null, "lazy"));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.formatsProxy ??= new FakeConditionalFormatCollection(this.context, () => this.resolve()));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationProxy ??= new FakeDataValidation(this.context, () => this.resolve()));
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.resolve()));
  }

  /** Selects the range in the Excel UI: it becomes its sheet's selection, and its sheet the one in view; SelectionChanged fires. */
  select(): void {
    this.queue("select", null, ({ sheet, rect }) => {
      sheet.selection = [{ ...rect }];
      this.context.model.activeSheet = sheet;
      this.context.model.selectionChanged.fire(undefined);
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown) {
    this.write("values", input);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown) {
    this.write("formulas", input);
  }
  get formulasR1C1(): unknown[][] {
    return this.read("formulasR1C1");
  }
  set formulasR1C1(input: unknown) {
    this.write("formulasR1C1", input);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.write("numberFormat", input);
  }

  protected override navigate(name: string): FakeProxy<unknown> {
    if (name === "worksheet") return this.worksheet as FakeProxy<unknown>;
    if (name === "format") return this.format as FakeProxy<unknown>;
    return super.navigate(name);
  }

  protected scalar(name: string, { sheet, rect }: RangeTarget): unknown {
    const grid = (cell: (r: number, c: number) => unknown): unknown[][] => {
      const rows: unknown[][] = [];
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        const line: unknown[] = [];
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) line.push(cell(r, c));
        rows.push(line);
      }
      return rows;
    };
    switch (name) {
      case "address":
        return `${quoteSheet(sheet.name)}!${formatA1(rect)}`;
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "cellCount":
        return rect.rowCount * rect.columnCount;
      case "values":
        // Formulas are not calculated here: a formula cell shows its last value, blank until set.
        return grid((r, c) => sheet.value(r, c));
      case "formulas":
        return grid((r, c) => sheet.formula(r, c) ?? sheet.value(r, c));
      case "formulasR1C1":
        return grid((r, c) => {
          const formula = sheet.formula(r, c);
          return formula === undefined ? sheet.value(r, c) : toR1C1(formula, r, c);
        });
      case "numberFormat":
        return grid((r, c) => sheet.numberFormat(r, c));
      default:
        throw notModelled(`Range.${name}`);
    }
  }

  /** One value for every cell, or an array of exactly the range's shape (Excel refuses any other). */
  private write(property: CellProperty, input: unknown): void {
    this.queue(`set ${property}`, input, ({ sheet, rect }) => {
      const at = (r: number, c: number): unknown => {
        if (!Array.isArray(input)) return input;
        return (input[r] as unknown[])[c];
      };
      if (Array.isArray(input)) {
        const shapeOk = input.length === rect.rowCount && input.every((row) => Array.isArray(row) && row.length === rect.columnCount);
        if (!shapeOk) throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${formatA1(rect)}).`);
      }
      for (let r = 0; r < rect.rowCount; r++) {
        for (let c = 0; c < rect.columnCount; c++) {
          const row = rect.row + r;
          const column = rect.column + c;
          let value = at(r, c);
          if (property === "numberFormat") {
            if (value !== null && value !== undefined) sheet.setNumberFormat(row, column, String(value));
            continue;
          }
          if (property === "formulasR1C1" && typeof value === "string" && value.startsWith("=")) value = fromR1C1(value, row, column);
          applyTypedInput(sheet, row, column, value);
        }
      }
      if (property !== "numberFormat") this.context.model.cellsChanged(sheet, rect);
    }, Array.isArray(input) ? cellsIn(input) : 1);
  }
}

/** Puts typed input in a cell as Excel does: a formula, a constant, a blank, or (null) no change. */
export function applyTypedInput(sheet: SheetModel, row: number, column: number, input: unknown): void {
  const typed = readTypedInput(input);
  if (typed.kind === "keep") return;
  if (typed.kind === "blank") sheet.setContent(row, column, { value: "" });
  else if (typed.kind === "constant") sheet.setContent(row, column, { value: typed.value });
  else sheet.setContent(row, column, { value: "", formula: typed.formula });
}
