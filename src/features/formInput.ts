/**
 * Reading what a user typed into a form: each field checked, each problem a plain sentence that
 * starts with the field's label and says what to enter, e.g. "Baseline date: enter a date such as
 * 31/03/2026".
 */
import type { DateOrder } from "../core/dates";
import { formatSerial, parseDateText } from "../core/dates";
import { parseMoney } from "../core/money";
import type { NormalisedRow } from "../core/normalise";
import { contractKey, contractName, keyOfName, rowsInWords } from "../core/contractNames";

/** Problems by field key (the form's own names, e.g. `baselineDate`): one plain sentence each. */
export type FieldErrors = Partial<Record<string, string>>;

/** What a form gives back: what it did, or why it did nothing. */
export type FormResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

// A date written with numbers only (31/02/2026, 2026-13-01): its own error says what is wrong with it.
const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

/** An example date in the workbook's order: 31/03/2026, or 03/31/2026 where dates are month-first. */
export const exampleDate = (order: DateOrder): string => (order === "dmy" ? "31/03/2026" : "03/31/2026");

/** Collects the checked values of one form and the problems found. */
export class FormCheck {
  readonly errors: FieldErrors = {};

  constructor(private readonly dateOrder: DateOrder) {}

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  private fail(field: string, message: string): null {
    this.errors[field] ??= message;
    return null;
  }

  /** Refuses a field for a rule across fields (an approval before its request), in words. */
  refuse(field: string, message: string): void {
    this.fail(field, message);
  }

  /** Trimmed text; null when blank, which fails with `${label}: ${missing}` if `missing` is given. */
  text(field: string, label: string, input: string | undefined, missing?: string): string | null {
    const text = (input ?? "").trim();
    if (text !== "") return text;
    return missing === undefined ? null : this.fail(field, `${label}: ${missing}`);
  }

  /** A date in the workbook's date order, as a serial; null when blank (failing if required). */
  date(field: string, label: string, input: string | undefined, required = false): number | null {
    const text = (input ?? "").trim();
    const enter = `${label}: enter a date such as ${exampleDate(this.dateOrder)}`;
    if (text === "") return required ? this.fail(field, enter) : null;
    const parsed = parseDateText(text, this.dateOrder);
    if (parsed.ok) return parsed.value;
    return this.fail(field, NUMERIC_DATE.test(text) ? `${label}: ${parsed.error}` : enter);
  }

  /** A whole number from `min` to `max`; blank fails too. */
  wholeNumber(field: string, label: string, input: string | undefined, min: number, max: number, message = `a whole number from ${min} to ${max}`): number | null {
    const text = (input ?? "").trim();
    const n = Number(text);
    if (text === "" || !Number.isInteger(n) || n < min || n > max) return this.fail(field, `${label}: ${message}`);
    return n;
  }

  /** An amount of money (`1,200`, `-£500`, `(500)`, `£1.2m`); null when blank. */
  money(field: string, label: string, input: string | undefined): number | null {
    const text = (input ?? "").trim();
    if (text === "") return null;
    const parsed = parseMoney(text);
    if (parsed.ok && parsed.value !== null) return parsed.value.amount;
    return this.fail(field, `${label}: enter an amount such as 1,200 or -500`);
  }

  /** One of the choices, as the drop-down spells it (case ignored when typed); `fallback` when blank. */
  choice(field: string, label: string, input: string | undefined, choices: readonly string[], fallback: string): string | null {
    const text = (input ?? "").trim();
    if (text === "") return fallback;
    const found = choices.find((c) => c.toLowerCase() === text.toLowerCase());
    return found ?? this.fail(field, `${label}: choose ${orList(choices)}`);
  }

  /**
   * A contract of the Contracts table by its name (its ID, or `Row 14` for one without; case and
   * spaces ignored) and, where the form knows it, its sheet row: the card says which contract it
   * shows by its row, as several can share an ID. The row must still hold that ID (the table may
   * have been sorted since the card was read); an ID several rows share needs the row.
   */
  contract(field: string, input: string | undefined, contracts: readonly NormalisedRow[], row?: number): NormalisedRow | null {
    const text = (input ?? "").trim();
    if (text === "") return this.fail(field, "Contract ID: choose a contract");
    const named = contracts.filter((c) => contractKey(c) === keyOfName(text));
    if (named.length === 0) return this.fail(field, `Contract ID: there is no contract "${text}" in the Contracts table`);
    if (row !== undefined) {
      const found = named.find((c) => c.row === row);
      return found ?? this.fail(field, `Contract ID: row ${row} of the Contracts table no longer holds "${text}" (the table may have been sorted): choose the contract again`);
    }
    if (named.length > 1) return this.fail(field, `Contract ID: rows ${rowsInWords(named.map((c) => c.row))} share the ID "${text}": choose the contract on its own row`);
    return named[0];
  }
}

/** "Open, Mitigating or Closed". */
export function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** The prefix of IDs made on a date: `ESC-20261125-`. @example datedIdPrefix("CHG", 46351) → "CHG-20261125-" */
export function datedIdPrefix(kind: string, asOf: number): string {
  return `${kind}-${formatSerial(asOf, "iso").replace(/-/g, "")}-`;
}

/** A maker of free IDs `PREFIX001`, `PREFIX002` … never one taken (case ignored), nor one it made before. */
export function idSequence(prefix: string, taken: Iterable<string>): () => string {
  const used = new Set([...taken].map((id) => id.trim().toUpperCase()));
  let n = 0;
  return () => {
    let id: string;
    do id = `${prefix}${String(++n).padStart(3, "0")}`;
    while (used.has(id.toUpperCase()));
    used.add(id.toUpperCase());
    return id;
  };
}

/** The next free ID `PREFIX001`, `PREFIX002` … not among those taken (case ignored). @example nextId("CHG-20261125-", ["CHG-20261125-001"]) → "CHG-20261125-002" */
export function nextId(prefix: string, taken: Iterable<string>): string {
  return idSequence(prefix, taken)();
}

/** A contract's name as the other tables record it: its ID as its register writes it, or `Row 14` (core/contractNames). */
export const contractIdOf = (contract: NormalisedRow): string => contractName(contract);
