/** Excel.Worksheet and Excel.WorksheetCollection. */
import type { FakeRequestContext } from "./context";
import { MAX_COLUMNS, MAX_ROWS, parseA1 } from "./cells";
import { invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound, notModelled } from "./errors";
import { SheetModel, WorkbookModel, isValidSheetName } from "./model";
import { FakeCollection, FakeProxy } from "./proxy";
import { FakeRange, checkedRect } from "./range";
import { FakeTableCollection } from "./table";
import { FakeChartCollection } from "./chart";
import { FakeNoteCollection } from "./notes";

export class FakeWorksheet extends FakeProxy<SheetModel> {
  private tablesProxy?: FakeTableCollection;
  private chartsProxy?: FakeChartCollection;
  private notesProxy?: FakeNoteCollection;

  constructor(context: FakeRequestContext, locate: () => SheetModel | null, binding: "eager" | "lazy" | { bound: SheetModel }) {
    super(context, locate, binding, "Worksheet");
  }

  get name(): string {
    return this.read("name");
  }

  get id(): string {
    return this.read("id");
  }

  set name(name: string) {
    this.queue("rename", name, (sheet) => {
      if (!isValidSheetName(name)) throw invalidArgument(`sheet name "${name}"`);
      const other = this.context.model.sheet(name);
      if (other !== null && other !== sheet) throw itemAlreadyExists(`sheet "${name}"`);
      sheet.name = name;
    });
  }

  get position(): number {
    return this.read("position");
  }

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.context, () => {
      const sheet = this.resolve();
      return sheet === null ? null : { model: this.context.model, sheet };
    }));
  }

  /** The sheet's notes (ExcelApi 1.18). */
  get notes(): FakeNoteCollection {
    return (this.notesProxy ??= new FakeNoteCollection(this.context, () => this.resolve()));
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, () => this.resolve()));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const rect = parseA1(address);
      if (rect === null) throw invalidArgument(`address "${address}"`);
      return { sheet, rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      return sheet === null ? null : { sheet, rect: checkedRect({ row: startRow, column: startColumn, rowCount, columnCount }, "getRangeByIndexes") };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      const rect = sheet?.usedRect(valuesOnly) ?? null;
      return sheet === null || rect === null ? null : { sheet, rect };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      return sheet === null ? null : { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }

  activate(): void {
    this.queue("activate", null, (sheet) => (this.context.model.activeSheet = sheet));
  }

  delete(): void {
    this.queue("delete", null, (sheet) => {
      const model = this.context.model;
      if (model.sheets.length === 1) throw invalidOperation("A workbook must keep at least one visible sheet");
      sheet.deleted = true;
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      for (const table of model.tables.filter((t) => t.sheet === sheet)) {
        table.deleted = true;
        model.tables.splice(model.tables.indexOf(table), 1);
      }
      if (model.activeSheet === sheet) model.activeSheet = model.sheets[0];
    });
  }

  protected scalar(name: string, sheet: SheetModel): unknown {
    if (name === "name") return sheet.name;
    if (name === "position") return this.context.model.sheets.indexOf(sheet);
    if (name === "id") return sheet.id;
    if (name === "visibility") return "Visible";
    throw notModelled(`Worksheet.${name}`);
  }
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, SheetModel, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model, "lazy", "WorksheetCollection");
  }

  protected itemsOf(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }

  protected wrap(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheet, { bound: sheet });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.queue("add", name ?? null, (model) => {
      let sheetName = name;
      for (let n = model.sheets.length + 1; sheetName === undefined; n++) if (model.sheet(`Sheet${n}`) === null) sheetName = `Sheet${n}`;
      if (!isValidSheetName(sheetName)) throw invalidArgument(`sheet name "${sheetName}"`);
      if (model.sheet(sheetName) !== null) throw itemAlreadyExists(`sheet "${sheetName}"`);
      created = new SheetModel(sheetName);
      model.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created, "eager");
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const sheet = this.context.model.sheet(name);
        if (sheet === null) throw itemNotFound(`sheet "${name}"`);
        return sheet;
      },
      "eager",
    );
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(name), "eager");
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.activeSheet ?? this.context.model.sheets[0] ?? null, "eager");
  }
}
