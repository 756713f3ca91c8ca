import { readDateCell, isBlankCell } from "./cellValues";
import { columnDateOrder, serialsAreDates, textSerial } from "./dateColumns";
import { DateOrder, formatSerial, placeholderReason } from "./dates";
import { standInDate, standInMessage } from "./standInDates";
import { currencyOfFormat } from "./currencyFormats";
import { formatMismatch } from "./formattedCells";
import { DecimalMark, decimalMarkEvidence, parseMoney } from "./money";
import type { FieldDefinition, TableDefinition } from "./schema";

/** Data-quality problems a register can have, by code (used in CLI JSON and the task pane). */
export type ProblemCode = "missing-end-date" | "duplicate-id" | "placeholder-date" | "likely-stand-in" | "unparseable-date" | "unparseable-money" | "end-before-start";

/** One problem found in one cell. Row is the sheet's 1-based row number, as Excel shows it. */
export interface DataQualityIssue {
  row: number;
  column: string;
  field: string;
  value: string;
  problem: ProblemCode;
  message: string;
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
}

const shown = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ""));

/**
 * Decides each date column's day/month order from evidence: a value such as `25/03/2015` proves
 * day-first; a column with no telling value follows the other date columns, then the setting.
 * @example dateOrdersFor(rows, { endDate: {index: 3} }, fields, "dmy") → { endDate: "mdy" } when a value reads 03/25/2015
 */
