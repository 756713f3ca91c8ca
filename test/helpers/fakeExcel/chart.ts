/**
 * Excel.Chart and what the adapter reaches through it: title, legend, series, points and their
 * fills, and placement over cells. A chart plots its source range live, as Excel does: its series
 * are worked out from the cells whenever they are asked for.
 */
import type { FakeRequestContext } from "./context";
import { Rect, Stored, formatA1, parseA1 } from "./cells";
import { invalidArgument, itemNotFound, notModelled } from "./errors";
import { CellAnchor, ChartModel, DEFAULT_ROW_HEIGHT, SheetModel } from "./model";
import { FakeCollection, FakeProxy } from "./proxy";
import type { FakeRange } from "./range";

/** The chart types the fake accepts (Excel.ChartType has many more; any other is refused, as a misspelt one would be). */
const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "Pie", "Doughnut", "Area", "XYScatter"];

/** Excel's default size of a new chart: 360 × 216 points (480 × 288 pixels). */
const DEFAULT_WIDTH = 360;
const DEFAULT_HEIGHT = 216;

/** One series as the chart plots it. */
export interface SeriesView {
  name: string;
  categories: (Stored | "")[];
  values: (Stored | "")[];
}

/**
 * How Excel reads a source range: series run down columns (or along rows); a first line with no
 * numbers names the series; a first column (row) with no numbers labels the categories.
 */
export function chartSeries(chart: ChartModel): SeriesView[] {
  const { sheet, rect } = chart.source;
  const byColumns = chart.seriesBy === "Columns" || (chart.seriesBy === "Auto" && rect.rowCount >= rect.columnCount);
  const points = byColumns ? rect.rowCount : rect.columnCount;
  const lines = byColumns ? rect.columnCount : rect.rowCount;
  const at = (p: number, s: number): Stored | "" => (byColumns ? sheet.value(rect.row + p, rect.column + s) : sheet.value(rect.row + s, rect.column + p));
  const indexes = (n: number, from = 0): number[] => Array.from({ length: Math.max(0, n - from) }, (_, i) => from + i);
  const named = points > 1 && indexes(lines).every((s) => typeof at(0, s) !== "number");
  const first = named ? 1 : 0;
  const labelled = lines > 1 && indexes(points, first).every((p) => typeof at(p, 0) !== "number");
  return indexes(lines, labelled ? 1 : 0).map((s, k) => ({
    name: named ? String(at(0, s)) : `Series${k + 1}`,
    categories: indexes(points, first).map((p) => (labelled ? at(p, 0) : p - first + 1)),
    values: indexes(points, first).map((p) => at(p, s)),
  }));
}

/** Points from the sheet's left (or top) edge to a column's (or row's) near edge. */
function offsetOf(sheet: SheetModel, axis: "row" | "column", index: number): number {
  let points = 0;
  for (let i = 0; i < index; i++) points += axis === "column" ? sheet.columnWidth(i) : DEFAULT_ROW_HEIGHT;
  return points;
}

/** The cell whose span holds a point offset from the sheet's edge. */
function cellAt(sheet: SheetModel, axis: "row" | "column", offset: number): number {
  let index = 0;
  for (let edge = 0; ; index++) {
    edge += axis === "column" ? sheet.columnWidth(index) : DEFAULT_ROW_HEIGHT;
    if (edge > offset) return index;
  }
}

/** The cells a chart covers. */
export function chartCells(chart: ChartModel): Rect {
  return { row: chart.from.row, column: chart.from.column, rowCount: chart.to.row - chart.from.row + 1, columnCount: chart.to.column - chart.from.column + 1 };
}

