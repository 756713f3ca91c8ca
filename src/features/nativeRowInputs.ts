/**
 * What a native column's formula reads from a contract row, beside what the tracker read from it: the
 * row's own cell where the two agree (a date cell, days as a number, an amount), else the value read
 * at set-up, which the row's own formula then holds. Read the `excel` way, the same inputs are what
 * the column's formula itself makes of the cells (text as not known): where a row's formula comes out
 * the same both ways, it needs none of its own.
 */
import { parseExtensionOptions, type Extension } from "../core/extensionOptions";
import type { TypedValue } from "../core/normalise";
import { parsePeriod, type Period } from "../core/periods";
import { Tier, parseTier } from "../core/rules/escalation";
import type { CellValue } from "../workbook/port";
import { thisRow } from "./structuredRefs";

/** One contract row as set-up sees it: each mapped field's cell as the sheet holds it, and as the tracker read it. */
export interface RegisterRow {
  /** The cell of a field's column as it is on the sheet (null when the field is not mapped). */
  cell(key: string): CellValue;
  /** The field's value as the tracker read it (a date serial, an amount, the text); null when not known. */
  read(key: string): TypedValue;
}

/** A date input: the row's cell, or the serial read at set-up (null: no date). */
export type DateInput = { ref: string } | { serial: number | null };
/** A number input (an amount): the row's cell, or the amount read at set-up. */
export type NumberInput = { ref: string } | { amount: number | null };

// What the column's formula would read from a cell, to compare with what the tracker read.
const cellDate = (cell: CellValue): number | null => (typeof cell === "number" ? (cell > 0 ? cell : null) : cell === true ? 1 : null);
const cellNumber = (cell: CellValue): number | null => (typeof cell === "number" ? cell : null);
const readNumber = (value: TypedValue): number | null => (typeof value === "number" ? value : null);

const isBlank = (value: CellValue | TypedValue): boolean => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** The notice period a cell gives: days as a whole number (the column's formula reads those), else what the tracker read. */
export type PeriodInput = { ref: string } | { period: Period | null };

function periodOf(value: TypedValue): Period | null {
  if (isBlank(value) || typeof value === "boolean") return null;
  const period = parsePeriod(value as string | number);
  return period.ok ? period.value : null;
}

/** Extension options as the engine reads them (core/contractStatus): blank or only whitespace is none; unreadable text null. */
function extensionOf(value: TypedValue): Extension | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" && value.trim() !== "" ? value : null;
  if (text === null) return { months: 0, days: 0 };
  const extension = parseExtensionOptions(text);
  return extension.ok ? extension.value : null;
}

// Excel's TRIM takes out spaces alone, where the engine's reading (String.trim) takes out every kind
// of whitespace: a tab, a line break, a non-breaking space pasted from the web.
const excelTrim = (text: string): string => text.replace(/ +/g, " ").replace(/^ | $/g, "");
/** What Excel's `TRIM(cell)` gives, for a text comparison in a column's formula; null for a cell no text comparison reads (a number, TRUE). */
const trimmedByExcel = (cell: CellValue): string | null => (cell === null || cell === undefined ? "" : typeof cell === "string" ? excelTrim(cell) : null);

// The tiers as Excel's text comparison matches them: the whole trimmed text, any case.
const TIER_WORDS: ReadonlyMap<string, Tier> = new Map([["gold", "Gold"], ["silver", "Silver"], ["bronze", "Bronze"]]);

/** Field keys and their columns, as the mapping names them; null where the register lacks the field. */
export type FieldHeaders = (key: string) => string | null;

/**
 * The inputs of one row: the row's own cells where the column's formula reads them as the tracker
 * did, else the values the tracker read, and which fields those were. Reading `excel` gives instead
 * what the column's formula itself reads from those cells (text as not known, a number as itself), as
 * constants: a row whose formula comes out the same both ways needs no formula of its own.
 */
export class RowInputs {
  readonly fromSetUp = new Set<string>();

  constructor(
    private readonly header: FieldHeaders,
    private readonly row: RegisterRow | null,
    private readonly reading: "tracker" | "excel" = "tracker",
  ) {}

  private readAtSetUp(header: string): boolean {
    this.fromSetUp.add(header);
    return this.reading === "tracker";
  }

