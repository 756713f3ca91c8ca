/** What hangs off a range besides its cells: conditional formats and data validation. */
import type { FakeRequestContext } from "./context";
import { invalidArgument, notModelled } from "./errors";
import type { ConditionalFormatModel } from "./model";
import { FakeCollection, FakeProxy } from "./proxy";
import type { RangeTarget } from "./range";

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, ConditionalFormatModel, FakeConditionalFormat> {
  private static nextId = 1;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null) {
    super(context, locate, "lazy", "ConditionalFormatCollection");
  }

  protected itemsOf(target: RangeTarget): ConditionalFormatModel[] {
    return target.sheet.conditionalFormatsOn(target.rect);
  }

  protected wrap(item: ConditionalFormatModel): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => item, { bound: item });
  }

  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this.queue(`add ${type}`, type, (target) => {
      created = { id: FakeConditionalFormatCollection.nextId++, rect: { ...target.rect }, type };
      target.sheet.conditionalFormats.push(created);
    });
    return new FakeConditionalFormat(this.context, () => created, "eager");
  }

  clearAll(): void {
    this.queue("clearAll", null, (target) => target.sheet.clearConditionalFormats(target.rect));
  }
}

export class FakeConditionalFormat extends FakeProxy<ConditionalFormatModel> {
  private textProxy?: FakeTextConditionalFormat;

  constructor(context: FakeRequestContext, locate: () => ConditionalFormatModel | null, binding: "eager" | { bound: ConditionalFormatModel }) {
    super(context, locate, binding, "ConditionalFormat");
  }

  get textComparison(): FakeTextConditionalFormat {
    return (this.textProxy ??= new FakeTextConditionalFormat(this.context, () => {
      const model = this.resolve();
      return model !== null && model.type === "ContainsText" ? model : null;
    }));
  }

  get type(): string {
    return this.read("type");
  }

  protected scalar(name: string, model: ConditionalFormatModel): unknown {
    if (name === "type") return model.type;
    if (name === "id") return String(model.id);
    throw notModelled(`ConditionalFormat.${name}`);
  }
}

const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

export class FakeTextConditionalFormat extends FakeProxy<ConditionalFormatModel> {
  readonly format: { fill: FakeColour; font: FakeColour };

  constructor(context: FakeRequestContext, locate: () => ConditionalFormatModel | null) {
    super(context, locate, "lazy", "TextConditionalFormat");
    this.format = { fill: new FakeColour(context, () => this.resolve(), "fill"), font: new FakeColour(context, () => this.resolve(), "font") };
  }

  get rule(): { operator: string; text: string } {
    return this.read("rule");
  }

  set rule(rule: { operator: string; text: string }) {
    this.queue("set rule", rule, (model) => {
      if (!TEXT_OPERATORS.includes(rule.operator) || typeof rule.text !== "string") throw invalidArgument(`text rule ${JSON.stringify(rule)}`);
      model.rule = { operator: rule.operator, text: rule.text };
    });
  }

  protected scalar(name: string, model: ConditionalFormatModel): unknown {
    if (name === "rule") return model.rule ?? null;
    throw notModelled(`TextConditionalFormat.${name}`);
  }
}

/** `format.fill` or `format.font` of a conditional format: its colour. */
export class FakeColour extends FakeProxy<ConditionalFormatModel> {
  constructor(
    context: FakeRequestContext,
    locate: () => ConditionalFormatModel | null,
    private readonly part: "fill" | "font",
  ) {
    super(context, locate, "lazy", `ConditionalFormat ${part}`);
  }

  get color(): string {
    return this.read("color");
  }

  set color(color: string) {
    this.queue("set color", color, (model) => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalidArgument(`colour ${color}`);
      model[this.part] = color;
    });
  }

  protected scalar(name: string, model: ConditionalFormatModel): unknown {
    if (name === "color") return model[this.part] ?? null;
    throw notModelled(`${this.kind}.${name}`);
  }
}

export class FakeDataValidation extends FakeProxy<RangeTarget> {
  constructor(context: FakeRequestContext, locate: () => RangeTarget | null) {
    super(context, locate, "lazy", "DataValidation");
  }

  get rule(): unknown {
    return this.read("rule");
  }

  set rule(rule: unknown) {
    this.queue("set rule", rule, ({ sheet, rect }) => {
      const kinds = rule !== null && typeof rule === "object" ? Object.keys(rule) : [];
      if (kinds.length !== 1) throw invalidArgument("A data validation rule has exactly one kind (list, custom, wholeNumber…)");
      const list = (rule as { list?: { source?: unknown } }).list;
      if (kinds[0] === "list" && (typeof list?.source !== "string" || list.source.length > 255)) throw invalidArgument("list source");
      sheet.clearValidation(rect);
      sheet.validations.push({ rect: { ...rect }, rule: JSON.parse(JSON.stringify(rule)) as unknown });
    });
  }

  clear(): void {
    this.queue("clear", null, ({ sheet, rect }) => sheet.clearValidation(rect));
  }

  protected scalar(name: string, { sheet, rect }: RangeTarget): unknown {
    const on = sheet.validationsOn(rect);
    if (name === "rule") return on.length === 1 ? on[0].rule : {};
    if (name === "type") return on.length === 0 ? "None" : on.length === 1 ? "List" : "Inconsistent";
    throw notModelled(`DataValidation.${name}`);
  }
}

/** `range.format`: column widths and (through `font`) bold text. */
export class FakeRangeFormat extends FakeProxy<RangeTarget> {
  readonly font: FakeRangeFont;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null) {
    super(context, locate, "lazy", "RangeFormat");
    this.font = new FakeRangeFont(context, locate);
  }

  /** The width of the range's columns in points; null when they differ, as Excel reports it. */
  get columnWidth(): number | null {
    return this.read("columnWidth");
  }
  set columnWidth(points: number | null) {
    this.queue("set columnWidth", points, ({ sheet, rect }) => {
      // Excel's widest column is 255 characters, about 1,790 points.
      if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > 1790) throw invalidArgument(`column width ${String(points)}`);
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.columnWidths.set(c, points);
    });
  }

  protected override navigate(name: string): FakeProxy<unknown> {
    if (name === "font") return this.font as FakeProxy<unknown>;
    return super.navigate(name);
  }

  protected scalar(name: string, { sheet, rect }: RangeTarget): unknown {
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = rect.column; c < rect.column + rect.columnCount && widths.size < 2; c++) widths.add(sheet.columnWidth(c));
      return widths.size === 1 ? [...widths][0] : null;
    }
    throw notModelled(`RangeFormat.${name}`);
  }
}

export class FakeRangeFont extends FakeProxy<RangeTarget> {
  constructor(context: FakeRequestContext, locate: () => RangeTarget | null) {
    super(context, locate, "lazy", "RangeFont");
  }

  /** True or false for the whole range; null when some cells are bold and some not. */
  get bold(): boolean | null {
    return this.read("bold");
  }
  set bold(bold: boolean | null) {
    this.queue("set bold", bold, ({ sheet, rect }) => {
      if (typeof bold !== "boolean") throw invalidArgument(`bold ${String(bold)}`);
      sheet.setBold(rect, bold);
    });
  }

  protected scalar(name: string, { sheet, rect }: RangeTarget): unknown {
    if (name === "bold") {
      let some = false;
      let all = true;
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          if (sheet.isBold(r, c)) some = true;
          else all = false;
        }
      }
      return all ? true : some ? null : false;
    }
    throw notModelled(`RangeFont.${name}`);
  }
}
