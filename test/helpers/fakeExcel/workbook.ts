/** Excel.Workbook and its workbook-wide parts: names, settings, the application (calculation) and the selection. */
import type { FakeRequestContext } from "./context";
import { Rect, formatA1, quoteSheet } from "./cells";
import { FakeOfficeError, invalidArgument, itemAlreadyExists, itemNotFound, notModelled } from "./errors";
import { NamedItemModel, SheetModel, WorkbookModel, isValidName } from "./model";
import { FakeEventHandlers } from "./events";
import { FakeCollection, FakeProxy } from "./proxy";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./rangeAreas";
import { FakeTableCollection } from "./table";
import { FakeWorksheetCollection } from "./worksheet";
import { FakeCommentCollection } from "./notes";

export class FakeWorkbook extends FakeProxy<WorkbookModel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;
  /** Threaded comments (ExcelApi 1.10). */
  readonly comments: FakeCommentCollection;
  /** Occurs when the selection changes (ExcelApi 1.2); its arguments hold the handler's own workbook. */
  readonly onSelectionChanged: FakeEventHandlers<{ workbook: unknown }>;

  constructor(context: FakeRequestContext) {
    super(context, () => context.model, "lazy", "Workbook");
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => ({ model: context.model }));
    this.names = new FakeNamedItemCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.application = new FakeApplication(context);
    this.comments = new FakeCommentCollection(context);
    this.onSelectionChanged = new FakeEventHandlers(context, () => context.model.selectionChanged, "Workbook.onSelectionChanged");
  }

  private selection(): { sheet: SheetModel; rects: Rect[] } | null {
    const sheet = this.context.model.activeSheet ?? this.context.model.sheets[0] ?? null;
    return sheet === null ? null : { sheet, rects: sheet.selection.map((rect) => ({ ...rect })) };
  }

  /** The selected block on the sheet in view; Excel refuses when several blocks are selected. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const selected = this.selection();
      if (selected === null) return null;
      if (selected.rects.length > 1) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: selected.sheet, rect: selected.rects[0] };
    });
  }

  /**
   * The cell the cursor is on (ExcelApi 1.7): here the top-left cell of the last block selected,
   * as Excel has it after `range.select()` or a selection dragged or Ctrl+clicked from its top-left.
   */
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const selected = this.selection();
      const last = selected?.rects[selected.rects.length - 1];
      if (!selected || !last) return null;
      return { sheet: selected.sheet, rect: { row: last.row, column: last.column, rowCount: 1, columnCount: 1 } };
    });
  }

  /** Every selected block on the sheet in view. */
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => this.selection());
  }

  protected scalar(name: string): unknown {
    throw notModelled(`Workbook.${name}`);
  }
}

const CALCULATION_TYPES = ["Recalculate", "Full", "FullRebuild"];

/** Excel.Application: recalculation. Formulas are not calculated here; each request is recorded. */
export class FakeApplication extends FakeProxy<WorkbookModel> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model, "lazy", "Application");
  }

  calculate(calculationType: string): void {
    this.queue("calculate", calculationType, (model) => {
      if (!CALCULATION_TYPES.includes(calculationType)) throw invalidArgument(`calculation type "${calculationType}"`);
      model.calculations.push(calculationType);
    });
  }

  protected scalar(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    throw notModelled(`Application.${name}`);
  }
}

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, NamedItemModel, FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model, "lazy", "NamedItemCollection");
  }

  protected itemsOf(model: WorkbookModel): NamedItemModel[] {
    return [...model.names.values()];
  }

  protected wrap(item: NamedItemModel): FakeNamedItem {
    return new FakeNamedItem(this.context, () => item, { bound: item });
  }

  add(name: string, reference: string | FakeRange, comment = ""): FakeNamedItem {
    let created: NamedItemModel | null = null;
    this.queue("add", { name, reference: typeof reference === "string" ? reference : "range", comment }, (model) => {
      if (!isValidName(name)) throw invalidArgument(`"${name}" is not a valid name`);
      if (model.nameTaken(name)) throw itemAlreadyExists(`name "${name}"`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const target = reference.resolve();
        if (target === null) throw invalidArgument("names.add with a null range");
        formula = `=${quoteSheet(target.sheet.name)}!${formatA1(target.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      }
      created = { name, formula, visible: true, comment };
      model.names.set(name.toLowerCase(), created);
    });
    return new FakeNamedItem(this.context, () => created, "eager");
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      () => {
        const item = this.context.model.names.get(name.toLowerCase());
        if (item === undefined) throw itemNotFound(`name "${name}"`);
        return item;
      },
      "eager",
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.context.model.names.get(name.toLowerCase()) ?? null, "eager");
  }
}

export class FakeNamedItem extends FakeProxy<NamedItemModel> {
  constructor(context: FakeRequestContext, locate: () => NamedItemModel | null, binding: "eager" | { bound: NamedItemModel }) {
    super(context, locate, binding, "NamedItem");
  }

  get name(): string {
    return this.read("name");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.queue("set formula", formula, (item) => {
      if (typeof formula !== "string" || formula === "") throw invalidArgument("formula");
      item.formula = formula.startsWith("=") ? formula : `=${formula}`;
    });
  }

  delete(): void {
    this.queue("delete", null, (item) => this.context.model.names.delete(item.name.toLowerCase()));
  }

  protected scalar(name: string, item: NamedItemModel): unknown {
    if (name === "name" || name === "formula" || name === "visible" || name === "comment") return item[name];
    if (name === "type") return "String";
    throw notModelled(`NamedItem.${name}`);
  }
}

/** A setting: its key and its value as stored (JSON). */
export interface SettingRef {
  key: string;
}

export class FakeSettingCollection extends FakeCollection<WorkbookModel, SettingRef, FakeSetting> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model, "lazy", "SettingCollection");
  }

  protected itemsOf(model: WorkbookModel): SettingRef[] {
    return [...model.settings.keys()].map((key) => ({ key }));
  }

  protected wrap(item: SettingRef): FakeSetting {
    return new FakeSetting(this.context, () => item, { bound: item });
  }

  /** Sets or adds a setting (Excel.SettingCollection.add replaces an existing key). */
  add(key: string, value: unknown): FakeSetting {
    this.queue("add", { key, value }, (model) => {
      if (typeof key !== "string" || key === "") throw invalidArgument("setting key");
      model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    });
    return new FakeSetting(this.context, () => (this.context.model.settings.has(key) ? { key } : null), "eager");
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => {
        if (!this.context.model.settings.has(key)) throw itemNotFound(`setting "${key}"`);
        return { key };
      },
      "eager",
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, () => (this.context.model.settings.has(key) ? { key } : null), "eager");
  }
}

export class FakeSetting extends FakeProxy<SettingRef> {
  constructor(context: FakeRequestContext, locate: () => SettingRef | null, binding: "eager" | { bound: SettingRef }) {
    super(context, locate, binding, "Setting");
  }

  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(value: unknown) {
    this.queue("set value", value, ({ key }) => this.context.model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown));
  }

  delete(): void {
    this.queue("delete", null, ({ key }) => this.context.model.settings.delete(key));
  }

  protected scalar(name: string, { key }: SettingRef): unknown {
    if (name === "key") return key;
    if (name === "value") return this.context.model.settings.get(key);
    throw notModelled(`Setting.${name}`);
  }
}
