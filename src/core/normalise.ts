import { describeCell, readDateCell, readNumberCell, isBlankCell } from "./cellValues";
import { columnDateOrder, serialsAreDates, textSerial } from "./dateColumns";
import { DateOrder, formatSerial, placeholderReason } from "./dates";
import { dateInWords, localeOfDateOrder } from "./dateWords";
import { standInDate, standInMessage } from "./standInDates";
import { currencyOfFormat } from "./currencyFormats";
import { formatMismatch } from "./formattedCells";
import { DecimalMark, decimalMarkEvidence, parseMoney } from "./money";
import type { FieldDefinition, TableDefinition } from "./schema";
import { parseTier, tierNotRecognised } from "./rules/escalation";

/** Data-quality problems a register can have, by code (used in CLI JSON and the task pane). */
export type ProblemCode = "missing-end-date" | "duplicate-id" | "placeholder-date" | "likely-stand-in" | "unparseable-date" | "unparseable-money" | "end-before-start" | "unrecognised-tier";

/** One problem found in one cell. Row is the sheet's 1-based row number, as Excel shows it. */
export interface DataQualityIssue {
  row: number;
  column: string;
  field: string;
  value: string;
  problem: ProblemCode;
  message: string;
  /**
   * A duplicate ID's first sheet row, the same on every row of that ID: the IDs can be counted
   * apart from their rows (2 IDs on 4 rows). Absent for other problems.
   */
  firstRowOfId?: number;
}

/** A cell's typed value: dates as serials, money as amounts, everything else as text. Null when not known. */
export type TypedValue = number | string | boolean | null;

export interface NormalisedRow {
  /** 1-based sheet row. */
  row: number;
  fields: Record<string, TypedValue>;
  /**
   * The currency (ISO 4217 code) of each money field whose cell said one, by its text (`£3,330`,
   * `USD 1,200`) or its number format (`"£"#,##0`). Absent where no cell of the row said one.
   * @example { totalValue: "GBP" }
   */
  currencies?: Record<string, string>;
}

export interface NormalisedTable {
  rows: NormalisedRow[];
  issues: DataQualityIssue[];
  /** The day/month order used for each date field's slash dates. */
  dateOrders: Record<string, DateOrder>;
}

/** Where each mapped field's values are: its header and 0-based column index. */
export type FieldColumns = Partial<Record<string, { column: string; index: number }>>;

export interface NormaliseOptions {
  /** The workbook's setting, used when no value proves the order. */
  dateOrder: DateOrder;
  /** 1-based sheet row of the first data row. */
  firstRow: number;
  /** Each cell's number format where the file keeps them (.xlsx), aligned with the rows: a money cell's currency can be in its format. */
  numberFormats?: readonly (readonly (string | undefined)[] | undefined)[];
  /** The locale messages write dates in (core/dateWords); left out, the date order's own. */
  locale?: string;
}

/** The locale a table's messages write dates in. */
const messageLocale = (options: NormaliseOptions): string => options.locale ?? localeOfDateOrder(options.dateOrder);

const shown = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ""));

/**
 * Decides each date column's day/month order from evidence: a value such as `25/03/2015` proves
 * day-first; a column with no telling value follows the other date columns, then the setting.
 * @example dateOrdersFor(rows, { endDate: {index: 3} }, fields, "dmy") → { endDate: "mdy" } when a value reads 03/25/2015
 */
export function dateOrdersFor(rows: readonly (readonly unknown[])[], columns: FieldColumns, fields: readonly FieldDefinition[], fallback: DateOrder): Record<string, DateOrder> {
  return dateOrdersOfColumns(columnsOfRows(rows), columns, fields, fallback);
}

/** A register's values one column at a time (its 0-based index): how the whole-column decisions read it, so a register too long to hold as rows can give them a column at a time. */
export type ColumnValues = (index: number) => readonly unknown[];

/** The column reader of rows held in memory. */
export const columnsOfRows = (rows: readonly (readonly unknown[])[]): ColumnValues => (index) => rows.map((r) => r[index]);

