import { currencyFormat } from "./currencyFormats";
import { DateOrder, parseDateText } from "./dates";
import { DecimalMark, decimalMarkEvidence, parseMoney } from "./money";
import type { FieldKind } from "./schema";

/**
 * What a column of a register holds, decided from its values as a whole: a column of dates, of
 * money, of plain numbers, of TRUE/FALSE, or text. Used where the tracker writes a new workbook
 * from a register whose cells are text (a CSV), so dates sort, money adds up and IDs keep their zeros.
 */
export type ColumnType = "date" | "money" | "number" | "boolean" | "text";

/** A cell as a new workbook holds it: a typed value and the Excel number format it is shown in (none: General). */
export interface TypedCell {
  value: string | number | boolean | null;
  numberFormat?: string;
}

export interface ColumnDecision {
  type: ColumnType;
  /** Day/month order of the column's slash dates. */
  order: DateOrder;
  /** The format of the column's dates (with the time where any value has one), or of its plain amounts. */
  numberFormat?: string;
  /** The decimal mark the column's money shows (settles `1,234`). */
  decimalMark?: DecimalMark;
}

// A column is of a type when at least 4 in 5 of its values read as it (whole numbers: no rounding
// at the boundary), so one odd cell never decides. A column mapped to a date or money field needs
// only more than half: its header already says what it holds.
const isMajority = (count: number, of: number): boolean => of > 0 && count * 5 >= of * 4;
const isMost = (count: number, of: number): boolean => of > 0 && count * 2 > of;

// What Excel itself reads as a number: digits with an optional point and exponent. A leading zero
// (`000123`, `0123`) marks an ID, and more than 15 significant digits would lose the rest in Excel.
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?$/;
const LEADING_ZERO = /^[-+]?0\d/;
const BOOLEAN = /^(?:true|false)$/i;
const DIGIT = /\d/;
const DIGITS_ONLY = /^[-+]?\d+(?:\.\d+)?$/;
const NOT_DIGITS = /\D/g;
// One separator and three digits: thousands, unless the column shows that separator is its decimal mark.
const AMBIGUOUS = /^[^\d]*[1-9]\d{0,2}[.,]\d{3}(?!\d)[^\d.,]*$/;
// A time of day after a date: `T12:18:00Z`, ` 12:00:00 AM`, ` 23:59:59+01:00`.
const TIME = /(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AP])\.?M\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/i;

/** Whether text is a number Excel would read and keep exactly. @example isPlainNumber("58665.0") → true; isPlainNumber("000123") → false */
export function isPlainNumber(text: string): boolean {
  const t = text.trim();
  if (!NUMBER.test(t) || LEADING_ZERO.test(t)) return false;
  if (!Number.isFinite(Number(t))) return false;
  return t.length <= 15 || t.replace(/[eE].*$/, "").replace(/\D/g, "").replace(/^0+/, "").length <= 15;
}

/** The time of day a date text carries, as a fraction of a day; 0 when it has none. Read as written (its zone is not applied, as with the date). */
function timeOfDay(text: string): { fraction: number; seconds: boolean } {
  const m = TIME.exec(text);
  if (!m) return { fraction: 0, seconds: false };
  let hours = Number(m[1]);
  if (m[4]) hours = (hours % 12) + (m[4].toUpperCase() === "P" ? 12 : 0);
  const seconds = Number(m[3] ?? 0);
  return { fraction: (hours * 3600 + Number(m[2]) * 60 + seconds) / 86400, seconds: seconds !== 0 };
}

/** The Excel format of dates in a day/month order: `dd/mm/yyyy` or `mm/dd/yyyy`. @example dateFormat("mdy") → "mm/dd/yyyy" */
export function dateFormat(order: DateOrder): string {
  return order === "mdy" ? "mm/dd/yyyy" : "dd/mm/yyyy";
}

/** A column decided, with its cells as the new workbook holds them: `cells[i]` is set only where the value changes type. */
export interface TypedColumn {
  decision: ColumnDecision;
  cells: (TypedCell | undefined)[];
}

const TEXT_FIELDS: ReadonlySet<FieldKind | undefined> = new Set(["id", "text", "choice", "period", "extension"]);

/**
 * Decides a column's type from its values and gives each of its text cells that type. A type wins
 * when at least 80% of the values that say something read as it, so an odd `TBC` in a date column
 * or one number in a column of titles changes nothing; the odd values stay exactly as written. A
 * column mapped to a field keeps that field's nature: IDs and text fields stay text, a money field
 * of plain numbers is money. Dates need a value written as a date (or a date field): a column of
 * bare whole numbers is numbers. `isSerial` says whether a whole number written as text stands for
 * a date in this column. Each value is read once (registers run to 100,000 rows).
 * @example typeColumn(["2025-09-15", "TBC"], { order: "dmy" }).cells[0] → { value: 45915, numberFormat: "dd/mm/yyyy" }
 */
