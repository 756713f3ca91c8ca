import { dateNumberFormat } from "./numberFormats";
import { currencyFormat } from "./currencyFormats";
import { DateOrder, parseDateText } from "./dates";
import { DecimalMark, decimalMarkEvidence, parseMoney, saysNotKnown } from "./money";
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
  /** The format of the column's dates (a date with a time of day adds it), or of its amounts with no currency. */
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

const NO_TIME = { fraction: 0, seconds: false };

/**
 * The time of day a date text carries, as a fraction of a day; 0 when it has none, null when it is
 * no time of day (`25:00`, `13:00 PM`). Read as written: its zone is not applied, as with the date.
 */
function timeOfDay(text: string): { fraction: number; seconds: boolean } | null {
  const m = text.includes(":") ? TIME.exec(text) : null;
  if (!m) return NO_TIME;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  if (m[4]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[4].toUpperCase() === "P" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return { fraction: (hours * 3600 + minutes * 60 + seconds) / 86400, seconds: seconds !== 0 };
}

/** Receives one cell of a decided column whose value changes type: its 0-based index, typed value and number format. */
export type TypedCellSink = (index: number, value: number | boolean, numberFormat: string | undefined) => void;

/** A column decided; `forEachTyped` hands over each text cell that reads as the column's type. */
export interface TypedColumn {
  decision: ColumnDecision;
  forEachTyped(sink: TypedCellSink): void;
}

const TEXT_FIELDS: ReadonlySet<FieldKind | undefined> = new Set(["id", "text", "choice", "period", "extension"]);

/**
 * Decides a column's type from its values and gives each of its text cells that type. A type wins
 * when at least 80% of the values that say something read as it, so an odd `TBC` in a date column
 * or one number in a column of titles changes nothing; the odd values stay exactly as written. A
 * column mapped to a field keeps that field's nature: IDs and text fields stay text, a money field
 * of plain numbers is money. Dates need a value written as a date (or a date field): a column of
 * bare whole numbers is numbers. `isSerial` says whether a whole number written as text stands for
 * a date in this column. Each value is read once, and what it reads as is kept in flat arrays
 * (registers run to 100,000 rows a column).
 * @example typeColumn(["2025-09-15", "TBC"], { order: "dmy" }).decision → { type: "date", order: "dmy", numberFormat: "dd/mm/yyyy" }
 */
export function typeColumn(values: readonly TypedCell["value"][], options: { kind?: FieldKind; order: DateOrder; isSerial?: (text: string) => boolean }): TypedColumn {
  const { kind, order } = options;
  const text: TypedColumn = { decision: { type: "text", order }, forEachTyped: () => undefined };
  if (TEXT_FIELDS.has(kind)) return text;
  const length = values.length;
  let said = 0;
  let writtenDates = 0;
  let moneyShown = 0;
  const counts = { date: 0, money: 0, number: 0, boolean: 0 };
  // What each text value reads as (NaN: not that type), so that no value is read twice; made on
  // first use, as most columns are text and give up early.
  let dates: Float64Array | undefined;
  let amounts: Float64Array | undefined;
  const currencies: (string | null)[] = [];
  // 1: the date was written with seconds, shown with them.
  let seconds: Uint8Array | undefined;
  let decimalMark: DecimalMark | undefined;
  let ambiguousBeforeMark = false;
  let failed = 0;
  // The share of values that may fail every type before the column is text whatever the rest say.
  const fieldTyped = kind === "date" || kind === "money";
  const tooMany = (n: number): boolean => (fieldTyped ? n * 2 >= length : n * 5 > length);
  for (let i = 0; i < length; i++) {
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
    // A value "not known" in words (`N/A`, `TBC`, `-`) is evidence of no type: it neither makes nor breaks one.
    if (saysNotKnown(t)) continue;
    said++;
    let any = false;
    // A date field is read only as dates, a money field only as money and numbers.
    const read = kind === "date" ? null : parseMoney(t, { decimalMark });
    if (kind === undefined && BOOLEAN.test(t)) {
      counts.boolean++;
      any = true;
    }
    const plain = kind !== "date" && isPlainNumber(t);
    if (plain) {
      counts.number++;
      any = true;
    }
    // Digits alone are money only as numbers Excel keeps (no ID's leading zeros, at most 15 digits).
    if (read?.ok && read.value !== null && (plain || (!DIGITS_ONLY.test(t) && t.replace(NOT_DIGITS, "").length <= 15))) {
      counts.money++;
      any = true;
      (amounts ??= new Float64Array(length).fill(NaN))[i] = read.value.amount;
      if (read.value.currency !== null) currencies[i] = read.value.currency;
      if (!plain) moneyShown++;
      if (decimalMark === undefined && (t.includes(".") || t.includes(","))) {
        decimalMark = decimalMarkEvidence(t) ?? undefined;
        ambiguousBeforeMark ||= decimalMark === undefined && AMBIGUOUS.test(t);
      }
    }
    // A money field is never a column of dates: its values are not read as dates at all.
    if (kind !== "money" && DIGIT.test(t)) {
      const date = parseDateText(t, order);
      const time = date.ok ? timeOfDay(t) : null;
      if (date.ok && time) {
        (dates ??= new Float64Array(length).fill(NaN))[i] = date.value + time.fraction;
        counts.date++;
        writtenDates++;
        any = true;
        if (time.seconds) (seconds ??= new Uint8Array(length))[i] = 1;
      } else if (options.isSerial?.(t)) {
        (dates ??= new Float64Array(length).fill(NaN))[i] = Number(t);
        counts.date++;
        any = true;
      }
    }
    if (!any && tooMany(++failed)) return text;
  }
  const most = (n: number, field?: FieldKind): boolean => (kind !== undefined && kind === field ? isMost(n, said) : isMajority(n, said));
  const strings = (sink: TypedCellSink, each: (text: string, i: number, sink: TypedCellSink) => void): void => {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (typeof value === "string") each(value.trim(), i, sink);
    }
  };
  if (most(counts.boolean) && counts.boolean > 0 && kind !== "money" && kind !== "date") {
    return {
      decision: { type: "boolean", order },
      forEachTyped: (sink) => strings(sink, (t, i) => BOOLEAN.test(t) && sink(i, t.toLowerCase() === "true", undefined)),
    };
  }
  if (most(counts.date, "date") && (writtenDates > 0 || kind === "date")) {
    const numberFormat = dateNumberFormat(order);
    // Each date shows its time of day where it was written with one.
    const withTime = [numberFormat, `${numberFormat} hh:mm`, `${numberFormat} hh:mm:ss`];
    const read = dates;
    return {
      decision: { type: "date", order, numberFormat },
      forEachTyped: (sink) =>
        read &&
        strings(sink, (_, i) => {
          const date = read[i];
          if (!Number.isNaN(date)) sink(i, date, withTime[date % 1 === 0 ? 0 : 1 + (seconds?.[i] ?? 0)]);
        }),
    };
  }
  if (most(counts.money, "money") && (kind === "money" || moneyShown > 0)) {
    return {
      decision: { type: "money", order, numberFormat: currencyFormat(null), decimalMark },
      forEachTyped: (sink) =>
        strings(sink, (t, i) => {
          // `1,234` read before the column showed its decimal mark is read again with it.
          if (ambiguousBeforeMark && decimalMark && AMBIGUOUS.test(t)) {
            const money = readMoney(t, decimalMark);
            if (money) sink(i, money.amount, currencyFormat(money.currency));
          } else if (amounts && !Number.isNaN(amounts[i])) sink(i, amounts[i], currencyFormat(currencies[i] ?? null));
        }),
    };
  }
  if (most(counts.number) && kind !== "date") {
    return { decision: { type: "number", order }, forEachTyped: (sink) => strings(sink, (t, i) => isPlainNumber(t) && sink(i, Number(t), undefined)) };
  }
  return text;
}

function readMoney(text: string, decimalMark: DecimalMark): { amount: number; currency: string | null } | undefined {
  const read = parseMoney(text, { decimalMark });
  return read.ok && read.value !== null ? read.value : undefined;
}