/** dateOrdersFor over a column reader. */
function dateOrdersOfColumns(column: ColumnValues, columns: FieldColumns, fields: readonly FieldDefinition[], fallback: DateOrder): Record<string, DateOrder> {
  const dateFields = fields.filter((f) => f.kind === "date" && columns[f.key]);
  const own = new Map<string, DateOrder | null>();
  for (const field of dateFields) {
    const index = columns[field.key]?.index ?? -1;
    own.set(field.key, columnDateOrder(column(index)));
  }
  const shared = [...own.values()].find((o) => o !== null) ?? fallback;
  return Object.fromEntries(dateFields.map((f) => [f.key, own.get(f.key) ?? shared]));
}

/** A money cell's decimal mark as its column settles it; undefined where nothing does. */
export type DecimalMarkOf = (value: unknown) => DecimalMark | undefined;

// What a money cell writes around its digits (`£`, `€`, `EUR`, ``): cells written alike use one decimal mark.
const moneyStyle = (text: string): string => text.replace(/[\d.,\s+\-()]/g, "").toUpperCase();

/**
 * Decides each money cell's decimal mark from evidence: a value such as `1.234,50` or `12.5` can
 * be read one way only, and settles `1,234` in the rest of its column. Where the column's evidence
 * disagrees (`£10,000` beside one `2.500,00 €`), a cell follows its own evidence, else the
 * evidence of the cells written in its style (the same currency sign), else none: one euro amount
 * never turns every pound amount of the column into thousandths. Columns without evidence are absent.
 * @example decimalMarksFor([["1.234,50"], ["1.500"]], { totalValue: {index: 0} }, CONTRACTS.fields).totalValue?.("1.500") → ","
 */
export function decimalMarksFor(rows: readonly (readonly unknown[])[], columns: FieldColumns, fields: readonly FieldDefinition[]): Record<string, DecimalMarkOf> {
  return decimalMarksOfColumns(columnsOfRows(rows), columns, fields);
}

function decimalMarksOfColumns(column: ColumnValues, columns: FieldColumns, fields: readonly FieldDefinition[]): Record<string, DecimalMarkOf> {
  const marks: Record<string, DecimalMarkOf> = {};
  for (const field of fields) {
    const index = columns[field.key]?.index;
    if (field.kind !== "money" || index === undefined) continue;
    const byStyle = new Map<string, Record<DecimalMark, number>>();
    const seen = new Set<DecimalMark>();
    for (const value of column(index)) {
      const evidence = typeof value === "string" ? decimalMarkEvidence(value) : null;
      if (!evidence) continue;
      seen.add(evidence);
      const style = moneyStyle(value as string);
      const tally = byStyle.get(style) ?? { ".": 0, ",": 0 };
      tally[evidence]++;
      byStyle.set(style, tally);
    }
    if (seen.size === 0) continue;
    const majority = (t: Record<DecimalMark, number>): DecimalMark => (t[","] > t["."] ? "," : ".");
    // One mark throughout: it settles every cell. Marks that disagree: each style keeps its own.
    const agreed = seen.size === 1 ? [...seen][0] : undefined;
    marks[field.key] = (value) => {
      if (typeof value !== "string") return agreed;
      const own = decimalMarkEvidence(value);
      if (own) return own;
      if (agreed) return agreed;
      const tally = byStyle.get(moneyStyle(value));
      return tally ? majority(tally) : undefined;
    };
  }
  return marks;
}

/** The whole-column decisions normalising a register needs before it reads any row: each date column's day/month order, each money column's decimal mark, the date columns whose whole numbers written as text are serials. */
export interface NormalisePlan {
  table: TableDefinition;
  columns: FieldColumns;
  options: NormaliseOptions;
  dateOrders: Record<string, DateOrder>;
  decimalMarks: Record<string, DecimalMarkOf>;
  serialText: Set<string>;
  mapped: readonly FieldDefinition[];
}

/**
 * The decisions of normaliseTable, from the register a column at a time.
 * @example normalisePlan(columnsOfRows(rows), CONTRACTS, columns, { dateOrder: "dmy", firstRow: 2 }).dateOrders.endDate → "dmy"
 */
export function normalisePlan(column: ColumnValues, table: TableDefinition, columns: FieldColumns, options: NormaliseOptions): NormalisePlan {
  const dateOrders = dateOrdersOfColumns(column, columns, table.fields, options.dateOrder);
  const mapped = table.fields.filter((f) => columns[f.key]);
  return {
    table,
    columns,
    options,
    dateOrders,
    decimalMarks: decimalMarksOfColumns(column, columns, table.fields),
    serialText: serialTextColumns(column, columns, mapped, dateOrders, options.dateOrder),
    mapped,
  };
}