export class FakeChartCollection extends FakeCollection<SheetModel, ChartModel, FakeChart> {
  private static nextId = 1;

  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, locate, "lazy", "ChartCollection");
  }

  protected itemsOf(sheet: SheetModel): ChartModel[] {
    return [...sheet.charts];
  }

  protected wrap(chart: ChartModel): FakeChart {
    return new FakeChart(this.context, () => chart, { bound: chart });
  }

  /** A new chart over `source`, placed where Excel puts one: at the top left of the view (here A1), 360 × 216 points. */
  add(type: string, source: FakeRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChart {
    let created: ChartModel | null = null;
    this.queue(`add ${type}`, { type, seriesBy }, (sheet) => {
      if (!CHART_TYPES.includes(type)) throw invalidArgument(`chart type "${type}"`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument(`seriesBy "${seriesBy}"`);
      const target = source.resolve();
      if (target === null) throw invalidArgument("charts.add with a null range");
      const id = FakeChartCollection.nextId++;
      const to = { row: cellAt(sheet, "row", DEFAULT_HEIGHT - 1), column: cellAt(sheet, "column", DEFAULT_WIDTH - 1) };
      created = { id, name: `Chart ${id}`, type, source: { sheet: target.sheet, rect: { ...target.rect } }, seriesBy, title: "", legendVisible: true, from: { row: 0, column: 0 }, to, pointFills: new Map() };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, () => created, "eager");
  }

  getItem(name: string): FakeChart {
    return new FakeChart(
      this.context,
      () => {
        const sheet = this.resolve();
        const chart = sheet?.charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null;
        if (sheet !== null && chart === null) throw itemNotFound(`chart "${name}"`);
        return chart;
      },
      "eager",
    );
  }
}

export class FakeChart extends FakeProxy<ChartModel> {
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;

  constructor(context: FakeRequestContext, locate: () => ChartModel | null, binding: "eager" | { bound: ChartModel }) {
    super(context, locate, binding, "Chart");
    this.title = new FakeChartTitle(context, () => this.resolve());
    this.legend = new FakeChartLegend(context, () => this.resolve());
    this.series = new FakeChartSeriesCollection(context, () => this.resolve());
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.queue("rename", name, (chart) => (chart.name = name));
  }

  get top(): number {
    return this.read("top");
  }
  set top(points: number) {
    this.move("top", points);
  }
  get left(): number {
    return this.read("left");
  }
  set left(points: number) {
    this.move("left", points);
  }

  /** Moves the chart keeping its size, as setting `top` or `left` does. */
  private move(edge: "top" | "left", points: number): void {
    this.queue(`set ${edge}`, points, (chart) => {
      if (typeof points !== "number" || points < 0) throw invalidArgument(`${edge} ${points}`);
      const sheet = this.sheetOf(chart);
      const axis = edge === "top" ? "row" : "column";
      const span = chart.to[axis] - chart.from[axis];
      const start = cellAt(sheet, axis, points);
      chart.from = { ...chart.from, [axis]: start };
      chart.to = { ...chart.to, [axis]: start + span };
    });
  }

  private sheetOf(chart: ChartModel): SheetModel {
    const sheet = this.context.model.sheets.find((s) => s.charts.includes(chart));
    if (sheet === undefined) throw invalidArgument("the chart is no longer on a sheet");
    return sheet;
  }

  /** Places the chart over cells: its top left at `startCell`, and (if given) its bottom right covering `endCell`. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.queue("setPosition", { startCell: typeof startCell === "string" ? startCell : "range", endCell: typeof endCell === "string" ? endCell : endCell && "range" }, (chart) => {
      const sheet = this.sheetOf(chart);
      const cell = (where: FakeRange | string): CellAnchor => {
        let rect: Rect | null;
        if (typeof where === "string") rect = parseA1(where);
        else {
          const target = where.resolve();
          if (target !== null && target.sheet !== sheet) throw invalidArgument("setPosition to a cell of another sheet");
          rect = target?.rect ?? null;
        }
        if (rect === null) throw invalidArgument("setPosition cell");
        return { row: rect.row, column: rect.column };
      };
      const from = cell(startCell);
      const to = endCell === undefined ? { row: from.row + chart.to.row - chart.from.row, column: from.column + chart.to.column - chart.from.column } : cell(endCell);
      if (to.row < from.row || to.column < from.column) throw invalidArgument("setPosition: the end cell is above or left of the start cell");
      chart.from = from;
      chart.to = to;
    });
  }

  delete(): void {
    this.queue("delete", null, (chart) => {
      const sheet = this.sheetOf(chart);
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }

  protected scalar(name: string, chart: ChartModel): unknown {
    const sheet = this.sheetOf(chart);
    switch (name) {
      case "name":
        return chart.name;
      case "id":
        return String(chart.id);
      case "top":
        return offsetOf(sheet, "row", chart.from.row);
      case "left":
        return offsetOf(sheet, "column", chart.from.column);
      case "width":
        return offsetOf(sheet, "column", chart.to.column + 1) - offsetOf(sheet, "column", chart.from.column);
      case "height":
        return offsetOf(sheet, "row", chart.to.row + 1) - offsetOf(sheet, "row", chart.from.row);
      default:
        throw notModelled(`Chart.${name}`);
    }
  }
}

export class FakeChartTitle extends FakeProxy<ChartModel> {
  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, locate, "lazy", "ChartTitle");
  }

  get text(): string {
    return this.read("text");
  }
  set text(text: string) {
    this.queue("set text", text, (chart) => {
      if (typeof text !== "string") throw invalidArgument("title text");
      chart.title = text;
    });
  }

  protected scalar(name: string, chart: ChartModel): unknown {
    if (name === "text") return chart.title;
    throw notModelled(`ChartTitle.${name}`);
  }
}

export class FakeChartLegend extends FakeProxy<ChartModel> {
  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, locate, "lazy", "ChartLegend");
  }

  get visible(): boolean {
    return this.read("visible");
  }
  set visible(visible: boolean) {
    this.queue("set visible", visible, (chart) => (chart.legendVisible = visible === true));
  }

  protected scalar(name: string, chart: ChartModel): unknown {
    if (name === "visible") return chart.legendVisible;
    throw notModelled(`ChartLegend.${name}`);
  }
}

/** A series: its chart and position. */
interface SeriesRef {
  chart: ChartModel;
  index: number;
}

/** A point: its series and position. */
interface PointRef extends SeriesRef {
  point: number;
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, SeriesRef, FakeChartSeries> {
  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, locate, "lazy", "ChartSeriesCollection");
  }

  protected itemsOf(chart: ChartModel): SeriesRef[] {
    return chartSeries(chart).map((_, index) => ({ chart, index }));
  }

  protected wrap(item: SeriesRef): FakeChartSeries {
    return new FakeChartSeries(this.context, () => item, { bound: item });
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(
      this.context,
      () => {
        const chart = this.resolve();
        if (chart === null) return null;
        if (!Number.isInteger(index) || index < 0 || index >= chartSeries(chart).length) throw invalidArgument(`series ${index} of a chart with ${chartSeries(chart).length}`);
        return { chart, index };
      },
      "eager",
    );
  }
}

export class FakeChartSeries extends FakeProxy<SeriesRef> {
  readonly points: FakeChartPointsCollection;

  constructor(context: FakeRequestContext, locate: () => SeriesRef | null, binding: "eager" | { bound: SeriesRef }) {
    super(context, locate, binding, "ChartSeries");
    this.points = new FakeChartPointsCollection(context, () => this.resolve());
  }

  get name(): string {
    return this.read("name");
  }

  protected scalar(name: string, ref: SeriesRef): unknown {
    if (name === "name") return chartSeries(ref.chart)[ref.index].name;
    throw notModelled(`ChartSeries.${name}`);
  }
}

export class FakeChartPointsCollection extends FakeCollection<SeriesRef, PointRef, FakeChartPoint> {
  constructor(context: FakeRequestContext, locate: () => SeriesRef | null) {
    super(context, locate, "lazy", "ChartPointsCollection");
  }

  protected itemsOf(series: SeriesRef): PointRef[] {
    return chartSeries(series.chart)[series.index].values.map((_, point) => ({ ...series, point }));
  }

  protected wrap(item: PointRef): FakeChartPoint {
    return new FakeChartPoint(this.context, () => item, { bound: item });
  }

  getItemAt(index: number): FakeChartPoint {
    return new FakeChartPoint(
      this.context,
      () => {
        const series = this.resolve();
        if (series === null) return null;
        const count = chartSeries(series.chart)[series.index].values.length;
        if (!Number.isInteger(index) || index < 0 || index >= count) throw invalidArgument(`point ${index} of a series with ${count}`);
        return { ...series, point: index };
      },
      "eager",
    );
  }
}

export class FakeChartPoint extends FakeProxy<PointRef> {
  readonly format: { fill: FakeChartFill };

  constructor(context: FakeRequestContext, locate: () => PointRef | null, binding: "eager" | { bound: PointRef }) {
    super(context, locate, binding, "ChartPoint");
    this.format = { fill: new FakeChartFill(context, () => this.resolve()) };
  }

  get value(): unknown {
    return this.read("value");
  }

  protected scalar(name: string, ref: PointRef): unknown {
    if (name === "value") return chartSeries(ref.chart)[ref.index].values[ref.point];
    throw notModelled(`ChartPoint.${name}`);
  }
}

/** `format.fill` of a chart point. */
export class FakeChartFill extends FakeProxy<PointRef> {
  constructor(context: FakeRequestContext, locate: () => PointRef | null) {
    super(context, locate, "lazy", "ChartFill");
  }

  setSolidColor(color: string): void {
    this.queue("setSolidColor", color, ({ chart, index, point }) => {
      if (typeof color !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(color)) throw invalidArgument(`colour ${color}`);
      chart.pointFills.set(`${index}:${point}`, color);
    });
  }

  clear(): void {
    this.queue("clear", null, ({ chart, index, point }) => chart.pointFills.delete(`${index}:${point}`));
  }

  protected scalar(name: string): unknown {
    throw notModelled(`ChartFill.${name}`);
  }
}

/** A chart as a test sees it. */
export interface ChartView {
  name: string;
  type: string;
  title: string;
  legendVisible: boolean;
  /** The source range, e.g. `Report!H1:I4`. */
  source: string;
  /** The cells the chart covers, e.g. `L1:S15`. */
  covers: string;
  series: (SeriesView & { fills: (string | null)[] })[];
}

export function viewChart(chart: ChartModel): ChartView {
  return {
    name: chart.name,
    type: chart.type,
    title: chart.title,
    legendVisible: chart.legendVisible,
    source: `${chart.source.sheet.name}!${formatA1(chart.source.rect)}`,
    covers: formatA1(chartCells(chart)),
    series: chartSeries(chart).map((s, index) => ({ ...s, fills: s.values.map((_, point) => chart.pointFills.get(`${index}:${point}`) ?? null) })),
  };
}