export function dateOrdersFor(rows: readonly (readonly unknown[])[], columns: FieldColumns, fields: readonly FieldDefinition[], fallback: DateOrder): Record<string, DateOrder> {
  const dateFields = fields.filter((f) => f.kind === "date" && columns[f.key]);
  const own = new Map<string, DateOrder | null>();
  for (const field of dateFields) {
    const index = columns[field.key]?.index ?? -1;
    own.set(field.key, columnDateOrder(rows.map((r) => r[index])));
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
  const marks: Record<string, DecimalMarkOf> = {};
  for (const field of fields) {
    const index = columns[field.key]?.index;
    if (field.kind !== "money" || index === undefined) continue;
    const byStyle = new Map<string, Record<DecimalMark, number>>();
    const seen = new Set<DecimalMark>();
    for (const cells of rows) {
      const value = cells[index];
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

/**
 * Turns a register's cells into typed values, listing every value it could not read and every
 * data-quality problem (placeholders, duplicates, missing or impossible end dates). Never drops a row.
 * @example normaliseTable([["C1", "31/03/2025"]], CONTRACTS, { contractId: {column: "Ref", index: 0}, endDate: {column: "End", index: 1} }, { dateOrder: "dmy", firstRow: 2 })
 */
export function normaliseTable(rows: readonly (readonly unknown[])[], table: TableDefinition, columns: FieldColumns, options: NormaliseOptions): NormalisedTable {
  const dateOrders = dateOrdersFor(rows, columns, table.fields, options.dateOrder);
  const decimalMarks = decimalMarksFor(rows, columns, table.fields);
  const issues: DataQualityIssue[] = [];
  const out: NormalisedRow[] = [];
  const mapped = table.fields.filter((f) => columns[f.key]);
  const serialText = serialTextColumns(rows, columns, mapped, dateOrders, options.dateOrder);
  const rowsById = new Map<string, { row: number; id: TypedValue; field: FieldDefinition; raw: unknown }[]>();
  rows.forEach((cells, i) => {
    if (cells.every(isBlankCell)) return;
    const row = options.firstRow + i;
    const fields: Record<string, TypedValue> = {};
    let currencies: Record<string, string> | undefined;
    const report = (field: FieldDefinition, value: unknown, problem: ProblemCode, message: string): void => {
      issues.push({ row, column: columns[field.key]?.column ?? field.header, field: field.key, value: shown(value), problem, message });
    };
    for (const field of mapped) {
      const index = columns[field.key]?.index ?? -1;
      const value = cells[index];
      // Where the file keeps formats, a number's format says whether it is a date or an amount.
      if ((field.kind === "money" || field.kind === "date") && typeof value === "number" && options.numberFormats) {
        const mismatch = formatMismatch(field.kind, value, options.numberFormats[i]?.[index] ?? "General", field.header.toLowerCase());
        if (mismatch) {
          report(field, value, field.kind === "date" ? "unparseable-date" : "unparseable-money", mismatch);
          fields[field.key] = null;
          continue;
        }
      }
      if (field.kind === "money") {
        const money = readMoney(value, options.numberFormats?.[i]?.[index], decimalMarks[field.key]?.(value), (message) => report(field, value, "unparseable-money", message));
        fields[field.key] = money && money.amount;
        if (money?.currency) (currencies ??= {})[field.key] = money.currency;
        continue;
      }
      const cell = serialText.has(field.key) && typeof value === "string" ? (textSerial(value) ?? value) : value;
      fields[field.key] = readField(field, cell, dateOrders[field.key] ?? options.dateOrder, (problem, message) => report(field, value, problem, message));
    }
    // Only a column the register has can repeat an ID: a table with no ID column has no duplicates
    // (its rows go by their row numbers), and its "ID" is never `undefined`.
    const idField = table.fields.find((f) => f.kind === "id" && columns[f.key]);
    const id = idField ? (fields[idField.key] ?? null) : null;
    if (idField && id !== null && String(id).trim() !== "") {
      const key = String(id).trim().toLowerCase();
      const group = rowsById.get(key) ?? [];
      group.push({ row, id, field: idField, raw: cells[columns[idField.key]?.index ?? -1] });
      rowsById.set(key, group);
    }
    if (table.name === "Contracts" && columns.endDate) {
      const end = fields.endDate;
      const endField = table.fields.find((f) => f.key === "endDate");
      const raw = cells[columns.endDate.index];
      if (endField && isBlankCell(raw)) report(endField, raw, "missing-end-date", "No end date: expiry, notice and RAG cannot be worked out");
      const start = fields.startDate;
      if (endField && typeof end === "number" && typeof start === "number" && end < start) {
        report(endField, raw, "end-before-start", `The end date ${formatSerial(end)} is before the start date ${formatSerial(start)}`);
      }
    }
    out.push(currencies ? { row, fields, currencies } : { row, fields });
  });
  // Every row of a shared ID is reported, so each can be found and put right.
  for (const group of rowsById.values()) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((g) => g !== entry).map((g) => g.row);
      const where = others.length > 5 ? `${others.slice(0, 5).join(", ")} and ${others.length - 5} more` : others.join(", ");
      issues.push({
        row: entry.row,
        column: columns[entry.field.key]?.column ?? entry.field.header,
        field: entry.field.key,
        value: shown(entry.raw),
        problem: "duplicate-id",
        message: `${String(entry.id)} is also the ID on row${others.length > 1 ? "s" : ""} ${where}`,
      });
    }
  }
  // A round date an outsized share of a date column holds stands in for "not known": each of its rows is said.
  for (const field of mapped) {
    if (field.kind !== "date") continue;
    const dated = out.flatMap((r) => (typeof r.fields[field.key] === "number" ? [{ row: r.row, serial: r.fields[field.key] as number }] : []));
    const standIn = standInDate(dated.map((d) => d.serial));
    // A fixed placeholder (31/12/2099 …) is reported as one already.
    if (!standIn || placeholderReason(standIn.serial) !== null) continue;
    const message = standInMessage(standIn, field.header.toLowerCase());
    for (const d of dated) {
      if (Math.floor(d.serial) !== standIn.serial) continue;
      issues.push({ row: d.row, column: columns[field.key]?.column ?? field.header, field: field.key, value: formatSerial(d.serial), problem: "likely-stand-in", message });
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return { rows: out, issues, dateOrders };
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
function serialTextColumns(rows: readonly (readonly unknown[])[], columns: FieldColumns, mapped: readonly FieldDefinition[], orders: Record<string, DateOrder>, fallback: DateOrder): Set<string> {
  const out = new Set<string>();
  for (const field of mapped) {
    if (field.kind !== "date") continue;
    const index = columns[field.key]?.index ?? -1;
    const values = rows.map((r) => r[index]);
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
    case "fraction":
      return typeof value === "number" ? value : typeof value === "string" && Number.isFinite(Number(value.trim())) ? Number(value.trim()) : String(value).trim();
    case "boolean":
      return typeof value === "boolean" ? value : String(value).trim();
    default:
      return shown(value).trim();
  }
}