/**
 * The problems only the whole register shows — IDs on more than one row, a date standing in for
 * "not known" in too many rows — gathered row by row (`add`) and listed at the end (`issues`), so
 * a register read a row at a time is judged as one read whole.
 */
export class RegisterProblems {
  // Each ID's first row alone (a number, no object: a register of a million IDs is a million
  // entries), and every row of an ID seen more than once.
  private readonly firstRowOf = new Map<string, number>();
  private readonly repeated = new Map<string, { row: number; id: TypedValue; raw: unknown }[]>();
  private readonly dates = new Map<string, { rows: number[]; serials: number[] }>();

  // Only a column the register has can repeat an ID: a table with no ID column has no duplicates
  // (its rows go by their row numbers), and its "ID" is never `undefined`.
  private readonly idField: FieldDefinition | undefined;
  private readonly dateFields: readonly FieldDefinition[];

  /** `cellAt(row, index)`: the cell at a sheet row and 0-based column, for the first row of an ID found again later. */
  constructor(
    private readonly plan: NormalisePlan,
    private readonly cellAt: (row: number, index: number) => unknown,
  ) {
    this.idField = plan.table.fields.find((f) => f.kind === "id" && plan.columns[f.key]);
    this.dateFields = plan.mapped.filter((f) => f.kind === "date");
  }

  /** Takes in one normalised row (with its raw cells). */
  add(normalised: NormalisedRow, cells: readonly unknown[]): void {
    const idField = this.idField;
    const id = idField ? (normalised.fields[idField.key] ?? null) : null;
    const text = idField && id !== null ? String(id).trim() : "";
    if (idField && text !== "") {
      const key = text.toLowerCase();
      const first = this.firstRowOf.get(key);
      // A million rows are a million IDs seen once: only an ID seen again is looked at further.
      if (first === undefined) this.firstRowOf.set(key, normalised.row);
      else {
        const at = this.plan.columns[idField.key]?.index ?? -1;
        const entry = { row: normalised.row, id, raw: cells[at] };
        const group = this.repeated.get(key);
        if (group) group.push(entry);
        else {
          // The first row's ID read again from its cell, by the same rule it was read by then.
          const raw = this.cellAt(first, at);
          const firstId = readField(idField, raw, this.plan.options.dateOrder, () => undefined);
          this.repeated.set(key, [{ row: first, id: firstId, raw }, entry]);
        }
      }
    }
    for (const field of this.dateFields) {
      const value = normalised.fields[field.key];
      if (typeof value !== "number") continue;
      let d = this.dates.get(field.key);
      if (!d) this.dates.set(field.key, (d = { rows: [], serials: [] }));
      d.rows.push(normalised.row);
      d.serials.push(value);
    }
  }

  /** The problems of the whole register, by row. */
  issues(): DataQualityIssue[] {
    const { table, columns, mapped } = this.plan;
    const idField = table.fields.find((f) => f.kind === "id" && columns[f.key]);
    const issues: DataQualityIssue[] = [];
    // Every row of a shared ID is reported, so each can be found and put right.
    // Groups in the order their IDs were first seen, as one pass over the rows lists them.
    const groups = [...this.repeated.values()].sort((a, b) => a[0].row - b[0].row);
    for (const group of groups) {
      if (!idField) continue;
      for (const entry of group) {
        const others = group.filter((g) => g !== entry).map((g) => g.row);
        const where = others.length > 5 ? `${others.slice(0, 5).join(", ")} and ${others.length - 5} more` : others.join(", ");
        issues.push({
          row: entry.row,
          column: columns[idField.key]?.column ?? idField.header,
          field: idField.key,
          value: shown(entry.raw),
          problem: "duplicate-id",
          message: `${String(entry.id)} is also the ID on row${others.length > 1 ? "s" : ""} ${where}`,
          firstRowOfId: group[0].row,
        });
      }
    }
    // A round date an outsized share of a date column holds stands in for "not known": each of its rows is said.
    for (const field of mapped) {
      if (field.kind !== "date") continue;
      const dated = this.dates.get(field.key) ?? { rows: [], serials: [] };
      const standIn = standInDate(dated.serials);
      // A fixed placeholder (31/12/2099 …) is reported as one already.
      if (!standIn || placeholderReason(standIn.serial) !== null) continue;
      const message = standInMessage(standIn, field.header.toLowerCase(), messageLocale(this.plan.options));
      dated.serials.forEach((serial, i) => {
        if (Math.floor(serial) !== standIn.serial) return;
        issues.push({ row: dated.rows[i], column: columns[field.key]?.column ?? field.header, field: field.key, value: formatSerial(serial), problem: "likely-stand-in", message });
      });
    }
    return issues;
  }
}