  date(key: string): DateInput {
    const h = this.header(key);
    if (h === null) return { serial: null };
    if (this.row === null) return { ref: thisRow(h) };
    const cell = cellDate(this.row.cell(key));
    const read = readNumber(this.row.read(key));
    if (cell === read) return { ref: thisRow(h) };
    if (this.readAtSetUp(h)) return { serial: read };
    // A date and time is left as the cell: DATE() of its day would not be what the formula reads.
    return cell !== null && !Number.isInteger(cell) ? { ref: thisRow(h) } : { serial: cell };
  }

  amount(key: string): NumberInput {
    const h = this.header(key);
    if (h === null) return { amount: null };
    if (this.row === null) return { ref: thisRow(h) };
    const cell = cellNumber(this.row.cell(key));
    const read = readNumber(this.row.read(key));
    if (cell === read) return { ref: thisRow(h) };
    return { amount: this.readAtSetUp(h) ? read : cell };
  }

  period(key: string): PeriodInput {
    const h = this.header(key);
    if (h === null) return { period: null };
    if (this.row === null) return { ref: thisRow(h) };
    const cell = this.row.cell(key);
    const period = periodOf(this.row.read(key));
    // A whole number of days, or a blank, is what the column's formula reads itself.
    if (isBlank(cell) && period === null) return { ref: thisRow(h) };
    if (typeof cell === "number" && period?.unit === "days" && period.amount === cell) return { ref: thisRow(h) };
    if (this.readAtSetUp(h)) return { period };
    // The column's formula takes a whole number of days of zero or more, and nothing else.
    return { period: typeof cell === "number" && Number.isInteger(cell) && cell >= 0 ? { unit: "days", amount: cell } : null };
  }

  /** Extension options: blank is read by the column's formula (`TRIM(cell)=""`, no extension); any other text is read at set-up. */
  extension(key: string): { ref: string } | { extension: Extension | null } {
    const h = this.header(key);
    if (h === null) return { extension: { months: 0, days: 0 } };
    if (this.row === null) return { ref: thisRow(h) };
    const blankToExcel = trimmedByExcel(this.row.cell(key)) === "";
    if (blankToExcel && isBlank(this.row.read(key))) return { ref: thisRow(h) };
    if (this.readAtSetUp(h)) return { extension: extensionOf(this.row.read(key)) };
    return { extension: blankToExcel ? { months: 0, days: 0 } : null };
  }

  /**
   * The contract's tier as Decide by reads it: the cell, compared as Excel compares (`TRIM(cell)`,
   * any case), where that reads it as the tracker does; else the tier read at set-up (null: none;
   * "unknown": text that is no tier, which gives no decide-by date).
   */
  tier(key: string): { ref: string } | { tier: Tier | null | "unknown" } {
    const h = this.header(key);
    if (h === null) return { tier: null };
    if (this.row === null) return { ref: thisRow(h) };
    const read = this.row.read(key);
    const tracker: Tier | null | "unknown" = isBlank(read) ? null : typeof read === "string" ? (parseTier(read) ?? "unknown") : "unknown";
    const trimmed = trimmedByExcel(this.row.cell(key));
    const excel: Tier | null | "unknown" = trimmed === null ? "unknown" : trimmed === "" ? null : (TIER_WORDS.get(trimmed.toLowerCase()) ?? "unknown");
    if (excel === tracker) return { ref: thisRow(h) };
    return { tier: this.readAtSetUp(h) ? tracker : excel };
  }

  /** Whether the contract is Gold tier: the cell, compared as Excel compares (`TRIM(cell)="Gold"`, any case), where that reads it as the tracker does. */
  gold(key: string): { ref: string } | { gold: boolean } {
    const h = this.header(key);
    if (h === null) return { gold: false };
    if (this.row === null) return { ref: thisRow(h) };
    const read = this.row.read(key);
    const gold = typeof read === "string" && parseTier(read) === "Gold";
    const goldToExcel = trimmedByExcel(this.row.cell(key))?.toLowerCase() === "gold";
    if (goldToExcel === gold) return { ref: thisRow(h) };
    return { gold: this.readAtSetUp(h) ? gold : goldToExcel };
  }
}
