/** Excel.RangeAreas: the user's selection of one or more blocks (Ctrl+click) on the sheet in view. */
import type { FakeRequestContext } from "./context";
import { Rect, formatA1, quoteSheet } from "./cells";
import { notModelled } from "./errors";
import type { SheetModel } from "./model";
import { FakeCollection, FakeProxy } from "./proxy";
import { FakeRange, RangeTarget } from "./range";
import { FakeWorksheet } from "./worksheet";

export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  readonly areas: FakeRangeCollection;
  private sheetProxy?: FakeWorksheet;

  constructor(context: FakeRequestContext, locate: () => AreasTarget | null) {
    super(context, locate, "eager", "RangeAreas");
    this.areas = new FakeRangeCollection(context, () => this.resolve());
  }

  get worksheet(): FakeWorksheet {
    return (this.sheetProxy ??= new FakeWorksheet(this.context, () => this.resolve()?.sheet ?? null, "lazy"));
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }

  protected override navigate(name: string): FakeProxy<unknown> {
    if (name === "areas") return this.areas as FakeProxy<unknown>;
    if (name === "worksheet") return this.worksheet as FakeProxy<unknown>;
    return super.navigate(name);
  }

  protected scalar(name: string, { sheet, rects }: AreasTarget): unknown {
    if (name === "address") return rects.map((rect) => `${quoteSheet(sheet.name)}!${formatA1(rect)}`).join(",");
    if (name === "areaCount") return rects.length;
    throw notModelled(`RangeAreas.${name}`);
  }
}

export class FakeRangeCollection extends FakeCollection<AreasTarget, RangeTarget, FakeRange> {
  constructor(context: FakeRequestContext, locate: () => AreasTarget | null) {
    super(context, locate, "lazy", "RangeCollection");
  }

  protected itemsOf({ sheet, rects }: AreasTarget): RangeTarget[] {
    return rects.map((rect) => ({ sheet, rect: { ...rect } }));
  }

  protected wrap(item: RangeTarget): FakeRange {
    return new FakeRange(this.context, () => item, { bound: item });
  }
}