/**
 * One data row of a register read into typed values by the plan's decisions, with the problems
 * its own cells show (`report`); null for a blank row. `index` is the row's 0-based place among
 * the data rows (its sheet row is the plan's firstRow + index), `formats` its cells' number formats.
 * @example normaliseRow(plan, ["C1", "31/03/2025"], 0, undefined, (issue) => issues.push(issue))?.fields.endDate → 45747
 */
export function normaliseRow(plan: NormalisePlan, cells: readonly unknown[], index: number, formats: readonly (string | undefined)[] | undefined, report: (issue: DataQualityIssue) => void): NormalisedRow | null {
  const { table, columns, options, dateOrders, decimalMarks, serialText, mapped } = plan;
  if (cells.every(isBlankCell)) return null;
  const row = options.firstRow + index;
  const fields: Record<string, TypedValue> = {};
  let currencies: Record<string, string> | undefined;
  const said = (field: FieldDefinition, value: unknown, problem: ProblemCode, message: string): void => {
    report({ row, column: columns[field.key]?.column ?? field.header, field: field.key, value: shown(value), problem, message });
  };
  for (const field of mapped) {
    const at = columns[field.key]?.index ?? -1;
    const value = cells[at];
    // Where the file keeps formats, a number's format says whether it is a date or an amount.
    if ((field.kind === "money" || field.kind === "date") && typeof value === "number" && formats !== undefined) {
      const mismatch = formatMismatch(field.kind, value, formats[at] ?? "General", field.header.toLowerCase());
      if (mismatch) {
        said(field, value, field.kind === "date" ? "unparseable-date" : "unparseable-money", mismatch);
        fields[field.key] = null;
        continue;
      }
    }
    if (field.kind === "money") {
      const money = readMoney(value, formats?.[at], decimalMarks[field.key]?.(value), (message) => said(field, value, "unparseable-money", message));
      fields[field.key] = money && money.amount;
      if (money?.currency) (currencies ??= {})[field.key] = money.currency;
      continue;
    }
    const cell = serialText.has(field.key) && typeof value === "string" ? (textSerial(value) ?? value) : value;
    fields[field.key] = readField(field, cell, dateOrders[field.key] ?? options.dateOrder, (problem, message) => said(field, value, problem, message));
  }
  if (table.name === "Contracts" && columns.endDate) {
    const end = fields.endDate;
    const endField = table.fields.find((f) => f.key === "endDate");
    const raw = cells[columns.endDate.index];
    if (endField && isBlankCell(raw)) said(endField, raw, "missing-end-date", "No end date: expiry, notice and RAG cannot be worked out");
    const start = fields.startDate;
    if (endField && typeof end === "number" && typeof start === "number" && end < start) {
      said(endField, raw, "end-before-start", `The end date ${dateInWords(end, messageLocale(options))} is before the start date ${dateInWords(start, messageLocale(options))}`);
    }
  }
  // The ladder and the decide-by lead time read the tier by name: one they cannot read (a typo, a
  // "Tier 1" of another scheme) is said, in the cell functions' words, not taken for no tier. The
  // value is kept as written.
  const tier = fields.tier;
  if (table.name === "Contracts" && columns.tier && tier !== null && tier !== undefined && parseTier(String(tier)) === null) {
    const tierField = table.fields.find((f) => f.key === "tier");
    const raw = cells[columns.tier.index];
    if (tierField) said(tierField, raw, "unrecognised-tier", tierNotRecognised(describeCell(typeof raw === "string" ? raw.trim() : raw)));
  }
  return currencies ? { row, fields, currencies } : { row, fields };
}