export function typeColumn(values: readonly TypedCell["value"][], options: { kind?: FieldKind; order: DateOrder; isSerial?: (text: string) => boolean }): TypedColumn {
  const { kind, order } = options;
  const text: TypedColumn = { decision: { type: "text", order }, cells: [] };
  if (TEXT_FIELDS.has(kind)) return text;
  let said = 0;
  let writtenDates = 0;
  let moneyShown = 0;
  const counts = { date: 0, money: 0, number: 0, boolean: 0 };
  // What each text value reads as, kept so that no value is read twice.
  const dates: (number | undefined)[] = [];
  const amounts: ({ amount: number; currency: string | null } | undefined)[] = [];
  let decimalMark: DecimalMark | undefined;
  let ambiguousBeforeMark = false;
  // Once more than 1 in 5 of all values fail every type, the column is text whatever the rest say.
  let failed = 0;
  // The share of values that may fail every type before the column is text whatever the rest say.
  const fieldTyped = kind === "date" || kind === "money";
  const tooMany = (n: number): boolean => (fieldTyped ? n * 2 >= values.length : n * 5 > values.length);
  // Cells whose time of day has seconds: shown with them.
  const withSeconds = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "boolean") {
      said++;
      counts.boolean++;
      continue;
    }
    if (typeof value === "number") {
      // A number cell (from an .xlsx) is a number, money or a date already.
      said++;
      counts.number++;
      counts.money++;
      counts.date++;
      continue;
    }
    if (typeof value !== "string") continue;
    const t = value.trim();
    if (t === "") continue;
    const read = parseMoney(t, { decimalMark });
    // A value "not known" in words (`N/A`, `TBC`, `-`) is evidence of no type: it neither makes nor breaks one.
    if (read.ok && read.value === null) continue;
    said++;
    let any = false;
    if (BOOLEAN.test(t)) {
      counts.boolean++;
      any = true;
    }
    const plain = isPlainNumber(t);
    if (plain) {
      counts.number++;
      any = true;
    }
    // Digits alone are money only as numbers Excel keeps (no ID's leading zeros, at most 15 digits).
    if (read.ok && read.value !== null && (plain || (!DIGITS_ONLY.test(t) && t.replace(NOT_DIGITS, "").length <= 15))) {
      counts.money++;
      any = true;
      amounts[i] = read.value;
      if (!plain) moneyShown++;
      if (decimalMark === undefined) {
        decimalMark = decimalMarkEvidence(t) ?? undefined;
        ambiguousBeforeMark ||= decimalMark === undefined && AMBIGUOUS.test(t);
      }
    }
    if (DIGIT.test(t)) {
      const date = parseDateText(t, order);
      if (date.ok) {
        const time = timeOfDay(t);
        dates[i] = date.value + time.fraction;
        counts.date++;
        writtenDates++;
        any = true;
        if (time.seconds) withSeconds.add(i);
      } else if (options.isSerial?.(t)) {
        dates[i] = Number(t);
        counts.date++;
        any = true;
      }
    }
    if (!any && tooMany(++failed)) return text;
  }
  const most = (n: number, field?: FieldKind): boolean => (kind !== undefined && kind === field ? isMost(n, said) : isMajority(n, said));
  const cells: (TypedCell | undefined)[] = [];
  const strings = (each: (text: string, i: number) => TypedCell | undefined): void => {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === "string" && value.trim() !== "") cells[i] = each(value.trim(), i);
    }
  };
  if (most(counts.boolean) && counts.boolean > 0 && kind !== "money" && kind !== "date") {
    strings((t) => (BOOLEAN.test(t) ? { value: t.toLowerCase() === "true" } : undefined));
    return { decision: { type: "boolean", order }, cells };
  }
  if (most(counts.date, "date") && (writtenDates > 0 || kind === "date")) {
    // Each date shows its time of day where it was written with one.
    const numberFormat = dateFormat(order);
    strings((_, i) => {
      const date = dates[i];
      if (date === undefined) return undefined;
      const time = date % 1 === 0 ? "" : withSeconds.has(i) ? " hh:mm:ss" : " hh:mm";
      return { value: date, numberFormat: `${numberFormat}${time}` };
    });
    return { decision: { type: "date", order, numberFormat }, cells };
  }
  if (most(counts.money, "money") && (kind === "money" || moneyShown > 0)) {
    strings((t, i) => {
      // `1,234` read before the column showed its decimal mark is read again with it.
      const money = ambiguousBeforeMark && decimalMark && AMBIGUOUS.test(t) ? readMoney(t, decimalMark) : amounts[i];
      return money ? { value: money.amount, numberFormat: currencyFormat(money.currency) } : undefined;
    });
    return { decision: { type: "money", order, numberFormat: currencyFormat(null), decimalMark }, cells };
  }
  if (most(counts.number) && kind !== "date") {
    strings((t) => (isPlainNumber(t) ? { value: Number(t) } : undefined));
    return { decision: { type: "number", order }, cells };
  }
  return text;
}

function readMoney(text: string, decimalMark: DecimalMark): { amount: number; currency: string | null } | undefined {
  const read = parseMoney(text, { decimalMark });
  return read.ok && read.value !== null ? read.value : undefined;
}