/**
 * Turns a register's cells into typed values, listing every value it could not read and every
 * data-quality problem (placeholders, duplicates, missing or impossible end dates). Never drops a row.
 * The same decisions, row reading and whole-register problems a register read a row at a time
 * gets (normalisePlan, normaliseRow, RegisterProblems).
 * @example normaliseTable([["C1", "31/03/2025"]], CONTRACTS, { contractId: {column: "Ref", index: 0}, endDate: {column: "End", index: 1} }, { dateOrder: "dmy", firstRow: 2 })
 */
export function normaliseTable(rows: readonly (readonly unknown[])[], table: TableDefinition, columns: FieldColumns, options: NormaliseOptions): NormalisedTable {
  const plan = normalisePlan(columnsOfRows(rows), table, columns, options);
  const issues: DataQualityIssue[] = [];
  const out: NormalisedRow[] = [];
  const problems = new RegisterProblems(plan, (row, index) => rows[row - options.firstRow]?.[index]);
  const report = (issue: DataQualityIssue): void => {
    issues.push(issue);
  };
  rows.forEach((cells, i) => {
    const normalised = normaliseRow(plan, cells, i, options.numberFormats ? (options.numberFormats[i] ?? []) : undefined, report);
    if (!normalised) return;
    problems.add(normalised, cells);
    out.push(normalised);
  });
  issues.push(...problems.issues());
  issues.sort((a, b) => a.row - b.row);
  return { rows: out, issues, dateOrders: plan.dateOrders };
}

/** A money cell's amount and currency (from its text, else its number format); null when blank or unreadable, which is reported. */
function readMoney(value: unknown, format: string | undefined, decimalMark: DecimalMark | undefined, report: (message: string) => void): { amount: number; currency: string | null } | null {
  if (isBlankCell(value)) return null;
  const money = parseMoney(value, { decimalMark });
  if (!money.ok) {
    report(money.error);
    return null;
  }
  if (money.value === null) return null;
  return money.value.currency === null && format ? { amount: money.value.amount, currency: currencyOfFormat(format) } : money.value;
}

// The date columns whose whole numbers written as text (`45747`, a CSV saved from a General column)
// are Excel serials: those where every other value is a date too (see serialsAreDates).
function serialTextColumns(column: ColumnValues, columns: FieldColumns, mapped: readonly FieldDefinition[], orders: Record<string, DateOrder>, fallback: DateOrder): Set<string> {
  const out = new Set<string>();
  for (const field of mapped) {
    if (field.kind !== "date") continue;
    const index = columns[field.key]?.index ?? -1;
    const values = column(index);
    // Most columns hold no such text: only those that do pay for reading every value twice.
    if (!values.some((v) => typeof v === "string" && textSerial(v) !== null)) continue;
    if (serialsAreDates(values, orders[field.key] ?? fallback)) out.add(field.key);
  }
  return out;
}

function readField(field: FieldDefinition, value: unknown, order: DateOrder, report: (problem: ProblemCode, message: string) => void): TypedValue {
  if (isBlankCell(value)) return null;
  switch (field.kind) {
    case "date": {
      const date = readDateCell(value, order, field.header.toLowerCase());
      if (!date.ok) {
        report("unparseable-date", date.error);
        return null;
      }
      if (date.value !== null) {
        const placeholder = placeholderReason(date.value);
        if (placeholder) report("placeholder-date", placeholder);
      } else if (value === 0) {
        // Serial 0, which Excel shows as 00/01/1900: not a day, so not known — but said, not hidden.
        report("placeholder-date", "0 is Excel's zero date (shown as 00/01/1900): it stands in for an unknown date");
      }
      return date.value;
    }
    case "number":
    case "fraction": {
      if (typeof value === "number") return value;
      const text = typeof value === "string" ? value.trim() : String(value).trim();
      if (Number.isFinite(Number(text)) && text !== "") return Number(text);
      // A percentage typed as text, as registers write KPIs (`95%` is 0.95). Not `1,5`: a comma may be a decimal mark.
      const percent = /^[\d.]+\s*%$/.test(text) ? readNumberCell(text, field.header) : null;
      return percent !== null && percent.ok && percent.value !== null ? percent.value : text;
    }
    case "boolean":
      return typeof value === "boolean" ? value : String(value).trim();
    default:
      return shown(value).trim();
  }
}
